import { createServer } from 'node:http';
import { VirtualTimeScheduler } from 'rxjs';
import { afterEach, describe, expect, it } from 'vitest';
import { initialTransition, transition, type AnyEventObject } from 'xstate';
import type { Reply } from '../protocol/src/index';
import { changesBetween, Connection, greet, schedulerClock, tokenVerdict, type ConnectionChange } from './connection';
import { connectionMachine, HelloRefused, type ConnectionEvent, type TokenVerdict } from './connection-machine';
import { FakeSocket, fakeSockets } from './fake-socket';
import type { SocketFactory } from './socket';
import { VirtualTime } from './virtual-time';

const helloReply = (id = 1): Reply => ({ id, ok: true, result: FakeSocket.hello });

describe('changesBetween', () => {
  const input = { backoff: { firstMs: 100, maxMs: 400, jitter: 0 } };
  /** The changes each event makes, starting from the initial state. */
  function changesOf(events: AnyEventObject[]): ConnectionChange[][] {
    let [snapshot] = initialTransition(connectionMachine, input);
    return events.map((event) => {
      const [next] = transition(connectionMachine, snapshot, event as ConnectionEvent);
      const changes = changesBetween(snapshot, next);
      snapshot = next;
      return changes;
    });
  }

  it('says what the link must do, in the order it must', () => {
    expect(
      changesOf([
        { type: 'socket.closed' },
        { type: 'xstate.done.actor.tokenCheck', output: { kind: 'unreachable' } },
        { type: 'xstate.after.retry.link.connecting.waiting' },
        { type: 'socket.opened' },
        { type: 'xstate.done.actor.hello', output: FakeSocket.hello },
        { type: 'socket.closed' },
        { type: 'xstate.after.retry.link.reconnecting.waiting' },
        { type: 'socket.closed' },
        { type: 'xstate.done.actor.tokenCheck', output: { kind: 'refused' } },
        { type: 'link.close' },
      ]),
    ).toEqual([
      [],
      [{ type: 'retrying', status: 'connecting', reason: { kind: 'unreachable' }, retryInMs: 100 }],
      [],
      [],
      [{ type: 'greeted', hello: FakeSocket.hello }],
      [{ type: 'lost' }, { type: 'retrying', status: 'reconnecting', reason: { kind: 'lost' }, retryInMs: 100 }],
      [],
      [],
      [{ type: 'auth-failed' }],
      [{ type: 'closed' }],
    ]);
  });

  it('says when the bridge speaks another protocol', () => {
    const refused = new HelloRefused('this bridge speaks protocol 1, not 2', true);
    expect(changesOf([{ type: 'socket.opened' }, { type: 'xstate.error.actor.hello', error: refused }]).at(-1)).toEqual(
      [{ type: 'lost' }, { type: 'incompatible', message: 'this bridge speaks protocol 1, not 2' }],
    );
  });

  it('voids what waited on a socket closed by the link', () => {
    expect(
      changesOf([
        { type: 'socket.opened' },
        { type: 'xstate.done.actor.hello', output: FakeSocket.hello },
        { type: 'link.close' },
      ]).at(-1),
    ).toEqual([{ type: 'lost' }, { type: 'closed' }]);
  });
});

describe('schedulerClock', () => {
  it('runs and cancels XState timeouts on the scheduler', () => {
    const scheduler = new VirtualTimeScheduler();
    const clock = schedulerClock(scheduler);
    const fired: string[] = [];
    clock.setTimeout(() => fired.push('kept'), 10);
    clock.clearTimeout(clock.setTimeout(() => fired.push('cancelled'), 5));
    scheduler.flush();
    expect(fired).toEqual(['kept']);
    expect(scheduler.now()).toBe(10);
  });
});

