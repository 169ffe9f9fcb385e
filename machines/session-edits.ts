/**
 * The session grid's clip edits (create, duplicate, move, delete, rename,
 * recolor), sent to Live one at a time, each as one step of Live's undo
 * history (`session-edit-plans.ts`), with an "Undo" offered right after
 * that calls Live's own undo. While the surface is locked for performance
 * (the link's state says so), structural edits are refused here with the
 * reason, before the bridge would refuse them; rename and recolor go on. A
 * request Live refuses closes the undo step it opened, and says why; when
 * part of the edit went through, Undo is offered for it.
 *
 * States: idle, working {next, calling, setting}, closing (the undo step a
 * failure left open), offering (Undo, for a while), undoing.
 *
 * Events: `ui.edit` {edit, label}, `ui.undo`, `ui.dismiss`; `link.state`.
 */
import { assign, setup, type DoneActorEvent, type ErrorActorEvent } from 'xstate';
import type { JsonValue } from '../protocol/src/index';
import { effects, type LinkStateEvent } from './effects';
import { errorMessage } from './retry-cycle';
import { CLOSE_UNDO_STEP, editPlan, isStructural, UNDO, type EditStep, type SessionEdit } from './session-edit-plans';

export type { SessionEdit } from './session-edit-plans';

/** What the grid's edits hold. */
export interface SessionEditsContext {
  /** The surface is locked for performance: structural edits are refused. */
  locked: boolean;
  /** The requests of the edit under way, and which one is next. */
  plan: EditStep[];
  step: number;
  /** What the musician is told of the edit under way (e.g. `Created a 2-bar clip in Drums, slot 4`). */
  label: string;
  /** A request of the edit under way changed the set (beyond opening the undo step). */
  changed: boolean;
  /** The edit that "Undo" takes back, while it is offered. */
  offer: string | null;
  /** Why the last edit or undo did not go through, or was not tried. */
  error: string | null;
}

/** The events the edits take (see the file's doc). */
export type SessionEditsEvent =
  { type: 'ui.edit'; edit: SessionEdit; label: string } | { type: 'ui.undo' } | { type: 'ui.dismiss' } | LinkStateEvent;

type RequestId = 'request' | 'change' | 'close' | 'undo';
type Outcome = DoneActorEvent<JsonValue, RequestId> | ErrorActorEvent<unknown, RequestId>;

/** What a refused structural edit is told while the surface is locked. */
export const LOCKED_REASON = 'Locked for performance: unlock to create, duplicate, move or delete clips';
/** What an edit asked while another is on its way is told. */
export const BUSY_REASON = 'The last edit is still on its way to Live: try again in a moment';
/** How long Undo is offered after an edit (ms). */
export const OFFER_MS = 12_000;

/** The plan of an edit, or why it has none. */
function planned(edit: SessionEdit): { plan: EditStep[] } | { error: string } {
  try {
    return { plan: editPlan(edit) };
  } catch (error) {
    return { error: errorMessage(error) };
  }
}

const whyUnplannable = (edit: SessionEdit): string => {
  const plan = planned(edit);
  return 'error' in plan ? plan.error : '';
};

const current = (context: SessionEditsContext): EditStep | undefined => context.plan[context.step];

