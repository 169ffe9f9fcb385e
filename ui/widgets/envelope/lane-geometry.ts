/**
 * Where things are in the automation lane, apart from the DOM: beats to
 * pixels across (the piano roll's viewport arithmetic, time only, so the
 * lane and the roll line up), values to pixels down (linear, `max` at the
 * top and `min` at the bottom, a few pixels in from the edges so both ends
 * can be touched), and the notes' pitches squeezed into the lane's height.
 */
import type { RollSize } from '../piano-roll/geometry';
import { boundsOf, clampViewport, fitTo, panBy, playedRange, ROW_PX, zoomAt } from '../piano-roll/viewport';
import type { RollBounds } from '../piano-roll/viewport';
import type { RollClip, RollNote, RollViewport } from '../piano-roll/roll-types';
import type { LaneViewport } from './envelope-types';

/** Room (px) above `max` and below `min`: a finger reaches both ends without leaving the lane. */
export const LANE_PAD_PX = 10;

/** A value range (the parameter's `min`..`max`). */
export interface ValueRange {
  min: number;
  max: number;
}

/** The x of a beat. */
export const beatToX = (view: LaneViewport, beat: number): number => (beat - view.startBeat) * view.pxPerBeat;

/** The beat at x. */
export const xToBeat = (view: LaneViewport, x: number): number => view.startBeat + x / view.pxPerBeat;

/** The y of a value in a lane `height` px tall (`max` at the top, `min` at the bottom, padded). */
export function valueToY(value: number, range: ValueRange, height: number): number {
  const inner = Math.max(0, height - 2 * LANE_PAD_PX);
  const span = range.max - range.min;
  if (span <= 0) return LANE_PAD_PX + inner / 2;
  return LANE_PAD_PX + ((range.max - value) / span) * inner;
}

/** The value at y, clamped to the range (a finger above the lane asks for `max`). */
export function yToValue(y: number, range: ValueRange, height: number): number {
  const inner = height - 2 * LANE_PAD_PX;
  if (inner <= 0 || range.max <= range.min) return range.min;
  const value = range.max - ((y - LANE_PAD_PX) / inner) * (range.max - range.min);
  return Math.min(range.max, Math.max(range.min, value));
}

// the roll's viewport functions work on rows too: the lane carries a row nobody sees
const asRoll = (view: LaneViewport): RollViewport => ({ ...view, topRow: 0, rowPx: ROW_PX.min });
const asLane = (view: RollViewport): LaneViewport => ({ startBeat: view.startBeat, pxPerBeat: view.pxPerBeat });

/** The bounds the roll keeps its viewport in, for the same clip and notes (so both clamp alike). */
export function laneBounds(clip: RollClip, notes: readonly RollNote[]): RollBounds {
  let lastEnd = 0;
  for (const note of notes) lastEnd = Math.max(lastEnd, note.start + note.duration);
  return boundsOf(clip, 1, lastEnd);
}

/** The viewport the roll fits to at first: the loop (or the clip) across the width. */
export const fitLane = (clip: RollClip, size: RollSize, bounds: RollBounds): LaneViewport =>
  asLane(fitTo(playedRange(clip), null, size, bounds));

/** `view` within the bounds and zoom limits (the same one, unchanged, when it already is). */
export function clampLane(view: LaneViewport, bounds: RollBounds, size: RollSize): LaneViewport {
  const clamped = clampViewport(asRoll(view), bounds, size);
  return clamped.startBeat === view.startBeat && clamped.pxPerBeat === view.pxPerBeat ? view : asLane(clamped);
}

/** `view` zoomed in time by `factor` about x (the beat under x stays there). */
export const zoomLane = (view: LaneViewport, x: number, factor: number): LaneViewport =>
  asLane(zoomAt(asRoll(view), { x, y: 0 }, factor, 1));

/** `view` with its content moved right by dx px (earlier beats come into sight). */
export const panLane = (view: LaneViewport, dx: number): LaneViewport => asLane(panBy(asRoll(view), dx, 0));

/** Where the faint notes go down the lane: a band per row from the lowest row shown at the bottom to the highest. */
export interface NoteBands {
  low: number;
  high: number;
  /** Each row's band (px). */
  bandPx: number;
}

/** The bands for rows `low`..`high` in a lane `height` px tall (null when there are no rows). */
export function noteBands(low: number, high: number, height: number): NoteBands | null {
  if (high < low) return null;
  // a few empty rows' worth of room above and below, so the notes never cover the lane's ends
  const rows = high - low + 3;
  return { low, high, bandPx: Math.max(1, (height - 2 * LANE_PAD_PX) / rows) };
}

/** The top of a row's band (row `high` one band below the padding, `low` one band above the bottom's). */
export const bandTop = (bands: NoteBands, row: number): number => LANE_PAD_PX + (bands.high - row + 1) * bands.bandPx;
