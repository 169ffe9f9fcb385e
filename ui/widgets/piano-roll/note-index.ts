/**
 * The notes sorted by start, so a frame finds the ones it shows by binary
 * search instead of walking all of them: a note shown at `[from, to)` starts
 * before `to` and after `from` minus the longest note's duration.
 */
import type { RollNote } from './roll-types';

/** The notes in start order, and the longest duration among them. */
export interface NoteIndex {
  readonly notes: readonly RollNote[];
  readonly maxDuration: number;
  /** How many are selected, and how many are not (yet) as Live has them. */
  readonly selected: number;
  readonly pending: number;
  /** The latest end among them (0 with none). */
  readonly lastEnd: number;
  /** The lowest and highest pitch among them (null with none). */
  readonly pitches: { low: number; high: number } | null;
}

// one index per notes array: the roll and its velocity lane share it, and a render that passes
// the same array again (a pan, the playhead) finds it without sorting
const indexes = new WeakMap<readonly RollNote[], NoteIndex>();

const byStart = (a: RollNote, b: RollNote): number => a.start - b.start || a.pitch - b.pitch;

/** The index of `notes` (they may come in any order; the editor usually sends them sorted). */
export function noteIndex(notes: readonly RollNote[]): NoteIndex {
  const known = indexes.get(notes);
  if (known) return known;
  let sorted = true;
  let maxDuration = 0;
  let selected = 0;
  let pending = 0;
  let lastEnd = 0;
  let [low, high] = [Infinity, -Infinity];
  for (let i = 0; i < notes.length; i += 1) {
    const note = notes[i] as RollNote;
    if (i > 0 && (notes[i - 1] as RollNote).start > note.start) sorted = false;
    if (note.duration > maxDuration) maxDuration = note.duration;
    if (note.selected) selected += 1;
    if (note.pending !== null) pending += 1;
    lastEnd = Math.max(lastEnd, note.start + note.duration);
    low = Math.min(low, note.pitch);
    high = Math.max(high, note.pitch);
  }
  const index = {
    notes: sorted ? notes : [...notes].sort(byStart),
    maxDuration,
    selected,
    pending,
    lastEnd,
    pitches: notes.length > 0 ? { low, high } : null,
  };
  indexes.set(notes, index);
  return index;
}

/** The first position in `notes` (sorted by start) whose note starts at or after `beat`. */
export function lowerBound(notes: readonly RollNote[], beat: number): number {
  let low = 0;
  let high = notes.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((notes[middle] as RollNote).start < beat) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * The positions `[first, last)` of the notes that may show between beats
 * `from` and `to`: every note that does is among them; a caller still
 * checks each one's end (a short note early in the span may end before `from`).
 */
export function candidates(index: NoteIndex, from: number, to: number): [number, number] {
  const first = lowerBound(index.notes, from - index.maxDuration);
  return [first, Math.max(first, lowerBound(index.notes, to))];
}

/** Calls `visit` for each note that overlaps `[from, to)`, in start order. */
export function forEachNoteIn(
  index: NoteIndex,
  from: number,
  to: number,
  visit: (note: RollNote, position: number) => void,
): void {
  const [first, last] = candidates(index, from, to);
  for (let i = first; i < last; i += 1) {
    const note = index.notes[i] as RollNote;
    if (note.start + note.duration > from) visit(note, i);
  }
}