describe('Connection', () => {
  const connections: Connection[] = [];
  afterEach(() => {
    for (const connection of connections.splice(0)) connection.close();
  });

  /** A connection on fake sockets and virtual time, whose hello the test answers. */
  function setUp(options: { socket?: SocketFactory; checkToken?: () => Promise<boolean | TokenVerdict> } = {}) {
    const fake = fakeSockets();
    const time = new VirtualTime();
    const hellos: { resolve: (reply: Reply) => void; hello: unknown }[] = [];
    const received: string[] = [];
    const connection = new Connection({
      url: 'http://bridge:9400',
      token: 'a b',
      socket: options.socket ?? fake.factory,
      checkToken: options.checkToken ?? (() => Promise.resolve(true)),
      client: 'test',
      backoff: { firstMs: 100, maxMs: 400, jitter: 0 },
      scheduler: time.scheduler,
      exchange: (hello) => new Promise((resolve) => hellos.push({ resolve, hello })),
      receive: (text) => received.push(text),
    });
    connections.push(connection);
    const changes: ConnectionChange[] = [];
    const online: boolean[] = [];
    connection.changes$.subscribe((change) => changes.push(change));
    connection.online$.subscribe((now) => online.push(now));
    connection.start();
    return { connection, fake, time, hellos, received, changes, online };
  }

  it('opens a socket with the token, greets the bridge, and is online when it answers', async () => {
    const { connection, fake, time, hellos, changes, online } = setUp();
    expect(fake.sockets.map((socket) => socket.url)).toEqual(['ws://bridge:9400/ws?token=a+b']);
    await time.tick();
    expect(hellos.map((h) => h.hello)).toEqual([{ op: 'hello', protocol: 1, client: 'test' }]);
    expect(connection.online).toBe(false);
    hellos[0]?.resolve(helloReply());
    await time.tick();
    expect(connection.online).toBe(true);
    expect(changes).toEqual([{ type: 'greeted', hello: FakeSocket.hello }]);
    expect(online).toEqual([false, true]);
  });

  it('passes what the bridge sends on, and sends frames only on an open socket', async () => {
    const { connection, fake, time, received } = setUp();
    connection.send('"too early"');
    await time.tick();
    const socket = fake.sockets[0] as FakeSocket;
    connection.send('"now"');
    socket.deliver({ ev: 'slow', message: 'm' });
    await time.tick();
    expect(socket.frames).toEqual(['now']);
    expect(received).toEqual(['{"ev":"slow","message":"m"}']);
  });

  it('closes the socket and ends for good on close', async () => {
    const { connection, fake, time, hellos, changes } = setUp();
    await time.tick();
    hellos[0]?.resolve(helloReply());
    await time.tick();
    connection.close();
    connection.close();
    expect(fake.sockets[0]?.closedByClient).toBe(true);
    expect(changes.slice(1)).toEqual([{ type: 'lost' }, { type: 'closed' }]);
    await time.advance(60_000);
    expect(fake.sockets).toHaveLength(1);
  });

  it('takes a hello it cannot read for another protocol: the socket closes, and no other opens', async () => {
    const { fake, time, hellos, changes } = setUp();
    await time.tick();
    hellos[0]?.resolve({ id: 1, ok: true, result: { protocol: 'one' } });
    await time.tick();
    expect(fake.sockets[0]?.closedByClient).toBe(true);
    expect(changes).toEqual([
      { type: 'lost' },
      { type: 'incompatible', message: 'the bridge speaks a protocol this page does not know, this page protocol 1' },
    ]);
    await time.advance(60_000);
    expect(fake.sockets).toHaveLength(1);
  });

  it('reconnects when a hello fails for another reason', async () => {
    const { fake, time, hellos, changes } = setUp();
    await time.tick();
    hellos[0]?.resolve({ id: 1, ok: false, error: { code: 'unavailable', message: 'lost' } });
    await time.tick();
    expect(fake.sockets[0]?.closedByClient).toBe(true);
    expect(changes).toEqual([
      { type: 'lost' },
      { type: 'retrying', status: 'reconnecting', reason: { kind: 'lost' }, retryInMs: 100 },
    ]);
    await time.advance(100);
    expect(fake.sockets).toHaveLength(2);
  });

  it('closes a socket whose hello it refuses even where 1002 is not allowed (browsers)', async () => {
    class BrowserLikeSocket extends FakeSocket {
      override close(code?: number): void {
        if (code !== undefined && code !== 1000 && (code < 3000 || code > 4999)) throw new Error('InvalidAccessError');
        super.close();
      }
    }
    const sockets: FakeSocket[] = [];
    const { time, hellos } = setUp({
      socket: (url) => {
        const socket = new BrowserLikeSocket(url);
        sockets.push(socket);
        queueMicrotask(() => socket.accept());
        return socket;
      },
    });
    await time.tick();
    hellos[0]?.resolve({ id: 1, ok: false, error: { code: 'timeout', message: 'no answer' } });
    await time.tick();
    expect(sockets[0]?.closedByClient).toBe(true);
    await time.advance(100);
    expect(sockets).toHaveLength(2);
  });

  it('treats a socket that cannot even be made as one that failed before it opened', async () => {
    let made = 0;
    const { time, changes } = setUp({
      socket: () => {
        made += 1;
        throw new Error('no WebSocket here');
      },
    });
    await time.advance(300);
    expect(made).toBe(3);
    expect(changes.map((change) => change.type === 'retrying' && change.reason.kind)).toEqual([
      'socket-refused',
      'socket-refused',
      'socket-refused',
    ]);
  });

  it('keeps trying when the token check itself fails (no bridge to ask)', async () => {
    const fake = fakeSockets(false);
    const { time, changes } = setUp({ socket: fake.factory, checkToken: () => Promise.reject(new Error('offline')) });
    fake.sockets[0]?.drop();
    await time.advance(100);
    expect(changes).toEqual([
      { type: 'retrying', status: 'connecting', reason: { kind: 'unreachable' }, retryInMs: 100 },
    ]);
    expect(fake.sockets).toHaveLength(2);
  });
});

