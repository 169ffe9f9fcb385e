/**
 * Where a keyboard's keys are, apart from the DOM: a piano's white and black
 * keys, or (scale mode `hide`) a row of only the keys in the scale; which key
 * is under a point; how hard a point strikes it. Positions are fractions of
 * the key bed (0..1 across and down), so the view draws the keys with the
 * same numbers the pointer math reads them with.
 */
import {
  HIGHEST_NOTE,
  inScale,
  isBlackKey,
  isRoot,
  pitchClass,
  type ScaleMode,
  type ScaleName,
} from '../../../machines/scales';
import { velocityAt } from '../../touch/drag-math';

/** One key: its note, its kind, and its box as fractions of the key bed. */
export interface KeyRect {
  note: number;
  black: boolean;
  inScale: boolean;
  root: boolean;
  left: number;
  width: number;
  top: number;
  height: number;
}

/** What decides the keys shown and where they go. */
export interface KeyLayoutOptions {
  /** The first note shown (a C). */
  first: number;
  /** Octaves shown: the keys run from `first` to the C above the last octave. */
  octaves: number;
  root: number;
  scale: ScaleName;
  mode: ScaleMode;
}

/** A black key's width and length against a white key's. */
export const BLACK_WIDTH = 0.6;
export const BLACK_LENGTH = 0.62;

/** Black keys sit off the gap between their white neighbours, as on a piano (in white-key widths). */
const BLACK_OFFSET: Record<number, number> = { 1: -0.08, 3: 0.08, 6: -0.1, 8: 0, 10: 0.1 };

/** The notes shown: whole octaves and the closing C, within MIDI's range. */
export function notesShown(first: number, octaves: number): number[] {
  const last = Math.min(HIGHEST_NOTE, first + Math.max(1, Math.round(octaves)) * 12);
  return Array.from({ length: Math.max(0, last - first + 1) }, (_, index) => first + index);
}

/** Whether the layout is a row of in-scale keys rather than a piano (hiding nothing is a piano). */
export const isScaleRow = (mode: ScaleMode, scale: ScaleName): boolean => mode === 'hide' && scale !== 'chromatic';

/** The keys shown, each with its box: a piano, or a row of in-scale keys. */
export function layoutKeys({ first, octaves, root, scale, mode }: KeyLayoutOptions): KeyRect[] {
  const notes = notesShown(first, octaves);
  const describe = (note: number) => ({
    note,
    black: isBlackKey(note),
    inScale: inScale(note, root, scale),
    root: isRoot(note, root),
  });
  if (isScaleRow(mode, scale)) {
    const shown = notes.filter((note) => inScale(note, root, scale));
    const width = 1 / Math.max(1, shown.length);
    return shown.map((note, index) => ({ ...describe(note), left: index * width, width, top: 0, height: 1 }));
  }
  const whites = notes.filter((note) => !isBlackKey(note));
  const unit = 1 / Math.max(1, whites.length);
  let whiteIndex = 0;
  return notes.map((note) => {
    if (!isBlackKey(note)) {
      const left = whiteIndex * unit;
      whiteIndex += 1;
      return { ...describe(note), left, width: unit, top: 0, height: 1 };
    }
    // a black key straddles the gap before the next white key
    const centre = (whiteIndex + (BLACK_OFFSET[pitchClass(note)] ?? 0)) * unit;
    return {
      ...describe(note),
      left: centre - (BLACK_WIDTH * unit) / 2,
      width: BLACK_WIDTH * unit,
      top: 0,
      height: BLACK_LENGTH,
    };
  });
}

const contains = (key: KeyRect, x: number, y: number): boolean =>
  x >= key.left && x < key.left + key.width && y >= key.top && y < key.top + key.height;

/** The key under a point of the key bed (fractions), black keys first since they lie on top; null off the keys. */
export function keyAt(keys: readonly KeyRect[], x: number, y: number): KeyRect | null {
  if (!(x >= 0 && x <= 1 && y >= 0 && y <= 1)) return null;
  // the far right and bottom edges belong to the keys there
  const [inX, inY] = [Math.min(x, 1 - 1e-9), Math.min(y, 1 - 1e-9)];
  return (
    keys.find((key) => key.black && contains(key, inX, inY)) ?? keys.find((key) => contains(key, inX, inY)) ?? null
  );
}

/**
 * Where along its length a key is struck: 0 at its far end, 1 at its front
 * edge. A key bed that has no size (not laid out) strikes in the middle.
 */
export function strikeRatio(key: KeyRect, y: number): number {
  const ratio = (y - key.top) / key.height;
  return Number.isFinite(ratio) ? Math.min(1, Math.max(0, ratio)) : 0.5;
}

/** The velocity of a strike: soft near the far end of the key, loud at its front edge. */
export const strikeVelocity = (key: KeyRect, y: number): number => velocityAt(strikeRatio(key, y));

/** A point in the key bed as fractions of its box. */
export function pointIn(
  box: { left: number; top: number; width: number; height: number },
  clientX: number,
  clientY: number,
): { x: number; y: number } {
  return { x: (clientX - box.left) / box.width, y: (clientY - box.top) / box.height };
}

/** The smallest white key a finger plays reliably (px). */
export const MIN_WHITE_PX = 30;

/** How many of the octaves wanted fit a key bed `width` px wide (at least one). */
export function octavesThatFit(width: number, wanted: number, minWhitePx = MIN_WHITE_PX): number {
  if (!(width > 0)) return wanted;
  // an octave is 7 white keys; the closing C takes one more
  return Math.max(1, Math.min(wanted, Math.floor((width / minWhitePx - 1) / 7)));
}

/** The shortest a key may be when the key bed is stacked in rows (px): long enough to strike softly or hard. */
export const MIN_ROW_PX = 200;
/** How long a key may be against the key bed's width before a second row is worth it (a phone upright). */
const ROW_PER_WIDTH = 0.55;

/**
 * How many rows of keys a key bed `width` × `height` px holds, each the next
 * octaves up: more than one only where the bed is much taller than its keys
 * need to be (a phone or a tablet upright), so the height left is played
 * rather than made into keys longer than a hand.
 */
export function rowsThatFit(width: number, height: number, maxRows = 3): number {
  if (!(width > 0 && height > 0)) return 1;
  const row = Math.max(MIN_ROW_PX, width * ROW_PER_WIDTH);
  return Math.max(1, Math.min(maxRows, Math.floor(height / row)));
}
