/**
 * A clip's launch settings, as in Live's Clip View: its launch mode
 * (Trigger, Gate, Toggle, Repeat) and its own launch quantization (Global,
 * the song's, or one of Live's grid lengths), observed and set.
 *
 * States: loading (until both values came), ready, failed (`ui.retry`
 * observes again), gone (the clip was deleted).
 *
 * Events: `ui.launchMode` {value}, `ui.launchQuantization` {value},
 * `ui.retry`; `live.value` (mode, quantization). A value that is not one of
 * Live's is not sent; a change Live refuses is told (`commandError`), and
 * what Live has keeps showing.
 */
import { assign, enqueueActions, setup, type ErrorActorEvent } from 'xstate';
import { effects, type LiveValue } from './effects';
import { QUANTIZATIONS } from './transport-model';
import {
  asNumber,
  lateObservationErrors,
  observeInvoke,
  withReceived,
  type ObservationError,
  type ObservedProperty,
} from './observe-invoke';
import { errorMessage, goneOrFailed, isGone, rememberedError, type ErrorParams, type Failure } from './retry-cycle';

/** Live's `Clip.LaunchMode`, in its order (the values 0..3). */
export const LAUNCH_MODES = ['Trigger', 'Gate', 'Toggle', 'Repeat'] as const;

/** Live's `Clip.ClipLaunchQuantization`, in its order (0..14): 0 follows the song's, then the song's own list. */
export const CLIP_QUANTIZATIONS = ['Global', ...QUANTIZATIONS] as const;

const isIndexOf = (list: readonly string[], value: number): boolean =>
  Number.isInteger(value) && value >= 0 && value < list.length;

/** Which clip. */
export interface ClipLaunchInput {
  /** The Clip's target, e.g. `id 12`. */
  clip: string;
}

/** The clip's launch settings as Live has them. */
export interface ClipLaunchContext {
  clip: string;
  /** 0..3 (`LAUNCH_MODES`). */
  mode: number;
  /** 0..14 (`CLIP_QUANTIZATIONS`). */
  quantization: number;
  received: string[];
  error: Failure | null;
  /** The last change Live refused. */
  commandError: string | null;
}

/** The events the machine takes (see the file's doc). */
export type ClipLaunchEvent =
  | { type: 'ui.launchMode'; value: number }
  | { type: 'ui.launchQuantization'; value: number }
  | { type: 'ui.retry' }
  | LiveValue;

type Setting = 'launch_mode' | 'launch_quantization';
type ChildOutcome = ErrorActorEvent<unknown, Setting> | ObservationError;

const on = (key: string, prop: Setting): ObservedProperty<ClipLaunchContext> => ({ key, prop, target: (c) => c.clip });
const OBSERVED = [on('mode', 'launch_mode'), on('quantization', 'launch_quantization')];
const goneOrFailedClip = goneOrFailed('#clipLaunch.gone', '#clipLaunch.failed');

/** The clip launch settings machine (see the file's doc). */
export const clipLaunchSettingsMachine = setup({
  types: {
    context: {} as ClipLaunchContext,
    input: {} as ClipLaunchInput,
    events: {} as ClipLaunchEvent | ChildOutcome,
    children: {} as { [K in Setting]: 'set' },
  },
  actors: { set: effects.set, observe: effects.observe },
  guards: {
    isGone,
    allReceived: ({ context }) => OBSERVED.every(({ key }) => context.received.includes(key)),
    isMode: ({ event }) => event.type === 'ui.launchMode' && isIndexOf(LAUNCH_MODES, event.value),
    isQuantization: ({ event }) => event.type === 'ui.launchQuantization' && isIndexOf(CLIP_QUANTIZATIONS, event.value),
  },
  actions: {
    store: assign(({ context, event }) =>
      event.type === 'live.value' && (event.key === 'mode' || event.key === 'quantization')
        ? { [event.key]: asNumber(event.value), received: withReceived(context.received, event.key) }
        : {},
    ),
    rememberError: assign((_, params: ErrorParams) => rememberedError(params)),
    // a change still on its way is let go (its request has gone to Live): the latest choice is the one that counts
    change: enqueueActions(({ context, enqueue }, params: { prop: Setting; value: number }) => {
      enqueue.assign({ commandError: null });
      enqueue.stopChild(params.prop);
      enqueue.spawnChild('set', {
        id: params.prop,
        input: { target: context.clip, prop: params.prop, value: params.value },
      });
    }),
    refused: assign((_, params: ErrorParams) => ({ commandError: errorMessage(params.error) })),
  },
}).createMachine({
  id: 'clipLaunch',
  context: ({ input }) => ({
    clip: input.clip,
    mode: 0,
    quantization: 0,
    received: [],
    error: null,
    commandError: null,
  }),
  initial: 'live',
  on: {
    'xstate.error.actor.launch_mode': { actions: { type: 'refused', params: ({ event }) => ({ error: event.error }) } },
    'xstate.error.actor.launch_quantization': {
      actions: { type: 'refused', params: ({ event }) => ({ error: event.error }) },
    },
    ...lateObservationErrors(OBSERVED),
  },
  states: {
    live: {
      invoke: OBSERVED.map((observed) => observeInvoke(observed, goneOrFailedClip)),
      on: { 'live.value': { actions: 'store' } },
      initial: 'loading',
      states: {
        loading: { tags: ['loading'], always: { guard: 'allReceived', target: 'ready' } },
        ready: {
          tags: ['ready'],
          on: {
            'ui.launchMode': {
              guard: 'isMode',
              actions: { type: 'change', params: ({ event }) => ({ prop: 'launch_mode', value: event.value }) },
            },
            'ui.launchQuantization': {
              guard: 'isQuantization',
              actions: {
                type: 'change',
                params: ({ event }) => ({ prop: 'launch_quantization', value: event.value }),
              },
            },
          },
        },
      },
    },
    failed: {
      tags: ['failed'],
      on: { 'ui.retry': { target: 'live', actions: assign({ error: null, received: [] }) } },
    },
    gone: { type: 'final', tags: ['gone'] },
  },
});

/** The machine's type, for actor refs and snapshots. */
export type ClipLaunchSettingsMachine = typeof clipLaunchSettingsMachine;
