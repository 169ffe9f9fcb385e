/**
 * The life of LiveLink's connection to the bridge, as a statechart.
 *
 * A chart rather than `retry({ delay, resetOnSuccess })`, because this life
 * is more than "fail, wait, again": a socket that closes before it opens may
 * mean a refused token, which only a separate question to the bridge can
 * tell, and which ends the retries; the link says `connecting` until a socket
 * has once opened and `reconnecting` after; the backoff resets on the
 * bridge's hello, not when a socket opens. Here each of those is a state or a
 * transition one can read and test with pure transitions; in a retry pipeline
 * they would be side effects in the delay function and flags in closures.
 *
 * States:
 * - `connecting` (no socket has opened yet) and `reconnecting` (one had, and
 *   is gone) go round the same cycle: `opening` a socket; `checkingToken`
 *   when it closes before it opens; `waiting` out the backoff;
 * - `greeting`: the socket is open, the hello asked;
 * - `online`: the bridge greeted the link (Live online or not);
 * - `authFailed`: the bridge refuses the token; no more retries;
 * - `incompatible`: the bridge does not speak this page's protocol (it was
 *   updated while the page stayed open); no more retries: a reload is the fix;
 * - `closed` (final).
 *
 * While `waiting`, the context says why (`reason`: the socket was lost, the
 * bridge is unreachable, it refused the socket though it takes the token, or
 * it limits this address after wrong tokens) and how long the wait is
 * (`retryInMs`), so the page can say so.
 *
 * Events: `socket.opened`, `socket.closed` (from the socket; its error counts
 * as a close), `link.close`.
 * Actors the owner provides: `socket` (spawned as `socket` while one is up;
 * takes `socket.send` and `socket.close`), `hello` (the bridge's facts, or an
 * error when it refuses: `HelloRefused`), `tokenCheck` (what the bridge says
 * of the token: a `TokenVerdict`).
 */
import { assign, fromCallback, fromPromise, sendTo, setup, spawnChild, stopChild } from 'xstate';
import { backoffDelay, type BackoffPolicy } from '../common/backoff';
import type { BridgeHelloResult } from '../protocol/src/index';

/** What the socket actor is told. */
export type SocketCommand =
  { type: 'socket.send'; text: string } | { type: 'socket.close'; code: number; reason: string };

/** What the socket actor says. */
export type SocketEvent = { type: 'socket.opened' } | { type: 'socket.closed' };

/** The events the connection takes. */
export type ConnectionEvent = SocketEvent | { type: 'link.close' };

/** What the bridge says of the token when a socket failed before it opened (its `/session` answer). */
export type TokenVerdict =
  | { kind: 'accepted' }
  | { kind: 'refused' }
  /** Too many wrong tokens came from this address (429): the bridge hears it again after `retryAfterMs`. */
  | { kind: 'limited'; retryAfterMs: number }
  /** No answer (or not a bridge's): nothing listens at the address, or the network does not reach it. */
  | { kind: 'unreachable' };

/** Why the link waits before it tries the bridge again. */
export type RetryReason =
  /** The socket that was open closed: the bridge stopped, or the network went. */
  | { kind: 'lost' }
  | { kind: 'unreachable' }
  /**
   * The bridge answers and takes the token, yet refused the socket: this page's address is not one of the
   * bridge's own (a foreign Origin, 403), or something between them does not pass WebSockets.
   */
  | { kind: 'socket-refused' }
  | { kind: 'limited'; retryAfterMs: number };

/** The bridge refused the hello; `incompatible` when it does not speak this page's protocol. */
export class HelloRefused extends Error {
  override readonly name = 'HelloRefused';

  constructor(
    message: string,
    readonly incompatible: boolean,
  ) {
    super(message);
  }
}

/** The retry rule (`common/backoff.ts`); the chart counts the attempts and a hello starts them over. */
export interface ConnectionInput {
  backoff: BackoffPolicy;
  /** In [0, 1], for the backoff's jitter. */
  random?: () => number;
}

/** The connection's data. */
export interface ConnectionContext {
  backoff: BackoffPolicy;
  random: () => number;
  /** Sockets that failed since the last hello: how long the next wait is. */
  failures: number;
  /** What the bridge said in its last hello. */
  hello: BridgeHelloResult | null;
  /** Why the link waits (or last waited) to try again. */
  reason: RetryReason | null;
  /** How long the current wait is, ms. */
  retryInMs: number;
  /** What the bridge said when it refused this page's protocol. */
  incompatible: string | null;
}

const reasonOf = (verdict: TokenVerdict): RetryReason => {
  switch (verdict.kind) {
    case 'accepted':
    case 'refused':
      return { kind: 'socket-refused' };
    case 'limited':
      return verdict;
    case 'unreachable':
      return verdict;
    default:
      return verdict satisfies never;
  }
};

