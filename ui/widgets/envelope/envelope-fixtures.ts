/**
 * Automation for the envelope views' stories and tests: Auto Filter's
 * frequency (a continuous parameter with Live's own labels), its filter
 * type (quantized, four items), the mixer's volume; envelopes with steps
 * and ramps, with Live 12's curves, and in steps; a track's parameters as
 * the picker lists them (the mixer, a filter, a Drum Rack with chains).
 */
import type {
  AxisLabel,
  EnvelopeCurve,
  EnvelopePoint,
  LaneParameter,
  PickerEntry,
  PickerGroup,
} from './envelope-types';

/** A breakpoint; `curve` bends the segment to the next one. */
export const point = (time: number, value: number, curve: EnvelopeCurve | null = null): EnvelopePoint => ({
  time,
  value,
  curve,
});

/** Auto Filter's Frequency: 0..1 in Live, shown from 20 Hz to 20 kHz. */
export const FILTER_FREQ: LaneParameter = {
  name: 'Frequency',
  device: 'Auto Filter',
  min: 0,
  max: 1,
  quantized: false,
  items: [],
};

/** Frequency's `str_for_value` at a few values (logarithmic, as Live's). */
export const FILTER_FREQ_AXIS: readonly AxisLabel[] = [
  { value: 1, text: '20.0 kHz' },
  { value: 0.75, text: '3.56 kHz' },
  { value: 0.5, text: '632 Hz' },
  { value: 0.25, text: '112 Hz' },
  { value: 0, text: '20.0 Hz' },
];

/** What Frequency reads at a value (the readout's text). */
export function frequencyText(value: number): string {
  const hz = 20 * Math.pow(1000, value);
  return hz >= 1000 ? `${(hz / 1000).toFixed(2)} kHz` : `${Math.round(hz)} Hz`;
}

/** Auto Filter's Filter Type: quantized, its items from 0 up. */
export const FILTER_TYPE: LaneParameter = {
  name: 'Filter Type',
  device: 'Auto Filter',
  min: 0,
  max: 3,
  quantized: true,
  items: ['Lowpass', 'Highpass', 'Bandpass', 'Notch'],
};

/** The mixer's volume: 0..1, 0 dB at 0.85. */
export const TRACK_VOLUME: LaneParameter = {
  name: 'Track Volume',
  device: 'Mixer',
  min: 0,
  max: 1,
  quantized: false,
  items: [],
};

export const TRACK_VOLUME_AXIS: readonly AxisLabel[] = [
  { value: 1, text: '6.0 dB' },
  { value: 0.85, text: '0.0 dB' },
  { value: 0.6, text: '-12 dB' },
  { value: 0.4, text: '-24 dB' },
  { value: 0.2, text: '-40 dB' },
  { value: 0, text: '-inf dB' },
];

/** Two bars of steps and ramps: a rise, a hold, a drop (a step), a ramp up, a step down. */
export const STRAIGHT: readonly EnvelopePoint[] = [
  point(0, 0.3),
  point(1.5, 0.78),
  point(3, 0.78),
  point(3, 0.42),
  point(4, 0.42),
  point(5.5, 0.92),
  point(6, 0.92),
  point(6, 0.2),
  point(7, 0.2),
  point(7.5, 0.55),
];

/** Live 12's curves: ease in, ease out, an S, and a straight ramp between. */
export const CURVED: readonly EnvelopePoint[] = [
  point(0, 0.15, { x1: 0.55, y1: 0, x2: 0.9, y2: 0.35 }),
  point(2, 0.85, { x1: 0.1, y1: 0.65, x2: 0.45, y2: 1 }),
  point(3.5, 0.35),
  point(4, 0.6, { x1: 0.4, y1: 0, x2: 0.6, y2: 1 }),
  point(6, 0.1, { x1: 0.2, y1: 0.9, x2: 0.4, y2: 1 }),
  point(8, 0.7),
];

