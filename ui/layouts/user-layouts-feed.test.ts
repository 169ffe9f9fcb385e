import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { UserLayoutsIndex } from '../../common/user-layouts';
import { UserLayoutsFeed } from './user-layouts-feed';

const EVERY_MS = 1000;

const indexOf = (version: string, folder: string | null = '/layouts'): UserLayoutsIndex => ({
  folder,
  layouts: folder === null ? [] : [{ name: 'mine', version }],
});

/** A feed on a scripted bridge: `answers` are given in turn (the last one again), `null` a failed fetch. */
function feedOn(answers: (UserLayoutsIndex | null | Error)[]) {
  let fetches = 0;
  let visible = true;
  let wake: (() => void) | null = null;
  const feed = new UserLayoutsFeed({
    fetchIndex: () => {
      const answer = answers[Math.min(fetches, answers.length - 1)] ?? null;
      fetches += 1;
      return answer instanceof Error ? Promise.reject(answer) : Promise.resolve(answer);
    },
    visible: () => visible,
    onWake: (callback) => {
      wake = callback;
      return () => {
        wake = null;
      };
    },
    everyMs: EVERY_MS,
  });
  const heard: (UserLayoutsIndex | null)[] = [];
  return {
    feed,
    heard,
    listen: () => feed.subscribe(() => heard.push(feed.snapshot())),
    fetches: () => fetches,
    hide: () => (visible = false),
    wake: () => wake?.(),
    waking: () => wake !== null,
  };
}

const tick = (ms: number) => vi.advanceTimersByTimeAsync(ms);

describe('UserLayoutsFeed', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('fetches when first listened to, then every few seconds, telling listeners only of changes', async () => {
    const bridge = feedOn([indexOf('1'), indexOf('1'), indexOf('2')]);
    expect(bridge.feed.snapshot()).toBeNull();
    bridge.listen();
    await tick(0);
    expect(bridge.fetches()).toBe(1);
    expect(bridge.heard).toEqual([indexOf('1')]);
    await tick(EVERY_MS);
    expect(bridge.fetches()).toBe(2);
    expect(bridge.heard).toEqual([indexOf('1')]);
    await tick(EVERY_MS);
    expect(bridge.heard).toEqual([indexOf('1'), indexOf('2')]);
  });

  it('does not poll while the page is hidden, and fetches at once when the window comes back', async () => {
    const bridge = feedOn([indexOf('1'), indexOf('2')]);
    bridge.listen();
    await tick(0);
    bridge.hide();
    await tick(EVERY_MS * 5);
    expect(bridge.fetches()).toBe(1);
    bridge.wake();
    await tick(0);
    expect(bridge.fetches()).toBe(2);
    expect(bridge.feed.snapshot()).toEqual(indexOf('2'));
  });

  it('keeps the last list when a fetch fails (the bridge restarting)', async () => {
    const bridge = feedOn([indexOf('1'), null, new Error('network'), indexOf('3')]);
    bridge.listen();
    await tick(0);
    await tick(EVERY_MS * 2);
    expect(bridge.feed.snapshot()).toEqual(indexOf('1'));
    await tick(EVERY_MS);
    expect(bridge.feed.snapshot()).toEqual(indexOf('3'));
    expect(bridge.heard).toEqual([indexOf('1'), indexOf('3')]);
  });

  it('stops polling a bridge that serves no layouts of a user, but asks again when the window comes back', async () => {
    const bridge = feedOn([indexOf('', null)]);
    bridge.listen();
    await tick(EVERY_MS * 5);
    expect(bridge.fetches()).toBe(1);
    bridge.wake();
    await tick(0);
    expect(bridge.fetches()).toBe(2);
  });

  it('stops when the last listener goes, and starts again with the next', async () => {
    const bridge = feedOn([indexOf('1')]);
    const stopFirst = bridge.listen();
    const stopSecond = bridge.listen();
    await tick(0);
    stopFirst();
    await tick(EVERY_MS);
    expect(bridge.fetches()).toBe(2);
    stopSecond();
    expect(bridge.waking()).toBe(false);
    await tick(EVERY_MS * 5);
    expect(bridge.fetches()).toBe(2);
    bridge.listen();
    await tick(0);
    expect(bridge.fetches()).toBe(3);
    expect(bridge.waking()).toBe(true);
  });

  it('asks once at a time', async () => {
    const bridge = feedOn([indexOf('1')]);
    await Promise.all([bridge.feed.refresh(), bridge.feed.refresh(), bridge.feed.refresh()]);
    expect(bridge.fetches()).toBe(1);
  });
});
