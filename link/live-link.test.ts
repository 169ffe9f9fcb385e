import { firstValueFrom, take, toArray } from 'rxjs';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { Backoff } from '../common/backoff';
import { LinkError } from './errors';
import { fakeSockets, type FakeSocket } from './fake-socket';
import { LiveLink, type LiveLinkOptions } from './live-link';

const links: LiveLink[] = [];
afterEach(() => {
  for (const link of links.splice(0)) link.close();
});

async function connected(options: Partial<LiveLinkOptions> = {}) {
  const fake = fakeSockets();
  const link = new LiveLink({
    url: 'http://bridge:9400',
    token: 't',
    socket: fake.factory,
    checkToken: async () => true,
    backoff: new Backoff(5, 20, () => 0.5),
    ...options,
  });
  links.push(link);
  await link.ready();
  return { link, fake, socket: (): FakeSocket => fake.sockets.at(-1) as FakeSocket };
}

const tick = (): Promise<void> => sleep(0);

function answer(
  socket: FakeSocket,
  predicate: (message: { op: string; id?: number; [k: string]: unknown }) => boolean,
  reply: Record<string, unknown>,
): void {
  for (const message of socket.messages().filter(predicate)) socket.deliver({ id: message.id, ...reply });
}

describe('LiveLink', () => {
  describe('#request', () => {
    it('sends what is asked in one tick as one frame, and settles each with its reply', async () => {
      const { link, socket } = await connected();
      const tempo = link.get('live_set', 'tempo');
      const name = link.get('live_set tracks 0', 'name');
      await tick();
      const frame = socket().lastFrame() as unknown[];
      expect(frame).toEqual([
        { op: 'get', target: 'live_set', prop: 'tempo', id: expect.any(Number) },
        { op: 'get', target: 'live_set tracks 0', prop: 'name', id: expect.any(Number) },
      ]);
      answer(socket(), (m) => m.prop === 'name', { ok: true, result: 'Drums' });
      answer(socket(), (m) => m.prop === 'tempo', { ok: true, result: 120 });
      expect(await Promise.all([tempo, name])).toEqual([120, 'Drums']);
    });

    it('splits a tick with more than the bridge takes into frames of its limit', async () => {
      const { link, socket } = await connected();
      const replies = Array.from({ length: 1200 }, (_, index) => link.get(`live_set tracks ${index % 8}`, 'name'));
      await tick();
      const frames = socket().frames.filter(
        (frame) => Array.isArray(frame) && (frame as { op: string }[])[0]?.op === 'get',
      ) as unknown[][];
      expect(frames.map((frame) => frame.length)).toEqual([500, 500, 200]);
      answer(socket(), (m) => m.op === 'get', { ok: true, result: 'x' });
      expect(await Promise.all(replies)).toHaveLength(1200);
    });

    it('rejects with the typed error', async () => {
      const { link, socket } = await connected();
      const reply = link.get('live_set', '__class__');
      await tick();
      answer(socket(), () => true, { ok: false, error: { code: 'forbidden', message: 'not API' } });
      await expect(reply).rejects.toEqual(new LinkError('forbidden', 'not API'));
    });

    it('gives up after its timeout', async () => {
      const { link } = await connected({ timeoutMs: 20 });
      await expect(link.get('live_set', 'tempo')).rejects.toMatchObject({ code: 'timeout' });
    });

    it('settles everything pending with unavailable when the connection is lost', async () => {
      const { link, socket } = await connected();
      const pending = [link.get('live_set', 'tempo'), link.describe('live_set')];
      await tick();
      socket().drop();
      for (const outcome of await Promise.allSettled(pending))
        expect(outcome).toMatchObject({ status: 'rejected', reason: { code: 'unavailable' } });
      await expect(link.get('live_set', 'tempo')).rejects.toMatchObject({ code: 'unavailable' });
    });
  });

  describe('#observe', () => {
    it('shares one observation among subscribers and ends it with the last one', async () => {
      const { link, socket } = await connected();
      const first = firstValueFrom(link.observe('live_set', 'tempo').pipe(take(2), toArray()));
      const second = firstValueFrom(link.observe(' live_set ', 'tempo').pipe(take(2), toArray()));
      await tick();
      const observes = socket()
        .messages()
        .filter((m) => m.op === 'observe');
      expect(observes).toHaveLength(1);
      const obs = observes[0]?.id as number;
      socket().deliver({ id: obs, ok: true, result: 120 });
      socket().deliver({ ev: 'changes', changes: [{ obs, value: 121 }] });
      expect(await first).toEqual([120, 121]);
      expect(await second).toEqual([120, 121]);
      await tick();
      expect(
        socket()
          .messages()
          .filter((m) => m.op === 'unobserve'),
      ).toEqual([{ op: 'unobserve', id: expect.any(Number), obs }]);
    });

    it('gives a late subscriber the current value first', async () => {
      const { link, socket } = await connected();
      const held = link.observe('live_set', 'tempo').subscribe();
      await tick();
      const obs = socket().messages()[0]?.id as number;
      socket().deliver({ id: obs, ok: true, result: 120 });
      socket().deliver({ ev: 'changes', changes: [{ obs, value: 99 }] });
      await tick();
      expect(await firstValueFrom(link.observe('live_set', 'tempo'))).toBe(99);
      held.unsubscribe();
    });

    it('observes again after a reconnect', async () => {
      const { link, fake, socket } = await connected();
      const values: unknown[] = [];
      const subscription = link.observe('live_set', 'tempo').subscribe((value) => values.push(value));
      await tick();
      socket().deliver({ id: socket().messages()[0]?.id, ok: true, result: 120 });
      await tick();
      socket().drop();
      expect(link.state.status).toBe('reconnecting');
      await link.ready();
      expect(fake.sockets).toHaveLength(2);
      await tick();
      const again = socket()
        .messages()
        .filter((m) => m.op === 'observe');
      expect(again).toHaveLength(1);
      socket().deliver({ id: again[0]?.id, ok: true, result: 126 });
      await tick();
      expect(values).toEqual([120, 126]);
      expect(link.state.sessions).toBe(2);
      subscription.unsubscribe();
    });

    it('ends with gone when the object dies', async () => {
      const { link, socket } = await connected();
      const values = firstValueFrom(link.observe('id 7', 'name').pipe(toArray()));
      await tick();
      const obs = socket().messages()[0]?.id as number;
      socket().deliver({ id: obs, ok: true, result: 'Perc' });
      socket().deliver({ ev: 'gone', obs, message: 'deleted in Live' });
      await expect(values).rejects.toEqual(new LinkError('gone', 'deleted in Live'));
    });
  });

  describe('#setLatest', () => {
    it('keeps one set in flight per parameter and always sends the last value', async () => {
      const { link, socket } = await connected();
      const done = [0.1, 0.2, 0.3, 0.4].map((value) => link.setLatest('id 5', 'value', value));
      await tick();
      const sets = () =>
        socket()
          .messages()
          .filter((m) => m.op === 'set');
      expect(sets().map((m) => m.value)).toEqual([0.1]);
      socket().deliver({ id: sets()[0]?.id, ok: true, result: 0.1 });
      await tick();
      await tick();
      expect(sets().map((m) => m.value)).toEqual([0.1, 0.4]);
      socket().deliver({ id: sets()[1]?.id, ok: true, result: 0.4 });
      await expect(Promise.all(done)).resolves.toHaveLength(4);
    });
  });

  describe('state$', () => {
    it('follows Live going offline and back', async () => {
      const { link, socket } = await connected();
      expect(link.state).toMatchObject({
        status: 'online',
        live: { host: 'simulator' },
        midi: { mode: 'simulator' },
        sessions: 1,
      });
      socket().deliver({ ev: 'status', live: { state: 'offline', host: null, live_version: null, set_name: null } });
      await tick();
      expect(link.state.status).toBe('live-offline');
      socket().deliver({ ev: 'status', live: FakeSocketHello.live });
      await tick();
      expect(link.state.status).toBe('online');
    });

    it('says the token was refused instead of retrying forever', async () => {
      const fake = fakeSockets(false);
      const link = new LiveLink({
        url: 'http://bridge:9400',
        token: 'bad',
        socket: fake.factory,
        checkToken: async () => false,
      });
      links.push(link);
      await tick();
      fake.sockets[0]?.drop();
      expect((await link.ready()).status).toBe('auth-failed');
    });

    it('measures round trips with pings, more often while a control is touched', async () => {
      const { link, socket } = await connected({ pingEveryMs: 1000, pingWhileTouchedMs: 10 });
      link.touch(true);
      const pings = (): { id: number }[] =>
        (socket().frames.flat() as { op: string; id: number }[]).filter((m) => m.op === 'ping');
      const answered = new Set<number>();
      for (let i = 0; i < 5; i += 1) {
        await sleep(15);
        for (const ping of pings().filter((p) => !answered.has(p.id))) {
          answered.add(ping.id);
          socket().deliver({ id: ping.id, ok: true, result: null });
        }
      }
      link.touch(false);
      await tick();
      expect(pings().length).toBeGreaterThanOrEqual(3);
      expect(link.state.rtt?.samples).toBeGreaterThanOrEqual(2);
    });
  });

  describe('#midi', () => {
    it('sends notes without waiting for anything', async () => {
      const { link, socket } = await connected();
      link.midi([{ type: 'note_on', channel: 0, note: 60, velocity: 90 }]);
      link.midi([{ type: 'pitch_bend', channel: 0, value: 100 }]);
      await tick();
      expect(socket().lastFrame()).toEqual([
        { op: 'midi', messages: [{ type: 'note_on', channel: 0, note: 60, velocity: 90 }] },
        { op: 'midi', messages: [{ type: 'pitch_bend', channel: 0, value: 100 }] },
      ]);
    });
  });
});

const FakeSocketHello = { live: { state: 'online', host: 'simulator', live_version: '12.3.6', set_name: 'Demo' } };
