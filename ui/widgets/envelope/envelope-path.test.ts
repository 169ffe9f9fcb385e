import { describe, expect, it } from 'vitest';
import { point } from './envelope-fixtures';
import { envelopePath, inTimeOrder, traceSegments, type PathSink } from './envelope-path';

describe('envelopePath', () => {
  it('has no segments without points', () => {
    expect(envelopePath([], 0, 8)).toEqual([]);
  });

  it('holds a single point flat to both edges', () => {
    expect(envelopePath([point(2, 0.4)], 0, 8)).toEqual([
      { kind: 'hold', from: { beat: 0, value: 0.4 }, to: { beat: 2, value: 0.4 } },
      { kind: 'hold', from: { beat: 2, value: 0.4 }, to: { beat: 8, value: 0.4 } },
    ]);
  });

  it('draws ramps straight and two points at one time as a vertical step', () => {
    const points = [point(0, 0.2), point(2, 0.8), point(2, 0.3), point(4, 0.3)];
    expect(envelopePath(points)).toEqual([
      { kind: 'line', from: { beat: 0, value: 0.2 }, to: { beat: 2, value: 0.8 } },
      { kind: 'step', from: { beat: 2, value: 0.8 }, to: { beat: 2, value: 0.3 } },
      { kind: 'line', from: { beat: 2, value: 0.3 }, to: { beat: 4, value: 0.3 } },
    ]);
  });

  it('bends a curved segment: its control points are fractions of the segment’s span', () => {
    const points = [point(2, 0.2, { x1: 0.25, y1: 0, x2: 0.75, y2: 1 }), point(6, 0.6)];
    expect(envelopePath(points)).toEqual([
      {
        kind: 'curve',
        from: { beat: 2, value: 0.2 },
        to: { beat: 6, value: 0.6 },
        c1: { beat: 3, value: 0.2 },
        c2: { beat: 5, value: 0.6 },
      },
    ]);
  });

  it('keeps a curve’s time in the segment (control x beyond 0..1 clamped)', () => {
    const [segment] = envelopePath([point(0, 0, { x1: -1, y1: 0.5, x2: 2, y2: 0.5 }), point(4, 1)]);
    expect(segment?.kind === 'curve' && [segment.c1.beat, segment.c2.beat]).toEqual([0, 4]);
  });

  it('leaves out segments wholly outside the range asked for, keeping the ones across its edges', () => {
    const points = [point(0, 0), point(2, 1), point(4, 0), point(6, 1), point(8, 0)];
    expect(envelopePath(points, 3, 5).map((segment) => [segment.from.beat, segment.to.beat])).toEqual([
      [2, 4],
      [4, 6],
    ]);
  });

  it('draws points given out of order in time order, equal times in the order given', () => {
    const points = [point(4, 0.5), point(0, 0.1), point(2, 0.9), point(2, 0.2)];
    expect(inTimeOrder(points).map((one) => one.value)).toEqual([0.1, 0.9, 0.2, 0.5]);
    const sorted = [point(0, 1), point(1, 1)];
    expect(inTimeOrder(sorted)).toBe(sorted);
  });

  it('skips a step to the same value', () => {
    expect(envelopePath([point(0, 0.5), point(2, 0.5), point(2, 0.5), point(4, 0)]).map((s) => s.kind)).toEqual([
      'line',
      'line',
    ]);
  });
});

describe('traceSegments', () => {
  const recorder = () => {
    const calls: string[] = [];
    const sink: PathSink = {
      moveTo: (x, y) => calls.push(`M${x},${y}`),
      lineTo: (x, y) => calls.push(`L${x},${y}`),
      bezierCurveTo: (a, b, c, d, x, y) => calls.push(`C${a},${b} ${c},${d} ${x},${y}`),
    };
    return { calls, sink };
  };

  it('traces one connected line in pixels, curves as Béziers', () => {
    const { calls, sink } = recorder();
    const segments = envelopePath(
      [point(1, 0), point(2, 1, { x1: 0.5, y1: 0, x2: 0.5, y2: 1 }), point(3, 0), point(3, 1)],
      0,
      4,
    );
    const ends = traceSegments(
      sink,
      segments,
      (beat) => beat * 10,
      (value) => 100 - value * 100,
    );
    expect(calls).toEqual(['M0,100', 'L10,100', 'L20,0', 'C25,0 25,100 30,100', 'L30,0', 'L40,0']);
    expect(ends).toEqual({ first: { x: 0, y: 100 }, last: { x: 40, y: 0 } });
  });

  it('traces nothing for no segments', () => {
    const { calls, sink } = recorder();
    expect(traceSegments(sink, [], Number, Number)).toBeNull();
    expect(calls).toEqual([]);
  });
});
