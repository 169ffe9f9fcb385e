/**
 * Finds the Drum Rack on a track, for the pads: the first device in the
 * track's chain whose class is `DrumGroupDevice`, followed as devices are
 * added, removed or moved in Live.
 *
 * It observes the track's `devices` and reads each device's `class_name`
 * (fixed for a device's life) whenever the list changes.
 *
 * States: watching {reading, found} (tag `ready` in found, `loading` while
 * reading), failed (retries with backoff, or at once on `ui.retry`), gone
 * (the track was deleted). Context `rack` is the rack's target, or null
 * when the track has none. Events: `ui.retry`; `live.value`.
 */
import { assign, setup } from 'xstate';
import type { JsonValue } from '../protocol/src/index';
import { effects, type LiveValue } from './effects';
import { observeInvoke, type ObservedProperty, refTargets } from './observe-invoke';
import {
  failedState,
  goneOrFailed,
  isGone,
  rememberedError,
  retriedLater,
  retryDelay,
  type ErrorParams,
  type Failure,
} from './retry-cycle';

/** A Drum Rack's class in Live's object model. */
export const DRUM_RACK_CLASS = 'DrumGroupDevice';

/** The track to look on. */
export interface RackFinderInput {
  track: string;
}

/** The track's devices, and its first Drum Rack if any. */
export interface RackFinderContext {
  track: string;
  devices: string[];
  rack: string | null;
  error: Failure | null;
  retries: number;
}

/** The events a rack finder takes (see the file's doc). */
export type RackFinderEvent = { type: 'ui.retry' } | LiveValue;

const DEVICES: ObservedProperty<RackFinderContext> = {
  key: 'devices',
  prop: 'devices',
  target: (context) => context.track,
};

/** The first device of `devices` whose class (in the same order) is a Drum Rack's. */
export function firstDrumRack(devices: readonly string[], classes: JsonValue): string | null {
  const names = Array.isArray(classes) ? classes : [];
  const index = names.findIndex((name) => name === DRUM_RACK_CLASS);
  return index >= 0 ? (devices[index] ?? null) : null;
}

/** The rack finder machine (see the file's doc). */
export const rackFinderMachine = setup({
  types: {
    context: {} as RackFinderContext,
    input: {} as RackFinderInput,
    events: {} as RackFinderEvent,
  },
  actors: { observe: effects.observe, readEach: effects.readEach },
  guards: {
    isGone,
    hasNoDevices: ({ context }) => context.devices.length === 0,
  },
  actions: {
    rememberError: assign((_, params: ErrorParams) => rememberedError(params)),
    retryLater: assign(({ context }) => retriedLater(context)),
    retryNow: assign({ retries: 0 }),
  },
  delays: { retryDelay },
}).createMachine({
  id: 'rackFinder',
  context: ({ input }) => ({ track: input.track, devices: [], rack: null, error: null, retries: 0 }),
  initial: 'watching',
  states: {
    watching: {
      entry: assign({ error: null }),
      invoke: observeInvoke(DEVICES, goneOrFailed('#rackFinder.gone', '#rackFinder.failed')),
      on: {
        // the chain changed: read the classes again (reading is entered anew; the observation goes on)
        'live.value': { target: '.reading', actions: assign({ devices: ({ event }) => refTargets(event.value) }) },
      },
      initial: 'waiting',
      states: {
        waiting: { tags: ['loading'] },
        reading: {
          tags: ['loading'],
          always: { guard: 'hasNoDevices', target: 'found', actions: assign({ rack: null }) },
          invoke: {
            id: 'classes',
            src: 'readEach',
            input: ({ context }) => ({ targets: context.devices, prop: 'class_name' }),
            onDone: {
              target: 'found',
              actions: assign({ rack: ({ context, event }) => firstDrumRack(context.devices, event.output) }),
            },
            // a device deleted while read: the next `devices` value reads again
            onError: goneOrFailed('waiting', '#rackFinder.failed'),
          },
        },
        found: { tags: ['ready'], entry: assign({ retries: 0 }) },
      },
    },
    failed: failedState('watching'),
    gone: { tags: ['gone'], entry: assign({ rack: null }) },
  },
});

/** The rack finder machine's type, for actor refs and snapshots. */
export type RackFinderMachine = typeof rackFinderMachine;
