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
import { assign, setup, type EventObject } from 'xstate';
import type { JsonValue } from '../protocol/src/index';
import { effects, errorCode, errorMessage, type LiveValue } from './effects';
import { observeInvoke, refTarget, type ObservedProperty } from './observe-invoke';

/** A Drum Rack's class in Live's object model. */
export const DRUM_RACK_CLASS = 'DrumGroupDevice';

export interface RackFinderInput {
  track: string;
}

export interface RackFinderContext {
  track: string;
  devices: string[];
  rack: string | null;
  error: { code: string; message: string } | null;
  retries: number;
}

export type RackFinderEvent = { type: 'ui.retry' } | LiveValue;

const DEVICES: ObservedProperty<RackFinderContext> = {
  key: 'devices',
  prop: 'devices',
  target: (context) => context.track,
};

const targets = (value: JsonValue): string[] =>
  Array.isArray(value) ? value.map(refTarget).filter((target): target is string => target !== null) : [];
const errorOf = (event: EventObject): unknown => (event as unknown as { error: unknown }).error;
const retryDelay = (retries: number): number => Math.min(30_000, 1000 * 2 ** retries);

/** The first device of `devices` whose class (in the same order) is a Drum Rack's. */
export function firstDrumRack(devices: readonly string[], classes: JsonValue): string | null {
  const names = Array.isArray(classes) ? classes : [];
  const index = names.findIndex((name) => name === DRUM_RACK_CLASS);
  return index >= 0 ? (devices[index] ?? null) : null;
}

export const rackFinderMachine = setup({
  types: {
    context: {} as RackFinderContext,
    input: {} as RackFinderInput,
    events: {} as RackFinderEvent,
  },
  actors: { observe: effects.observe, readEach: effects.readEach },
  guards: {
    isGone: ({ event }) => errorCode(errorOf(event)) === 'gone',
    hasNoDevices: ({ context }) => context.devices.length === 0,
  },
  actions: {
    rememberError: assign(({ event }) => ({
      error: { code: errorCode(errorOf(event)), message: errorMessage(errorOf(event)) },
    })),
  },
  delays: {
    retryDelay: ({ context }) => retryDelay(context.retries),
  },
}).createMachine({
  id: 'rackFinder',
  context: ({ input }) => ({ track: input.track, devices: [], rack: null, error: null, retries: 0 }),
  initial: 'watching',
  states: {
    watching: {
      entry: assign({ error: null }),
      invoke: observeInvoke(DEVICES, [
        { guard: 'isGone', target: 'gone' },
        { target: 'failed', actions: 'rememberError' },
      ]),
      on: {
        // the chain changed: read the classes again (reading is entered anew; the observation goes on)
        'live.value': { target: '.reading', actions: assign({ devices: ({ event }) => targets(event.value) }) },
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
            onError: [
              { guard: 'isGone', target: 'waiting' },
              { target: '#rackFinder.failed', actions: 'rememberError' },
            ],
          },
        },
        found: { tags: ['ready'], entry: assign({ retries: 0 }) },
      },
    },
    failed: {
      tags: ['failed'],
      after: { retryDelay: { target: 'watching', actions: assign({ retries: ({ context }) => context.retries + 1 }) } },
      on: { 'ui.retry': { target: 'watching', actions: assign({ retries: 0 }) } },
    },
    gone: { tags: ['gone'], entry: assign({ rack: null }) },
  },
});

export type RackFinderMachine = typeof rackFinderMachine;
