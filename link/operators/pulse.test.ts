import { TestScheduler } from 'rxjs/testing';
import { describe, expect, it } from 'vitest';
import { pulse } from './pulse';

// One TestScheduler per test: a reused one drifts between run() calls.
const scheduler = (): TestScheduler => new TestScheduler((actual, expected) => expect(actual).toEqual(expected));

describe('pulse', () => {
  it('ticks at once on each value, then at the pace of that value', () => {
    const test = scheduler();
    test.run(({ hot, expectObservable }) => {
      const touched = hot('s 9ms f 4ms s', { s: 'slow', f: 'fast' });
      expectObservable(touched.pipe(pulse((pace) => (pace === 'fast' ? 2 : 4), test)), '^ 17ms !').toBe(
        's 3ms s 3ms s 1ms f 1ms f 1ms f s',
        { s: 'slow', f: 'fast' },
      );
    });
  });
});
