/**
 * The perform lock as a tablet shows it: whether the surface is locked (the
 * bridge says so in its hello and tells every tablet when it changes), and
 * the musician locking it at once or unlocking it only after saying yes.
 *
 * States: ready {idle, confirming (unlock asked), sending}. Events:
 * `ui.lock`, `ui.unlock` (asks first), `ui.confirm`, `ui.keep`;
 * `link.state` (from the link).
 */
import { assign, setup, type DoneActorEvent, type ErrorActorEvent } from 'xstate';
import type { JsonValue } from '../protocol/src/index';
import { effects, type LinkStateEvent } from './effects';
import { errorMessage } from './retry-cycle';

export interface PerformLockContext {
  locked: boolean;
  /** The bridge can be asked (a link is up). */
  reachable: boolean;
  /** Why the last lock or unlock did not go through. */
  error: string | null;
  /** What was asked: locked (true) or unlocked (false). */
  asked: boolean;
}

export type PerformLockEvent =
  { type: 'ui.lock' } | { type: 'ui.unlock' } | { type: 'ui.confirm' } | { type: 'ui.keep' } | LinkStateEvent;

type Outcome = DoneActorEvent<JsonValue, 'lock'> | ErrorActorEvent<unknown, 'lock'>;

const lockedFrom = (output: JsonValue, asked: boolean): boolean =>
  typeof output === 'object' && output !== null && !Array.isArray(output) && typeof output.locked === 'boolean'
    ? output.locked
    : asked;

export const performLockMachine = setup({
  types: {
    context: {} as PerformLockContext,
    events: {} as PerformLockEvent | Outcome,
    children: {} as { linkState: 'linkState'; lock: 'lock' },
  },
  actors: { linkState: effects.linkState, lock: effects.lock },
  guards: {
    reachable: ({ context }) => context.reachable,
  },
  actions: {
    follow: assign((_, params: { state: LinkStateEvent['state'] }) => ({
      locked: params.state.locked,
      reachable: params.state.status === 'online' || params.state.status === 'live-offline',
    })),
    ask: assign((_, params: { locked: boolean }) => ({ asked: params.locked, error: null })),
    store: assign(({ context }, params: { output: JsonValue }) => ({
      locked: lockedFrom(params.output, context.asked),
    })),
    fail: assign((_, params: { error: unknown }) => ({ error: errorMessage(params.error) })),
  },
}).createMachine({
  id: 'performLock',
  context: { locked: false, reachable: false, error: null, asked: false },
  invoke: { id: 'linkState', src: 'linkState' },
  on: {
    'link.state': { actions: { type: 'follow', params: ({ event }) => ({ state: event.state }) } },
  },
  initial: 'idle',
  states: {
    idle: {
      on: {
        'ui.lock': {
          guard: 'reachable',
          target: 'sending',
          actions: { type: 'ask', params: { locked: true } },
        },
        'ui.unlock': { guard: 'reachable', target: 'confirming' },
      },
    },
    // unlocking on stage is the risky way: the musician says yes first
    confirming: {
      tags: ['confirming'],
      on: {
        'ui.confirm': { target: 'sending', actions: { type: 'ask', params: { locked: false } } },
        'ui.keep': 'idle',
      },
    },
    sending: {
      tags: ['busy'],
      invoke: {
        id: 'lock',
        src: 'lock',
        input: ({ context }) => ({ locked: context.asked }),
        onDone: { target: 'idle', actions: { type: 'store', params: ({ event }) => ({ output: event.output }) } },
        onError: { target: 'idle', actions: { type: 'fail', params: ({ event }) => ({ error: event.error }) } },
      },
    },
  },
});

export type PerformLockMachine = typeof performLockMachine;
