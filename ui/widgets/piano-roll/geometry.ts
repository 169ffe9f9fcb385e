/**
 * Where things are in the roll, apart from the DOM: beats to pixels across,
 * rows to pixels down, and the rows themselves (the piano's 128 keys, or a
 * Drum Rack's pads). The canvas draws with these numbers and the fingers
 * are read with the same ones.
 *
 * Rows count from the bottom: on keys a row is its pitch, on pads its index
 * in the rack's list (low to high). Row `r` spans y from `rowTop(r)` to
 * just above `rowTop(r - 1)`, the continuous row position `(r, r + 1]`;
 * the viewport's `topRow` is the row whose top edge is the roll's top
 * edge, so `rowTop(topRow) === 0`.
 */
import type { RollRows, RollViewport } from './roll-types';

/** The size of a drawing surface in CSS pixels. */
export interface RollSize {
  width: number;
  height: number;
}

/** A range of beats, start inclusive. */
export interface BeatRange {
  start: number;
  end: number;
}

/** A range of rows, both inclusive. */
export interface RowRange {
  low: number;
  high: number;
}

/** The rows down the side as a list: how many, which row a pitch is on, which pitch a row plays. */
export interface RowMap {
  readonly kind: 'keys' | 'pads';
  readonly count: number;
  /** The row a pitch is drawn on, or -1 when no row plays it (a pad the rack does not have). */
  rowOf: (pitch: number) => number;
  /** The pitch a row plays, or null off the rows. */
  pitchOf: (row: number) => number | null;
  /** The name a row shows (a pad's; a key's is its note name, left to the view). */
  nameOf: (row: number) => string | null;
}

/** The 128 keys of MIDI. */
export const KEY_ROWS: RowMap = {
  kind: 'keys',
  count: 128,
  rowOf: (pitch) => (Number.isInteger(pitch) && pitch >= 0 && pitch <= 127 ? pitch : -1),
  pitchOf: (row) => (Number.isInteger(row) && row >= 0 && row <= 127 ? row : null),
  nameOf: () => null,
};

/** The rows of `rows`: the keys, or the pads that exist, low to high (as Live's fold shows them). */
export function rowMap(rows: RollRows): RowMap {
  if (rows.kind === 'keys') return KEY_ROWS;
  const pads = rows.pads;
  const byNote = new Map(pads.map((pad, index) => [pad.note, index]));
  return {
    kind: 'pads',
    count: pads.length,
    rowOf: (pitch) => byNote.get(pitch) ?? -1,
    pitchOf: (row) => pads[row]?.note ?? null,
    nameOf: (row) => pads[row]?.name ?? null,
  };
}

/** The x of a beat. */
export const beatToX = (view: RollViewport, beat: number): number => (beat - view.startBeat) * view.pxPerBeat;

/** The beat at x. */
export const xToBeat = (view: RollViewport, x: number): number => view.startBeat + x / view.pxPerBeat;

/** The y of a row's top edge. */
export const rowTop = (view: RollViewport, row: number): number => (view.topRow - row) * view.rowPx;

/** The continuous row position at y (row `r` spans `(r, r + 1]`). */
export const rowPosAt = (view: RollViewport, y: number): number => view.topRow + 1 - y / view.rowPx;

/** The row at y (it may be off the rows: check against the row count). */
export const rowAt = (view: RollViewport, y: number): number => Math.ceil(view.topRow - y / view.rowPx);

/** The beats a width shows. */
export const visibleBeats = (view: RollViewport, width: number): BeatRange => ({
  start: view.startBeat,
  end: xToBeat(view, width),
});

/** The rows a height shows, even in part, within `[0, count)`; `low > high` when none. */
export function visibleRows(view: RollViewport, height: number, count: number): RowRange {
  return {
    low: Math.max(0, Math.floor(view.topRow - height / view.rowPx) + 1),
    high: Math.min(count - 1, Math.ceil(view.topRow)),
  };
}