/** Filter Type in steps: Lowpass, Highpass, Notch, Bandpass, each held. */
export const TYPE_STEPS: readonly EnvelopePoint[] = [
  point(0, 0),
  point(2, 0),
  point(2, 1),
  point(4, 1),
  point(4, 3),
  point(6, 3),
  point(6, 2),
  point(8, 2),
];

/** A volume ride: down for the break, back up. */
export const VOLUME_RIDE: readonly EnvelopePoint[] = [
  point(0, 0.85),
  point(3, 0.85),
  point(4, 0.55),
  point(5.5, 0.55),
  point(6, 0.85),
];

const entry = (target: string, name: string, device: string, more: Partial<PickerEntry> = {}): PickerEntry => ({
  target,
  name,
  device,
  automated: false,
  ...more,
});

/** The bass track's parameters: the mixer, an Auto Filter, and a Drum Rack with two chains. */
export const TRACK_GROUPS: readonly PickerGroup[] = [
  {
    name: 'Auto Filter',
    path: ['Auto Filter'],
    kind: 'device',
    entries: [
      entry('dev0/on', 'Device On', 'Auto Filter'),
      entry('dev0/freq', 'Frequency', 'Auto Filter', { automated: true }),
      entry('dev0/res', 'Resonance', 'Auto Filter'),
      entry('dev0/type', 'Filter Type', 'Auto Filter', { automated: true }),
      entry('dev0/lfo', 'LFO Amount', 'Auto Filter'),
      entry('dev0/drywet', 'Dry/Wet', 'Auto Filter'),
    ],
  },
  {
    name: 'Drum Rack',
    path: ['Drum Rack'],
    kind: 'device',
    entries: [
      entry('dev1/macro1', 'Macro 1', 'Drum Rack'),
      entry('dev1/macro2', 'Macro 2', 'Drum Rack'),
      entry('dev1/chain0/vol', 'Kick Volume', 'Drum Rack'),
    ],
  },
  {
    name: 'Simpler',
    path: ['Drum Rack', 'Kick', 'Simpler'],
    kind: 'device',
    entries: [
      entry('dev1/chain0/dev0/freq', 'Filter Freq', 'Simpler', { automated: true }),
      entry('dev1/chain0/dev0/res', 'Filter Res', 'Simpler'),
      entry('dev1/chain0/dev0/transpose', 'Transpose', 'Simpler'),
      entry('dev1/chain0/dev0/decay', 'Ve Decay', 'Simpler'),
    ],
  },
  {
    name: 'Saturator',
    path: ['Drum Rack', 'Kick', 'Saturator'],
    kind: 'device',
    entries: [
      entry('dev1/chain0/dev1/drive', 'Drive', 'Saturator'),
      entry('dev1/chain0/dev1/out', 'Output', 'Saturator'),
    ],
  },
  {
    name: 'Simpler',
    path: ['Drum Rack', 'Snare', 'Simpler'],
    kind: 'device',
    entries: [
      entry('dev1/chain1/dev0/freq', 'Filter Freq', 'Simpler'),
      entry('dev1/chain1/dev0/decay', 'Ve Decay', 'Simpler'),
    ],
  },
  {
    name: 'Mixer',
    path: ['Mixer'],
    kind: 'mixer',
    entries: [
      entry('mixer/volume', 'Track Volume', 'Mixer', { automated: true }),
      entry('mixer/pan', 'Track Panning', 'Mixer'),
      entry('mixer/send0', 'Send A', 'Mixer'),
      entry('mixer/send1', 'Send B', 'Mixer'),
    ],
  },
];

/** Moved on this tablet, and selected in Live. */
export const TOUCHED: readonly PickerEntry[] = [
  entry('dev0/res', 'Resonance', 'Auto Filter', { why: 'moved here' }),
  entry('dev1/chain0/dev0/freq', 'Filter Freq', 'Simpler', { automated: true, why: 'selected in Live' }),
];
