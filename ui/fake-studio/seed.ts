/**
 * Snapshots of the real machines in a chosen state, for static stories and
 * view tests (`machine.resolveState` starts no effects), turned into the
 * props a view takes by the same selectors the connected components use.
 */
import { initialParameterContext, parameterMachine, type ParameterContext } from '../../machines/parameter';
import { trackMachine, type TrackContext } from '../../machines/track';
import { parameterView, type ParameterView } from '../connect/use-parameter';

export type ParameterStateValue = Parameters<typeof parameterMachine.resolveState>[0]['value'];

/** The filter's Frequency, as the studio has it. */
export const PARAMETER_CONTEXT: ParameterContext = {
  ...initialParameterContext({ parameter: 'id 202' }),
  name: 'Frequency',
  value: 0.62,
  defaultValue: 1,
};

export function parameterSnapshot(value: ParameterStateValue, context: Partial<ParameterContext> = {}) {
  return parameterMachine.resolveState({ value, context: { ...PARAMETER_CONTEXT, ...context } });
}

/** A view of the parameter machine in `value` (e.g. `loading`, `{ bound: 'touched' }`). */
export function seedParameter(value: ParameterStateValue, context: Partial<ParameterContext> = {}): ParameterView {
  return parameterView(parameterSnapshot(value, context));
}

export type TrackStateValue = Parameters<typeof trackMachine.resolveState>[0]['value'];

export const TRACK_CONTEXT: TrackContext = {
  track: 'id 1',
  kind: 'track',
  name: 'Drums',
  color: 0xf66c03,
  arm: false,
  mute: false,
  solo: false,
  canBeArmed: true,
  midi: true,
  group: false,
  groupTrack: null,
  playingSlot: -2,
  firedSlot: -1,
  devices: [],
  meter: [0, 0],
  sends: 2,
  mixerWatchers: 1,
  mixerSpawned: true,
  received: [],
  error: null,
  reportTo: null,
  id: 'id 1',
};

/** A ready track, every region in its usual state. */
export const TRACK_READY: TrackStateValue = {
  ready: { strip: 'on', arm: 'armable', clips: 'slots', mixer: 'watched', settle: 'settled' },
};

export function trackSnapshot(value: TrackStateValue, context: Partial<TrackContext> = {}) {
  return trackMachine.resolveState({ value, context: { ...TRACK_CONTEXT, ...context } });
}
