/**
 * A clip envelope's shape as the editor knows it: breakpoints in time order,
 * in the parameter's own units, and what Live's `insert_step` and
 * `delete_events_in_range` do to them. The editor shows Live's envelope
 * with its edits in flight applied by these same rules, so a stroke looks
 * the same before and after Live has it.
 *
 * Two points at one time make a vertical step (the first holds the value
 * before it); a point's `curve` shapes the segment to the next point (Live
 * 12's control coefficients); before the first point and after the last
 * the value holds.
 */
import type { EnvelopeReading } from '../protocol/src/index';

/** The shape of a curved segment: a cubic Bézier's inner control points as fractions of the segment's span. */
export interface Curve {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

export interface EnvelopePoint {
  time: number;
  value: number;
  curve: Curve | null;
}

/** One `insert_step`: `value` held from `time` for `length` beats. */
export interface Step {
  time: number;
  length: number;
  value: number;
}

/** Times closer than this are one time (beats: far below any grid). */
const SAME_TIME = 1e-9;

/** Where the first point after `time` is (the points at `time` are before it). */
function upperIndex(points: readonly EnvelopePoint[], time: number): number {
  let low = 0;
  let high = points.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((points[middle]?.time ?? 0) <= time + SAME_TIME) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** Where the first point at or after `time` is. */
function lowerIndex(points: readonly EnvelopePoint[], time: number): number {
  let low = 0;
  let high = points.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((points[middle]?.time ?? 0) < time - SAME_TIME) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** A cubic Bézier coordinate at `s` (0..1) with end values 0 and 1 and inner controls `a`, `b`. */
function bezier(a: number, b: number, s: number): number {
  const r = 1 - s;
  return 3 * r * r * s * a + 3 * r * s * s * b + s * s * s;
}

/** The value a segment from `from` to `to` has at `time` (straight, or along `from.curve`). */
export function segmentValue(from: EnvelopePoint, to: EnvelopePoint, time: number): number {
  const span = to.time - from.time;
  if (span <= SAME_TIME) return to.value;
  const x = Math.min(1, Math.max(0, (time - from.time) / span));
  const curve = from.curve;
  if (curve === null) return from.value + (to.value - from.value) * x;
  // the curve's time is monotonic for controls within 0..1
  const y = bezier(curve.y1, curve.y2, curveParameter(curve, x));
  return from.value + (to.value - from.value) * y;
}

/**
 * The value at `time`. At a step, the value after it (`side: 'after'`, as
 * Live's `value_at_time` answers) or before it (`'before'`).
 */
export function valueAt(
  points: readonly EnvelopePoint[],
  time: number,
  fallback: number,
  side: 'before' | 'after' = 'after',
): number {
  if (points.length === 0) return fallback;
  const index = side === 'after' ? upperIndex(points, time) : lowerIndex(points, time);
  const previous = points[index - 1];
  const next = points[index];
  if (previous === undefined) return next?.value ?? fallback;
  if (next === undefined) return previous.value;
  return segmentValue(previous, next, time);
}

/** The Bézier parameter `s` at which a curve's time fraction is `x`. */
function curveParameter(curve: Curve, x: number): number {
  let low = 0;
  let high = 1;
  for (let i = 0; i < 40; i += 1) {
    const middle = (low + high) / 2;
    if (bezier(curve.x1, curve.x2, middle) < x) low = middle;
    else high = middle;
  }
  return (low + high) / 2;
}

const lerp = (a: number, b: number, s: number): number => a + (b - a) * s;

/** A curve's part before (`'left'`) or after (`'right'`) its time fraction `x`, as a curve of its own. */
export function splitCurve(curve: Curve, x: number, part: 'left' | 'right'): Curve | null {
  const s = curveParameter(curve, x);
  const half = (p1: number, p2: number): [number, number, number] => {
    const a = lerp(0, p1, s);
    const b = lerp(p1, p2, s);
    const c = lerp(p2, 1, s);
    const d = lerp(a, b, s);
    const e = lerp(b, c, s);
    return part === 'left' ? [a, d, bezier(p1, p2, s)] : [e, c, bezier(p1, p2, s)];
  };
  const [xa, xb, xs] = half(curve.x1, curve.x2);
  const [ya, yb, ys] = half(curve.y1, curve.y2);
  if (part === 'left') {
    if (xs <= SAME_TIME || Math.abs(ys) <= 1e-12) return null;
    return { x1: xa / xs, y1: ya / ys, x2: xb / xs, y2: yb / ys };
  }
  if (1 - xs <= SAME_TIME || Math.abs(1 - ys) <= 1e-12) return null;
  return { x1: (xa - xs) / (1 - xs), y1: (ya - ys) / (1 - ys), x2: (xb - xs) / (1 - xs), y2: (yb - ys) / (1 - ys) };
}

/** A point whose curved segment now ends at `time` (the rest was cut away): the curve's part before `time`. */
function cutAfter(point: EnvelopePoint, next: EnvelopePoint, time: number): EnvelopePoint {
  if (point.curve === null || next.time - point.time <= SAME_TIME) return point;
  return { ...point, curve: splitCurve(point.curve, (time - point.time) / (next.time - point.time), 'left') };
}

/** The curve from `time` on of the segment from `point` to `next`. */
function restOfCurve(point: EnvelopePoint, next: EnvelopePoint, time: number): Curve | null {
  if (point.curve === null || time - point.time <= SAME_TIME) return point.curve;
  return splitCurve(point.curve, (time - point.time) / (next.time - point.time), 'right');
}

/**
 * The shape after `insert_step`: the points within the step's range go, the
 * value just before it and the value after its end are kept, so what lies
 * outside the step does not move, curves included (evidence:
 * live-script/README.md, "Evidence: envelopes").
 */
export function insertStep(points: readonly EnvelopePoint[], step: Step, fallback: number): EnvelopePoint[] {
  const end = step.time + step.length;
  const before = valueAt(points, step.time, fallback, 'before');
  const after = valueAt(points, end, fallback, 'after');
  const first = lowerIndex(points, step.time);
  const last = upperIndex(points, end);
  const previous = points[first - 1];
  const crossingStart = points[first];
  const crossingEnd = points[last - 1];
  const next = points[last];
  const kept = previous && crossingStart ? cutAfter(previous, crossingStart, step.time) : previous;
  // the segment that ran across the step's end goes on from it along the rest of its curve
  const tail = crossingEnd && next && crossingEnd.curve !== null ? restOfCurve(crossingEnd, next, end) : null;
  return [
    ...points.slice(0, Math.max(0, first - 1)),
    ...(kept ? [kept] : []),
    { time: step.time, value: before, curve: null },
    { time: step.time, value: step.value, curve: null },
    { time: end, value: step.value, curve: null },
    { time: end, value: after, curve: next ? tail : null },
    ...points.slice(last),
  ];
}

/** The shape after `delete_events_in_range(start, end)`: the points in the range go (ends included). */
export function deleteRange(points: readonly EnvelopePoint[], start: number, end: number): EnvelopePoint[] {
  return [...points.slice(0, lowerIndex(points, start)), ...points.slice(upperIndex(points, end))];
}

/** The envelope as the editor keeps it after a reading. */
export interface EnvelopeShape {
  exists: boolean;
  points: EnvelopePoint[];
  /** Read by sampling `value_at_time` (Live 11): steps are found where the samples jump. */
  sampled: boolean;
}

/** Whether `b` lies on the line from `a` to (time, value), to a value's rounding. */
function onLine(a: EnvelopePoint, b: EnvelopePoint, time: number, value: number, span: number): boolean {
  if (a.time === b.time || b.time === time) return false; // a step's points say something
  const expected = a.value + ((value - a.value) * (b.time - a.time)) / (time - a.time);
  return Math.abs(expected - b.value) <= Math.max(1e-9, span * 1e-6);
}

/**
 * Breakpoints from samples taken every `step` (Live 11 has no events): a
 * jump that stands between flat neighbours is a vertical step at the later
 * sample (Live's value at a step's time is the value after it); samples
 * on one line are one segment.
 */
export function pointsFromSamples(samples: readonly { time: number; value: number }[], span: number): EnvelopePoint[] {
  const points: EnvelopePoint[] = [];
  const push = (time: number, value: number): void => {
    const length = points.length;
    const a = points[length - 2];
    const b = points[length - 1];
    // a middle point on the line between its neighbours says nothing
    if (a && b && onLine(a, b, time, value, span)) points.pop();
    points.push({ time, value, curve: null });
  };
  const delta = (i: number): number => (samples[i]?.value ?? 0) - (samples[i - 1]?.value ?? 0);
  for (let i = 0; i < samples.length; i += 1) {
    const sample = samples[i];
    if (sample === undefined) continue;
    const previous = samples[i - 1];
    const jump = delta(i);
    const flatAround =
      Math.abs(jump) > span * 1e-6 &&
      (i < 2 || Math.abs(delta(i - 1)) <= span * 1e-6) &&
      (i + 1 >= samples.length || Math.abs(delta(i + 1)) <= span * 1e-6);
    if (previous && flatAround) push(sample.time, previous.value);
    push(sample.time, sample.value);
  }
  return points;
}

/** The shape Live's reading describes: its events (Live 12) or its samples (Live 11). */
export function shapeFromReading(reading: EnvelopeReading, span: number): EnvelopeShape {
  if (!reading.exists) return { exists: false, points: [], sampled: reading.events === null };
  if (reading.events !== null) {
    const points = reading.events.map((event) => ({ time: event.time, value: event.value, curve: event.curve }));
    // Live keeps an envelope's first value in an event it never lists: the samples tell it
    const first = reading.samples[0];
    if (first && (points[0] === undefined || points[0].time > first.time + SAME_TIME)) {
      points.unshift({ time: first.time, value: first.value, curve: null });
    }
    return { exists: true, points, sampled: false };
  }
  return { exists: true, points: pointsFromSamples(reading.samples, span), sampled: true };
}

/** A value the parameter takes: within min..max, and a whole step from min where it is quantized. */
export function allowedValue(value: number, range: { min: number; max: number; quantized: boolean }): number {
  const clamped = Math.min(range.max, Math.max(range.min, Number.isFinite(value) ? value : range.min));
  if (!range.quantized) return clamped;
  return Math.min(range.max, range.min + Math.round(clamped - range.min));
}
