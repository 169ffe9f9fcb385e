/**
 * A small set for stories and view tests, in memory: four tracks (drums on
 * a Drum Rack, a Simpler on each pad; bass with a filter; keys on an
 * Instrument Rack holding an Electric and, a rack in the rack, an Audio
 * Effect Rack with a Reverb; pad), two returns, the master, four scenes,
 * colored clips, parameters that Live shows in its own units.
 * Targets are `id N` as the bridge gives them; the objects carry only what
 * the machines read and observe.
 */
import { FakeLive } from '../../fake-live/fake-live';
import {
  defineParameter,
  defineScene,
  defineSlot,
  defineSong,
  defineTrack,
  KIT_PAD_NAMES,
  ref,
  type ParameterSpec,
} from '../../fake-live/set-builder';
import { paletteColor } from '../theme/live-colors';

export { defineParameter };
export type StudioParameter = ParameterSpec;

export const formats = {
  percent: (value: number): string => `${Math.round(value * 100)} %`,
  hertz: (value: number): string => {
    const hz = 26 * (19900 / 26) ** value;
    return hz >= 1000 ? `${(hz / 1000).toFixed(2)} kHz` : `${hz.toFixed(hz >= 100 ? 0 : 1)} Hz`;
  },
  decibels: (value: number): string => `${value.toFixed(1)} dB`,
  /** Live's track volume: 0.85 is 0 dB, 1 is +6 dB, 0 is silence. */
  volume: (value: number): string => {
    if (value <= 0.0001) return '-inf dB';
    const db = value >= 0.85 ? (value - 0.85) * 40 : 40 * Math.log10(value / 0.85) * 1.5;
    return `${db.toFixed(1)} dB`;
  },
  pan: (value: number): string => {
    const amount = Math.round(Math.abs(value) * 50);
    return amount === 0 ? 'C' : `${amount}${value < 0 ? 'L' : 'R'}`;
  },
};

/** The Bass track's filter: a device whose parameters cover every kind of control. */
export const FILTER_PARAMETERS: StudioParameter[] = [
  { name: 'Device On', value: 1, items: ['Off', 'On'] },
  { name: 'Frequency', value: 0.62, defaultValue: 1, format: formats.hertz },
  { name: 'Resonance', value: 0.3, defaultValue: 0, format: formats.percent },
  { name: 'Filter Type', value: 0, items: ['Lowpass', 'Highpass', 'Bandpass', 'Notch', 'Morph'] },
  { name: 'Drive', value: 3, min: 0, max: 24, defaultValue: 0, format: formats.decibels },
  { name: 'LFO Amount', value: 0.2, defaultValue: 0, format: formats.percent },
  { name: 'Env Amount', value: -0.25, min: -1, max: 1, defaultValue: 0, format: formats.percent },
  { name: 'Morph', value: 0.5, format: formats.percent },
  { name: 'Dry/Wet', value: 1, format: formats.percent },
];

/** The studio kit's sixteen pads. */
export const DRUM_PAD_NAMES = KIT_PAD_NAMES.slice(0, 16);

interface StudioTrack {
  name: string;
  colorIndex: number;
  clips: (string | null)[];
  devices?: number[];
}

export const STUDIO_TRACKS: StudioTrack[] = [
  { name: 'Drums', colorIndex: 15, clips: ['Beat A', 'Beat B', 'Fill', null], devices: [100] },
  { name: 'Bass', colorIndex: 23, clips: ['Root', 'Walk', null, 'Drop'], devices: [200] },
  { name: 'Keys', colorIndex: 19, clips: ['Chords', null, 'Stabs', 'Outro'], devices: [400] },
  { name: 'Pad', colorIndex: 25, clips: [null, 'Swell', 'Air', null] },
];
export const STUDIO_SCENES = ['Intro', 'Verse', 'Chorus', 'Outro'];
export const STUDIO_RETURNS = ['A-Reverb', 'B-Delay'];

