/**
 * A clip slot of the session grid, as a statechart.
 *
 * The init sequence: check `has_clip`; if empty and asked to, create a clip
 * of a given length; get the clip; then, in parallel, set it looping and
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
import { assign, enqueueActions, setup, spawnChild, type EventObject } from 'xstate';
import type { JsonValue } from '../protocol/src/index';
import { effects, errorCode, errorMessage, type LiveValue } from './effects';
import { asNumber, asString, observeInvoke, refTarget, type ObservedProperty } from './observe-invoke';
import type { ReportTo } from './settling';

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
  error: { code: string; message: string } | null;
  retries: number;
  /** The last fire/stop that Live refused. */
  commandError: string | null;
}

export type ClipSlotEvent =
  { type: 'ui.fire' } | { type: 'ui.stop' } | { type: 'ui.create'; length?: number } | { type: 'ui.retry' } | LiveValue;

const slotProperty = (key: string, prop: string): ObservedProperty<ClipSlotContext> => ({
  key,
  prop,
  target: (c) => c.slot,
});
const clipProperty = (key: string, prop: string): ObservedProperty<ClipSlotContext> => ({
  key,
  prop,
  target: (c) => c.clip ?? c.slot,
});

const SLOT_OBSERVED = [
  slotProperty('has_clip', 'has_clip'),
  slotProperty('playing_status', 'playing_status'),
  slotProperty('triggered', 'is_triggered'),
];
const CLIP_OBSERVED = [
  clipProperty('name', 'name'),
  clipProperty('color', 'color'),
  clipProperty('loop_start', 'loop_start'),
  clipProperty('loop_end', 'loop_end'),
  clipProperty('notes', 'notes'),
];
/** Observed only while the clip plays or records. */
const POSITION_OBSERVED = clipProperty('playing_position', 'playing_position');
/** Every observation of a ready slot: it is settled when each has given its first value. */
export const READY_KEYS = [...SLOT_OBSERVED, ...CLIP_OBSERVED].map((observed) => observed.key);

const retryDelay = (retries: number): number => Math.min(30_000, 1000 * 2 ** retries);

type PlayState = 'stopped' | 'triggered' | 'playing' | 'recording';
export function playStateOf(context: Pick<ClipSlotContext, 'playingStatus' | 'triggered'>): PlayState {
  if (context.triggered) return 'triggered';
  if (context.playingStatus === 1) return 'playing';
  if (context.playingStatus === 2) return 'recording';
  return 'stopped';
}

function stored(context: ClipSlotContext, key: string, value: JsonValue): Partial<ClipSlotContext> {
  switch (key) {
    case 'name':
      return { name: asString(value) };
    case 'color':
      return { color: asNumber(value) };
    case 'loop_start':
      return { loopStart: asNumber(value) };
    case 'loop_end':
      return { loopEnd: asNumber(value) };
    case 'notes':
      return { notesVersion: context.notesVersion + 1 };
    case 'playing_status':
      return { playingStatus: asNumber(value) };
    case 'playing_position':
      return { playingPosition: asNumber(value, context.loopStart) };
    case 'triggered':
      return { triggered: value === true };
    default:
      return {};
  }
}

const machineSetup = setup({
  types: {
    context: {} as ClipSlotContext,
    input: {} as ClipSlotInput,
    events: {} as ClipSlotEvent,
  },
  actors: { get: effects.get, set: effects.set, call: effects.call, observe: effects.observe },
  guards: {
    hasClip: ({ event }) => (event as unknown as { output: JsonValue }).output === true,
    shouldCreate: ({ context }) => context.createLength !== null,
    clipAppeared: ({ event }) => event.type === 'live.value' && event.key === 'has_clip' && event.value === true,
    clipWentAway: ({ event }) => event.type === 'live.value' && event.key === 'has_clip' && event.value === false,
    isGone: ({ event }) => errorCode((event as unknown as { error: unknown }).error) === 'gone',
    allReceived: ({ context }) => READY_KEYS.every((key) => context.received.includes(key)),
  },
  actions: {
    store: assign(({ context, event }) => {
      if (event.type !== 'live.value') return {};
      const received = context.received.includes(event.key) ? context.received : [...context.received, event.key];
      return { ...stored(context, event.key, event.value), received };
    }),
    rememberError: assign(({ event }) => {
      const { error } = event as unknown as { error: unknown };
      return { error: { code: errorCode(error), message: errorMessage(error) } };
    }),
    startPosition: assign({ playingPosition: ({ context }) => context.loopStart }),
    fire: spawnChild('call', { input: ({ context }) => ({ target: context.slot, fn: 'fire' }) }),
    stop: spawnChild('call', { input: ({ context }) => ({ target: context.slot, fn: 'stop' }) }),
    reportSettled: enqueueActions(({ context, enqueue }) => {
      if (context.reportTo) enqueue.sendTo(context.reportTo, { type: 'child.settled', id: context.id });
    }),
  },
  delays: {
    retryDelay: ({ context }) => retryDelay(context.retries),
  },
});