const chart = setup({
  types: {
    context: {} as ConnectionContext,
    input: {} as ConnectionInput,
    events: {} as ConnectionEvent,
    children: {} as { socket: 'socket'; hello: 'hello'; tokenCheck: 'tokenCheck' },
  },
  actors: {
    // provided by the owner (connection.ts); these stand-ins do nothing
    socket: fromCallback<SocketCommand>(() => undefined),
    hello: fromPromise<BridgeHelloResult>(() => new Promise<never>(() => undefined)),
    tokenCheck: fromPromise<TokenVerdict>(() => new Promise<never>(() => undefined)),
  },
  actions: {
    open: spawnChild('socket', { id: 'socket' }),
    drop: stopChild('socket'),
    refuseHello: sendTo('socket', { type: 'socket.close', code: 1002, reason: 'hello refused' }),
    rememberHello: assign({ hello: (_, params: { hello: BridgeHelloResult }) => params.hello }),
    countFailure: assign({ failures: ({ context }) => context.failures + 1 }),
    resetFailures: assign({ failures: 0, reason: null }),
    because: assign({ reason: (_, params: { reason: RetryReason }) => params.reason }),
    // the wait is chosen on entry, so the page can tell it; a limited address waits at least what the bridge asks
    planRetry: assign({
      retryInMs: ({ context }) =>
        Math.max(
          backoffDelay(context.failures, context.backoff, context.random),
          context.reason?.kind === 'limited' ? context.reason.retryAfterMs : 0,
        ),
    }),
    rememberIncompatible: assign({ incompatible: (_, params: { message: string }) => params.message }),
  },
  guards: {
    isRefused: (_, params: { verdict: TokenVerdict }) => params.verdict.kind === 'refused',
    isIncompatible: (_, params: { error: unknown }) =>
      params.error instanceof HelloRefused && params.error.incompatible,
  },
  delays: {
    retry: ({ context }) => context.retryInMs,
  },
});

/** The cycle `connecting` and `reconnecting` share; they differ in where they start and in the status shown. */
const retryCycle = chart.createStateConfig({
  states: {
    waiting: {
      entry: ['drop', 'planRetry'],
      after: { retry: { target: 'opening', actions: 'countFailure' } },
    },
    opening: {
      entry: 'open',
      on: {
        'socket.opened': '#link.greeting',
        'socket.closed': 'checkingToken',
        // a socket that throws is a socket that failed
        'xstate.error.actor.socket': 'checkingToken',
      },
    },
    // a wrong token, or no bridge: a refused WebSocket does not say which
    checkingToken: {
      entry: 'drop',
      invoke: {
        id: 'tokenCheck',
        src: 'tokenCheck',
        onDone: [
          {
            guard: { type: 'isRefused', params: ({ event }) => ({ verdict: event.output }) },
            target: '#link.authFailed',
          },
          {
            target: 'waiting',
            actions: { type: 'because', params: ({ event }) => ({ reason: reasonOf(event.output) }) },
          },
        ],
        onError: { target: 'waiting', actions: { type: 'because', params: { reason: { kind: 'unreachable' } } } },
      },
    },
  },
});

/** A socket that had opened is gone: wait, then open another. */
const lost = {
  target: '#link.reconnecting',
  actions: { type: 'because', params: { reason: { kind: 'lost' } } },
} as const;

/** The connection's life; see the module's doc for its states and events. */
export const connectionMachine = chart.createMachine({
  id: 'link',
  context: ({ input }) => ({
    backoff: input.backoff,
    random: input.random ?? Math.random,
    failures: 0,
    hello: null,
    reason: null,
    retryInMs: 0,
    incompatible: null,
  }),
  initial: 'connecting',
  on: { 'link.close': '.closed' },
  states: {
    connecting: { ...retryCycle, initial: 'opening' },
    greeting: {
      invoke: {
        id: 'hello',
        src: 'hello',
        onDone: {
          target: 'online',
          actions: { type: 'rememberHello', params: ({ event }) => ({ hello: event.output }) },
        },
        onError: [
          {
            guard: { type: 'isIncompatible', params: ({ event }) => ({ error: event.error }) },
            target: 'incompatible',
            actions: {
              type: 'rememberIncompatible',
              params: ({ event }) => ({ message: event.error instanceof Error ? event.error.message : '' }),
            },
          },
          // the socket closes, and the link tries again
          { actions: 'refuseHello' },
        ],
      },
      on: { 'socket.closed': lost, 'xstate.error.actor.socket': lost },
    },
    online: {
      entry: 'resetFailures',
      on: { 'socket.closed': lost, 'xstate.error.actor.socket': lost },
    },
    reconnecting: { ...retryCycle, initial: 'waiting' },
    authFailed: {},
    // trying again would be refused again: only a page from the bridge (a reload) speaks its protocol
    incompatible: { entry: 'drop' },
    closed: {
      type: 'final',
      entry: 'drop',
    },
  },
});

/** The connection chart's type. */
export type ConnectionMachine = typeof connectionMachine;
