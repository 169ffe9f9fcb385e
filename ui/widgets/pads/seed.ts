/**
 * Snapshots of the real drum pads machine in a chosen state, for static
 * stories and view tests (`resolveState` starts no effects), turned into the
 * view's props by the selector the connected pads use.
 */
import { drumPadsMachine, initialDrumPadsContext, type DrumPadsContext } from '../../../machines/drum-pads';
import type { DrumPad } from '../../../machines/drum-pad-list';
import type { HeldPad } from '../../../machines/drum-fingers';
import { DRUM_PAD_NAMES, studioTargets } from '../../fake-studio/studio-set';
import { drumPadsView, type DrumPadsView } from '../../connect/use-drum-pads';

/** A state of the drum pads machine, e.g. `{ source: { bound: 'ready' }, notes: 'silent', repeat: 'off' }`. */
export type DrumPadsStateValue = Parameters<typeof drumPadsMachine.resolveState>[0]['value'];

/** The studio's Drum Rack as Live shows it: 16 pads from C1, named. */
export const STUDIO_PADS: DrumPad[] = DRUM_PAD_NAMES.slice(0, 16).map((name, index) => ({
  target: studioTargets.drumPad(index),
  name,
  note: 36 + index,
  mute: false,
  empty: false,
}));

/** Pads the machine knows only the targets of: a rack still loading. */
export const LOADING_PADS: DrumPad[] = STUDIO_PADS.map((pad, index) =>
  index < 6 ? pad : { ...pad, name: null, note: null, mute: null, empty: null },
);

/** Pads at rest, no rack: what seeded states change. */
export const PADS_CONTEXT: DrumPadsContext = initialDrumPadsContext({});

/** Fingers holding the pads at `places`, one each, struck at `velocity` (or each its own). */
export const fingersOnPads = (
  pads: readonly DrumPad[],
  places: readonly number[],
  velocity: number | readonly number[] = 100,
): HeldPad[] =>
  places.map((pad, index) => ({
    pointerId: index + 1,
    pad,
    note: pads[pad]?.note ?? 36,
    velocity: typeof velocity === 'number' ? velocity : (velocity[index] ?? 100),
    pressure: null,
  }));

/** The machine's states as the stories and tests name them. */
export const PADS_STATES = {
  plain: { source: 'idle', notes: 'silent', repeat: 'off' },
  plainPlaying: { source: 'idle', notes: 'playing', repeat: 'off' },
  loading: { source: { bound: 'loading' }, notes: 'silent', repeat: 'off' },
  ready: { source: { bound: 'ready' }, notes: 'silent', repeat: 'off' },
  playing: { source: { bound: 'ready' }, notes: 'playing', repeat: 'off' },
  repeating: { source: { bound: 'ready' }, notes: 'playing', repeat: { on: 'pulsing' } },
  repeatWaiting: { source: { bound: 'ready' }, notes: 'silent', repeat: { on: 'waiting' } },
  failed: { source: 'failed', notes: 'silent', repeat: 'off' },
  gone: { source: 'gone', notes: 'silent', repeat: 'off' },
} as const satisfies Record<string, DrumPadsStateValue>;

/** The context of a rack bound and known, with `context` over it. */
export const rackContext = (context: Partial<DrumPadsContext> = {}): Partial<DrumPadsContext> => ({
  rack: studioTargets.drumRack,
  rackName: '808 Core Kit',
  pads: STUDIO_PADS,
  received: ['pads', 'name'],
  ...context,
});

/** A snapshot of the real machine in `value`, with `context` over the resting one. */
export function drumPadsSnapshot(value: DrumPadsStateValue, context: Partial<DrumPadsContext> = {}) {
  return drumPadsMachine.resolveState({ value, context: { ...PADS_CONTEXT, ...context } });
}

/** The view of the machine in `value`. */
export function seedDrumPads(value: DrumPadsStateValue, context: Partial<DrumPadsContext> = {}): DrumPadsView {
  return drumPadsView(drumPadsSnapshot(value, context));
}
