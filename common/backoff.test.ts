import { describe, expect, it } from 'vitest';
import { Backoff, backoffDelay } from './backoff';

describe('backoffDelay', () => {
  it('doubles from the first wait up to the ceiling', () => {
    const policy = { firstMs: 1000, maxMs: 30_000, jitter: 0 };
    expect([0, 1, 2, 3, 4, 5, 6].map((attempt) => backoffDelay(attempt, policy))).toEqual([
      1000, 2000, 4000, 8000, 16_000, 30_000, 30_000,
    ]);
  });

  it('strays by at most the jitter either side', () => {
    const policy = { firstMs: 100, maxMs: 1000, jitter: 0.2 };
    expect(backoffDelay(0, policy, () => 0)).toBe(80);
    expect(backoffDelay(0, policy, () => 0.5)).toBe(100);
    expect(backoffDelay(0, policy, () => 1)).toBe(120);
  });
});

describe('Backoff', () => {
  describe('#next', () => {
    it('doubles up to the ceiling, and starts over after reset', () => {
      const backoff = new Backoff(100, 1000, () => 0.5);
      expect([1, 2, 3, 4, 5, 6].map(() => backoff.next())).toEqual([100, 200, 400, 800, 1000, 1000]);
      backoff.reset();
      expect(backoff.next()).toBe(100);
    });

    it('jitters within 20%', () => {
      expect(new Backoff(100, 1000, () => 0).next()).toBe(80);
      expect(new Backoff(100, 1000, () => 1).next()).toBe(120);
    });
  });
});
