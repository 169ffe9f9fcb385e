import { TestScheduler } from 'rxjs/testing';
import { describe, expect, it } from 'vitest';
import { latestWins, latestWinsByKey } from './latest-wins';

// One TestScheduler per test: a reused one drifts between run() calls.
const scheduler = (): TestScheduler => new TestScheduler((actual, expected) => expect(actual).toEqual(expected));

describe('latestWins', () => {
  it('keeps one send in flight, replaces the waiting value, always sends the last', () => {
    const test = scheduler();
    test.run(({ cold, hot, expectObservable }) => {
      const values = hot('a-b-c-d-------|');
      const sent: string[] = [];
      const replies = values.pipe(
        latestWins((value) => {
          sent.push(value);
          return cold('---r|', { r: value.toUpperCase() });
        }),
      );
      // a goes at once; b and c arrive while a is in flight: c replaces b; d waits for c
      expectObservable(replies).toBe('---A---C---D--|');
      test.flush();
      expect(sent).toEqual(['a', 'c', 'd']);
    });
  });

  it('goes on after a failed send', () => {
    const test = scheduler();
    test.run(({ cold, hot, expectObservable }) => {
      const values = hot('a-b---|');
      const replies = values.pipe(latestWins((value) => (value === 'a' ? cold('-#') : cold('-r|', { r: value }))));
      expectObservable(replies).toBe('---b--|');
    });
  });

  it('keeps keys independent', () => {
    const test = scheduler();
    test.run(({ cold, hot, expectObservable }) => {
      const values = hot('a-x-b-y--|', { a: 'vol:1', b: 'vol:2', x: 'pan:1', y: 'pan:2' });
      const replies = values.pipe(
        latestWinsByKey(
          (v) => v.split(':')[0] as string,
          (v) => cold('---r|', { r: v }),
        ),
      );
      expectObservable(replies).toBe('---a-x-b-y|', { a: 'vol:1', b: 'vol:2', x: 'pan:1', y: 'pan:2' });
    });
  });
});
