import { describe, expect, it } from 'vitest';
import { beatToX, KEY_ROWS, rowAt, rowMap, rowPosAt, rowTop, visibleBeats, visibleRows, xToBeat } from './geometry';
import { KIT } from './roll-fixtures';

const view = { startBeat: 2, pxPerBeat: 50, topRow: 71, rowPx: 10 };

describe('geometry', () => {
  it('turns beats into x and back', () => {
    expect(beatToX(view, 2)).toBe(0);
    expect(beatToX(view, 4.5)).toBe(125);
    expect(xToBeat(view, 125)).toBe(4.5);
    expect(visibleBeats(view, 500)).toEqual({ start: 2, end: 12 });
  });

  it('puts the top row at the top edge and counts rows from the bottom', () => {
    expect(rowTop(view, 71)).toBe(0);
    expect(rowTop(view, 60)).toBe(110);
    expect(rowAt(view, 0)).toBe(71);
    expect(rowAt(view, 9.9)).toBe(71);
    expect(rowAt(view, 10)).toBe(70);
    expect(rowAt(view, 115)).toBe(60);
    expect(rowPosAt(view, 115)).toBeCloseTo(60.5);
    expect(rowAt(view, 120)).toBe(59);
    // a fractional top row: the row above shows in part
    expect(rowAt({ ...view, topRow: 70.5 }, 0)).toBe(71);
  });

  it('knows the rows a height shows, within the rows there are', () => {
    expect(visibleRows(view, 100, 128)).toEqual({ low: 62, high: 71 });
    expect(visibleRows({ ...view, topRow: 70.5 }, 100, 128)).toEqual({ low: 61, high: 71 });
    expect(visibleRows({ ...view, topRow: 130 }, 100, 128)).toEqual({ low: 121, high: 127 });
    expect(visibleRows({ ...view, topRow: 3 }, 100, 128).low).toBe(0);
  });

  it('maps the 128 keys to themselves', () => {
    expect(KEY_ROWS.count).toBe(128);
    expect(KEY_ROWS.rowOf(60)).toBe(60);
    expect(KEY_ROWS.rowOf(128)).toBe(-1);
    expect(KEY_ROWS.pitchOf(-1)).toBeNull();
    expect(rowMap({ kind: 'keys' })).toBe(KEY_ROWS);
  });

  it('maps a rack’s pads to rows, only those that exist, low to high', () => {
    const pads = rowMap(KIT);
    expect(pads.count).toBe(10);
    expect(pads.rowOf(36)).toBe(0);
    expect(pads.rowOf(42)).toBe(4);
    expect(pads.rowOf(40)).toBe(-1);
    expect(pads.pitchOf(4)).toBe(42);
    expect(pads.pitchOf(10)).toBeNull();
    expect(pads.nameOf(4)).toBe('Hat Closed');
  });
});
