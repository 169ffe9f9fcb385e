/**
 * A scene of the session: its name, color and whether it is triggered, and
 * launching it (Live fires every clip of its row on the launch quantization
 * grid, and says the scene is triggered until then).
 *
 * It reads the three values in one frame, then observes them.
 *
 * States: loading, ready {idle, triggered}, failed (retries with backoff, or
 * at once on `ui.retry`), gone (the scene was deleted).
 *
 * Events: `ui.fire`, `ui.retry`; `live.value` (name, color, triggered).
 */
import { assign, enqueueActions, setup, type ErrorActorEvent } from 'xstate';
import type { JsonValue } from '../protocol/src/index';
import { effects, type LiveValue } from './effects';
import {
  asBoolean,
  asNumber,
  asString,
  lateObservationErrors,
  observeInvoke,
  type ObservationError,
  type ObservedProperty,
} from './observe-invoke';
import {
  errorMessage,
  failedState,
  goneOrFailed,
  isGone,
  rememberedError,
  retriedLater,
  retryDelay,
  type ErrorParams,
  type Failure,
} from './retry-cycle';
import type { ReportTo } from './settling';

/** Which scene, and whom to tell once it has its first values. */
export interface SceneInput {
  /** The Scene's target, e.g. `id 41`. */
  scene: string;
  /** Told once the scene has its first values (the session's loading). */
  reportTo?: ReportTo;
  /** Its id in the session (for reports). */
  id?: string;
}

/** What a scene holds: its values from Live, what failed. */
export interface SceneContext {
  scene: string;
  /** Empty when Live shows the scene's number instead. */
  name: string;
  /** An RGB integer. */
  color: number;
  triggered: boolean;
  error: Failure | null;
  retries: number;
  /** The last fire that Live refused. */
  commandError: string | null;
  reportTo: ReportTo;
  id: string;
}

/** The events a scene takes (see the file's doc). */
export type SceneEvent = { type: 'ui.fire' } | { type: 'ui.retry' } | LiveValue;

/** What the scene hears of its children besides their values: a fire Live refused, an observation's late error. */
type ChildOutcome = ErrorActorEvent<unknown, 'fire'> | ObservationError;

const on = (key: string, prop: string): ObservedProperty<SceneContext> => ({ key, prop, target: (c) => c.scene });

const OBSERVED = [on('name', 'name'), on('color', 'color'), on('triggered', 'is_triggered')];

function stored(key: string, value: JsonValue): Partial<SceneContext> {
  switch (key) {
    case 'name':
      return { name: asString(value) };
    case 'color':
      return { color: asNumber(value) };
    case 'triggered':
      return { triggered: asBoolean(value) };
    default:
      return {};
  }
}

const goneOrFailedScene = goneOrFailed('#scene.gone', '#scene.failed');

/** The scene machine (see the file's doc). */
export const sceneMachine = setup({
  types: {
    context: {} as SceneContext,
    input: {} as SceneInput,
    events: {} as SceneEvent | ChildOutcome,
    children: {} as { fire: 'call' },
  },
  actors: { read: effects.read, call: effects.call, observe: effects.observe },
  guards: { isGone },
  actions: {
    store: assign(({ event }) => (event.type === 'live.value' ? stored(event.key, event.value) : {})),
    rememberError: assign((_, params: ErrorParams) => rememberedError(params)),
    retryLater: assign(({ context }) => retriedLater(context)),
    retryNow: assign({ retries: 0 }),
    fire: enqueueActions(({ context, enqueue }) => {
      // a fire still on its way is let go (its call has gone to Live): the latest tap's refusal is the one shown
      enqueue.stopChild('fire');
      enqueue.spawnChild('call', { id: 'fire', input: { target: context.scene, fn: 'fire' } });
    }),
    reportSettled: enqueueActions(({ context, enqueue }) => {
      if (context.reportTo) enqueue.sendTo(context.reportTo, { type: 'child.settled', id: context.id });
    }),
  },
  delays: { retryDelay },
}).createMachine({
  id: 'scene',
  context: ({ input }) => ({
    scene: input.scene,
    name: '',
    color: 0,
    triggered: false,
    error: null,
    retries: 0,
    commandError: null,
    reportTo: input.reportTo ?? null,
    id: input.id ?? input.scene,
  }),
  initial: 'loading',
  on: {
    // a fire Live refused: visible, and the scene carries on
    'xstate.error.actor.fire': { actions: assign({ commandError: ({ event }) => errorMessage(event.error) }) },
    ...lateObservationErrors(OBSERVED),
  },
  states: {
    loading: {
      tags: ['loading'],
      entry: assign({ error: null }),
      invoke: {
        id: 'readScene',
        src: 'read',
        input: ({ context }) => ({ target: context.scene, props: ['name', 'color', 'is_triggered'] }),
        onDone: {
          target: 'ready',
          actions: assign(({ event }) => ({
            ...stored('name', event.output.name ?? null),
            ...stored('color', event.output.color ?? null),
            ...stored('triggered', event.output.is_triggered ?? null),
            retries: 0,
          })),
        },
        onError: goneOrFailedScene,
      },
    },
    ready: {
      entry: 'reportSettled',
      invoke: OBSERVED.map((observed) => observeInvoke(observed, goneOrFailedScene)),
      on: {
        'live.value': { actions: 'store' },
        'ui.fire': { actions: 'fire' },
      },
      initial: 'idle',
      states: {
        idle: { tags: ['idle'], always: { guard: ({ context }) => context.triggered, target: 'triggered' } },
        triggered: { tags: ['triggered'], always: { guard: ({ context }) => !context.triggered, target: 'idle' } },
      },
    },
    failed: failedState('loading'),
    gone: { type: 'final', tags: ['gone'] },
  },
});

/** The scene machine's type, for actor refs and snapshots. */
export type SceneMachine = typeof sceneMachine;
