/**
 * The viewport's arithmetic, apart from the DOM: fit a range, zoom about a
 * point (time and pitch apart), pan, keep it within the clip and the rows,
 * follow the playhead. Every function returns a new viewport (or the same
 * one when nothing changes, so a caller can skip a render).
 */
import type { BeatRange, RollSize, RowRange } from './geometry';
import type { RollClip, RollViewport } from './roll-types';

/** How far the roll zooms: a 32nd note from a hair to a thumb's width, rows from a line to a pad. */
export const PX_PER_BEAT = { min: 1, max: 1600 } as const;
export const ROW_PX = { min: 3, max: 72 } as const;
/** Rows no taller than this when fitting a few notes (a single note is no reason for giant rows). */
const FIT_ROW_PX = 28;
/** How far left of the clip (px) the roll may go: the start marker stays clear of the edge. */
export const LEFT_MARGIN_PX = 24;

/** What a viewport stays within: the rows there are and the clip's beats. */
export interface RollBounds {
  rows: number;
  firstBeat: number;
  lastBeat: number;
}

const clamp = (value: number, min: number, max: number): number => Math.min(max, Math.max(min, value));

/** The bounds of a clip: from its start (or its loop's, if earlier) to its end (or the loop's, or the last note's). */
export function boundsOf(clip: RollClip, rows: number, lastNoteEnd = 0): RollBounds {
  return {
    rows,
    firstBeat: Math.min(clip.start, clip.loop.start),
    lastBeat: Math.max(clip.end, clip.loop.end, lastNoteEnd),
  };
}

/** The part of the clip that plays: its loop when it loops, from start to end marker when not. */
export const playedRange = (clip: RollClip): BeatRange =>
  clip.loop.on ? { start: clip.loop.start, end: clip.loop.end } : { start: clip.start, end: clip.end };

/**
 * `view` moved back within `bounds`: no further left than a little before
 * the clip, no further right than the clip's end a quarter of the way in;
 * the rows filling the height (or, when they are fewer, from the top).
 */
export function clampViewport(view: RollViewport, bounds: RollBounds, size: RollSize): RollViewport {
  const pxPerBeat = clamp(view.pxPerBeat, PX_PER_BEAT.min, PX_PER_BEAT.max);
  const rowPx = clamp(view.rowPx, ROW_PX.min, ROW_PX.max);
  const span = size.width / pxPerBeat;
  const minStart = bounds.firstBeat - LEFT_MARGIN_PX / pxPerBeat;
  const maxStart = Math.max(minStart, bounds.lastBeat - span * 0.25);
  const shown = size.height / rowPx;
  const topRow = clamp(view.topRow, Math.min(bounds.rows - 1, shown - 1), bounds.rows - 1);
  const startBeat = clamp(view.startBeat, minStart, maxStart);
  if (pxPerBeat === view.pxPerBeat && rowPx === view.rowPx && topRow === view.topRow && startBeat === view.startBeat)
    return view;
  return { startBeat, pxPerBeat, topRow, rowPx };
}

/**
 * `view` zoomed by `factorX` in time and `factorY` in rows about `focus`
 * (px): the beat and the row under the focus stay under it. Within the
 * zoom limits, not yet within bounds (`clampViewport`).
 */
export function zoomAt(
  view: RollViewport,
  focus: { x: number; y: number },
  factorX: number,
  factorY: number,
): RollViewport {
  const pxPerBeat = clamp(view.pxPerBeat * factorX, PX_PER_BEAT.min, PX_PER_BEAT.max);
  const rowPx = clamp(view.rowPx * factorY, ROW_PX.min, ROW_PX.max);
  const beat = view.startBeat + focus.x / view.pxPerBeat;
  const rowPos = view.topRow + 1 - focus.y / view.rowPx;
  return {
    startBeat: beat - focus.x / pxPerBeat,
    pxPerBeat,
    topRow: rowPos - 1 + focus.y / rowPx,
    rowPx,
  };
}

/** `view` with its content moved by (dx, dy) px, as a finger drags it (right shows earlier beats, down higher rows). */
export const panBy = (view: RollViewport, dx: number, dy: number): RollViewport => ({
  ...view,
  startBeat: view.startBeat - dx / view.pxPerBeat,
  topRow: view.topRow + dy / view.rowPx,
});

/**
 * A viewport showing `range` across the width and `rows` (the notes' rows,
 * say; null for the middle of the keyboard) down the height, with a little
 * room around both; clamped to `bounds` when given. With `fill` the rows
 * fill the height exactly, as large as they get (a Drum Rack's few pads).
 */
export function fitTo(
  range: BeatRange,
  rows: RowRange | null,
  size: RollSize,
  bounds?: RollBounds,
  fill = false,
): RollViewport {
  const span = Math.max(range.end - range.start, 1 / 16);
  const width = Math.max(size.width, 1);
  const height = Math.max(size.height, 1);
  const pxPerBeat = clamp((width - 2 * LEFT_MARGIN_PX) / span, PX_PER_BEAT.min, PX_PER_BEAT.max);
  const startBeat = range.start - LEFT_MARGIN_PX / pxPerBeat;
  const { low, high } = rows ?? { low: 48, high: 72 };
  // a row of room above and below the notes
  const count = high - low + (fill ? 1 : 3);
  const rowPx = clamp(height / count, ROW_PX.min, fill ? ROW_PX.max : FIT_ROW_PX);
  const middle = (low + high + 1) / 2;
  const view = { startBeat, pxPerBeat, rowPx, topRow: middle - 1 + height / rowPx / 2 };
  return bounds ? clampViewport(view, bounds, size) : view;
}

/**
 * `view` turned to the page the playhead is on, as Live follows: nothing
 * while the playhead is in the page (between its left edge and 90 % of its
 * width), else the page starting a little before it.
 */
export function follow(view: RollViewport, playhead: number, width: number): RollViewport {
  const span = width / view.pxPerBeat;
  if (span <= 0 || (playhead >= view.startBeat && playhead <= view.startBeat + span * 0.9)) return view;
  return { ...view, startBeat: playhead - span * 0.05 };
}
