import { describe, expect, it } from 'vitest';
import { candidates, forEachNoteIn, lowerBound, noteIndex } from './note-index';
import { denseClip, note } from './roll-fixtures';

describe('noteIndex', () => {
  it('sorts notes by start when they come unsorted, and keeps sorted ones as they are', () => {
    const unsorted = [
      note(1, 60, 2, 1),
      note(2, 62, 0, 4, 100, { selected: true }),
      note(3, 64, 1, 0.5, 90, { pending: 'sending' }),
    ];
    const index = noteIndex(unsorted);
    expect(index.notes.map((one) => one.key)).toEqual([2, 3, 1]);
    expect(index).toMatchObject({
      maxDuration: 4,
      selected: 1,
      pending: 1,
      lastEnd: 4,
      pitches: { low: 60, high: 64 },
    });
    const sorted = index.notes;
    expect(noteIndex(sorted).notes).toBe(sorted);
  });

  it('builds an array’s index once', () => {
    const notes = [note(1, 60, 0, 1)];
    expect(noteIndex(notes)).toBe(noteIndex(notes));
    expect(noteIndex([]).pitches).toBeNull();
  });

  it('finds a start by binary search', () => {
    const notes = [0, 1, 1, 2, 5].map((start, i) => note(i, 60, start, 1));
    expect(lowerBound(notes, -1)).toBe(0);
    expect(lowerBound(notes, 1)).toBe(1);
    expect(lowerBound(notes, 1.5)).toBe(3);
    expect(lowerBound(notes, 9)).toBe(5);
  });

  it('visits exactly the notes overlapping a range, a long one that began before it too', () => {
    const notes = [note(1, 60, 0, 16), note(2, 61, 3, 1), note(3, 62, 7.5, 0.5), note(4, 63, 8, 1), note(5, 64, 12, 1)];
    const index = noteIndex(notes);
    const seen: number[] = [];
    forEachNoteIn(index, 8, 12, (one) => seen.push(one.key as number));
    expect(seen).toEqual([1, 4]);
    const [first, last] = candidates(index, 8, 12);
    expect(first).toBe(0);
    expect(last).toBe(4);
  });

  it('visits the same notes as a scan would, in a dense clip', () => {
    const notes = denseClip(3000, 32);
    const index = noteIndex(notes);
    for (const [from, to] of [
      [0, 4],
      [17.3, 19.1],
      [120, 130],
      [-5, 0.1],
    ] as const) {
      const seen: (string | number)[] = [];
      forEachNoteIn(index, from, to, (one) => seen.push(one.key));
      const scanned = notes.filter((one) => one.start < to && one.start + one.duration > from).map((one) => one.key);
      expect(seen.sort()).toEqual(scanned.sort());
    }
  });
});
