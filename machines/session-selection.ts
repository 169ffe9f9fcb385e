/**
 * What Live has selected in its Session view, as the grid follows it and
 * changes it: the selected track and scene (`live_set view selected_track`,
 * `selected_scene`, both observable), a track selected from the grid's
 * header, and a slot highlighted from a tap on an empty slot
 * (`highlighted_clip_slot`, settable in Live 11 and 12). Selecting is no
 * edit: it is not in Live's undo history, and the perform lock allows it.
 *
 * States: following, unavailable (an observation failed: the grid shows no
 * selection; the session starts a new one with Live's next epoch).
 * Events: `ui.selectTrack` {track}, `ui.selectSlot` {slot}; `live.value`.
 */
import { assign, enqueueActions, setup, type ErrorActorEvent } from 'xstate';
import { effects, type LiveValue } from './effects';
import {
  lateObservationErrors,
  observeInvoke,
  refTarget,
  type ObservationError,
  type ObservedProperty,
} from './observe-invoke';
import { errorMessage, errorParams, type ErrorParams } from './retry-cycle';
import { objectArg } from './session-edit-plans';

/** Live's selection, as targets (`id 3`), and why a selection was refused. */
export interface SessionSelectionContext {
  track: string | null;
  scene: string | null;
  /** Why Live's selection cannot be followed, or the last selection Live refused. */
  error: string | null;
}

/** The events the selection takes (see the file's doc). */
export type SessionSelectionEvent =
  { type: 'ui.selectTrack'; track: string } | { type: 'ui.selectSlot'; slot: string } | LiveValue;

type Outcome = ErrorActorEvent<unknown, 'select'> | ObservationError;

const VIEW = 'live_set view';
const view = (key: string, prop: string): ObservedProperty<SessionSelectionContext> => ({
  key,
  prop,
  target: () => VIEW,
});
const OBSERVED = [view('track', 'selected_track'), view('scene', 'selected_scene')];

/** The session selection machine (see the file's doc). */
export const sessionSelectionMachine = setup({
  types: {
    context: {} as SessionSelectionContext,
    events: {} as SessionSelectionEvent | Outcome,
    children: {} as { select: 'set' },
  },
  actors: { observe: effects.observe, set: effects.set },
  actions: {
    store: assign((_, params: { key: string; value: LiveValue['value'] }) =>
      params.key === 'track' ? { track: refTarget(params.value) } : { scene: refTarget(params.value) },
    ),
    // the previous selection's request has gone to Live: the latest tap is the one that counts
    select: enqueueActions(({ enqueue }, params: { prop: string; target: string }) => {
      enqueue.stopChild('select');
      enqueue.assign({ error: null });
      try {
        enqueue.spawnChild('set', {
          id: 'select',
          input: { target: VIEW, prop: params.prop, value: objectArg(params.target) },
        });
      } catch (error) {
        enqueue.assign({ error: errorMessage(error) });
      }
    }),
    refused: assign((_, params: ErrorParams) => ({ error: errorMessage(params.error) })),
  },
}).createMachine({
  id: 'sessionSelection',
  context: { track: null, scene: null, error: null },
  initial: 'following',
  on: {
    'xstate.error.actor.select': { actions: { type: 'refused', params: errorParams } },
    ...lateObservationErrors(OBSERVED),
  },
  states: {
    following: {
      invoke: OBSERVED.map((observed) =>
        observeInvoke(observed, { target: 'unavailable', actions: { type: 'refused', params: errorParams } }),
      ),
      on: {
        'live.value': { actions: { type: 'store', params: ({ event }) => event } },
        'ui.selectTrack': {
          actions: { type: 'select', params: ({ event }) => ({ prop: 'selected_track', target: event.track }) },
        },
        'ui.selectSlot': {
          actions: { type: 'select', params: ({ event }) => ({ prop: 'highlighted_clip_slot', target: event.slot }) },
        },
      },
    },
    unavailable: { tags: ['unavailable'], entry: assign({ track: null, scene: null }) },
  },
});

/** The session selection machine's type, for actor refs and snapshots. */
export type SessionSelectionMachine = typeof sessionSelectionMachine;
