/**
 * Live's own selection, for an editor that follows it: the clip in Live's
 * detail view (`song.view.detail_clip`) and the highlighted clip slot
 * (`song.view.highlighted_clip_slot`, the selected track in the selected
 * scene). Live has no listener for the highlighted slot, so it is read
 * again whenever the selected track or scene changes (live-script/README.md,
 * "Evidence: the editor's selection").
 *
 * States: following {reading, settled} (tag `following`), failed (retries
 * with backoff, or at once on `ui.retry`). Events: `live.value`, `ui.retry`.
 */
import { assign, setup, type DoneActorEvent, type ErrorActorEvent } from 'xstate';
import type { JsonValue } from '../protocol/src/index';
import { effects, type LiveValue } from './effects';
import {
  lateObservationErrors,
  observeInvoke,
  refTarget,
  type ObservationError,
  type ObservedProperty,
} from './observe-invoke';
import {
  errorParams,
  failedState,
  rememberedError,
  retriedLater,
  retryDelay,
  toFailed,
  type ErrorParams,
  type Failure,
} from './retry-cycle';

/** What Live has selected: a clip (in its detail view), and the highlighted slot. */
export interface ClipSelectionContext {
  song: string;
  /** The detail clip's target, or null. */
  clip: string | null;
  /** The highlighted slot's target, or null (a return or master track is selected). */
  slot: string | null;
  error: Failure | null;
  retries: number;
}

/** Which song (`live_set` by default). */
export interface ClipSelectionInput {
  song?: string;
}

/** The song's selection: the input's type for setup. */
const THE_SONG: ClipSelectionInput = {};

/** What the selection takes. */
export type ClipSelectionEvent = LiveValue | { type: 'ui.retry' };

type Outcome = DoneActorEvent<JsonValue, 'slot'> | ErrorActorEvent<unknown, 'slot'> | ObservationError;

const view = (key: string, prop = key): ObservedProperty<ClipSelectionContext> => ({
  key,
  prop,
  target: (context) => `${context.song} view`,
});
const OBSERVED = [view('clip', 'detail_clip'), view('track', 'selected_track'), view('scene', 'selected_scene')];

/** The selection machine (see the file's doc). */
export const clipSelectionMachine = setup({
  types: {
    context: {} as ClipSelectionContext,
    input: THE_SONG,
    events: {} as ClipSelectionEvent | Outcome,
    children: {} as { slot: 'get' },
  },
  actors: { observe: effects.observe, get: effects.get },
  actions: {
    rememberError: assign((_, params: ErrorParams) => rememberedError(params)),
    retryLater: assign(({ context }) => retriedLater(context)),
    retryNow: assign({ retries: 0 }),
  },
  delays: { retryDelay },
}).createMachine({
  id: 'clipSelection',
  context: ({ input }) => ({ song: input.song ?? 'live_set', clip: null, slot: null, error: null, retries: 0 }),
  on: { ...lateObservationErrors(OBSERVED) },
  initial: 'following',
  states: {
    following: {
      tags: ['following'],
      entry: assign({ error: null }),
      invoke: OBSERVED.map((observed) => observeInvoke(observed, toFailed('#clipSelection.failed'))),
      on: {
        'live.value': [
          {
            guard: ({ event }) => event.key === 'clip',
            actions: assign({ clip: ({ event }) => refTarget(event.value) }),
          },
          // the selected track or scene changed: the highlighted slot did too (a read on its way is let go)
          { target: '.again' },
        ],
      },
      initial: 'reading',
      states: {
        reading: {
          invoke: {
            id: 'slot',
            src: 'get',
            input: ({ context }) => ({ target: `${context.song} view`, prop: 'highlighted_clip_slot' }),
            onDone: {
              target: 'settled',
              actions: assign({ slot: ({ event }) => refTarget(event.output), retries: 0 }),
            },
            onError: { target: '#clipSelection.failed', actions: { type: 'rememberError', params: errorParams } },
          },
        },
        settled: {},
        again: { always: 'reading' },
      },
    },
    failed: failedState('#clipSelection.following'),
  },
});

/** The selection machine's type. */
export type ClipSelectionMachine = typeof clipSelectionMachine;
