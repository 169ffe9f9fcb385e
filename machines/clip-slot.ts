/**
 * A clip slot of the session grid, as a statechart.
 *
 * The init sequence: check the slot by getting its `clip` (Live gives None
 * for an empty slot: one request answers both whether there is a clip and
 * which); if empty and asked to, create a clip of a given length and get
 * it; then, in parallel, set it looping and
 * observe the slot's playing status and triggering, and the clip's name,
 * color, loop start and end, and notes. Optional steps may fail without
 * failing the slot: the failure shows as the `degraded` state and in
 * `context.optionalFailures`. The clip's playing position is observed only
 * while it plays or records, so a grid of idle slots observes nothing that
 * moves.
 *
 * States: checking, creating, empty, loadingClip, ready (parallel: setup,
 * play {stopped, triggered, playing, recording}, health {complete,
 * degraded}, settle {waiting, settled}), failed (retries with backoff, or at
 * once on `ui.retry`), gone (the slot itself was deleted).
 *
 * Events: `ui.fire`, `ui.stop`, `ui.create` {length}, `ui.retry`; `live.value`
 * from its observations. The clip deleted in Live takes it back to empty.
 */
import { assign, enqueueActions, setup, type ErrorActorEvent } from 'xstate';
import {
  CLIP_OBSERVED,
  HAS_CLIP,
  initialClipSlotContext,
  playTransitions,
  POSITION_OBSERVED,
  READY_KEYS,
  SLOT_OBSERVED,
  stored,
} from './clip-slot-values';
import { effects, type LiveValue } from './effects';
import { lateObservationErrors, observeInvoke, refTarget, withReceived, type ObservationError } from './observe-invoke';
import {
  errorCode,
  errorMessage,
  errorParams,
  failedState,
  goneOrFailed,
  isGone,
  rememberedError,
  retriedLater,
  retryDelay,
  toFailed,
  type ErrorParams,
  type Failure,
} from './retry-cycle';
import type { ReportTo } from './settling';

export { playStateOf, READY_KEYS, type PlayState } from './clip-slot-values';

/** Which slot, and what to do when it is empty. */
export interface ClipSlotInput {
  /** The ClipSlot's target, e.g. `id 42`. */
  slot: string;
  /** Create a clip of this many beats when the slot is empty. */
  createLength?: number | null;
  /** Told once the slot has all its first values (the session's loading). */
  reportTo?: ReportTo;
  /** Its id in the session (for reports). */
  id?: string;
}

/** What a slot holds: its clip's values from Live, what it still waits for, what failed. */
export interface ClipSlotContext {
  slot: string;
  createLength: number | null;
  reportTo: ReportTo;
  id: string;
  clip: string | null;
  name: string;
  color: number;
  loopStart: number;
  loopEnd: number;
  /** Bumped each time Live says the notes changed. */
  notesVersion: number;
  /** The slot's playing_status: 0 stopped, 1 playing, 2 recording. */
  playingStatus: number;
  /** Where the clip plays, in beats of clip time (loop start to loop end); meaningful while playing or recording. */
  playingPosition: number;
  triggered: boolean;
  /** Observations whose first value arrived. */
  received: string[];
  optionalFailures: Record<string, string>;
  error: Failure | null;
  retries: number;
  /** The last fire/stop that Live refused. */
  commandError: string | null;
}

/** The events a slot takes (see the file's doc). */
export type ClipSlotEvent =
  { type: 'ui.fire' } | { type: 'ui.stop' } | { type: 'ui.create'; length?: number } | { type: 'ui.retry' } | LiveValue;

/** What the slot hears of its children besides their values: a fire or stop Live refused, an observation's late error. */
type ChildOutcome = ErrorActorEvent<unknown, 'fire' | 'stop'> | ObservationError;

