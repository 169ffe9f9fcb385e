/**
 * The set's own scale (Live's `Song.root_note` and `scale_intervals`), for a
 * keyboard that follows it: spawned by the keyboard while it does, telling
 * `reportTo` (the keyboard) `song.scale` {root, scale} on every change. A scale the
 * keyboard does not offer (by its intervals) comes as `scale: null`.
 *
 * States: live {loading, following} (tags `loading`, `following`), failed
 * (retries with backoff, or at once on `ui.retry`).
 */
import { assign, enqueueActions, setup, type AnyActorRef, type EventObject } from 'xstate';
import type { JsonValue } from '../protocol/src/index';
import { effects, errorCode, errorMessage, type LiveValue } from './effects';
import { observeInvoke, type ObservedProperty } from './observe-invoke';
import { pitchClass, scaleOfIntervals, type ScaleName } from './scales';

export interface SongScaleInput {
  /** Who hears `song.scale`. */
  reportTo?: AnyActorRef | null;
}

export interface SongScaleContext {
  reportTo: AnyActorRef | null;
  root: number | null;
  intervals: number[] | null;
  error: { code: string; message: string } | null;
  retries: number;
}

/** What the parent hears. */
export interface SongScaleEvent {
  type: 'song.scale';
  root: number;
  scale: ScaleName | null;
}

const ROOT: ObservedProperty<SongScaleContext> = { key: 'root', prop: 'root_note', target: () => 'live_set' };
const INTERVALS: ObservedProperty<SongScaleContext> = {
  key: 'intervals',
  prop: 'scale_intervals',
  target: () => 'live_set',
};

const errorOf = (event: EventObject): unknown => (event as unknown as { error: unknown }).error;
const retryDelay = (retries: number): number => Math.min(30_000, 1000 * 2 ** retries);
const asIntervals = (value: JsonValue): number[] | null =>
  Array.isArray(value) && value.every((step) => typeof step === 'number') ? (value as number[]) : null;
const asRoot = (value: JsonValue): number | null =>
  typeof value === 'number' && Number.isFinite(value) ? pitchClass(Math.round(value)) : null;

const failed = { target: '#songScale.failed', actions: 'rememberError' as const };

export const songScaleMachine = setup({
  types: {
    context: {} as SongScaleContext,
    input: {} as SongScaleInput,
    events: {} as LiveValue | { type: 'ui.retry' },
  },
  actors: { observe: effects.observe },
  guards: {
    known: ({ context }) => context.root !== null && context.intervals !== null,
  },
  actions: {
    rememberError: assign(({ event }) => ({
      error: { code: errorCode(errorOf(event)), message: errorMessage(errorOf(event)) },
    })),
    tell: enqueueActions(({ context, enqueue }) => {
      const heard: SongScaleEvent = {
        type: 'song.scale',
        root: context.root ?? 0,
        scale: scaleOfIntervals(context.intervals ?? []),
      };
      if (context.reportTo) enqueue.sendTo(context.reportTo, heard);
    }),
  },
  delays: {
    retryDelay: ({ context }) => retryDelay(context.retries),
  },
}).createMachine({
  id: 'songScale',
  context: ({ input }) => ({ reportTo: input?.reportTo ?? null, root: null, intervals: null, error: null, retries: 0 }),
  initial: 'live',
  states: {
    live: {
      entry: assign({ error: null }),
      invoke: [observeInvoke(ROOT, failed), observeInvoke(INTERVALS, failed)],
      on: {
        'live.value': {
          target: '.settle',
          actions: assign(({ context, event }) =>
            event.key === 'root'
              ? { root: asRoot(event.value) ?? context.root }
              : event.key === 'intervals'
                ? { intervals: asIntervals(event.value) ?? context.intervals }
                : {},
          ),
        },
      },
      initial: 'loading',
      states: {
        loading: { tags: ['loading'] },
        // tells the parent once both are known, and on every change after
        settle: { always: [{ guard: 'known', target: 'following', actions: 'tell' }, { target: 'loading' }] },
        following: { tags: ['following'], entry: assign({ retries: 0 }) },
      },
    },
    failed: {
      tags: ['failed'],
      after: { retryDelay: { target: 'live', actions: assign({ retries: ({ context }) => context.retries + 1 }) } },
      on: { 'ui.retry': { target: 'live', actions: assign({ retries: 0 }) } },
    },
  },
});

export type SongScaleMachine = typeof songScaleMachine;
