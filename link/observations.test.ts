import { firstValueFrom, toArray } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { LinkError } from './errors';
import { Observations } from './observations';
import { Requests } from './requests';
import { VirtualTime } from './virtual-time';

/** Observations over real Requests on virtual time; `sent` is every message put on the wire. */
function setUp() {
  const time = new VirtualTime();
  const sent: { op: string; id: number; [key: string]: unknown }[] = [];
  let online = true;
  const requests = new Requests({
    transmit: (frame) => sent.push(...([JSON.parse(frame)].flat() as never[])),
    online: () => online,
    timeoutMs: 30_000,
    batchScheduler: time.scheduler,
    timerScheduler: time.scheduler,
  });
  const observations = new Observations(requests, () => online);
  const observeIds = (): number[] => sent.filter((m) => m.op === 'observe').map((m) => m.id);
  return { observations, requests, time, sent, observeIds, setOnline: (now: boolean) => (online = now) };
}

describe('Observations', () => {
  it('gives the current value, then changes, in the order the frame had them', async () => {
    const { observations, requests, time, observeIds } = setUp();
    const values = firstValueFrom(observations.observe('live_set', 'tempo').pipe(toArray()));
    await time.tick();
    const [obs] = observeIds() as [number];
    requests.receive({ id: obs, ok: true, result: 120 });
    observations.changes({ ev: 'changes', changes: [{ obs, value: 121 }] });
    observations.gone({ ev: 'gone', obs, message: 'deleted' });
    await expect(values).rejects.toEqual(new LinkError('gone', 'deleted'));
  });

  it('waits for the hello before it asks, and asks again after each', async () => {
    const { observations, requests, time, observeIds, setOnline } = setUp();
    setOnline(false);
    const values: unknown[] = [];
    observations.observe('live_set', 'tempo').subscribe((value) => values.push(value));
    await time.tick();
    expect(observeIds()).toEqual([]);
    setOnline(true);
    observations.restart();
    await time.tick();
    const [first] = observeIds() as [number];
    requests.receive({ id: first, ok: true, result: 120 });
    // the socket is lost, a new one greeted: the old handle is dead
    requests.lost();
    observations.restart();
    await time.tick();
    const second = observeIds()[1] as number;
    observations.changes({ ev: 'changes', changes: [{ obs: first, value: 1 }] });
    requests.receive({ id: second, ok: true, result: 126 });
    expect(values).toEqual([120, 126]);
  });

  it('ends with the error the bridge gives, but keeps waiting through unavailable and timeout', async () => {
    const { observations, requests, time, observeIds } = setUp();
    const refused = firstValueFrom(observations.observe('live_set', '__class__'));
    const kept: unknown[] = [];
    const errors: unknown[] = [];
    observations.observe('live_set', 'tempo').subscribe({ next: (v) => kept.push(v), error: (e) => errors.push(e) });
    await time.tick();
    const [refusedId, keptId] = observeIds() as [number, number];
    requests.receive({ id: refusedId, ok: false, error: { code: 'forbidden', message: 'not API' } });
    requests.receive({ id: keptId, ok: false, error: { code: 'timeout', message: 'slow Live' } });
    await expect(refused).rejects.toEqual(new LinkError('forbidden', 'not API'));
    expect(errors).toEqual([]);
  });

  it('unobserves when the last subscriber leaves, unless the link is offline', async () => {
    const { observations, requests, time, sent, observeIds, setOnline } = setUp();
    const first = observations.observe('live_set', 'tempo').subscribe();
    const second = observations.observe('live_set', 'tempo').subscribe();
    const other = observations.observe('live_set', 'metronome').subscribe();
    await time.tick();
    const [tempo, metronome] = observeIds() as [number, number];
    requests.receive({ id: tempo, ok: true, result: 120 });
    requests.receive({ id: metronome, ok: true, result: false });
    first.unsubscribe();
    await time.tick();
    expect(sent.filter((m) => m.op === 'unobserve')).toEqual([]);
    second.unsubscribe();
    setOnline(false);
    other.unsubscribe();
    setOnline(true);
    await time.tick();
    expect(sent.filter((m) => m.op === 'unobserve').map((m) => m.obs)).toEqual([tempo]);
  });

  it('ignores changes and gone for handles it does not hold', () => {
    const { observations } = setUp();
    expect(() => {
      observations.changes({ ev: 'changes', changes: [{ obs: 99, value: 1 }] });
      observations.gone({ ev: 'gone', obs: 99, message: 'deleted' });
    }).not.toThrow();
  });
});
