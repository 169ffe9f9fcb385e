import { TestScheduler } from 'rxjs/testing';
import { describe, expect, it } from 'vitest';
import { batchPerTick } from './batch-per-tick';

// One TestScheduler per test: a reused one drifts between run() calls.
const scheduler = (): TestScheduler => new TestScheduler((actual, expected) => expect(actual).toEqual(expected));

describe('batchPerTick', () => {
  it('puts everything emitted in one frame into one array', () => {
    const test = scheduler();
    test.run(({ cold, expectObservable }) => {
      const source = cold('(abc)-d--(ef)|');
      // a group in a marble takes as many frames as it has characters
      expectObservable(source.pipe(batchPerTick(test))).toBe('x-----y--z---|', {
        x: ['a', 'b', 'c'],
        y: ['d'],
        z: ['e', 'f'],
      });
    });
  });

  it('sends what is pending before an error', () => {
    const test = scheduler();
    test.run(({ cold, expectObservable }) => {
      expectObservable(cold('(ab#)').pipe(batchPerTick(test))).toBe('(x#)', { x: ['a', 'b'] });
    });
  });
});
