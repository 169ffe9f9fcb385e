import { describe, expect, it } from 'vitest';
import {
  createActor,
  fromCallback,
  fromPromise,
  initialTransition,
  SimulatedClock,
  transition,
  type AnyEventObject,
  type SnapshotFrom,
} from 'xstate';
import { getShortestPaths, getStateNodes } from 'xstate/graph';
import type { BridgeHelloResult } from '../protocol/src/index';
import { FakeSocket } from './fake-socket';
import {
  connectionMachine,
  HelloRefused,
  type ConnectionEvent,
  type SocketCommand,
  type TokenVerdict,
} from './connection-machine';

const hello: BridgeHelloResult = FakeSocket.hello;

// Invoke outcomes and delays, as the chart receives them.
const helloDone = { type: 'xstate.done.actor.hello', output: hello };
const helloFailed = { type: 'xstate.error.actor.hello', error: new Error('refused') };
const helloIncompatible = {
  type: 'xstate.error.actor.hello',
  error: new HelloRefused('this bridge speaks protocol 2, not 1', true),
};
const verdict = (output: TokenVerdict) => ({ type: 'xstate.done.actor.tokenCheck', output });
const tokenRefused = verdict({ kind: 'refused' });
const tokenAccepted = verdict({ kind: 'accepted' });
const tokenUnreachable = verdict({ kind: 'unreachable' });
const tokenLimited = verdict({ kind: 'limited', retryAfterMs: 30_000 });
const tokenCheckFailed = { type: 'xstate.error.actor.tokenCheck', error: new Error('?') };
const retryAfter = (parent: 'connecting' | 'reconnecting') => ({ type: `xstate.after.retry.link.${parent}.waiting` });

type Snapshot = SnapshotFrom<typeof connectionMachine>;
const input = () => ({ backoff: { firstMs: 100, maxMs: 400, jitter: 0 } });

/** Runs events through the pure transition function. */
function after(events: AnyEventObject[]): Snapshot {
  let [snapshot] = initialTransition(connectionMachine, input());
  for (const event of events) [snapshot] = transition(connectionMachine, snapshot, event as ConnectionEvent);
  return snapshot;
}

