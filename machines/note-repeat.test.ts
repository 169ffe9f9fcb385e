import { describe, expect, it } from 'vitest';
import { REPEAT_RATES, quarterNotes, rateLabel, repeatIntervalMs, usableTempo } from './note-repeat';

describe('note repeat rates', () => {
  it('measures each rate in quarter notes, triplets two thirds of their straight rate', () => {
    expect(REPEAT_RATES.map(quarterNotes)).toEqual([1, 2 / 3, 0.5, 1 / 3, 0.25, 1 / 6, 0.125, 1 / 12]);
    expect(rateLabel('1/16t')).toBe('1/16T');
  });

  it('times a repeat from the tempo', () => {
    expect(repeatIntervalMs('1/4', 120)).toBe(500);
    expect(repeatIntervalMs('1/16', 120)).toBe(125);
    expect(repeatIntervalMs('1/8t', 90)).toBeCloseTo(222.22, 2);
    expect(repeatIntervalMs('1/32', 60)).toBe(125);
  });

  it('keeps a tempo inside Live’s range, and 120 for a missing one', () => {
    expect(usableTempo(5)).toBe(20);
    expect(usableTempo(2000)).toBe(999);
    expect(usableTempo(Number.NaN)).toBe(120);
    expect(usableTempo(0)).toBe(120);
  });
});
