import { describe, expect, it } from 'vitest';
import { longestWord, nameWords, padRows, padTitle, padVelocity } from './pad-layout';

describe('padRows', () => {
  it('puts the first pad bottom-left, counting right then up', () => {
    expect(padRows(16)).toEqual([
      [12, 13, 14, 15],
      [8, 9, 10, 11],
      [4, 5, 6, 7],
      [0, 1, 2, 3],
    ]);
  });

  it('leaves a short top row when the pads do not fill the grid', () => {
    expect(padRows(6)).toEqual([
      [4, 5],
      [0, 1, 2, 3],
    ]);
    expect(padRows(0)).toEqual([]);
  });
});

describe('padVelocity', () => {
  const box = { top: 100, height: 80 };

  it('is soft at the top edge and loud at the bottom edge', () => {
    expect(padVelocity(box, 100)).toBe(1);
    expect(padVelocity(box, 180)).toBe(127);
    expect(padVelocity(box, 140)).toBe(64);
  });

  it('stays in range off the pad, and takes the middle of a pad with no size', () => {
    expect(padVelocity(box, 20)).toBe(1);
    expect(padVelocity(box, 400)).toBe(127);
    expect(padVelocity({ top: 0, height: 0 }, 0)).toBe(64);
  });
});

describe('padTitle', () => {
  it('is Live’s name, else the note', () => {
    expect(padTitle({ name: 'Kick', note: 36 })).toBe('Kick');
    expect(padTitle({ name: '', note: 37 })).toBe('C#1');
    expect(padTitle({ name: null, note: null })).toBe('');
  });
});

describe('pad names', () => {
  it('wrap only between words, drawn to fit their longest', () => {
    expect(nameWords('  Snare  Tight ')).toEqual(['Snare', 'Tight']);
    expect(longestWord('Kick 808')).toBe(4);
    expect(longestWord('Hat Tambourine')).toBe(10);
    expect(longestWord('')).toBe(0);
  });
});