describe('greet', () => {
  const answered = (reply: Reply) => greet({ client: 'test', exchange: () => Promise.resolve(reply) });

  it("gives the bridge's facts", async () => {
    expect(await answered(helloReply())).toEqual(FakeSocket.hello);
  });

  it('takes a bridge that says nothing of saved pages (or of its lock) for one that has none', async () => {
    const { protocol, bridge_version, live, midi } = FakeSocket.hello;
    const older = { protocol, bridge_version, live, midi };
    expect(await answered({ id: 1, ok: true, result: older })).toMatchObject({ pages: [], locked: false });
  });

  it('takes a hello refused as a bad request, or facts of another protocol, for an incompatible bridge', async () => {
    const refused = answered({ id: 1, ok: false, error: { code: 'bad_request', message: 'protocol 2, not 1' } });
    await expect(refused).rejects.toEqual(new HelloRefused('protocol 2, not 1', true));
    const newer = answered({ id: 1, ok: true, result: { ...FakeSocket.hello, protocol: 2 } });
    await expect(newer).rejects.toMatchObject({ incompatible: true, message: expect.stringContaining('protocol 2') });
    const lost = answered({ id: 1, ok: false, error: { code: 'unavailable', message: 'lost' } });
    await expect(lost).rejects.toMatchObject({ incompatible: false });
  });
});

describe('tokenVerdict', () => {
  const servers: { close: () => void }[] = [];
  afterEach(() => {
    for (const server of servers.splice(0)) server.close();
  });

  /** A `/session` that answers `status` (with `headers`). */
  async function session(status: number, headers: Record<string, string> = {}): Promise<string> {
    const server = createServer((_, response) => response.writeHead(status, headers).end());
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    return `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  }

  it("tells the bridge's answers apart", async () => {
    expect(await tokenVerdict(await session(204), 't')).toEqual({ kind: 'accepted' });
    expect(await tokenVerdict(await session(401), 't')).toEqual({ kind: 'refused' });
    expect(await tokenVerdict(await session(429, { 'retry-after': '12' }), 't')).toEqual({
      kind: 'limited',
      retryAfterMs: 12_000,
    });
    expect(await tokenVerdict(await session(404), 't')).toEqual({ kind: 'unreachable' });
  });

  it('says unreachable when nothing listens', async () => {
    const url = await session(204);
    servers.pop()?.close();
    expect(await tokenVerdict(url, 't')).toEqual({ kind: 'unreachable' });
  });
});
