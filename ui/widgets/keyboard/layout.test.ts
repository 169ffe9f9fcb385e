import { describe, expect, it } from 'vitest';
import { noteName } from '../../../machines/scales';
import { computerKey, computerPointerId, FOCUSED_KEY_POINTER, letterFor } from './computer-keys';
import {
  BLACK_LENGTH,
  isScaleRow,
  keyAt,
  layoutKeys,
  notesShown,
  octavesThatFit,
  pointIn,
  rowsThatFit,
  strikeRatio,
  strikeVelocity,
} from './layout';

const piano = (octaves = 1) => layoutKeys({ first: 60, octaves, root: 0, scale: 'chromatic', mode: 'dim' });

describe('notesShown', () => {
  it('shows whole octaves and the closing C, within MIDI’s range', () => {
    expect(notesShown(60, 2)).toHaveLength(25);
    expect(notesShown(60, 2).at(-1)).toBe(84);
    expect(notesShown(120, 2)).toEqual([120, 121, 122, 123, 124, 125, 126, 127]);
  });
});

describe('layoutKeys: a piano', () => {
  it('gives eight equal white keys to an octave and its closing C, edge to edge', () => {
    const whites = piano().filter((key) => !key.black);
    expect(whites.map((key) => noteName(key.note))).toEqual(['C3', 'D3', 'E3', 'F3', 'G3', 'A3', 'B3', 'C4']);
    whites.forEach((key, index) => {
      expect(key.left).toBeCloseTo(index / 8);
      expect(key.width).toBeCloseTo(1 / 8);
      expect(key).toMatchObject({ top: 0, height: 1 });
    });
  });

  it('lays black keys over the gaps, shorter and narrower, never past the keyboard', () => {
    const keys = piano();
    const blacks = keys.filter((key) => key.black);
    expect(blacks.map((key) => noteName(key.note))).toEqual(['C#3', 'D#3', 'F#3', 'G#3', 'A#3']);
    for (const black of blacks) {
      const below = keys.find((key) => key.note === black.note - 1)!;
      const above = keys.find((key) => key.note === black.note + 1)!;
      // it overlaps both of its white neighbours
      expect(black.left).toBeLessThan(below.left + below.width);
      expect(black.left + black.width).toBeGreaterThan(above.left);
      expect(black.width).toBeLessThan(below.width);
      expect(black.height).toBe(BLACK_LENGTH);
    }
  });

  it('marks roots and keys out of the scale but keeps every key when dimming', () => {
    const keys = layoutKeys({ first: 60, octaves: 1, root: 2, scale: 'major', mode: 'dim' });
    expect(keys).toHaveLength(13);
    expect(keys.filter((key) => key.root).map((key) => noteName(key.note))).toEqual(['D3']);
    expect(keys.filter((key) => !key.inScale).map((key) => noteName(key.note))).toEqual([
      'C3',
      'D#3',
      'F3',
      'G#3',
      'A#3',
      'C4',
    ]);
  });
});

describe('layoutKeys: hiding keys out of the scale', () => {
  it('lays the scale’s keys in one row of equal keys, black or white as on the piano', () => {
    const keys = layoutKeys({ first: 60, octaves: 1, root: 9, scale: 'minorPentatonic', mode: 'hide' });
    expect(keys.map((key) => noteName(key.note))).toEqual(['C3', 'D3', 'E3', 'G3', 'A3', 'C4']);
    keys.forEach((key, index) => {
      expect(key.left).toBeCloseTo(index / 6);
      expect(key.width).toBeCloseTo(1 / 6);
      expect(key).toMatchObject({ top: 0, height: 1, inScale: true });
    });
    expect(keys.filter((key) => key.root).map((key) => key.note)).toEqual([69]);
    const withBlack = layoutKeys({ first: 60, octaves: 1, root: 2, scale: 'major', mode: 'hide' });
    expect(withBlack.filter((key) => key.black).map((key) => noteName(key.note))).toEqual(['C#3', 'F#3']);
  });

  it('hides nothing of a chromatic scale: a piano', () => {
    expect(isScaleRow('hide', 'chromatic')).toBe(false);
    expect(layoutKeys({ first: 60, octaves: 1, root: 0, scale: 'chromatic', mode: 'hide' })).toEqual(piano());
  });
});