/** On a failed optional observation: `gone` of the clip means it was deleted (check again); others degrade the slot. */
function optionalFailure(key: string) {
  return [
    { guard: 'isGone' as const, target: '#clipSlot.checking' },
    {
      actions: assign(({ context, event }: { context: ClipSlotContext; event: EventObject }) => ({
        optionalFailures: {
          ...context.optionalFailures,
          [key]: errorMessage((event as unknown as { error: unknown }).error),
        },
      })),
    },
  ];
}

/** From one play state straight to the one Live's values say, whichever it is. */
function playTransitions(current: PlayState) {
  return (['stopped', 'triggered', 'playing', 'recording'] as const)
    .filter((state) => state !== current)
    .map((state) => ({
      guard: ({ context }: { context: ClipSlotContext }) => playStateOf(context) === state,
      target: state,
    }));
}

/** While playing or recording: the position, from the loop start until Live's first value says otherwise. */
const followsPosition = {
  entry: 'startPosition' as const,
  invoke: observeInvoke(POSITION_OBSERVED, optionalFailure(POSITION_OBSERVED.key)),
};

const slotGoneOrFailed = [
  { guard: 'isGone' as const, target: '#clipSlot.gone' },
  { target: '#clipSlot.failed', actions: 'rememberError' as const },
];

export const clipSlotMachine = machineSetup.createMachine({
  id: 'clipSlot',
  context: ({ input }) => ({
    slot: input.slot,
    createLength: input.createLength ?? null,
    reportTo: input.reportTo ?? null,
    id: input.id ?? input.slot,
    clip: null,
    name: '',
    color: 0,
    loopStart: 0,
    loopEnd: 0,
    notesVersion: 0,
    playingStatus: 0,
    playingPosition: 0,
    triggered: false,
    received: [],
    optionalFailures: {},
    error: null,
    retries: 0,
    commandError: null,
  }),
  initial: 'checking',
  on: {
    // a fire or stop Live refused (a fire-and-forget child failed): visible, and the slot carries on
    '*': {
      guard: ({ event }) => event.type.startsWith('xstate.error.actor'),
      actions: assign({ commandError: ({ event }) => errorMessage((event as unknown as { error: unknown }).error) }),
    },
  },
  states: {
    checking: {
      tags: ['loading'],
      entry: assign({ clip: null, received: [], optionalFailures: {}, error: null }),
      invoke: {
        id: 'hasClip',
        src: 'get',
        input: ({ context }) => ({ target: context.slot, prop: 'has_clip' }),
        onDone: [
          { guard: 'hasClip', target: 'loadingClip' },
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
      invoke: observeInvoke(SLOT_OBSERVED[0] as ObservedProperty<ClipSlotContext>, slotGoneOrFailed),
      on: {
        'live.value': [{ guard: 'clipAppeared', target: 'loadingClip' }, { target: '.settled' }],
        'ui.fire': { actions: 'fire' },
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
          { guard: 'isGone', target: 'gone' },
          { guard: ({ event }) => errorCode(event.error) === 'not_found', target: 'checking' },
          { target: 'failed', actions: 'rememberError' },
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
        'ui.fire': { actions: 'fire' },
        'ui.stop': { actions: 'stop' },
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
                onError: {
                  target: 'done',
                  actions: assign(({ context, event }) => ({
                    optionalFailures: { ...context.optionalFailures, looping: errorMessage(event.error) },
                  })),
                },
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
    failed: {
      tags: ['failed'],
      after: { retryDelay: { target: 'checking', actions: assign({ retries: ({ context }) => context.retries + 1 }) } },
      on: { 'ui.retry': { target: 'checking', actions: assign({ retries: 0 }) } },
    },
    gone: { type: 'final', tags: ['gone'] },
  },
});

export type ClipSlotMachine = typeof clipSlotMachine;
