import { TestScheduler } from 'rxjs/testing';
import { describe, expect, it } from 'vitest';
import type { LinkState } from '../link/live-link';
import type { LiveStatusEvent } from './effects';
import { liveEpochs } from './live-epochs';

// One TestScheduler per test: a reused one drifts between run() calls.
const scheduler = (): TestScheduler => new TestScheduler((actual, expected) => expect(actual).toEqual(expected));

/** The link's states by letter: c connecting, o online, f Live offline, r reconnecting. */
const STATES: Record<string, Pick<LinkState, 'status'>> = {
  c: { status: 'connecting' },
  o: { status: 'online' },
  f: { status: 'live-offline' },
  r: { status: 'reconnecting' },
};

const status = (usable: boolean, epoch: number): LiveStatusEvent => ({ type: 'live.status', usable, epoch });

describe('liveEpochs', () => {
  it('starts a new epoch each time Live becomes usable again', () => {
    const test = scheduler();
    test.run(({ cold, expectObservable }) => {
      expectObservable(cold('o-f-o-r-o', STATES).pipe(liveEpochs())).toBe('a-b-c-d-e', {
        a: status(true, 1),
        b: status(false, 1),
        c: status(true, 2),
        d: status(false, 2),
        e: status(true, 3),
      });
    });
  });

  it('says nothing new while the link changes without Live becoming usable or not', () => {
    const test = scheduler();
    test.run(({ cold, expectObservable }) => {
      expectObservable(cold('o-o-f-r-c-o-o', STATES).pipe(liveEpochs())).toBe('a---b-----c--', {
        a: status(true, 1),
        b: status(false, 1),
        c: status(true, 2),
      });
    });
  });

  it('before Live was first usable, says only that it is not', () => {
    const test = scheduler();
    test.run(({ cold, expectObservable }) => {
      expectObservable(cold('c-r-f-o', STATES).pipe(liveEpochs())).toBe('a-----b', {
        a: status(false, 0),
        b: status(true, 1),
      });
    });
  });
});
