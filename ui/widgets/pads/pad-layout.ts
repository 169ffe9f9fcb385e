/**
 * Where each pad sits and how hard a touch strikes it, apart from the view.
 *
 * Pads are laid out as on Live's Drum Rack and on hardware pad controllers:
 * the first pad bottom-left, counting to the right and then upwards, so the
 * kick sits under the thumb.
 */
import { noteName } from '../../../machines/scales';
import { velocityAt } from '../../touch/drag-math';

/** Pads in a row of the grid. */
export const PAD_COLUMNS = 4;

/** The rows of the grid, top row first, each the pads' places from left to right. */
export function padRows(count: number, columns = PAD_COLUMNS): number[][] {
  const rows: number[][] = [];
  for (let start = 0; start < count; start += columns) {
    rows.unshift(Array.from({ length: Math.min(columns, count - start) }, (_, offset) => start + offset));
  }
  return rows;
}

/** A pad's velocity from where in it a finger lands: soft at its top edge, loud at its bottom edge (the edge nearest the player, as on the keys). */
export function padVelocity(box: { top: number; height: number }, clientY: number): number {
  const ratio = (clientY - box.top) / box.height;
  return velocityAt(Number.isFinite(ratio) ? ratio : 0.5);
}

/** A pad as the view names it: Live's name, else its note (an empty pad, or a plain grid). */
export function padTitle(pad: { name: string | null; note: number | null }): string {
  if (pad.name) return pad.name;
  return pad.note === null ? '' : noteName(pad.note);
}

/** A pad's name as words: it wraps only between them. */
export const nameWords = (name: string): string[] => name.split(/\s+/).filter((word) => word.length > 0);

/**
 * The length of a name's longest word, in characters: the pad draws its name
 * small enough for that word to fit across it ("Tambourine" shrinks on a
 * phone rather than breaking into "Tambouri ne"); a word too long even at
 * the smallest size ends in an ellipsis.
 */
export const longestWord = (name: string): number => Math.max(0, ...nameWords(name).map((word) => word.length));
