import { of } from 'rxjs';
import { TestScheduler } from 'rxjs/testing';
import { describe, expect, it } from 'vitest';
import { LinkError } from '../errors';
import { replyWithin } from './reply-within';

// One TestScheduler per test: a reused one drifts between run() calls.
const scheduler = (): TestScheduler => new TestScheduler((actual, expected) => expect(actual).toEqual(expected));

describe('replyWithin', () => {
  it('passes the first reply', () => {
    const test = scheduler();
    test.run(({ cold, expectObservable }) => {
      expectObservable(cold('--r-s').pipe(replyWithin(5, test))).toBe('--(r|)');
    });
  });

  it('ends with a typed timeout', () => {
    const test = scheduler();
    test.run(({ cold, expectObservable }) => {
      expectObservable(cold('-------r').pipe(replyWithin(5, test))).toBe(
        '-----#',
        undefined,
        new LinkError('timeout', 'no reply within 5 ms'),
      );
    });
  });

  it('is immediate for a value already there', async () => {
    await expect(new Promise((resolve) => of(1).pipe(replyWithin(5)).subscribe(resolve))).resolves.toBe(1);
  });
});
