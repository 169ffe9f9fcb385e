import { describe, expect, it } from 'vitest';
import { KEY_ROWS, rowMap } from './geometry';
import { EDGE_SLOP_PX, handleAt, hitNote, lassoKeys } from './hit-test';
import { noteIndex } from './note-index';
import { KIT, note } from './roll-fixtures';

// pitch 60 at y 110..120; beat 1 at x 100
const view = { startBeat: 0, pxPerBeat: 100, topRow: 71, rowPx: 10 };
const notes = [
  note(1, 60, 1, 1), // x 100..200
  note(2, 64, 2, 0.5), // x 200..250, y 70..80
  note(3, 60, 3, 0.1), // x 300..310: short on screen
  note(4, 62, 5, 1, 100, { selected: true }), // x 500..600, y 90..100
  note(5, 62, 5.5, 1), // x 550..650, under note 4's end
];
const index = noteIndex(notes);
const hit = (x: number, y: number) => {
  const found = hitNote(index, KEY_ROWS, view, x, y);
  return found && { key: found.note.key, handle: found.handle, inside: found.inside };
};

describe('hitNote', () => {
  it('grabs a note’s body in its middle and its edges near its ends', () => {
    expect(hit(150, 115)).toEqual({ key: 1, handle: 'body', inside: true });
    expect(hit(195, 115)).toEqual({ key: 1, handle: 'end', inside: true });
    expect(hit(103, 115)).toEqual({ key: 1, handle: 'start', inside: true });
  });

  it('reaches past a note’s ends by the edge slop, not further', () => {
    expect(hit(200 + EDGE_SLOP_PX - 1, 115)).toEqual({ key: 1, handle: 'end', inside: false });
    expect(hit(100 - 5, 115)).toEqual({ key: 1, handle: 'start', inside: false });
    expect(hit(200 + EDGE_SLOP_PX + 2, 115)).toBeNull();
    expect(hit(150, 135)).toBeNull();
  });

  it('moves a note short on screen by its body, and resizes it from just past it', () => {
    expect(hit(305, 115)).toEqual({ key: 3, handle: 'body', inside: true });
    expect(hit(314, 115)).toEqual({ key: 3, handle: 'end', inside: false });
  });

  it('reaches into the rows next to a row thinner than a finger', () => {
    expect(hit(150, 108)).toEqual({ key: 1, handle: 'body', inside: false });
    expect(hitNote(index, KEY_ROWS, { ...view, rowPx: 24, topRow: 70 }, 150, 240 - 3)).toBeNull();
  });

  it('prefers the note under the finger, then the selected one', () => {
    // x 560 is in both 4 (selected) and 5, on the same row
    expect(hit(575, 95)?.key).toBe(4);
    expect(
      hitNote(noteIndex(notes.map((one) => ({ ...one, selected: false }))), KEY_ROWS, view, 575, 95)?.note.key,
    ).toBe(5);
  });

  it('finds notes on a rack’s rows, and none on pads it does not have', () => {
    const pads = rowMap(KIT);
    const drums = noteIndex([note(1, 38, 0, 0.25), note(2, 40, 0, 0.25)]);
    const padsView = { startBeat: 0, pxPerBeat: 100, topRow: 9, rowPx: 30 };
    // the snare is row 2: y (9 - 2) * 30 = 210..240
    expect(hitNote(drums, pads, padsView, 10, 220)?.note.key).toBe(1);
    expect(hitNote(drums, pads, padsView, 10, 250)).toBeNull();
  });

  it('splits a note into edges and body by a quarter of its width at most', () => {
    expect(handleAt(50, 0, 100)).toBe('body');
    expect(handleAt(10, 0, 100)).toBe('start');
    expect(handleAt(95, 0, 100)).toBe('end');
    expect(handleAt(4, 0, 20)).toBe('start');
    expect(handleAt(6, 0, 20)).toBe('body');
  });
});

describe('lassoKeys', () => {
  it('holds every note the rectangle touches, drawn either way', () => {
    expect(lassoKeys(index, KEY_ROWS, view, { x0: 150, y0: 60, x1: 260, y1: 125 })).toEqual([1, 2]);
    expect(lassoKeys(index, KEY_ROWS, view, { x0: 260, y0: 125, x1: 150, y1: 60 })).toEqual([1, 2]);
    expect(lassoKeys(index, KEY_ROWS, view, { x0: 610, y0: 92, x1: 640, y1: 98 })).toEqual([5]);
    expect(lassoKeys(index, KEY_ROWS, view, { x0: 0, y0: 0, x1: 90, y1: 200 })).toEqual([]);
  });
});
