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
 * - `closed` (final).
 *
 * Events: `socket.opened`, `socket.closed` (from the socket; its error counts
 * as a close), `link.close`.
 * Actors the owner provides: `socket` (spawned as `socket` while one is up;
 * takes `socket.send` and `socket.close`), `hello` (the bridge's facts, or an
 * error when it refuses), `tokenCheck` (whether the token is refused).
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
}

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
    tokenCheck: fromPromise<boolean>(() => new Promise<never>(() => undefined)),
  },
  actions: {
    open: spawnChild('socket', { id: 'socket' }),
    drop: stopChild('socket'),
    refuseHello: sendTo('socket', { type: 'socket.close', code: 1002, reason: 'hello refused' }),
    rememberHello: assign({ hello: (_, params: { hello: BridgeHelloResult }) => params.hello }),
    countFailure: assign({ failures: ({ context }) => context.failures + 1 }),
    resetFailures: assign({ failures: 0 }),
  },
  guards: {
    isRefused: (_, params: { refused: boolean }) => params.refused,
  },
  delays: {
    retry: ({ context }) => backoffDelay(context.failures, context.backoff, context.random),
  },
});

/** The cycle `connecting` and `reconnecting` share; they differ in where they start and in the status shown. */
const retryCycle = chart.createStateConfig({
  states: {
    waiting: {
      entry: 'drop',
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
            guard: { type: 'isRefused', params: ({ event }) => ({ refused: event.output }) },
            target: '#link.authFailed',
          },
          { target: 'waiting' },
        ],
        onError: 'waiting',
      },
    },
  },
});

/** The connection's life; see the module's doc for its states and events. */
export const connectionMachine = chart.createMachine({
  id: 'link',
  context: ({ input }) => ({ backoff: input.backoff, random: input.random ?? Math.random, failures: 0, hello: null }),
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
        // the socket closes, and the link tries again
        onError: { actions: 'refuseHello' },
      },
      on: { 'socket.closed': '#link.reconnecting', 'xstate.error.actor.socket': '#link.reconnecting' },
    },
    online: {
      entry: 'resetFailures',
      on: { 'socket.closed': '#link.reconnecting', 'xstate.error.actor.socket': '#link.reconnecting' },
    },
    reconnecting: { ...retryCycle, initial: 'waiting' },
    authFailed: {},
    closed: {
      type: 'final',
      entry: 'drop',
    },
  },
});

/** The connection chart's type. */
export type ConnectionMachine = typeof connectionMachine;
