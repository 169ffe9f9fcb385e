/**
 * What a finger touches in the roll: a note's body or one of its edges, or
 * nothing; and the notes a lasso holds. Pure: points are in the roll's CSS
 * pixels, notes come from the index.
 *
 * A finger is wider than a short note, so the edges reach past the note by
 * `EDGE_SLOP_PX` (a finger just after a note's end grabs its end), and
 * inside the note they take at most a quarter of its width each, so a note
 * short on screen is still moved by its body. Rows thinner than a finger's
 * reach are widened the same way, up and down.
 */
import { beatToX, rowAt, rowPosAt, rowTop, xToBeat, type RowMap } from './geometry';
import { candidates, forEachNoteIn, type NoteIndex } from './note-index';
import type { RollNote, RollNoteKey, RollViewport } from './roll-types';

/** How far past a note's ends (px) a finger still grabs that end. */
export const EDGE_SLOP_PX = 11;
/** The height (px) a row is at least as hit (a thinner row reaches past itself up and down). */
export const MIN_ROW_TARGET_PX = 20;

export type NoteHandle = 'body' | 'start' | 'end';

/** A note under a finger, the part of it touched, and whether the finger is on the note itself. */
export interface NoteHit {
  note: RollNote;
  handle: NoteHandle;
  /** On the note (not only near an edge of it): a tap selects only then. */
  inside: boolean;
}

/** The handle at `x` of a note drawn from `x0` to `x1`. */
export function handleAt(x: number, x0: number, x1: number, slop = EDGE_SLOP_PX): NoteHandle {
  const zone = Math.min(slop, (x1 - x0) / 4);
  if (x >= x1 - zone) return 'end';
  if (x <= x0 + zone) return 'start';
  return 'body';
}

/**
 * The note under (x, y), or near enough to grab one of its edges: a note the
 * finger is on wins over one it is only near, then the nearer, then the
 * selected, then the one drawn on top (the later start).
 */
export function hitNote(
  index: NoteIndex,
  rows: RowMap,
  view: RollViewport,
  x: number,
  y: number,
  slop = EDGE_SLOP_PX,
): NoteHit | null {
  const reachY = Math.max(0, (MIN_ROW_TARGET_PX - view.rowPx) / 2);
  const beat = xToBeat(view, x);
  const reachBeats = slop / view.pxPerBeat;
  let best: { note: RollNote; distance: number; x0: number; x1: number } | null = null;
  const [first, last] = candidates(index, beat - reachBeats, beat + reachBeats);
  for (let i = first; i < last; i += 1) {
    const note = index.notes[i] as RollNote;
    const row = rows.rowOf(note.pitch);
    if (row < 0) continue;
    const top = rowTop(view, row);
    const dy = y < top ? top - y : y > top + view.rowPx ? y - top - view.rowPx : 0;
    if (dy > reachY) continue;
    const x0 = beatToX(view, note.start);
    const x1 = beatToX(view, note.start + note.duration);
    const dx = x < x0 ? x0 - x : x > x1 ? x - x1 : 0;
    if (dx > slop) continue;
    // on a note beats near one; a small penalty for a row reached past makes the row under the finger win
    const distance = dx + dy * 2;
    const better =
      best === null ||
      distance < best.distance ||
      (distance === best.distance && (note.selected ? 1 : 0) >= (best.note.selected ? 1 : 0));
    if (better) best = { note, distance, x0, x1 };
  }
  if (best === null) return null;
  const inside = x >= best.x0 && x <= best.x1 && rowAt(view, y) === rows.rowOf(best.note.pitch);
  return { note: best.note, handle: handleAt(x, best.x0, best.x1, slop), inside };
}

/** A rectangle between two corners, in either order (px). */
export interface PixelRect {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** Whether a note touches a lasso rectangle (in beats and row positions). */
export function inLasso(view: RollViewport, rows: RowMap, note: RollNote, rect: PixelRect): boolean {
  const [from, to] = [xToBeat(view, Math.min(rect.x0, rect.x1)), xToBeat(view, Math.max(rect.x0, rect.x1))];
  const [lowPos, highPos] = [rowPosAt(view, Math.max(rect.y0, rect.y1)), rowPosAt(view, Math.min(rect.y0, rect.y1))];
  const row = rows.rowOf(note.pitch);
  return row >= 0 && row < highPos && row + 1 > lowPos && note.start < to && note.start + note.duration > from;
}

/** The keys of the notes a lasso touches, in start order. */
export function lassoKeys(index: NoteIndex, rows: RowMap, view: RollViewport, rect: PixelRect): RollNoteKey[] {
  const keys: RollNoteKey[] = [];
  const from = xToBeat(view, Math.min(rect.x0, rect.x1));
  const to = xToBeat(view, Math.max(rect.x0, rect.x1));
  forEachNoteIn(index, from, to, (note) => {
    if (inLasso(view, rows, note, rect)) keys.push(note.key);
  });
  return keys;
}
