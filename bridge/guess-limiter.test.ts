import { describe, expect, it } from 'vitest';
import { addressKey, GuessLimiter } from './guess-limiter';

function clock() {
  let now = 1_000_000;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

describe('GuessLimiter', () => {
  describe('#waitMs', () => {
    it('lets a few wrong tokens through, then doubles the wait up to the cap', () => {
      const time = clock();
      const limiter = new GuessLimiter({ now: time.now, freeGuesses: 3, firstWaitMs: 100, maxWaitMs: 1000 });
      const waits: number[] = [];
      for (let guess = 0; guess < 9; guess += 1) {
        expect(limiter.waitMs('10.0.0.7')).toBe(0);
        limiter.failed('10.0.0.7');
        const wait = limiter.waitMs('10.0.0.7');
        waits.push(wait);
        time.advance(wait);
      }
      expect(waits).toEqual([0, 0, 0, 100, 200, 400, 800, 1000, 1000]);
      expect(limiter.waitMs('10.0.0.8')).toBe(0);
    });

    it('forgives an address its right token, and forgets a quiet one', () => {
      const time = clock();
      const limiter = new GuessLimiter({ now: time.now, freeGuesses: 1, forgetMs: 5000 });
      limiter.failed('10.0.0.7');
      limiter.failed('10.0.0.7');
      expect(limiter.waitMs('10.0.0.7')).toBeGreaterThan(0);
      limiter.succeeded('10.0.0.7');
      expect(limiter.waitMs('10.0.0.7')).toBe(0);
      limiter.failed('10.0.0.9');
      limiter.failed('10.0.0.9');
      time.advance(5001);
      expect(limiter.waitMs('10.0.0.9')).toBe(0);
      limiter.failed('10.0.0.9');
      expect(limiter.waitMs('10.0.0.9')).toBe(0); // counting starts afresh
    });

    it('remembers a bounded number of addresses', () => {
      const limiter = new GuessLimiter({ freeGuesses: 0, maxAddresses: 2 });
      for (const address of ['10.0.0.1', '10.0.0.2', '10.0.0.3']) limiter.failed(address);
      expect(limiter.waitMs('10.0.0.1')).toBe(0);
      expect(limiter.waitMs('10.0.0.3')).toBeGreaterThan(0);
    });
  });
});

describe('addressKey', () => {
  it.each([
    ['192.168.1.5', '192.168.1.5'],
    ['::ffff:192.168.1.5', '192.168.1.5'],
    ['2001:db8:1:2:3:4:5:6', '2001:db8:1:2::/64'],
    ['2001:db8:1:2::9', '2001:db8:1:2::/64'],
    ['2001:0db8:0001:0002:aaaa::1', '2001:db8:1:2::/64'],
    ['fe80::1%eth0', 'fe80:0:0:0::/64'],
    ['::1', '0:0:0:0::/64'],
  ])('%s counts as %s', (address, key) => {
    expect(addressKey(address)).toBe(key);
  });
});
