import { TestScheduler } from 'rxjs/testing';
import { describe, expect, it } from 'vitest';
import { LinkError } from '../link/errors';
import type { JsonValue } from '../protocol/src/index';
import type { ObserveInput } from './effects';
import { observeMany } from './observe-many';

// One TestScheduler per test: a reused one drifts between run() calls.
const scheduler = (): TestScheduler => new TestScheduler((actual, expected) => expect(actual).toEqual(expected));

const wanted = (...keys: string[]): ObserveInput[] => keys.map((key) => ({ target: `id ${key}`, prop: 'name', key }));
const value = (key: string, v: JsonValue) => ({ type: 'live.value', key, value: v });

describe('observeMany', () => {
  it('starts the observations new in a set, stops those left out, and leaves those kept alone', () => {
    const test = scheduler();
    test.run(({ cold, hot, expectObservable, expectSubscriptions }) => {
      const x = cold('1-2-3-4-5-6', { 1: 'x1', 2: 'x2', 3: 'x3', 4: 'x4', 5: 'x5', 6: 'x6' });
      const y = cold('1---2---3', { 1: 'y1', 2: 'y2', 3: 'y3' });
      const observe = (input: ObserveInput) => (input.key === 'x' ? x : y);
      const sets = hot('a--b-----c', { a: wanted('x'), b: wanted('x', 'y'), c: wanted('y') });
      expectObservable(sets.pipe(observeMany(observe))).toBe('a-bcd-efg--h', {
        a: value('x', 'x1'),
        b: value('x', 'x2'),
        c: value('y', 'y1'),
        d: value('x', 'x3'),
        e: value('x', 'x4'),
        f: value('y', 'y2'),
        g: value('x', 'x5'),
        h: value('y', 'y3'),
      });
      // x observed once from a until c, though b wanted it again
      expectSubscriptions(x.subscriptions).toBe('^--------!');
      expectSubscriptions(y.subscriptions).toBe('---^');
    });
  });

  it('tells of an observation that ends with an error, and keeps the others', () => {
    const test = scheduler();
    test.run(({ cold, hot, expectObservable }) => {
      const gone = new LinkError('gone', 'id x was deleted');
      const observe = (input: ObserveInput) =>
        input.key === 'x' ? cold('1-#', { 1: 'x1' }, gone) : cold('-1---2', { 1: 'y1', 2: 'y2' });
      const sets = hot('a', { a: wanted('x', 'y') });
      expectObservable(sets.pipe(observeMany(observe))).toBe('abc--d', {
        a: value('x', 'x1'),
        b: value('y', 'y1'),
        c: { type: 'live.failed', key: 'x', error: gone },
        d: value('y', 'y2'),
      });
    });
  });

  it('observes again a key wanted again after it was left out', () => {
    const test = scheduler();
    test.run(({ cold, hot, expectObservable, expectSubscriptions }) => {
      const x = cold('1', { 1: 'x1' });
      const sets = hot('a-b-a', { a: wanted('x'), b: wanted() });
      expectObservable(sets.pipe(observeMany(() => x))).toBe('a---a', { a: value('x', 'x1') });
      expectSubscriptions(x.subscriptions).toBe(['^-!', '----^']);
    });
  });
});
