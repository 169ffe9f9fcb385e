import { BehaviorSubject } from 'rxjs';
import { describe, expect, it } from 'vitest';
import type { RttStats } from './rtt';
import { KeepAlive } from './keep-alive';
import { VirtualTime } from './virtual-time';

/** Keep-alive on virtual time: each ping is answered `latencyMs` later, or fails when `failing`. */
function setUp(latencyMs = 20) {
  const time = new VirtualTime();
  const online$ = new BehaviorSubject(false);
  const pingedAt: number[] = [];
  let failing = false;
  const keepAlive = new KeepAlive({
    online$,
    ping: () => {
      pingedAt.push(time.now);
      return new Promise((resolve, reject) =>
        time.scheduler.schedule(() => (failing ? reject(new Error('lost')) : resolve(null)), latencyMs),
      );
    },
    everyMs: 1000,
    whileTouchedMs: 100,
    scheduler: time.scheduler,
    now: () => time.now,
  });
  const rtts: RttStats[] = [];
  const subscription = keepAlive.rtt$.subscribe((rtt) => rtts.push(rtt));
  return { keepAlive, time, online$, pingedAt, rtts, subscription, fail: () => (failing = true) };
}

describe('KeepAlive', () => {
  it('pings only while online: at once, then every everyMs', async () => {
    const { time, online$, pingedAt, subscription } = setUp();
    await time.advance(5000);
    expect(pingedAt).toEqual([]);
    online$.next(true);
    await time.advance(2500);
    expect(pingedAt).toEqual([5000, 6000, 7000]);
    online$.next(false);
    await time.advance(5000);
    expect(pingedAt).toHaveLength(3);
    subscription.unsubscribe();
  });

  it('pings at once when touched or released, and every whileTouchedMs meanwhile', async () => {
    const { keepAlive, time, online$, pingedAt, subscription } = setUp();
    online$.next(true);
    await time.advance(500);
    keepAlive.touch(true);
    keepAlive.touch(true);
    await time.advance(250);
    keepAlive.touch(false);
    await time.advance(100);
    keepAlive.touch(false);
    keepAlive.touch(false); // more releases than touches: still released
    await time.advance(1000);
    expect(pingedAt).toEqual([0, 500, 600, 700, 800, 850, 1850]);
    subscription.unsubscribe();
  });

  it('measures round trips on its clock, and a failed ping is no sample', async () => {
    const { time, online$, rtts, subscription, fail } = setUp(20);
    online$.next(true);
    await time.advance(1500);
    expect(rtts.map((rtt) => [rtt.last, rtt.samples])).toEqual([
      [20, 1],
      [20, 2],
    ]);
    fail();
    await time.advance(1000);
    expect(rtts).toHaveLength(2);
    subscription.unsubscribe();
  });
});