/** Targets of the set's objects, for stories that pick one. */
export const studioTargets = {
  track: (index: number): string => `id ${index + 1}`,
  returnTrack: (index: number): string => `id ${index + 5}`,
  master: 'id 7',
  scene: (index: number): string => `id ${41 + index}`,
  slot: (track: number, scene: number): string => `id ${1000 + (track + 1) * 10 + scene}`,
  clip: (track: number, scene: number): string => `id ${2000 + (track + 1) * 10 + scene}`,
  volume: (track: string): string => `${track} mixer_device volume`,
  panning: (track: string): string => `${track} mixer_device panning`,
  send: (track: string, index: number): string => `${track} mixer_device sends ${index}`,
  drumRack: 'id 100',
  drumPad: (index: number): string => `id ${300 + index}`,
  filter: 'id 200',
  filterParameter: (index: number): string => `id ${201 + index}`,
  /** A Drum Rack pad's chain (Live keeps one per filled pad), and the Simpler on it. */
  padChain: (index: number): string => `id ${700 + index}`,
  padSimpler: (index: number): string => `id ${720 + index}`,
  keysRack: 'id 400',
  /** The Reverb in the Audio Effect Rack in the Keys Rack's Space chain. */
  nestedReverb: 'id 450',
};

const DEVICE_ON: StudioParameter = { name: 'Device On', value: 1, items: ['Off', 'On'] };
const macro = (name: string, value: number): StudioParameter => ({
  name,
  value,
  min: 0,
  max: 127,
  format: (at) => `${Math.round(at)}`,
});

interface StudioDevice {
  name: string;
  className: string;
  displayName: string;
  /** Its parameters after Device On. */
  parameters: StudioParameter[];
  /** A rack's chains, by id. */
  chains?: number[];
}

/** A device, its parameters' ids from `first` on (right after its own by default); a rack when it has chains. */
function defineDevice(live: FakeLive, id: number, device: StudioDevice, first = id + 1): void {
  const parameters = [DEVICE_ON, ...device.parameters];
  parameters.forEach((parameter, index) => defineParameter(live, `id ${first + index}`, parameter));
  live.define(`id ${id}`, {
    name: device.name,
    class_name: device.className,
    class_display_name: device.displayName,
    is_active: true,
    can_have_chains: device.chains !== undefined,
    can_have_drum_pads: false,
    parameters: parameters.map((_, index) => ref(first + index, 'DeviceParameter')),
    ...(device.chains ? { chains: device.chains.map((chain) => ref(chain, 'Chain')), return_chains: [] } : {}),
  });
}

const defineChain = (live: FakeLive, id: number, name: string, devices: number[]): void => {
  live.define(`id ${id}`, { name, devices: devices.map((device) => ref(device, 'Device')) });
};

/** The Drum Rack's pads' chains, each with a Simpler named after its sound. */
function definePadChains(live: FakeLive): void {
  DRUM_PAD_NAMES.forEach((name, index) => {
    defineChain(live, 700 + index, name, [720 + index]);
    const parameters: StudioParameter[] = [
      { name: 'Ve Decay', value: 0.5, format: formats.percent },
      { name: 'Transpose', value: 0, min: -48, max: 48, defaultValue: 0, format: (at) => `${Math.round(at)} st` },
      { name: 'Volume', value: -6, min: -36, max: 6, defaultValue: -6, format: formats.decibels },
    ];
    // the Simplers sit side by side (720 on): their parameters from 740 on, four each
    defineDevice(
      live,
      720 + index,
      { name, className: 'OriginalSimpler', displayName: 'Simpler', parameters },
      740 + index * 4,
    );
  });
}