describe('keyAt', () => {
  const keys = piano();
  const at = (x: number, y: number) => {
    const key = keyAt(keys, x, y);
    return key && noteName(key.note);
  };

  it('finds the black key over the white one where they overlap, the white one below it', () => {
    const cSharp = keys.find((key) => key.note === 61)!;
    const middle = cSharp.left + cSharp.width / 2;
    expect(at(middle, 0.3)).toBe('C#3');
    expect(at(middle, 0.9)).toBe(middle < 1 / 8 ? 'C3' : 'D3');
    expect(at(0.01, 0.3)).toBe('C3');
    expect(at(0.5, 0.9)).toBe('G3');
  });

  it('finds the last key at the far edges and nothing outside the key bed', () => {
    expect(at(1, 1)).toBe('C4');
    expect(at(0, 0)).toBe('C3');
    expect(at(-0.01, 0.5)).toBeNull();
    expect(at(0.5, 1.2)).toBeNull();
    expect(at(Number.NaN, 0.5)).toBeNull();
  });

  it('agrees with the layout everywhere: every point of a key finds that key unless a black key lies on it', () => {
    for (let x = 0.001; x < 1; x += 0.013) {
      for (let y = 0.001; y < 1; y += 0.07) {
        const found = keyAt(keys, x, y)!;
        expect(x >= found.left && x < found.left + found.width && y < found.height).toBe(true);
      }
    }
  });
});

describe('strikes', () => {
  const white = piano()[0]!;
  const black = piano()[1]!;

  it('are soft near the far end of a key and loud at its front edge', () => {
    expect(strikeVelocity(white, 0)).toBe(1);
    expect(strikeVelocity(white, 1)).toBe(127);
    expect(strikeVelocity(white, 0.25)).toBeLessThan(strikeVelocity(white, 0.75));
    // a black key's front edge is where it ends, not the keyboard's
    expect(strikeRatio(black, BLACK_LENGTH)).toBe(1);
    expect(strikeVelocity(black, BLACK_LENGTH / 2)).toBe(64);
  });

  it('strike the middle of a key bed that has no size yet', () => {
    const point = pointIn({ left: 0, top: 0, width: 0, height: 0 }, 10, 10);
    expect(strikeRatio(white, point.y)).toBe(0.5);
    expect(pointIn({ left: 100, top: 50, width: 200, height: 100 }, 150, 75)).toEqual({ x: 0.25, y: 0.25 });
  });
});

describe('octavesThatFit', () => {
  it('shows as many octaves as keep white keys wide enough for a finger, at least one', () => {
    expect(octavesThatFit(1000, 3)).toBe(3);
    expect(octavesThatFit(500, 3)).toBe(2);
    expect(octavesThatFit(120, 3)).toBe(1);
    expect(octavesThatFit(0, 3)).toBe(3);
  });
});

describe('rowsThatFit', () => {
  it('stacks rows only where the key bed is much taller than a row of keys needs', () => {
    expect(rowsThatFit(330, 560)).toBe(2); // a phone upright
    expect(rowsThatFit(1000, 520)).toBe(1); // a tablet on its side
    expect(rowsThatFit(740, 850)).toBe(2); // a tablet upright
    expect(rowsThatFit(800, 200)).toBe(1); // a phone on its side
    expect(rowsThatFit(300, 2000)).toBe(3);
    expect(rowsThatFit(300, 2000, 2)).toBe(2);
    expect(rowsThatFit(0, 0)).toBe(1);
  });
});

describe('computer keys', () => {
  it('play from the home row as Live’s computer keyboard does, Z and X shift octaves', () => {
    expect(['KeyA', 'KeyW', 'KeyS', 'KeyK'].map(computerKey)).toEqual([
      { kind: 'note', offset: 0 },
      { kind: 'note', offset: 1 },
      { kind: 'note', offset: 2 },
      { kind: 'note', offset: 12 },
    ]);
    expect(computerKey('KeyZ')).toEqual({ kind: 'octave', delta: -1 });
    expect(computerKey('KeyX')).toEqual({ kind: 'octave', delta: 1 });
    expect(computerKey('KeyQ')).toBeNull();
    expect(letterFor(4)).toBe('D');
  });

  it('hold as pointers of their own, apart from fingers and from each other', () => {
    const ids = ['KeyA', 'KeyW', 'KeyK'].map(computerPointerId);
    expect(new Set(ids).size).toBe(3);
    expect(ids.every((id) => id < 0)).toBe(true);
    expect(ids).not.toContain(FOCUSED_KEY_POINTER);
    expect(FOCUSED_KEY_POINTER).toBeLessThan(0);
  });
});
