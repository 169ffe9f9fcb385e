/**
 * What the device and mixer stories add to the fake studio: a Delay after
 * the Bass track's filter, with switches among its knobs and more than two
 * banks of parameters (named as Live's Delay names them), and Live's
 * selection (`fake-live/selection.ts`) with the Bass track selected. Also
 * the Delay's parameters as static views, for the stories without actors.
 */
import type { FakeLive } from '../../../fake-live/fake-live';
import { defineSelection } from '../../../fake-live/selection';
import { defineParameter, ref, type ParameterSpec } from '../../../fake-live/set-builder';
import type { ParameterView } from '../../connect/use-parameter';
import { seedParameter } from '../../fake-studio/seed';
import { formats, studioTargets } from '../../fake-studio/studio-set';

const ON_OFF = ['Off', 'On'];
const DIVISIONS = ['1', '2', '3', '4', '5', '6', '8', '16'];
const hertz = (value: number): string => {
  const hz = 50 * (18000 / 50) ** value;
  return hz >= 1000 ? `${(hz / 1000).toFixed(2)} kHz` : `${hz.toFixed(hz >= 100 ? 0 : 1)} Hz`;
};

/** A quantized parameter whose text is its item, as Live's `str_for_value` gives it. */
const choice = (name: string, value: number, items: string[]): ParameterSpec => ({
  name,
  value,
  items,
  format: (at) => items[Math.max(0, Math.min(items.length - 1, Math.round(at)))] ?? '',
});

/** The Delay's parameters: "Device On" first, then three banks' worth of knobs and switches. */
export const DELAY_PARAMETERS: ParameterSpec[] = [
  choice('Device On', 1, ON_OFF),
  choice('L Sync', 1, ON_OFF),
  choice('L 16th', 2, DIVISIONS),
  choice('R Sync', 1, ON_OFF),
  choice('R 16th', 3, DIVISIONS),
  choice('Link', 0, ON_OFF),
  choice('Ping Pong', 1, ON_OFF),
  { name: 'Feedback', value: 0.45, defaultValue: 0.5, format: formats.percent },
  choice('Freeze', 0, ON_OFF),
  choice('Filter On', 1, ON_OFF),
  { name: 'Filter Freq', value: 0.55, defaultValue: 0.5, format: hertz },
  { name: 'Filter Width', value: 6, min: 0.5, max: 9, defaultValue: 6, format: (value) => value.toFixed(1) },
  { name: 'Mod Freq', value: 0.3, defaultValue: 0.3, format: (value) => `${(value * 40).toFixed(2)} Hz` },
  { name: 'Dly < Mod', value: 0.2, defaultValue: 0, format: formats.percent },
  { name: 'Filter < Mod', value: 0, defaultValue: 0, format: formats.percent },
  choice('Stereo Mode', 0, ['Stereo', 'Ping Pong']),
  { name: 'Input Gain', value: 0.5, format: (value) => `${(value * 24 - 12).toFixed(1)} dB` },
  { name: 'Dry/Wet', value: 0.3, defaultValue: 0.5, format: formats.percent },
];

/** The Delay's targets in the studio. */
export const delayTargets = {
  device: 'id 250',
  parameter: (index: number): string => `id ${251 + index}`,
};

/** Adds the Delay to the Bass track and Live's selection (the Bass track selected) to a studio's Live; once. */
export function addDelayAndSelection(live: FakeLive): FakeLive {
  if (live.objects.has(delayTargets.device)) return live;
  DELAY_PARAMETERS.forEach((parameter, index) => defineParameter(live, delayTargets.parameter(index), parameter));
  live.define(delayTargets.device, {
    name: 'Echoes',
    class_name: 'Delay',
    class_display_name: 'Delay',
    is_active: true,
    can_have_drum_pads: false,
    can_have_chains: false,
    parameters: DELAY_PARAMETERS.map((_, index) => ref(251 + index, 'DeviceParameter')),
  });
  const bass = studioTargets.track(1);
  live.define(bass, { devices: [ref(200, 'Device'), ref(250, 'Device')] });
  // a device is active while its "Device On" parameter is on, as in Live
  live.follow((target, prop, value) => {
    if (target === delayTargets.parameter(0) && prop === 'value') {
      live.change(delayTargets.device, 'is_active', Number(value) >= 0.5);
    }
  });
  return defineSelection(live, bass);
}

/** A static view of one of the Delay's parameters, ready (or loading), as the seeds make them. */
export function delayParameterView(index: number, state: 'ready' | 'loading' = 'ready'): ParameterView {
  const parameter = DELAY_PARAMETERS[index] ?? { name: 'Parameter', value: 0 };
  const items = parameter.items ?? [];
  return seedParameter(state === 'ready' ? { bound: 'ready' } : 'loading', {
    parameter: delayTargets.parameter(index),
    name: parameter.name,
    value: parameter.value,
    min: parameter.min ?? 0,
    max: parameter.max ?? (items.length > 0 ? items.length - 1 : 1),
    defaultValue: parameter.defaultValue ?? parameter.value,
    quantized: items.length > 0,
    items,
    display: items.length > 0 ? (items[parameter.value] ?? null) : (parameter.format?.(parameter.value) ?? null),
  });
}
