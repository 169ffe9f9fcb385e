import { describe, expect, it } from 'vitest';
import { SCALES, SCALE_NAMES, inScale, isBlackKey, isNote, isRoot, noteName, octaveOf, octaveStart } from './scales';

describe('note names', () => {
  it('number octaves as Live does: middle C is C3, the range runs from C-2 to G8', () => {
    expect(noteName(60)).toBe('C3');
    expect(noteName(61)).toBe('C#3');
    expect(noteName(0)).toBe('C-2');
    expect(noteName(127)).toBe('G8');
    expect(octaveOf(59)).toBe(2);
    expect(octaveStart(3)).toBe(60);
    expect(octaveStart(-2)).toBe(0);
  });

  it('know the black keys and the valid notes', () => {
    expect([60, 61, 62, 63, 64, 65, 66, 67, 68, 69, 70, 71].filter(isBlackKey)).toEqual([61, 63, 66, 68, 70]);
    expect([-1, 0, 64.5, 127, 128].map(isNote)).toEqual([false, true, false, true, false]);
  });
});

describe('scales', () => {
  it('take their intervals from the root', () => {
    const inD = (scale: keyof typeof SCALES) =>
      Array.from({ length: 12 }, (_, step) => 62 + step).filter((note) => inScale(note, 2, scale));
    expect(inD('major').map(noteName)).toEqual(['D3', 'E3', 'F#3', 'G3', 'A3', 'B3', 'C#4']);
    expect(inD('minorPentatonic').map(noteName)).toEqual(['D3', 'F3', 'G3', 'A3', 'C4']);
    expect(inD('chromatic')).toHaveLength(12);
  });

  it('hold the same pitch classes in every octave, below the root too', () => {
    for (const scale of SCALE_NAMES) {
      for (let note = 0; note < 116; note += 1) expect(inScale(note, 9, scale)).toBe(inScale(note + 12, 9, scale));
    }
    expect(inScale(9, 9, 'minor')).toBe(true);
    expect(inScale(0, 9, 'minor')).toBe(true); // C is in A minor
    expect(inScale(1, 9, 'minor')).toBe(false);
  });

  it('start every scale on its root, and mark the roots in every octave', () => {
    for (const scale of SCALE_NAMES) expect(SCALES[scale].intervals[0]).toBe(0);
    expect([45, 57, 69, 70].map((note) => isRoot(note, 9))).toEqual([true, true, true, false]);
  });
});