const machineSetup = setup({
  types: {
    context: {} as ClipSlotContext,
    input: {} as ClipSlotInput,
    events: {} as ClipSlotEvent | ChildOutcome,
    children: {} as { fire: 'call'; stop: 'call'; createClip: 'call' },
  },
  actors: { get: effects.get, set: effects.set, call: effects.call, observe: effects.observe },
  guards: {
    shouldCreate: ({ context }) => context.createLength !== null,
    clipAppeared: ({ event }) => event.type === 'live.value' && event.key === 'has_clip' && event.value === true,
    clipWentAway: ({ event }) => event.type === 'live.value' && event.key === 'has_clip' && event.value === false,
    isGone,
    allReceived: ({ context }) => READY_KEYS.every((key) => context.received.includes(key)),
  },
  actions: {
    store: assign(({ context, event }) => {
      if (event.type !== 'live.value') return {};
      const received = withReceived(context.received, event.key);
      return { ...stored(context, event.key, event.value), received };
    }),
    rememberError: assign((_, params: ErrorParams) => rememberedError(params)),
    retryLater: assign(({ context }) => retriedLater(context)),
    retryNow: assign({ retries: 0 }),
    noteOptionalFailure: assign(({ context }, params: ErrorParams & { key: string }) => ({
      optionalFailures: { ...context.optionalFailures, [params.key]: errorMessage(params.error) },
    })),
    startPosition: assign({ playingPosition: ({ context }) => context.loopStart }),
    // a fire or stop still on its way is let go (its call has gone to Live): the latest tap's refusal is the one shown
    call: enqueueActions(({ context, enqueue }, params: { fn: 'fire' | 'stop' }) => {
      enqueue.stopChild(params.fn);
      enqueue.spawnChild('call', { id: params.fn, input: { target: context.slot, fn: params.fn } });
    }),
    refused: assign((_, params: ErrorParams) => ({ commandError: errorMessage(params.error) })),
    reportSettled: enqueueActions(({ context, enqueue }) => {
      if (context.reportTo) enqueue.sendTo(context.reportTo, { type: 'child.settled', id: context.id });
    }),
  },
  delays: { retryDelay },
});

/** An optional step that failed degrades the slot; its error is kept under `key`. */
const degraded = (key: string) =>
  ({
    actions: {
      type: 'noteOptionalFailure',
      params: ({ event }: { event: { error: unknown } }) => ({ key, error: event.error }),
    },
  }) as const;

/** On a failed optional observation: `gone` of the clip means it was deleted (check again); others degrade the slot. */
function optionalFailure(key: string) {
  return [{ guard: { type: 'isGone', params: errorParams }, target: '#clipSlot.checking' }, degraded(key)] as const;
}

/** While playing or recording: the position, from the loop start until Live's first value says otherwise. */
const followsPosition = {
  entry: 'startPosition' as const,
  invoke: observeInvoke(POSITION_OBSERVED, optionalFailure(POSITION_OBSERVED.key)),
};

const slotGoneOrFailed = goneOrFailed('#clipSlot.gone', '#clipSlot.failed');

