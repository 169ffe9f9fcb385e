import { describe, expect, it } from 'vitest';
import { CLIENT_LIMITS, type JsonValue } from '../protocol/src/index';
import { memoryLog } from './log';
import { Observations, type Observer } from './observations';
import type { Outcome, RequestBody } from './script-requests';

/** An upstream that records requests and settles them when the test says. */
class FakeUpstream {
  nextId = 1;
  sent: { id: number; body: RequestBody; settle: (outcome: Outcome) => void }[] = [];

  send(body: RequestBody): { id: number; outcome: Promise<Outcome> } {
    const id = this.nextId++;
    let settle!: (outcome: Outcome) => void;
    const outcome = new Promise<Outcome>((resolve) => (settle = resolve));
    this.sent.push({ id, body, settle });
    return { id, outcome };
  }

  answer(index: number, outcome: Outcome): void {
    this.sent[index]?.settle(outcome);
  }

  ops(): string[] {
    return this.sent.map((request) => request.body.op);
  }
}

class RecordingObserver implements Observer {
  changes: [number, JsonValue][] = [];
  goneIds: [number, string][] = [];
  constructor(readonly id: number) {}
  change(obs: number, value: JsonValue): void {
    this.changes.push([obs, value]);
  }
  gone(obs: number, message: string): void {
    this.goneIds.push([obs, message]);
  }
}

const ref = { $ref: 1, type: 'Song', path: 'live_set' };

function setup(): { upstream: FakeUpstream; hub: Observations; a: RecordingObserver; b: RecordingObserver } {
  const upstream = new FakeUpstream();
  return {
    upstream,
    hub: new Observations(upstream, memoryLog()),
    a: new RecordingObserver(1),
    b: new RecordingObserver(2),
  };
}

