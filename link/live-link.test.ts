import { firstValueFrom, take, toArray } from 'rxjs';
import { afterEach, describe, expect, it } from 'vitest';
import type { SavedPage } from '../protocol/src/index';
import { LinkError } from './errors';
import { connectedLink, type FakeLink } from './fake-link';

const fixtures: FakeLink[] = [];
afterEach(() => {
  for (const { link } of fixtures.splice(0)) link.close();
});

/** A greeted link, closed after the test. */
async function connected(...args: Parameters<typeof connectedLink>): Promise<FakeLink> {
  const fixture = await connectedLink(...args);
  fixtures.push(fixture);
  return fixture;
}

// expect.any is typed `any`; as `unknown` it stays a matcher without leaking `any`

describe('LiveLink', () => {
  describe('#request', () => {
    it('sends what is asked in one tick as one frame, and settles each with its reply', async () => {
      const { link, time, socket } = await connected();
      const tempo = link.get('live_set', 'tempo');
      const name = link.get('live_set tracks 0', 'name');
      await time.tick();
      const frame = socket().lastFrame() as unknown[];
      expect(frame).toEqual([
        { op: 'get', target: 'live_set', prop: 'tempo', id: expect.any(Number) },
        { op: 'get', target: 'live_set tracks 0', prop: 'name', id: expect.any(Number) },
      ]);
      socket().answer((m) => m.prop === 'name', { ok: true, result: 'Drums' });
      socket().answer((m) => m.prop === 'tempo', { ok: true, result: 120 });
      expect(await Promise.all([tempo, name])).toEqual([120, 'Drums']);
    });

    it('splits a tick with more than the bridge takes into frames of its limit', async () => {
      const { link, time, socket } = await connected();
      const replies = Array.from({ length: 1200 }, (_, index) => link.get(`live_set tracks ${index % 8}`, 'name'));
      await time.tick();
      const frames = socket().frames.filter(
        (frame) => Array.isArray(frame) && (frame as { op: string }[])[0]?.op === 'get',
      ) as unknown[][];
      expect(frames.map((frame) => frame.length)).toEqual([500, 500, 200]);
      socket().answer((m) => m.op === 'get', { ok: true, result: 'x' });
      expect(await Promise.all(replies)).toHaveLength(1200);
    });

    it('rejects with the typed error', async () => {
      const { link, time, socket } = await connected();
      const reply = link.get('live_set', '__class__');
      await time.tick();
      socket().answer(() => true, { ok: false, error: { code: 'forbidden', message: 'not API' } });
      await expect(reply).rejects.toEqual(new LinkError('forbidden', 'not API'));
    });

    it('gives up after its timeout, not before', async () => {
      const { link, time } = await connected({ timeoutMs: 20 });
      const reply = link.get('live_set', 'tempo');
      let failed = false;
      reply.catch(() => (failed = true));
      await time.advance(19);
      expect(failed).toBe(false);
      await time.advance(1);
      await expect(reply).rejects.toMatchObject({ code: 'timeout' });
    });

    it('settles everything pending with unavailable when the connection is lost', async () => {
      const { link, time, socket } = await connected();
      const pending = [link.get('live_set', 'tempo'), link.describe('live_set')];
      await time.tick();
      socket().drop();
      for (const outcome of await Promise.allSettled(pending))
        expect(outcome).toMatchObject({ status: 'rejected', reason: { code: 'unavailable' } });
      await expect(link.get('live_set', 'tempo')).rejects.toMatchObject({ code: 'unavailable' });
    });
  });

  describe('#observe', () => {
    it('shares one observation among subscribers and ends it with the last one', async () => {
      const { link, time, socket } = await connected();
      const first = firstValueFrom(link.observe('live_set', 'tempo').pipe(take(2), toArray()));
      const second = firstValueFrom(link.observe(' live_set ', 'tempo').pipe(take(2), toArray()));
      await time.tick();
      const observes = socket()
        .messages()
        .filter((m) => m.op === 'observe');
      expect(observes).toHaveLength(1);
      const obs = observes[0]?.id as number;
      socket().deliver({ id: obs, ok: true, result: 120 });
      socket().deliver({ ev: 'changes', changes: [{ obs, value: 121 }] });
      expect(await first).toEqual([120, 121]);
      expect(await second).toEqual([120, 121]);
      await time.tick();
      expect(
        socket()
          .messages()
          .filter((m) => m.op === 'unobserve'),
      ).toEqual([{ op: 'unobserve', id: expect.any(Number), obs }]);
    });

    it('gives a late subscriber the current value first', async () => {
      const { link, time, socket } = await connected();
      const held = link.observe('live_set', 'tempo').subscribe();
      await time.tick();
      const obs = socket().messages()[0]?.id as number;
      socket().deliver({ id: obs, ok: true, result: 120 });
      socket().deliver({ ev: 'changes', changes: [{ obs, value: 99 }] });
      await time.tick();
      expect(await firstValueFrom(link.observe('live_set', 'tempo'))).toBe(99);
      held.unsubscribe();
    });

    it('observes again after a reconnect', async () => {
      const { link, fake, time, socket } = await connected();
      const values: unknown[] = [];
      const subscription = link.observe('live_set', 'tempo').subscribe((value) => values.push(value));
      await time.tick();
      socket().deliver({ id: socket().messages()[0]?.id, ok: true, result: 120 });
      await time.tick();
      socket().drop();
      expect(link.state.status).toBe('reconnecting');
      await time.until(link.ready());
      expect(fake.sockets).toHaveLength(2);
      await time.tick();
      const again = socket()
        .messages()
        .filter((m) => m.op === 'observe');
      expect(again).toHaveLength(1);
      socket().deliver({ id: again[0]?.id, ok: true, result: 126 });
      await time.tick();
      expect(values).toEqual([120, 126]);
      expect(link.state.sessions).toBe(2);
      subscription.unsubscribe();
    });

    it('ends with gone when the object dies', async () => {
      const { link, time, socket } = await connected();
      const values = firstValueFrom(link.observe('id 7', 'name').pipe(toArray()));
      await time.tick();
      const obs = socket().messages()[0]?.id as number;
      socket().deliver({ id: obs, ok: true, result: 'Perc' });
      socket().deliver({ ev: 'gone', obs, message: 'deleted in Live' });
      await expect(values).rejects.toEqual(new LinkError('gone', 'deleted in Live'));
    });
  });

  describe('#setLatest', () => {
    it('keeps one set in flight per parameter and always sends the last value', async () => {
      const { link, time, socket } = await connected();
      const done = [0.1, 0.2, 0.3, 0.4].map((value) => link.setLatest('id 5', 'value', value));
      await time.tick();
      const sets = () =>
        socket()
          .messages()
          .filter((m) => m.op === 'set');
      expect(sets().map((m) => m.value)).toEqual([0.1]);
      socket().deliver({ id: sets()[0]?.id, ok: true, result: 0.1 });
      await time.tick();
      expect(sets().map((m) => m.value)).toEqual([0.1, 0.4]);
      socket().deliver({ id: sets()[1]?.id, ok: true, result: 0.4 });
      await expect(Promise.all(done)).resolves.toHaveLength(4);
    });
  });

  describe('saved pages', () => {
    const PAGE: SavedPage = { format: 'livesurface.page', version: 1, title: 'Bass', widgets: [] };

    it('keeps the list the bridge tells in its state', async () => {
      const { link, time, socket } = await connected();
      expect(link.state.pages).toEqual([]);
      const pages = [{ name: 'bass', revision: 'r1', page: PAGE }];
      socket().deliver({ ev: 'pages', pages });
      await time.tick();
      expect(link.state.pages).toEqual(pages);
    });

    it('saves a page and resolves with its new revision', async () => {
      const { link, time, socket } = await connected();
      const saved = link.savePage('bass', null, PAGE);
      await time.tick();
      expect(socket().messages()).toEqual([
        { op: 'save_page', name: 'bass', revision: null, page: PAGE, id: expect.any(Number) as unknown },
      ]);
      socket().answer((m) => m.op === 'save_page', { ok: true, result: { name: 'bass', revision: 'r2' } });
      expect(await saved).toEqual({ name: 'bass', revision: 'r2' });
    });

    it('rejects a refused save with the typed error, and a reply that is no revision as bad_request', async () => {
      const { link, time, socket } = await connected();
      const stale = link.savePage('bass', 'r1', PAGE);
      const odd = link.savePage('keys', null, PAGE);
      await time.tick();
      socket().answer((m) => m.name === 'bass', { ok: false, error: { code: 'conflict', message: 'changed' } });
      socket().answer((m) => m.name === 'keys', { ok: true, result: null });
      await expect(stale).rejects.toEqual(new LinkError('conflict', 'changed'));
      await expect(odd).rejects.toMatchObject({ code: 'bad_request' });
    });

    it('lists and deletes pages', async () => {
      const { link, time, socket } = await connected();
      const listed = link.listPages();
      const deleted = link.deletePage('bass', 'r1');
      await time.tick();
      expect(socket().messages()).toEqual([
        { op: 'pages', id: expect.any(Number) as unknown },
        { op: 'delete_page', name: 'bass', revision: 'r1', id: expect.any(Number) as unknown },
      ]);
      const pages = [{ name: 'bass', revision: 'r1', error: 'not JSON' }];
      socket().answer((m) => m.op === 'pages', { ok: true, result: { pages } });
      socket().answer((m) => m.op === 'delete_page', { ok: true, result: null });
      expect(await listed).toEqual(pages);
      await expect(deleted).resolves.toBeUndefined();
    });
  });

  describe('#midi', () => {
    it('sends notes at once, each in its own frame, before the other requests of the tick', async () => {
      const { link, time, socket } = await connected();
      const before = socket().frames.length;
      link.get('live_set', 'tempo').catch(() => {}); // never answered: the link closes after the test
      link.midi([{ type: 'note_on', channel: 0, note: 60, velocity: 90 }]);
      link.midi([{ type: 'pitch_bend', channel: 0, value: 100 }]);
      // nothing waited for the tick: the notes are on the wire already, in the order played
      expect(socket().frames.slice(before)).toEqual([
        { op: 'midi', messages: [{ type: 'note_on', channel: 0, note: 60, velocity: 90 }] },
        { op: 'midi', messages: [{ type: 'pitch_bend', channel: 0, value: 100 }] },
      ]);
      await time.tick();
      expect(socket().lastFrame()).toMatchObject({ op: 'get', target: 'live_set', prop: 'tempo' });
    });
  });
});
