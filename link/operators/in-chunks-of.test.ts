import { TestScheduler } from 'rxjs/testing';
import { describe, expect, it } from 'vitest';
import { inChunksOf } from './in-chunks-of';

// One TestScheduler per test: a reused one drifts between run() calls.
const scheduler = (): TestScheduler => new TestScheduler((actual, expected) => expect(actual).toEqual(expected));

describe('inChunksOf', () => {
  it('splits each array into pieces of the size, in order, the last one shorter', () => {
    const test = scheduler();
    test.run(({ cold, expectObservable }) => {
      const source = cold('a 9ms b 9ms c|', { a: [1, 2, 3, 4, 5], b: [6, 7], c: [] as number[] });
      expectObservable(source.pipe(inChunksOf(2))).toBe('(xyz) 5ms w 9ms -|', {
        x: [1, 2],
        y: [3, 4],
        z: [5],
        w: [6, 7],
      });
    });
  });

  it('refuses a size that cannot hold an item', () => {
    expect(() => inChunksOf(0)).toThrow(RangeError);
  });
});