describe('connectionMachine', () => {
  describe('transitions', () => {
    it('opens a socket at once', () => {
      const [snapshot, actions] = initialTransition(connectionMachine, input());
      expect(snapshot.value).toEqual({ connecting: 'opening' });
      expect(actions.map((action) => action.type)).toContain('xstate.spawnChild');
    });

    it('greets the bridge when the socket opens, and is online when it answers', () => {
      expect(after([{ type: 'socket.opened' }]).value).toBe('greeting');
      const online = after([{ type: 'socket.opened' }, helloDone]);
      expect(online.value).toBe('online');
      expect(online.context.hello).toEqual(hello);
    });

    it('asks about the token when a socket closes before it opens, and waits to retry if it is not refused', () => {
      expect(after([{ type: 'socket.closed' }]).value).toEqual({ connecting: 'checkingToken' });
      expect(after([{ type: 'socket.closed' }, tokenAccepted]).value).toEqual({ connecting: 'waiting' });
      expect(after([{ type: 'socket.closed' }, tokenCheckFailed]).value).toEqual({ connecting: 'waiting' });
      expect(after([{ type: 'socket.closed' }, tokenAccepted, retryAfter('connecting')]).value).toEqual({
        connecting: 'opening',
      });
    });

    it('says why it waits, and how long', () => {
      const closed = { type: 'socket.closed' };
      expect(after([closed, tokenUnreachable]).context).toMatchObject({
        reason: { kind: 'unreachable' },
        retryInMs: 100,
      });
      expect(after([closed, tokenCheckFailed]).context.reason).toEqual({ kind: 'unreachable' });
      // the bridge answers and takes the token, yet the socket failed: refused for another reason (its Origin)
      expect(after([closed, tokenAccepted]).context.reason).toEqual({ kind: 'socket-refused' });
      const twice = [closed, tokenUnreachable, retryAfter('connecting'), closed, tokenUnreachable];
      expect(after(twice).context.retryInMs).toBe(200);
      const online = [{ type: 'socket.opened' }, helloDone];
      expect(after([...online, closed]).context).toMatchObject({ reason: { kind: 'lost' }, retryInMs: 100 });
      expect(after([...online]).context.reason).toBeNull();
    });

    it('waits as long as the bridge asks when it limits this address after wrong tokens', () => {
      const limited = after([{ type: 'socket.closed' }, tokenLimited]);
      expect(limited.value).toEqual({ connecting: 'waiting' });
      expect(limited.context).toMatchObject({ reason: { kind: 'limited', retryAfterMs: 30_000 }, retryInMs: 30_000 });
    });

    it('stops, for a reload, when the bridge speaks another protocol', () => {
      const refused = after([{ type: 'socket.opened' }, helloIncompatible]);
      expect(refused.value).toBe('incompatible');
      expect(refused.context.incompatible).toBe('this bridge speaks protocol 2, not 1');
      expect(after([{ type: 'socket.opened' }, helloIncompatible, { type: 'socket.closed' }]).value).toBe(
        'incompatible',
      );
      expect(after([{ type: 'socket.opened' }, helloIncompatible, { type: 'link.close' }]).value).toBe('closed');
    });

    it('stops when the bridge refuses the token', () => {
      expect(after([{ type: 'socket.closed' }, tokenRefused]).value).toBe('authFailed');
      expect(after([{ type: 'socket.closed' }, tokenRefused, { type: 'link.close' }]).value).toBe('closed');
    });

    it('reconnects once a socket has opened, whatever ended it', () => {
      const opened = [{ type: 'socket.opened' }];
      expect(after([...opened, { type: 'socket.closed' }]).value).toEqual({ reconnecting: 'waiting' });
      expect(after([...opened, helloDone, { type: 'socket.closed' }]).value).toEqual({ reconnecting: 'waiting' });
      // a refused hello closes the socket; the link waits for it to close
      expect(after([...opened, helloFailed]).value).toBe('greeting');
      expect(after([...opened, helloFailed, { type: 'socket.closed' }]).value).toEqual({ reconnecting: 'waiting' });
      const again = [...opened, { type: 'socket.closed' }, retryAfter('reconnecting'), { type: 'socket.closed' }];
      expect(after(again).value).toEqual({ reconnecting: 'checkingToken' });
      expect(after([...again, tokenAccepted]).value).toEqual({ reconnecting: 'waiting' });
      expect(after([...again, tokenRefused]).value).toBe('authFailed');
    });

    it('takes a socket that fails for one that closed', () => {
      const failed = { type: 'xstate.error.actor.socket', error: new Error('broken') };
      expect(after([failed]).value).toEqual({ connecting: 'checkingToken' });
      expect(after([{ type: 'socket.opened' }, failed]).value).toEqual({ reconnecting: 'waiting' });
      expect(after([{ type: 'socket.opened' }, helloDone, failed]).value).toEqual({ reconnecting: 'waiting' });
    });

    it('closes from anywhere, for good', () => {
      for (const events of [[], [{ type: 'socket.opened' }], [{ type: 'socket.opened' }, helloDone]]) {
        const closed = after([...events, { type: 'link.close' }]);
        expect(closed.value).toBe('closed');
        expect(closed.status).toBe('done');
      }
    });
  });

  describe('as an actor', () => {
    /** The chart with a fake socket the test opens and closes, on a simulated clock. */
    function start(options: { verdict?: TokenVerdict; hello?: () => Promise<BridgeHelloResult> } = {}) {
      const clock = new SimulatedClock();
      const sockets: { commands: SocketCommand[]; say: (event: AnyEventObject) => void; stopped: boolean }[] = [];
      const actor = createActor(
        connectionMachine.provide({
          actors: {
            socket: fromCallback<SocketCommand>(({ sendBack, receive }) => {
              const socket = { commands: [] as SocketCommand[], say: sendBack, stopped: false };
              sockets.push(socket);
              receive((command) => socket.commands.push(command));
              return () => {
                socket.stopped = true;
              };
            }),
            hello: fromPromise(options.hello ?? (() => Promise.resolve(hello))),
            tokenCheck: fromPromise(() => Promise.resolve(options.verdict ?? { kind: 'unreachable' })),
          },
        }),
        { input: input(), clock },
      ).start();
      return { actor, clock, sockets, last: () => sockets.at(-1) };
    }
    const settled = async (): Promise<void> => {
      for (let turn = 0; turn < 5; turn += 1) await Promise.resolve();
    };

    it('waits as the backoff says between failed sockets, and starts over after a hello', async () => {
      const { actor, clock, sockets, last } = start();
      for (const wait of [100, 200, 400, 400]) {
        last()?.say({ type: 'socket.closed' });
        await settled();
        expect(actor.getSnapshot().value).toEqual({ connecting: 'waiting' });
        const count = sockets.length;
        clock.increment(wait - 1);
        expect(sockets).toHaveLength(count);
        clock.increment(1);
        expect(sockets).toHaveLength(count + 1);
      }
      last()?.say({ type: 'socket.opened' });
      await settled();
      expect(actor.getSnapshot().value).toBe('online');
      last()?.say({ type: 'socket.closed' });
      expect(actor.getSnapshot().value).toEqual({ reconnecting: 'waiting' });
      const count = sockets.length;
      clock.increment(100);
      expect(sockets).toHaveLength(count + 1);
      actor.stop();
    });

    it('stops each socket when it leaves it, and tells a refused hello to close with 1002', async () => {
      const { actor, sockets, last } = start({ hello: () => Promise.reject(new Error('refused')) });
      last()?.say({ type: 'socket.opened' });
      await settled();
      expect(last()?.commands).toEqual([{ type: 'socket.close', code: 1002, reason: 'hello refused' }]);
      expect(last()?.stopped).toBe(false);
      last()?.say({ type: 'socket.closed' });
      expect(sockets[0]?.stopped).toBe(true);
      actor.send({ type: 'link.close' });
      expect(actor.getSnapshot().status).toBe('done');
    });

    it('waits out what the bridge asks of a limited address before the next socket', async () => {
      const { actor, clock, sockets, last } = start({ verdict: { kind: 'limited', retryAfterMs: 3000 } });
      last()?.say({ type: 'socket.closed' });
      await settled();
      clock.increment(2999);
      expect(sockets).toHaveLength(1);
      clock.increment(1);
      expect(sockets).toHaveLength(2);
      actor.stop();
    });

    it('opens no socket again once the bridge speaks another protocol', async () => {
      const { actor, clock, sockets, last } = start({
        hello: () => Promise.reject(new HelloRefused('protocol 2', true)),
      });
      last()?.say({ type: 'socket.opened' });
      await settled();
      expect(actor.getSnapshot().value).toBe('incompatible');
      expect(last()?.stopped).toBe(true);
      clock.increment(60_000);
      expect(sockets).toHaveLength(1);
      actor.stop();
    });

    it('ends in authFailed, without retrying, when the token is refused', async () => {
      const { actor, clock, sockets, last } = start({ verdict: { kind: 'refused' } });
      last()?.say({ type: 'socket.closed' });
      await settled();
      expect(actor.getSnapshot().value).toBe('authFailed');
      clock.increment(60_000);
      expect(sockets).toHaveLength(1);
      actor.stop();
    });
  });

  it('reaches every state node', () => {
    const events = [
      { type: 'socket.opened' },
      { type: 'socket.closed' },
      { type: 'link.close' },
      helloDone,
      helloFailed,
      helloIncompatible,
      tokenRefused,
      tokenAccepted,
      tokenCheckFailed,
      retryAfter('connecting'),
      retryAfter('reconnecting'),
      { type: 'xstate.error.actor.socket', error: new Error('broken') },
    ] as ConnectionEvent[];
    const paths = getShortestPaths(connectionMachine, {
      events,
      input: input(),
      serializeState: (snapshot) => JSON.stringify(snapshot.value),
    });
    const reached = new Set(paths.flatMap((path) => path.state._nodes.map((node) => node.id)));
    const unreached = getStateNodes(connectionMachine)
      .map((node) => node.id)
      .filter((id) => !reached.has(id));
    expect(unreached).toEqual([]);
  });
});
