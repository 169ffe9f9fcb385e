import { describe, expect, it } from 'vitest';
import { Backoff } from './backoff';

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
