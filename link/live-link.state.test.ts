/** LiveLink's `state$`: each status and when it appears, the backoff between sockets, keep-alive pings. */
import { afterEach, describe, expect, it } from 'vitest';
import { connectedLink, fakeLink, type FakeLink } from './fake-link';
import { FakeSocket } from './fake-socket';

const fixtures: FakeLink[] = [];
afterEach(() => {
  for (const { link } of fixtures.splice(0)) link.close();
});

const closedAfter = (fixture: FakeLink): FakeLink => {
  fixtures.push(fixture);
  return fixture;
};

describe('LiveLink state$', () => {
  it('follows Live going offline and back', async () => {
    const { link, time, socket } = closedAfter(await connectedLink());
    expect(link.state).toMatchObject({
      status: 'online',
      live: { host: 'simulator' },
      midi: { mode: 'simulator' },
      sessions: 1,
    });
    socket().deliver({ ev: 'status', live: { state: 'offline', host: null, live_version: null, set_name: null } });
    await time.tick();
    expect(link.state.status).toBe('live-offline');
    socket().deliver({ ev: 'status', live: FakeSocket.hello.live });
    await time.tick();
    expect(link.state.status).toBe('online');
  });

  it('says the token was refused instead of retrying forever', async () => {
    const { link, time, fake } = closedAfter(
      fakeLink({ token: 'bad', checkToken: () => Promise.resolve(false) }, false),
    );
    await time.tick();
    fake.sockets[0]?.drop();
    expect((await time.until(link.ready())).status).toBe('auth-failed');
    await time.advance(60_000);
    expect(fake.sockets).toHaveLength(1);
  });

  it('says connecting until a socket opens, then reconnecting, waiting as the backoff says', async () => {
    const { link, time, fake } = closedAfter(fakeLink({ backoff: { firstMs: 100, maxMs: 400, jitter: 0 } }, false));
    const statuses: string[] = [];
    link.state$.subscribe((state) => statuses.push(state.status));
    const opened: number[] = [];
    const nextSocket = async (): Promise<void> => {
      const count = fake.sockets.length;
      while (fake.sockets.length === count) await time.advance(1);
      opened.push(time.now);
    };
    // no bridge yet: each socket fails before it opens; waits of 100, 200, 400, 400
    for (let attempt = 0; attempt < 4; attempt += 1) {
      fake.sockets.at(-1)?.drop();
      await nextSocket();
    }
    expect(opened).toEqual([100, 300, 700, 1100]);
    expect(statuses).toEqual(['connecting', 'connecting', 'connecting', 'connecting', 'connecting']);
    // the bridge answers: online, and the backoff starts over
    fake.sockets.at(-1)?.accept();
    await time.until(link.ready());
    expect(link.state.status).toBe('online');
    fake.sockets.at(-1)?.drop();
    expect(link.state.status).toBe('reconnecting');
    const lostAt = time.now;
    await nextSocket();
    expect(time.now - lostAt).toBe(100);
    // a socket that fails before it opens, once one had: still reconnecting
    fake.sockets.at(-1)?.drop();
    await time.tick();
    expect(statuses.slice(-3)).toEqual(['online', 'reconnecting', 'reconnecting']);
    link.close();
    expect(link.state.status).toBe('closed');
  });

  it('says why it waits and when it tries again, on its own clock', async () => {
    const { link, time, fake } = closedAfter(
      fakeLink(
        {
          backoff: { firstMs: 100, maxMs: 400, jitter: 0 },
          checkToken: () => Promise.resolve({ kind: 'unreachable' }),
        },
        false,
      ),
    );
    await time.advance(50);
    fake.sockets.at(-1)?.drop();
    await time.tick();
    expect(link.state).toMatchObject({ status: 'connecting', retry: { reason: { kind: 'unreachable' }, at: 150 } });
    await time.advance(100);
    fake.sockets.at(-1)?.accept();
    await time.until(link.ready());
    expect(link.state.retry).toBeUndefined();
    fake.sockets.at(-1)?.drop();
    expect(link.state).toMatchObject({ status: 'reconnecting', retry: { reason: { kind: 'lost' } } });
  });

  it('says the bridge speaks another protocol, and stops', async () => {
    /** A bridge of another protocol: it refuses every hello as a bad request. */
    class OlderBridge extends FakeSocket {
      override send(data: string): void {
        const message = JSON.parse(data) as { op?: string; id?: number };
        if (message.op !== 'hello') return super.send(data);
        this.deliver({ id: message.id, ok: false, error: { code: 'bad_request', message: 'protocol 1, not 2' } });
      }
    }
    const sockets: FakeSocket[] = [];
    const { link, time } = closedAfter(
      fakeLink({
        socket: (url) => {
          const socket = new OlderBridge(url);
          sockets.push(socket);
          queueMicrotask(() => socket.accept());
          return socket;
        },
      }),
    );
    await time.tick();
    expect(link.state).toMatchObject({ status: 'incompatible', incompatible: 'protocol 1, not 2' });
    await time.advance(60_000);
    expect(sockets).toHaveLength(1);
  });

  it('measures round trips with pings, more often while a control is touched', async () => {
    const { link, time, socket } = closedAfter(await connectedLink({ pingEveryMs: 1000, pingWhileTouchedMs: 10 }));
    link.touch(true);
    const answered = new Set<number>();
    for (let i = 0; i < 5; i += 1) {
      await time.advance(15);
      for (const ping of socket()
        .pings()
        .filter((p) => !answered.has(p.id))) {
        answered.add(ping.id);
        socket().deliver({ id: ping.id, ok: true, result: null });
      }
    }
    link.touch(false);
    await time.tick();
    expect(socket().pings().length).toBeGreaterThanOrEqual(3);
    expect(link.state.rtt?.samples).toBeGreaterThanOrEqual(2);
  });

  it('pings at once after the hello, then every pingEveryMs, or pingWhileTouchedMs while touched', async () => {
    const { link, time, socket } = closedAfter(await connectedLink({ pingEveryMs: 1000, pingWhileTouchedMs: 100 }));
    const pingsAfter = async (ms: number): Promise<number> => {
      await time.advance(ms);
      return socket().pings().length;
    };
    expect(socket().pings()).toHaveLength(1); // at once after the hello, at 0
    expect(await pingsAfter(999)).toBe(1);
    expect(await pingsAfter(1)).toBe(2); // 1000
    link.touch(true);
    expect(await pingsAfter(0)).toBe(3); // at once
    expect(await pingsAfter(99)).toBe(3);
    expect(await pingsAfter(1)).toBe(4); // 1100
    link.touch(false);
    expect(await pingsAfter(0)).toBe(5); // at once
    expect(await pingsAfter(999)).toBe(5);
    expect(await pingsAfter(1)).toBe(6); // 2100
    // lost: no pings until the next hello, which pings at once
    socket().drop();
    expect(await pingsAfter(3)).toBe(6);
    await time.until(link.ready());
    await time.tick();
    expect(socket().pings()).toHaveLength(1);
  });
});
