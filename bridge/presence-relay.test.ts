import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PresenceRelay } from './presence-relay';

describe('PresenceRelay', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  /** A relay whose sends read `value` at the time they go. */
  function relayed() {
    let value = 0;
    const sent: number[] = [];
    const relay = new PresenceRelay(() => sent.push(value), 30);
    return {
      relay,
      sent,
      change: (next: number): void => {
        value = next;
        relay.poke();
      },
    };
  }

  describe('#poke', () => {
    it('sends at once after a quiet spell', () => {
      const { sent, change } = relayed();
      change(1);
      expect(sent).toEqual([1]);
      vi.advanceTimersByTime(100);
      change(2);
      expect(sent).toEqual([1, 2]);
    });

    it('sends a burst as one, at the period’s end, with the latest value', () => {
      const { sent, change } = relayed();
      change(1);
      change(2);
      change(3);
      vi.advanceTimersByTime(29);
      expect(sent).toEqual([1]);
      vi.advanceTimersByTime(1);
      expect(sent).toEqual([1, 3]);
    });

    it('keeps to one send per period while changes go on, and never drops the last', () => {
      const { sent, change } = relayed();
      for (let value = 1; value <= 100; value += 1) {
        change(value);
        vi.advanceTimersByTime(3);
      }
      vi.advanceTimersByTime(100);
      // 300 ms of changes: the first at once, then one per 30 ms
      expect(sent.length).toBeLessThanOrEqual(12);
      expect(sent.at(-1)).toBe(100);
    });
  });

  describe('#stop', () => {
    it('sends nothing more', () => {
      const { relay, sent, change } = relayed();
      change(1);
      change(2);
      relay.stop();
      vi.advanceTimersByTime(100);
      expect(sent).toEqual([1]);
      expect(vi.getTimerCount()).toBe(0);
    });
  });
});
