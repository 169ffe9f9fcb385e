/** The arithmetic of touch controls, apart from the DOM (tested on its own). */

export interface Range {
  min: number;
  max: number;
}

/** How much finer the fine mode (a second finger, Shift or Alt) moves a value. */
export const FINE_FACTOR = 0.1;
/** A double tap: two downs this close in time (ms) and place (px). */
export const DOUBLE_TAP_MS = 320;
export const DOUBLE_TAP_PX = 24;
/** A press this short (ms) that moves no more than TAP_SLOP_PX is a tap, not a drag. */
export const TAP_MS = 250;
export const TAP_SLOP_PX = 8;

export const clamp = (value: number, { min, max }: Range): number => Math.min(max, Math.max(min, value));

/** A relative drag: `pixels` moved (up or right positive) over `rangePixels` for the whole range. */
export function dragged(start: number, pixels: number, rangePixels: number, range: Range, fine: boolean): number {
  const span = range.max - range.min;
  return clamp(start + (pixels / rangePixels) * span * (fine ? FINE_FACTOR : 1), range);
}

/** `value` moved to the nearest whole number of `step`s from `start` (the ends of the range stay reachable). */
export function steppedFrom(start: number, value: number, step: number, range: Range): number {
  if (value <= range.min || value >= range.max) return clamp(value, range);
  return clamp(start + Math.round((value - start) / step) * step, range);
}

/** The value of a point along a track of `length` px (0 at the start), for absolute controls. */
export function atPosition(offset: number, length: number, range: Range): number {
  const ratio = length > 0 ? Math.min(1, Math.max(0, offset / length)) : 0;
  return range.min + ratio * (range.max - range.min);
}

/** Where a value sits along its range, 0..1. */
export const ratioOf = (value: number, { min, max }: Range): number =>
  max > min ? (clamp(value, { min, max }) - min) / (max - min) : 0;

export interface Tap {
  time: number;
  x: number;
  y: number;
}

export function isDoubleTap(previous: Tap | null, now: Tap): boolean {
  return (
    previous !== null &&
    now.time - previous.time <= DOUBLE_TAP_MS &&
    Math.hypot(now.x - previous.x, now.y - previous.y) <= DOUBLE_TAP_PX
  );
}

/** A circular drag: the change of angle (in turns) around a centre, for the knob's circular mode. */
export function turnDelta(
  center: { x: number; y: number },
  from: { x: number; y: number },
  to: { x: number; y: number },
): number {
  const angle = (p: { x: number; y: number }): number => Math.atan2(p.y - center.y, p.x - center.x);
  let delta = angle(to) - angle(from);
  if (delta > Math.PI) delta -= 2 * Math.PI;
  if (delta < -Math.PI) delta += 2 * Math.PI;
  return delta / (2 * Math.PI);
}

/** Velocity (1..127) from where a key or pad is struck: `ratio` 0 at the soft end, 1 at the loud end. */
export function velocityAt(ratio: number): number {
  return Math.max(1, Math.min(127, Math.round(1 + Math.min(1, Math.max(0, ratio)) * 126)));
}