/** The clip slot machine (see the file's doc). */
export const clipSlotMachine = machineSetup.createMachine({
  id: 'clipSlot',
  context: ({ input }) => initialClipSlotContext(input),
  initial: 'checking',
  on: {
    // a fire or stop Live refused: visible, and the slot carries on
    'xstate.error.actor.fire': { actions: { type: 'refused', params: errorParams } },
    'xstate.error.actor.stop': { actions: { type: 'refused', params: errorParams } },
    ...lateObservationErrors([...SLOT_OBSERVED, ...CLIP_OBSERVED, POSITION_OBSERVED]),
  },
  states: {
    checking: {
      tags: ['loading'],
      entry: assign({ clip: null, received: [], optionalFailures: {}, error: null }),
      invoke: {
        id: 'checkClip',
        src: 'get',
        input: ({ context }) => ({ target: context.slot, prop: 'clip' }),
        onDone: [
          {
            guard: ({ event }) => refTarget(event.output) !== null,
            target: 'ready',
            actions: assign({ clip: ({ event }) => refTarget(event.output), retries: 0 }),
          },
          { guard: 'shouldCreate', target: 'creating' },
          { target: 'empty' },
        ],
        onError: slotGoneOrFailed,
      },
    },
    creating: {
      tags: ['loading'],
      invoke: {
        id: 'createClip',
        src: 'call',
        input: ({ context }) => ({ target: context.slot, fn: 'create_clip', args: [context.createLength ?? 4] }),
        onDone: { target: 'loadingClip', actions: assign({ createLength: null }) },
        onError: slotGoneOrFailed,
      },
    },
    empty: {
      tags: ['empty'],
      initial: 'waiting',
      invoke: observeInvoke(HAS_CLIP, slotGoneOrFailed),
      on: {
        'live.value': [{ guard: 'clipAppeared', target: 'loadingClip' }, { target: '.settled' }],
        'ui.fire': { actions: { type: 'call', params: { fn: 'fire' } } },
        'ui.create': { target: 'creating', actions: assign({ createLength: ({ event }) => event.length ?? 4 }) },
      },
      states: {
        waiting: {},
        settled: { tags: ['settled'], entry: 'reportSettled' },
      },
    },
    loadingClip: {
      tags: ['loading'],
      invoke: {
        id: 'getClip',
        src: 'get',
        input: ({ context }) => ({ target: context.slot, prop: 'clip' }),
        onDone: [
          { guard: ({ event }) => refTarget(event.output) === null, target: 'checking' },
          { target: 'ready', actions: assign({ clip: ({ event }) => refTarget(event.output), retries: 0 }) },
        ],
        onError: [
          { guard: { type: 'isGone', params: errorParams }, target: 'gone' },
          { guard: ({ event }) => errorCode(event.error) === 'not_found', target: 'checking' },
          toFailed('failed'),
        ],
      },
    },
    ready: {
      type: 'parallel',
      invoke: [
        ...SLOT_OBSERVED.map((observed) => observeInvoke(observed, slotGoneOrFailed)),
        ...CLIP_OBSERVED.map((observed) => observeInvoke(observed, optionalFailure(observed.key))),
      ],
      on: {
        'live.value': [{ guard: 'clipWentAway', target: 'empty' }, { actions: 'store' }],
        'ui.fire': { actions: { type: 'call', params: { fn: 'fire' } } },
        'ui.stop': { actions: { type: 'call', params: { fn: 'stop' } } },
      },
      states: {
        setup: {
          initial: 'settingLooping',
          states: {
            settingLooping: {
              invoke: {
                id: 'setLooping',
                src: 'set',
                input: ({ context }) => ({ target: context.clip ?? context.slot, prop: 'looping', value: true }),
                onDone: 'done',
                onError: { target: 'done', ...degraded('looping') },
              },
            },
            done: { type: 'final' },
          },
        },
        play: {
          initial: 'stopped',
          states: {
            stopped: { tags: ['stopped'], always: playTransitions('stopped') },
            triggered: { tags: ['triggered'], always: playTransitions('triggered') },
            playing: { tags: ['playing'], ...followsPosition, always: playTransitions('playing') },
            recording: { tags: ['recording'], ...followsPosition, always: playTransitions('recording') },
          },
        },
        health: {
          initial: 'complete',
          states: {
            complete: {
              always: { guard: ({ context }) => Object.keys(context.optionalFailures).length > 0, target: 'degraded' },
            },
            degraded: { tags: ['degraded'] },
          },
        },
        settle: {
          initial: 'waiting',
          states: {
            waiting: { always: { guard: 'allReceived', target: 'settled' } },
            settled: { tags: ['settled'], entry: 'reportSettled' },
          },
        },
      },
    },
    failed: failedState('checking'),
    gone: { type: 'final', tags: ['gone'] },
  },
});

/** The clip slot machine's type, for actor refs and snapshots. */
export type ClipSlotMachine = typeof clipSlotMachine;
