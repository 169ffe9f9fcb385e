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
import { assign, enqueueActions, setup, spawnChild } from 'xstate';
import type { JsonValue } from '../protocol/src/index';
import { effects, errorCode, errorMessage, type LiveValue } from './effects';
import { asBoolean, asNumber, asString, observeInvoke, type ObservedProperty } from './observe-invoke';
import type { ReportTo } from './settling';

export interface SceneInput {
  /** The Scene's target, e.g. `id 41`. */
  scene: string;
  /** Told once the scene has its first values (the session's loading). */
  reportTo?: ReportTo;
  /** Its id in the session (for reports). */
  id?: string;
}

export interface SceneContext {
  scene: string;
  /** Empty when Live shows the scene's number instead. */
  name: string;
  /** An RGB integer. */
  color: number;
  triggered: boolean;
  error: { code: string; message: string } | null;
  retries: number;
  /** The last fire that Live refused. */
  commandError: string | null;
  reportTo: ReportTo;
  id: string;
}

export type SceneEvent = { type: 'ui.fire' } | { type: 'ui.retry' } | LiveValue;

const on = (key: string, prop: string): ObservedProperty<SceneContext> => ({ key, prop, target: (c) => c.scene });

const OBSERVED = [on('name', 'name'), on('color', 'color'), on('triggered', 'is_triggered')];

const retryDelay = (retries: number): number => Math.min(30_000, 1000 * 2 ** retries);

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

const goneOrFailed = [
  { guard: 'isGone' as const, target: '#scene.gone' },
  { target: '#scene.failed', actions: 'rememberError' as const },
];

export const sceneMachine = setup({
  types: { context: {} as SceneContext, input: {} as SceneInput, events: {} as SceneEvent },
  actors: { read: effects.read, call: effects.call, observe: effects.observe },
  guards: {
    isGone: ({ event }) => errorCode((event as unknown as { error: unknown }).error) === 'gone',
  },
  actions: {
    store: assign(({ event }) => (event.type === 'live.value' ? stored(event.key, event.value) : {})),
    rememberError: assign(({ event }) => {
      const { error } = event as unknown as { error: unknown };
      return { error: { code: errorCode(error), message: errorMessage(error) } };
    }),
    reportSettled: enqueueActions(({ context, enqueue }) => {
      if (context.reportTo) enqueue.sendTo(context.reportTo, { type: 'child.settled', id: context.id });
    }),
  },
  delays: {
    retryDelay: ({ context }) => retryDelay(context.retries),
  },
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
    // a fire Live refused (a fire-and-forget child failed): visible, and the scene carries on
    '*': {
      guard: ({ event }) => event.type.startsWith('xstate.error.actor'),
      actions: assign({ commandError: ({ event }) => errorMessage((event as unknown as { error: unknown }).error) }),
    },
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
            ...stored('name', event.output.name as JsonValue),
            ...stored('color', event.output.color as JsonValue),
            ...stored('triggered', event.output.is_triggered as JsonValue),
            retries: 0,
          })),
        },
        onError: goneOrFailed,
      },
    },
    ready: {
      entry: 'reportSettled',
      invoke: OBSERVED.map((observed) => observeInvoke(observed, goneOrFailed)),
      on: {
        'live.value': { actions: 'store' },
        'ui.fire': { actions: spawnChild('call', { input: ({ context }) => ({ target: context.scene, fn: 'fire' }) }) },
      },
      initial: 'idle',
      states: {
        idle: { tags: ['idle'], always: { guard: ({ context }) => context.triggered, target: 'triggered' } },
        triggered: { tags: ['triggered'], always: { guard: ({ context }) => !context.triggered, target: 'idle' } },
      },
    },
    failed: {
      tags: ['failed'],
      after: { retryDelay: { target: 'loading', actions: assign({ retries: ({ context }) => context.retries + 1 }) } },
      on: { 'ui.retry': { target: 'loading', actions: assign({ retries: 0 }) } },
    },
    gone: { type: 'final', tags: ['gone'] },
  },
});

export type SceneMachine = typeof sceneMachine;
