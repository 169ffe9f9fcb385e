/**
 * What a track offers to bind a control to (the Play page's XY pad): its
 * mixer's volume and pan, and every parameter of each device in its chain
 * (but "Device On", which is a switch), named as Live names them. Each
 * choice carries its path from the track (`devices 1 parameters 3`), so a
 * page can save a choice by path and find it again after a reload, and its
 * target to bind a parameter actor to.
 *
 * It observes the track's `devices` and, each time the chain changes, reads
 * the devices' names, their parameter lists, then the parameters' names
 * (names change rarely in Live; a device renamed shows after the chain next
 * changes).
 *
 * States: watching {waiting, reading {devices, lists, names}, ready},
 * failed (retries with backoff, or at once on `ui.retry`), gone (the track
 * was deleted). Tags: `loading` (waiting, reading), `ready`, `failed`,
 * `gone`. Events: `ui.retry`; `live.value`.
 */
import { assign, setup } from 'xstate';
import type { JsonValue } from '../protocol/src/index';
import { effects, type LiveValue } from './effects';
import { asString, observeInvoke, type ObservedProperty, refTargets } from './observe-invoke';
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

/** One parameter a control may be bound to. */
export interface ParameterChoice {
  /** Its path from the track (`mixer_device volume`, `devices 0 parameters 3`): what a page saves. */
  path: string;
  /** What a parameter actor is bound to: the track's target and the path. */
  target: string;
  /** Live's name of the parameter (`Frequency`), or the mixer's (`Volume`). */
  name: string;
  /** The device's name in Live (`Auto Filter`), or `Mixer`. */
  device: string;
}

/** The track whose parameters are offered. */
export interface ParameterChoicesInput {
  track: string;
}

/** The chain as read so far, and the choices made of it. */
export interface ParameterChoicesContext {
  track: string;
  devices: string[];
  deviceNames: string[];
  /** Each device's parameters' targets, in the devices' order. */
  lists: string[][];
  choices: ParameterChoice[];
  error: Failure | null;
  retries: number;
}

/** The events the machine takes (see the file's doc). */
export type ParameterChoicesEvent = { type: 'ui.retry' } | LiveValue;

const DEVICES: ObservedProperty<ParameterChoicesContext> = {
  key: 'devices',
  prop: 'devices',
  target: (context) => context.track,
};

/** The mixer's choices, there on every track that has a mixer (known without reading). */
export function mixerChoices(track: string): ParameterChoice[] {
  return [
    { path: 'mixer_device volume', target: `${track} mixer_device volume`, name: 'Volume', device: 'Mixer' },
    { path: 'mixer_device panning', target: `${track} mixer_device panning`, name: 'Pan', device: 'Mixer' },
  ];
}

/** The parameters whose names are read: every device's but its first ("Device On"). */
export const namedParameters = (lists: readonly (readonly string[])[]): string[] =>
  lists.flatMap((list) => list.slice(1));

/** The choices a chain offers: the mixer's, then each device's parameters after "Device On", named by `names` (in `namedParameters` order). */
export function parameterChoices(
  track: string,
  deviceNames: readonly string[],
  lists: readonly (readonly string[])[],
  names: JsonValue,
): ParameterChoice[] {
  const read = Array.isArray(names) ? names : [];
  const choices = mixerChoices(track);
  let next = 0;
  lists.forEach((list, deviceIndex) => {
    list.slice(1).forEach((target, offset) => {
      const name = asString(read[next] ?? null);
      next += 1;
      choices.push({
        path: `devices ${deviceIndex} parameters ${offset + 1}`,
        target,
        name: name || `Parameter ${offset + 1}`,
        device: deviceNames[deviceIndex] || `Device ${deviceIndex + 1}`,
      });
    });
  });
  return choices;
}

/** The parameter choices machine (see the file's doc). */
export const parameterChoicesMachine = setup({
  types: {
    context: {} as ParameterChoicesContext,
    input: {} as ParameterChoicesInput,
    events: {} as ParameterChoicesEvent,
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
  id: 'parameterChoices',
  context: ({ input }) => ({
    track: input.track,
    devices: [],
    deviceNames: [],
    lists: [],
    choices: mixerChoices(input.track),
    error: null,
    retries: 0,
  }),
  initial: 'watching',
  states: {
    watching: {
      entry: assign({ error: null }),
      invoke: observeInvoke(DEVICES, goneOrFailed('#parameterChoices.gone', '#parameterChoices.failed')),
      on: {
        // the chain changed: read it again (reading is entered anew; the observation goes on)
        'live.value': { target: '.reading', actions: assign({ devices: ({ event }) => refTargets(event.value) }) },
      },
      initial: 'waiting',
      states: {
        waiting: { tags: ['loading'] },
        reading: {
          tags: ['loading'],
          initial: 'devices',
          // a device deleted while read: the next `devices` value reads again
          states: {
            devices: {
              always: {
                guard: 'hasNoDevices',
                target: '#parameterChoices.watching.ready',
                actions: assign({ choices: ({ context }) => mixerChoices(context.track) }),
              },
              invoke: {
                id: 'deviceNames',
                src: 'readEach',
                input: ({ context }) => ({ targets: context.devices, prop: 'name' }),
                onDone: {
                  target: 'lists',
                  actions: assign({ deviceNames: ({ event }) => event.output.map((name) => asString(name)) }),
                },
                onError: goneOrFailed('#parameterChoices.watching.waiting', '#parameterChoices.failed'),
              },
            },
            lists: {
              invoke: {
                id: 'lists',
                src: 'readEach',
                input: ({ context }) => ({ targets: context.devices, prop: 'parameters' }),
                onDone: { target: 'names', actions: assign({ lists: ({ event }) => event.output.map(refTargets) }) },
                onError: goneOrFailed('#parameterChoices.watching.waiting', '#parameterChoices.failed'),
              },
            },
            names: {
              invoke: {
                id: 'names',
                src: 'readEach',
                input: ({ context }) => ({ targets: namedParameters(context.lists), prop: 'name' }),
                onDone: {
                  target: '#parameterChoices.watching.ready',
                  actions: assign({
                    choices: ({ context, event }) =>
                      parameterChoices(context.track, context.deviceNames, context.lists, event.output),
                  }),
                },
                onError: goneOrFailed('#parameterChoices.watching.waiting', '#parameterChoices.failed'),
              },
            },
          },
        },
        ready: { tags: ['ready'], entry: assign({ retries: 0 }) },
      },
    },
    failed: failedState('watching'),
    gone: { tags: ['gone'] },
  },
});

/** The parameter choices machine's type, for actor refs and snapshots. */
export type ParameterChoicesMachine = typeof parameterChoicesMachine;