/** The Keys track's Instrument Rack: an Electric, and an Audio Effect Rack holding a Reverb. */
function defineKeysRack(live: FakeLive): void {
  const percent = (name: string, value: number): StudioParameter => ({ name, value, format: formats.percent });
  const rack = { className: 'InstrumentGroupDevice', displayName: 'Instrument Rack' };
  defineDevice(live, 400, {
    ...rack,
    name: 'Keys Rack',
    parameters: [macro('Tone', 64), macro('Space', 32)],
    chains: [410, 411],
  });
  defineChain(live, 410, 'Electric', [420]);
  defineDevice(live, 420, {
    name: 'Electric',
    className: 'LoungeLizard',
    displayName: 'Electric',
    parameters: [percent('Tine Color', 0.6), percent('Tine Decay', 0.5)],
  });
  defineChain(live, 411, 'Space', [430]);
  const effects = { className: 'AudioEffectGroupDevice', displayName: 'Audio Effect Rack' };
  defineDevice(live, 430, { ...effects, name: 'Verb Rack', parameters: [macro('Size', 0)], chains: [440] });
  defineChain(live, 440, 'Hall', [450]);
  defineDevice(live, 450, {
    name: 'Reverb',
    className: 'Reverb',
    displayName: 'Reverb',
    parameters: [percent('Decay Time', 0.4), percent('Dry/Wet', 0.3)],
  });
}

function defineDrumRack(live: FakeLive): void {
  const pads = DRUM_PAD_NAMES.map((name, index) => {
    live.define(studioTargets.drumPad(index), {
      name,
      note: 36 + index,
      mute: false,
      solo: false,
      chains: [ref(700 + index, 'DrumChain')],
    });
    return ref(300 + index, 'DrumPad');
  });
  live.define(studioTargets.drumRack, {
    name: '808 Core Kit',
    class_name: 'DrumGroupDevice',
    class_display_name: 'Drum Rack',
    is_active: true,
    can_have_drum_pads: true,
    has_drum_pads: true,
    visible_drum_pads: pads,
    parameters: [],
    // Live keeps a chain for each filled pad only: here, all sixteen
    can_have_chains: true,
    chains: DRUM_PAD_NAMES.map((_, index) => ref(700 + index, 'DrumChain')),
    return_chains: [],
  });
  definePadChains(live);
}

function defineFilter(live: FakeLive): void {
  FILTER_PARAMETERS.forEach((parameter, index) =>
    defineParameter(live, studioTargets.filterParameter(index), parameter),
  );
  live.define(studioTargets.filter, {
    name: 'Auto Filter',
    class_name: 'AutoFilter',
    class_display_name: 'Auto Filter',
    is_active: true,
    can_have_drum_pads: false,
    can_have_chains: false,
    parameters: FILTER_PARAMETERS.map((_, index) => ref(201 + index, 'DeviceParameter')),
  });
}

/** The studio set in a new FakeLive. */
export function studioSet(): FakeLive {
  const live = new FakeLive();
  const ids = (count: number, first: number): number[] => Array.from({ length: count }, (_, index) => first + index);
  defineSong(
    live,
    { tracks: ids(STUDIO_TRACKS.length, 1), returns: ids(STUDIO_RETURNS.length, 5), master: 7, scenes: ids(4, 41) },
    { root_note: 9, scale_name: 'Minor', scale_intervals: [0, 2, 3, 5, 7, 8, 10] },
  );
  const mixerFormats = { volume: formats.volume, pan: formats.pan };
  STUDIO_SCENES.forEach((name, index) => defineScene(live, 41 + index, name, paletteColor(55)));
  STUDIO_TRACKS.forEach((track, index) => {
    const color = paletteColor(track.colorIndex);
    const slots = track.clips.map((_, scene) => 1000 + (index + 1) * 10 + scene);
    defineTrack(live, index + 1, {
      name: track.name,
      color,
      slots,
      devices: track.devices ?? [],
      sends: STUDIO_RETURNS.length,
      formats: mixerFormats,
    });
    track.clips.forEach((name, scene) => {
      const length = scene === 2 && index === 0 ? 2 : 4 * (1 + (scene % 2));
      const clip = name === null ? null : { id: 2000 + (index + 1) * 10 + scene, name, color, length };
      defineSlot(live, slots[scene] ?? 0, clip);
    });
  });
  STUDIO_RETURNS.forEach((name, index) => {
    const color = paletteColor(50 + index);
    defineTrack(live, index + 5, { name, color, armable: false, sends: STUDIO_RETURNS.length, formats: mixerFormats });
  });
  defineTrack(live, 7, { name: 'Main', color: paletteColor(55), armable: false, formats: mixerFormats });
  defineDrumRack(live);
  defineFilter(live);
  defineKeysRack(live);
  return live;
}
