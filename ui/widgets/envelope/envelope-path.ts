/**
 * The envelope's line as segments, apart from the canvas: straight from
 * point to point, vertical where two points share a time (a step), a cubic
 * Bézier where a point's `curve` is set (its control points are fractions
 * of the segment's time and value span, so they map to beats and values
 * directly), and flat before the first point and after the last, out to
 * the edges asked for, as Live holds an envelope's ends.
 */
import type { EnvelopePoint } from './envelope-types';

/** A point of the line in beats and the parameter's units. */
export interface EnvelopeXY {
  beat: number;
  value: number;
}

/** A piece of the line: `hold` (flat beyond the ends), `line`, `step` (vertical), `curve` (Bézier). */
export type EnvelopeSegment =
  | { kind: 'hold' | 'line' | 'step'; from: EnvelopeXY; to: EnvelopeXY }
  | { kind: 'curve'; from: EnvelopeXY; to: EnvelopeXY; c1: EnvelopeXY; c2: EnvelopeXY };

const fraction = (value: number): number => Math.min(1, Math.max(0, value));

/** The points in time order; equal times keep their order (the first is the value arriving, the second leaving). */
export function inTimeOrder(points: readonly EnvelopePoint[]): readonly EnvelopePoint[] {
  for (let i = 1; i < points.length; i += 1)
    if ((points[i] as EnvelopePoint).time < (points[i - 1] as EnvelopePoint).time)
      return [...points].sort((a, b) => a.time - b.time);
  return points;
}

/**
 * The segments of the envelope through `points` that reach into `from`..`to`
 * (beats), held flat from `from` to the first point and from the last point
 * to `to`. No points, no segments.
 */
export function envelopePath(points: readonly EnvelopePoint[], from = -Infinity, to = Infinity): EnvelopeSegment[] {
  const sorted = inTimeOrder(points);
  const first = sorted[0];
  const last = sorted[sorted.length - 1];
  if (first === undefined || last === undefined) return [];
  const segments: EnvelopeSegment[] = [];
  if (Number.isFinite(from) && from < first.time)
    segments.push({
      kind: 'hold',
      from: { beat: from, value: first.value },
      to: { beat: Math.min(first.time, to), value: first.value },
    });
  for (let i = 0; i + 1 < sorted.length; i += 1) {
    const a = sorted[i] as EnvelopePoint;
    const b = sorted[i + 1] as EnvelopePoint;
    if (b.time < from || a.time > to) continue;
    const start = { beat: a.time, value: a.value };
    const end = { beat: b.time, value: b.value };
    if (a.time === b.time) {
      if (a.value !== b.value) segments.push({ kind: 'step', from: start, to: end });
      continue;
    }
    if (a.curve === null) {
      segments.push({ kind: 'line', from: start, to: end });
      continue;
    }
    const [dt, dv] = [b.time - a.time, b.value - a.value];
    segments.push({
      kind: 'curve',
      from: start,
      to: end,
      c1: { beat: a.time + fraction(a.curve.x1) * dt, value: a.value + a.curve.y1 * dv },
      c2: { beat: a.time + fraction(a.curve.x2) * dt, value: a.value + a.curve.y2 * dv },
    });
  }
  if (Number.isFinite(to) && to > last.time)
    segments.push({
      kind: 'hold',
      from: { beat: Math.max(last.time, from), value: last.value },
      to: { beat: to, value: last.value },
    });
  return segments;
}

/** What segments are traced into: a canvas context or a Path2D (or a test's recorder). */
export interface PathSink {
  moveTo(x: number, y: number): void;
  lineTo(x: number, y: number): void;
  bezierCurveTo(cp1x: number, cp1y: number, cp2x: number, cp2y: number, x: number, y: number): void;
}

/**
 * `segments` traced into `sink` in pixels, one connected line (a move only
 * where a segment does not start where the last ended). Returns the first
 * and last pixel points, or null when there was nothing to trace.
 */
export function traceSegments(
  sink: PathSink,
  segments: readonly EnvelopeSegment[],
  toX: (beat: number) => number,
  toY: (value: number) => number,
): { first: { x: number; y: number }; last: { x: number; y: number } } | null {
  let first: { x: number; y: number } | null = null;
  let last: { x: number; y: number } | null = null;
  for (const segment of segments) {
    const start = { x: toX(segment.from.beat), y: toY(segment.from.value) };
    if (last === null || Math.abs(last.x - start.x) > 0.01 || Math.abs(last.y - start.y) > 0.01)
      sink.moveTo(start.x, start.y);
    first ??= start;
    const end = { x: toX(segment.to.beat), y: toY(segment.to.value) };
    if (segment.kind === 'curve')
      sink.bezierCurveTo(
        toX(segment.c1.beat),
        toY(segment.c1.value),
        toX(segment.c2.beat),
        toY(segment.c2.value),
        end.x,
        end.y,
      );
    else sink.lineTo(end.x, end.y);
    last = end;
  }
  return first && last && { first, last };
}