/** The session edits machine (see the file's doc). */
export const sessionEditsMachine = setup({
  types: {
    context: {} as SessionEditsContext,
    events: {} as SessionEditsEvent | Outcome,
    children: {} as { linkState: 'linkState'; request: 'call'; change: 'set'; close: 'call'; undo: 'call' },
  },
  actors: { call: effects.call, set: effects.set, linkState: effects.linkState },
  delays: { offerFor: OFFER_MS },
  guards: {
    lockedOut: ({ context, event }) => event.type === 'ui.edit' && context.locked && isStructural(event.edit.kind),
    unplannable: ({ event }) => event.type === 'ui.edit' && 'error' in planned(event.edit),
    finished: ({ context }) => context.step >= context.plan.length,
    nextIsSet: ({ context }) => current(context)?.kind === 'set',
    changed: ({ context }) => context.changed,
  },
  actions: {
    follow: assign((_, params: { locked: boolean }) => ({ locked: params.locked })),
    refuse: assign((_, params: { error: string }) => ({ error: params.error })),
    start: assign((_, params: { edit: SessionEdit; label: string }) => {
      const plan = planned(params.edit);
      return {
        plan: 'plan' in plan ? plan.plan : [],
        step: 0,
        label: params.label,
        changed: false,
        offer: null,
        error: null,
      };
    }),
    advance: assign(({ context }) => ({
      step: context.step + 1,
      // opening the undo step changes nothing; every other request may have
      changed: context.changed || context.step > 0,
    })),
    fail: assign((_, params: { error: unknown }) => ({ error: errorMessage(params.error) })),
    offer: assign(({ context }) => ({ offer: context.label })),
    forget: assign({ offer: null, plan: [], step: 0 }),
    clear: assign({ offer: null, error: null }),
  },
}).createMachine({
  id: 'sessionEdits',
  context: { locked: false, plan: [], step: 0, label: '', changed: false, offer: null, error: null },
  invoke: { id: 'linkState', src: 'linkState' },
  on: {
    'link.state': { actions: { type: 'follow', params: ({ event }) => ({ locked: event.state.locked }) } },
    // idle or offering (a new edit replaces the offer); the busy states refuse with a word instead
    'ui.edit': [
      { guard: 'lockedOut', actions: { type: 'refuse', params: { error: LOCKED_REASON } } },
      {
        guard: 'unplannable',
        actions: { type: 'refuse', params: ({ event }) => ({ error: whyUnplannable(event.edit) }) },
      },
      { target: '.working', actions: { type: 'start', params: ({ event }) => event } },
    ],
  },
  initial: 'idle',
  states: {
    idle: {
      on: { 'ui.dismiss': { actions: 'clear' } },
    },
    working: {
      tags: ['busy'],
      initial: 'next',
      on: { 'ui.edit': { actions: { type: 'refuse', params: { error: BUSY_REASON } } } },
      states: {
        next: {
          always: [
            { guard: 'finished', target: '#sessionEdits.offering', actions: 'offer' },
            { guard: 'nextIsSet', target: 'setting' },
            { target: 'calling' },
          ],
        },
        calling: {
          invoke: {
            id: 'request',
            src: 'call',
            input: ({ context }) => {
              const step = current(context);
              return step?.kind === 'call'
                ? { target: step.target, fn: step.fn, ...(step.args ? { args: step.args } : {}) }
                : CLOSE_UNDO_STEP;
            },
            onDone: { target: 'next', actions: 'advance' },
            onError: {
              target: '#sessionEdits.closing',
              actions: { type: 'fail', params: ({ event }) => ({ error: event.error }) },
            },
          },
        },
        setting: {
          invoke: {
            id: 'change',
            src: 'set',
            input: ({ context }) => {
              const step = current(context);
              return step?.kind === 'set'
                ? { target: step.target, prop: step.prop, value: step.value }
                : { target: '', prop: '', value: null };
            },
            onDone: { target: 'next', actions: 'advance' },
            onError: {
              target: '#sessionEdits.closing',
              actions: { type: 'fail', params: ({ event }) => ({ error: event.error }) },
            },
          },
        },
      },
    },
    // a refused request leaves the undo step open: it is closed (an extra end is harmless in Live)
    closing: {
      tags: ['busy'],
      on: { 'ui.edit': { actions: { type: 'refuse', params: { error: BUSY_REASON } } } },
      invoke: {
        id: 'close',
        src: 'call',
        input: CLOSE_UNDO_STEP,
        onDone: [
          { guard: 'changed', target: 'offering', actions: 'offer' },
          { target: 'idle', actions: 'forget' },
        ],
        onError: [
          { guard: 'changed', target: 'offering', actions: 'offer' },
          { target: 'idle', actions: 'forget' },
        ],
      },
    },
    offering: {
      tags: ['offering'],
      after: { offerFor: { target: 'idle', actions: 'forget' } },
      on: {
        'ui.undo': 'undoing',
        'ui.dismiss': { target: 'idle', actions: ['forget', 'clear'] },
      },
    },
    undoing: {
      tags: ['busy'],
      on: { 'ui.edit': { actions: { type: 'refuse', params: { error: BUSY_REASON } } } },
      invoke: {
        id: 'undo',
        src: 'call',
        input: UNDO,
        onDone: { target: 'idle', actions: ['forget', 'clear'] },
        onError: {
          target: 'idle',
          actions: ['forget', { type: 'fail', params: ({ event }) => ({ error: event.error }) }],
        },
      },
    },
  },
});

/** The session edits machine's type, for actor refs and snapshots. */
export type SessionEditsMachine = typeof sessionEditsMachine;
