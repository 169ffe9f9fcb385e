import { describe, expect, it } from 'vitest';
import { keepScreenAwake, type PageVisibility, type ScreenWakeLock, type WakeLockHold } from './wake-lock';

/** A wake lock that grants (or refuses) each request when the test says, and drops holds as a browser does. */
class FakeWakeLock implements ScreenWakeLock {
  readonly holds: { released: boolean; release(): Promise<void> }[] = [];
  private pending: { grant: () => void; refuse: () => void }[] = [];
  requests = 0;

  request(): Promise<WakeLockHold> {
    this.requests += 1;
    return new Promise((resolve, reject) => {
      this.pending.push({
        grant: () => {
          const hold = {
            released: false,
            release: () => {
              hold.released = true;
              return Promise.resolve();
            },
          };
          this.holds.push(hold);
          resolve(hold);
        },
        refuse: () => reject(new DOMException('battery saver', 'NotAllowedError')),
      });
    });
  }

  /** Answers the oldest request. */
  async answer(how: 'grant' | 'refuse'): Promise<void> {
    const next = this.pending.shift();
    if (!next) throw new Error('no request to answer');
    next[how]();
    await Promise.resolve();
    await Promise.resolve();
  }

  /** What the browser does when the page is hidden: every hold is released. */
  dropAll(): void {
    for (const hold of this.holds) hold.released = true;
  }

  get held(): number {
    return this.holds.filter((hold) => !hold.released).length;
  }
}

class FakePage implements PageVisibility {
  visibilityState: DocumentVisibilityState = 'visible';
  private listeners = new Set<() => void>();
  addEventListener(_type: 'visibilitychange', listener: () => void): void {
    this.listeners.add(listener);
  }
  removeEventListener(_type: 'visibilitychange', listener: () => void): void {
    this.listeners.delete(listener);
  }
  show(state: DocumentVisibilityState): void {
    this.visibilityState = state;
    for (const listener of this.listeners) listener();
  }
  get listening(): number {
    return this.listeners.size;
  }
}

describe('keepScreenAwake', () => {
  it('holds the lock from the start and lets it go at the end', async () => {
    const lock = new FakeWakeLock();
    const page = new FakePage();
    const end = keepScreenAwake(lock, page);
    expect(lock.requests).toBe(1);
    await lock.answer('grant');
    expect(lock.held).toBe(1);
    end();
    expect(lock.held).toBe(0);
    expect(page.listening).toBe(0);
  });

  it('does nothing, and nothing fails, where the browser has no wake lock', () => {
    const page = new FakePage();
    const end = keepScreenAwake(undefined, page);
    expect(page.listening).toBe(0);
    expect(() => end()).not.toThrow();
  });

  it('asks again each time the page shows after the browser dropped the lock, never twice while held', async () => {
    const lock = new FakeWakeLock();
    const page = new FakePage();
    const end = keepScreenAwake(lock, page);
    await lock.answer('grant');
    page.show('visible');
    expect(lock.requests).toBe(1);

    page.show('hidden');
    lock.dropAll();
    expect(lock.requests).toBe(1);
    page.show('visible');
    expect(lock.requests).toBe(2);
    await lock.answer('grant');
    expect(lock.held).toBe(1);
    end();
    expect(lock.held).toBe(0);
  });

  it('waits for a hidden page to show before asking', async () => {
    const lock = new FakeWakeLock();
    const page = new FakePage();
    page.visibilityState = 'hidden';
    const end = keepScreenAwake(lock, page);
    expect(lock.requests).toBe(0);
    page.show('visible');
    expect(lock.requests).toBe(1);
    await lock.answer('grant');
    expect(lock.held).toBe(1);
    end();
  });

  it('asks once while a request is pending, however often the page shows', () => {
    const lock = new FakeWakeLock();
    const page = new FakePage();
    const end = keepScreenAwake(lock, page);
    page.show('visible');
    page.show('visible');
    expect(lock.requests).toBe(1);
    end();
  });

  it('lets go of a lock granted after the end', async () => {
    const lock = new FakeWakeLock();
    const page = new FakePage();
    const end = keepScreenAwake(lock, page);
    end();
    await lock.answer('grant');
    expect(lock.holds).toHaveLength(1);
    expect(lock.held).toBe(0);
  });

  it('after a refusal, asks again when the page shows anew', async () => {
    const lock = new FakeWakeLock();
    const page = new FakePage();
    const end = keepScreenAwake(lock, page);
    await lock.answer('refuse');
    expect(lock.held).toBe(0);
    page.show('hidden');
    page.show('visible');
    expect(lock.requests).toBe(2);
    await lock.answer('grant');
    expect(lock.held).toBe(1);
    end();
    page.show('hidden');
    page.show('visible');
    expect(lock.requests).toBe(2);
  });
});
