import { describe, expect, it } from 'vitest';
import { LinkError } from './errors';
import { Requests } from './requests';
import { VirtualTime } from './virtual-time';

/** Requests on virtual time, with the frames they put on the wire. */
function setUp(timeoutMs = 30_000) {
  const time = new VirtualTime();
  const frames: unknown[] = [];
  let online = true;
  const requests = new Requests({
    transmit: (frame) => frames.push(JSON.parse(frame)),
    online: () => online,
    timeoutMs,
    batchScheduler: time.scheduler,
    timerScheduler: time.scheduler,
  });
  return { requests, time, frames, setOnline: (now: boolean) => (online = now) };
}

describe('Requests', () => {
  describe('#request', () => {
    it('sends one tick as one frame, a lone message as itself, with fresh ids', async () => {
      const { requests, time, frames } = setUp();
      void requests.request({ op: 'get', target: 'live_set', prop: 'tempo' });
      void requests.request({ op: 'describe', target: 'live_set' });
      await time.tick();
      void requests.request({ op: 'ping' });
      await time.tick();
      expect(frames).toEqual([
        [
          { op: 'get', target: 'live_set', prop: 'tempo', id: 1 },
          { op: 'describe', target: 'live_set', id: 2 },
        ],
        { op: 'ping', id: 3 },
      ]);
    });

    it('settles with the result, or the typed error', async () => {
      const { requests } = setUp();
      const tempo = requests.request({ op: 'get', target: 'live_set', prop: 'tempo' });
      const name = requests.request({ op: 'get', target: 'live_set', prop: '__class__' });
      requests.receive({ id: 2, ok: false, error: { code: 'forbidden', message: 'not API' } });
      requests.receive({ id: 1, ok: true, result: 120 });
      await expect(tempo).resolves.toBe(120);
      await expect(name).rejects.toEqual(new LinkError('forbidden', 'not API'));
    });

    it('fails at once, sending nothing, while the bridge has not greeted the link', async () => {
      const { requests, time, frames, setOnline } = setUp();
      setOnline(false);
      await expect(requests.request({ op: 'ping' })).rejects.toEqual(
        new LinkError('unavailable', 'not connected to the bridge'),
      );
      await time.tick();
      expect(frames).toEqual([]);
    });

    it('settles hundreds in flight by id in any order, and times out each unanswered one at its own deadline', async () => {
      const { requests, time } = setUp(1000);
      const outcomes = new Map<number, string>();
      const ids = Array.from({ length: 400 }, (_, index) => {
        void requests.request({ op: 'ping' }, index % 3 === 0 ? 500 : 1000).then(
          (result) => outcomes.set(index + 1, `ok ${JSON.stringify(result)}`),
          (error: LinkError) => outcomes.set(index + 1, error.code),
        );
        return index + 1;
      });
      await time.tick();
      // every other one answered, from the last to the first
      for (const id of [...ids].reverse()) if (id % 2 === 0) requests.receive({ id, ok: true, result: id });
      await time.advance(499);
      expect([...outcomes.values()].filter((outcome) => outcome === 'timeout')).toEqual([]);
      await time.advance(1);
      // the unanswered with 500 ms (index % 3 === 0: ids 1, 4, 7...) end now, the others at 1000 ms
      expect(outcomes.get(1)).toBe('timeout');
      expect(outcomes.get(3)).toBeUndefined();
      await time.advance(500);
      expect(outcomes.size).toBe(400);
      for (const id of ids) expect(outcomes.get(id)).toBe(id % 2 === 0 ? `ok ${id}` : 'timeout');
    });

    it('keeps every deadline when thousands were answered ahead of the unanswered (the queue compacts)', async () => {
      const { requests, time } = setUp(1000);
      const outcomes = new Map<number, string>();
      const ask = (id: number) =>
        void requests.request({ op: 'ping' }).then(
          () => outcomes.set(id, 'ok'),
          (error: LinkError) => outcomes.set(id, error.code),
        );
      for (let id = 1; id <= 2000; id += 1) ask(id);
      await time.tick();
      for (let id = 1; id <= 1025; id += 1) requests.receive({ id, ok: true, result: null });
      await time.advance(500);
      ask(2001); // its deadline drops the answered ones ahead: the queue compacts where 1026 waits
      await time.tick();
      await time.advance(500);
      const timedOut = [...outcomes].filter(([, outcome]) => outcome === 'timeout').map(([id]) => id);
      expect(timedOut).toEqual(Array.from({ length: 975 }, (_, index) => 1026 + index));
      await time.advance(500);
      expect(outcomes.get(2001)).toBe('timeout');
      expect(outcomes.size).toBe(2001);
    });

    it('times out on the timer scheduler, and a late reply changes nothing', async () => {
      const { requests, time } = setUp(1000);
      const reply = requests.request({ op: 'ping' });
      const short = requests.request({ op: 'ping' }, 10);
      await time.advance(10);
      await expect(short).rejects.toEqual(new LinkError('timeout', 'no reply within 10 ms'));
      await time.advance(989);
      requests.receive({ id: 2, ok: true, result: null });
      await time.advance(1);
      await expect(reply).rejects.toMatchObject({ code: 'timeout' });
    });
  });

  it('settles everything pending with unavailable when the connection is lost', async () => {
    const { requests } = setUp();
    const pending = [requests.request({ op: 'ping' }), requests.request({ op: 'ping' })];
    const observed: unknown[] = [];
    requests.replyTo(requests.nextId()).subscribe((reply) => observed.push(reply));
    requests.lost();
    for (const outcome of await Promise.allSettled(pending))
      expect(outcome).toMatchObject({ status: 'rejected', reason: { code: 'unavailable' } });
    expect(observed).toMatchObject([{ ok: false, error: { code: 'unavailable' } }]);
    requests.lost(); // nothing is pending twice
    expect(observed).toHaveLength(1);
  });

  it('delivers a reply while its frame is read', () => {
    const { requests } = setUp();
    const seen: string[] = [];
    requests.replyTo(7).subscribe(() => seen.push('reply'));
    requests.receive({ id: 7, ok: true, result: 1 });
    seen.push('next message');
    expect(seen).toEqual(['reply', 'next message']);
  });

  it('sends an exchange at once, alone, and resolves with its reply whatever it says', async () => {
    const { requests, frames } = setUp();
    void requests.request({ op: 'ping' });
    const hello = requests.exchange({ op: 'hello', protocol: 1, client: 'test' });
    expect(frames).toEqual([{ op: 'hello', protocol: 1, client: 'test', id: 2 }]);
    requests.receive({ id: 2, ok: false, error: { code: 'bad_request', message: 'old' } });
    await expect(hello).resolves.toMatchObject({ ok: false });
  });

  it('ignores a reply without an id', () => {
    const { requests } = setUp();
    expect(() => requests.receive({ id: null, ok: false, error: { code: 'bad_request', message: '?' } })).not.toThrow();
  });
});
