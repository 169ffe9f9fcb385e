/**
 * The set's own scale (Live's `Song.root_note` and `scale_intervals`), for a
 * keyboard that follows it: spawned by the keyboard while it does, telling
 * `reportTo` (the keyboard) `song.scale` {root, scale} on every change. A scale the
 * keyboard does not offer (by its intervals) comes as `scale: null`.
 *
 * States: live {loading, following} (tags `loading`, `following`), failed
 * (retries with backoff, or at once on `ui.retry`).
 */
import { assign, enqueueActions, setup, type AnyActorRef } from 'xstate';
import type { JsonValue } from '../protocol/src/index';
import { effects, type LiveValue } from './effects';
import { observeInvoke, type ObservedProperty } from './observe-invoke';
import {
  failedState,
  rememberedError,
  retriedLater,
  retryDelay,
  toFailed,
  type ErrorParams,
  type Failure,
} from './retry-cycle';
import { pitchClass, scaleOfIntervals, type ScaleName } from './scales';

/** Whom to tell. */
export interface SongScaleInput {
  /** Who hears `song.scale`. */
  reportTo?: AnyActorRef | null;
}

/** The set's root and intervals as Live said them, and what failed. */
export interface SongScaleContext {
  reportTo: AnyActorRef | null;
  root: number | null;
  intervals: number[] | null;
  error: Failure | null;
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

const isIntervals = (value: JsonValue): value is number[] =>
  Array.isArray(value) && value.every((step) => typeof step === 'number');
const asIntervals = (value: JsonValue): number[] | null => (isIntervals(value) ? value : null);
const asRoot = (value: JsonValue): number | null =>
  typeof value === 'number' && Number.isFinite(value) ? pitchClass(Math.round(value)) : null;

// the set's scale is never gone: every error fails, and loads again
const failed = toFailed('#songScale.failed');

/** Nobody told: the input's type for setup (every field has a default). */
const UNHEARD: SongScaleInput = {};

/** The song scale machine (see the file's doc). */
export const songScaleMachine = setup({
  types: {
    context: {} as SongScaleContext,
    input: UNHEARD,
    events: {} as LiveValue | { type: 'ui.retry' },
  },
  actors: { observe: effects.observe },
  guards: {
    known: ({ context }) => context.root !== null && context.intervals !== null,
  },
  actions: {
    rememberError: assign((_, params: ErrorParams) => rememberedError(params)),
    retryLater: assign(({ context }) => retriedLater(context)),
    retryNow: assign({ retries: 0 }),
    tell: enqueueActions(({ context, enqueue }) => {
      const heard: SongScaleEvent = {
        type: 'song.scale',
        root: context.root ?? 0,
        scale: scaleOfIntervals(context.intervals ?? []),
      };
      if (context.reportTo) enqueue.sendTo(context.reportTo, heard);
    }),
  },
  delays: { retryDelay },
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
    failed: failedState('live'),
  },
});

/** The song scale machine's type, for actor refs and snapshots. */
export type SongScaleMachine = typeof songScaleMachine;