describe('Observations', () => {
  describe('#observe', () => {
    it('shares one upstream observation among every observer of a key', async () => {
      const { upstream, hub, a, b } = setup();
      const first = hub.observe(a, 10, 'live_set', 'tempo');
      const second = hub.observe(b, 77, '  live_set ', 'tempo');
      upstream.answer(0, { ok: true, result: 120, ref });
      expect(await first).toEqual({ ok: true, result: 120, ref });
      expect(await second).toEqual({ ok: true, result: 120, ref });
      expect(upstream.ops()).toEqual(['observe']);
      hub.handle({ ev: 'changes', changes: [{ obs: 1, value: 121 }] });
      expect(a.changes).toEqual([[10, 121]]);
      expect(b.changes).toEqual([[77, 121]]);
    });

    it('gives a late observer the cached value without a round trip', async () => {
      const { upstream, hub, a, b } = setup();
      const first = hub.observe(a, 1, 'live_set', 'tempo');
      upstream.answer(0, { ok: true, result: 120, ref });
      await first;
      hub.handle({ ev: 'changes', changes: [{ obs: 1, value: 99 }] });
      expect(await hub.observe(b, 5, 'live_set', 'tempo')).toEqual({ ok: true, result: 99, ref });
      expect(upstream.sent).toHaveLength(1);
    });

    it('passes errors on and keeps nothing', async () => {
      const { upstream, hub, a } = setup();
      const pending = hub.observe(a, 1, 'live_set', 'nope');
      upstream.answer(0, { ok: false, error: { code: 'forbidden', message: 'not API' } });
      expect(await pending).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      expect(hub.size).toBe(0);
      expect(hub.unobserve(a, 1)).toMatchObject({ ok: false, error: { code: 'not_found' } });
    });

    it('refuses a bad path and a reused id', async () => {
      const { upstream, hub, a } = setup();
      expect(await hub.observe(a, 1, 'tracks 0', 'name')).toMatchObject({ ok: false, error: { code: 'bad_request' } });
      const pending = hub.observe(a, 2, 'live_set', 'tempo');
      upstream.answer(0, { ok: true, result: 1, ref });
      await pending;
      expect(await hub.observe(a, 2, 'live_set', 'is_playing')).toMatchObject({
        ok: false,
        error: { code: 'bad_request' },
      });
    });

    it('holds a client to CLIENT_LIMITS.maxObservations, pending ones included', async () => {
      const { hub, a, b } = setup();
      const limit = CLIENT_LIMITS.maxObservations;
      for (let obs = 1; obs <= limit; obs += 1) void hub.observe(a, obs, `live_set tracks ${obs}`, 'name');
      expect(await hub.observe(a, limit + 1, 'live_set', 'tempo')).toEqual({
        ok: false,
        error: {
          code: 'bad_request',
          message: `a client may hold at most ${limit} observations; unobserve some first`,
        },
      });
      expect(hub.unobserve(a, 1)).toEqual({ ok: true, result: null });
      void hub.observe(a, limit + 2, 'live_set', 'tempo');
      expect(await hub.observe(a, limit + 3, 'live_set', 'tempo')).toMatchObject({ ok: false });
      // another client has its own allowance
      void hub.observe(b, 1, 'live_set', 'tempo');
      expect(hub.size).toBe(limit);
    });
  });

  describe('#unobserve', () => {
    it('drops the upstream observation with the last observer', async () => {
      const { upstream, hub, a, b } = setup();
      const pending = [hub.observe(a, 1, 'live_set', 'tempo'), hub.observe(b, 1, 'live_set', 'tempo')];
      upstream.answer(0, { ok: true, result: 120, ref });
      await Promise.all(pending);
      expect(hub.unobserve(a, 1)).toEqual({ ok: true, result: null });
      expect(upstream.ops()).toEqual(['observe']);
      hub.dropObserver(b);
      expect(upstream.sent[1]?.body).toEqual({ op: 'unobserve', obs: 1 });
      expect(hub.size).toBe(0);
    });

    it('drops an observation still being established once it is', async () => {
      const { upstream, hub, a } = setup();
      const pending = hub.observe(a, 1, 'live_set', 'tempo');
      hub.dropObserver(a);
      expect(upstream.ops()).toEqual(['observe']);
      upstream.answer(0, { ok: true, result: 120, ref });
      await pending;
      await Promise.resolve();
      expect(upstream.ops()).toEqual(['observe', 'unobserve']);
    });
  });

  describe('#handle', () => {
    it('tells observers when the object is gone', async () => {
      const { upstream, hub, a } = setup();
      const pending = hub.observe(a, 3, 'live_set tracks 1', 'name');
      upstream.answer(0, { ok: true, result: 'Perc', ref: { $ref: 4, type: 'Track', path: 'live_set tracks 1' } });
      await pending;
      hub.handle({ ev: 'gone', obs: 1, message: 'deleted' });
      expect(a.goneIds).toEqual([[3, 'deleted']]);
      expect(hub.size).toBe(0);
    });
  });

  describe('#restore', () => {
    it('observes again by path and tells what changed while Live was away', async () => {
      const { upstream, hub, a } = setup();
      const byId = hub.observe(a, 1, 'id 4', 'name');
      const unchanged = hub.observe(a, 2, 'live_set', 'tempo');
      upstream.answer(0, { ok: true, result: 'Perc', ref: { $ref: 4, type: 'Track', path: 'live_set tracks 1' } });
      upstream.answer(1, { ok: true, result: 120, ref });
      await Promise.all([byId, unchanged]);
      const restored = hub.restore();
      expect(upstream.sent.slice(2).map((r) => r.body)).toEqual([
        { op: 'observe', target: 'live_set tracks 1', prop: 'name' },
        { op: 'observe', target: 'live_set', prop: 'tempo' },
      ]);
      upstream.answer(2, {
        ok: true,
        result: 'Percussion',
        ref: { $ref: 1, type: 'Track', path: 'live_set tracks 1' },
      });
      upstream.answer(3, { ok: true, result: 120, ref });
      await restored;
      expect(a.changes).toEqual([[1, 'Percussion']]);
      hub.handle({
        ev: 'changes',
        changes: [
          { obs: 3, value: 'Perc 2' },
          { obs: 1, value: 'stale id' },
        ],
      });
      expect(a.changes).toEqual([
        [1, 'Percussion'],
        [1, 'Perc 2'],
      ]);
    });

    it('ends observations that cannot be made again', async () => {
      const { upstream, hub, a } = setup();
      const pending = hub.observe(a, 1, 'live_set tracks 7', 'name');
      upstream.answer(0, { ok: true, result: 'Vox', ref: { $ref: 9, type: 'Track', path: 'live_set tracks 7' } });
      await pending;
      const restored = hub.restore();
      upstream.answer(1, { ok: false, error: { code: 'not_found', message: 'tracks 7 does not exist' } });
      await restored;
      expect(a.goneIds).toEqual([[1, 'after Live came back: tracks 7 does not exist']]);
      expect(hub.size).toBe(0);
    });
  });
});
