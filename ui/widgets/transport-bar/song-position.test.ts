import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatSongLength, formatSongPosition, songPosition } from './song-position';

describe('formatSongPosition', () => {
  it('starts at 1.1.1 and counts sixteenths, beats and bars in 4/4', () => {
    expect(formatSongPosition(0, 4, 4)).toBe('1.1.1');
    expect(formatSongPosition(0.25, 4, 4)).toBe('1.1.2');
    expect(formatSongPosition(0.99, 4, 4)).toBe('1.1.4');
    expect(formatSongPosition(1, 4, 4)).toBe('1.2.1');
    expect(formatSongPosition(3.75, 4, 4)).toBe('1.4.4');
    expect(formatSongPosition(4, 4, 4)).toBe('2.1.1');
    expect(formatSongPosition(45.5, 4, 4)).toBe('12.2.3');
  });

  it('counts the signature’s beats: eighths in 6/8, halves in 2/2, sixteenths in 7/16', () => {
    // 6/8: a bar is three quarters, a beat an eighth (two sixteenths)
    expect(formatSongPosition(0.5, 6, 8)).toBe('1.2.1');
    expect(formatSongPosition(2.75, 6, 8)).toBe('1.6.2');
    expect(formatSongPosition(3, 6, 8)).toBe('2.1.1');
    // 2/2: a beat is a half note, eight sixteenths
    expect(formatSongPosition(1.75, 2, 2)).toBe('1.1.8');
    expect(formatSongPosition(2, 2, 2)).toBe('1.2.1');
    // 7/16: every sixteenth is a beat of its own
    expect(formatSongPosition(0.25, 7, 16)).toBe('1.2.1');
    expect(formatSongPosition(1.75, 7, 16)).toBe('2.1.1');
    // 3/4 and 5/4
    expect(formatSongPosition(3, 3, 4)).toBe('2.1.1');
    expect(formatSongPosition(9.5, 5, 4)).toBe('2.5.3');
  });

  it('reads a song time a hair below a grid line as on it', () => {
    expect(formatSongPosition(3.9999999999, 4, 4)).toBe('2.1.1');
    expect(formatSongPosition(0.1 + 0.2 - 0.05, 4, 4)).toBe('1.1.2');
  });

  it('treats a negative or missing time as the start, and a broken signature as 4/4', () => {
    expect(formatSongPosition(-3, 4, 4)).toBe('1.1.1');
    expect(formatSongPosition(Number.NaN, 4, 4)).toBe('1.1.1');
    expect(formatSongPosition(5, 0, 0)).toBe('2.2.1');
  });

  it('always stays within the bar, beat and sixteenth of its signature, and never goes backwards', () => {
    const signature = fc.record({
      numerator: fc.integer({ min: 1, max: 32 }),
      denominator: fc.constantFrom(1, 2, 4, 8, 16),
    });
    fc.assert(
      fc.property(
        signature,
        fc.double({ min: 0, max: 10_000, noNaN: true }),
        fc.double({ min: 0, max: 16, noNaN: true }),
        ({ numerator, denominator }, time, step) => {
          const here = songPosition(time, numerator, denominator);
          expect(here.beat).toBeGreaterThanOrEqual(1);
          expect(here.beat).toBeLessThanOrEqual(numerator);
          expect(here.sixteenth).toBeGreaterThanOrEqual(1);
          expect(here.sixteenth).toBeLessThanOrEqual(Math.max(1, 16 / denominator));
          const later = songPosition(time + step, numerator, denominator);
          const order = (p: typeof here): number[] => [p.bar, p.beat, p.sixteenth];
          const [a, b] = [order(here), order(later)];
          const cmp =
            a[0] !== b[0]
              ? Math.sign((b[0] ?? 0) - (a[0] ?? 0))
              : a[1] !== b[1]
                ? Math.sign((b[1] ?? 0) - (a[1] ?? 0))
                : Math.sign((b[2] ?? 0) - (a[2] ?? 0));
          expect(cmp).toBeGreaterThanOrEqual(0);
        },
      ),
    );
  });
});

describe('formatSongLength', () => {
  it('counts whole bars, beats and sixteenths from zero, as Live shows a loop’s length', () => {
    expect(formatSongLength(16, 4, 4)).toBe('4.0.0');
    expect(formatSongLength(2, 4, 4)).toBe('0.2.0');
    expect(formatSongLength(4.75, 4, 4)).toBe('1.0.3');
    // 6/8: a bar is three quarters, a beat an eighth
    expect(formatSongLength(6, 6, 8)).toBe('2.0.0');
    expect(formatSongLength(0.5, 6, 8)).toBe('0.1.0');
  });
});
