import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  allowedValue,
  deleteRange,
  insertStep,
  pointsFromSamples,
  segmentValue,
  shapeFromReading,
  splitCurve,
  valueAt,
  type EnvelopePoint,
} from './envelope-shape';

const p = (time: number, value: number, curve: EnvelopePoint['curve'] = null): EnvelopePoint => ({
  time,
  value,
  curve,
});

describe('valueAt', () => {
  const ramp = [p(0, 0), p(4, 1)];
  it('interpolates between points and holds outside them', () => {
    expect(valueAt(ramp, 1, 9)).toBeCloseTo(0.25);
    expect(valueAt(ramp, -1, 9)).toBe(0);
    expect(valueAt(ramp, 8, 9)).toBe(1);
    expect(valueAt([], 2, 0.7)).toBe(0.7);
  });
  it('answers the value after a step at its time, or the value before it when asked', () => {
    const step = [p(0, 0.2), p(2, 0.2), p(2, 0.8), p(4, 0.8)];
    expect(valueAt(step, 2, 0)).toBe(0.8);
    expect(valueAt(step, 2, 0, 'before')).toBe(0.2);
  });
  it('follows a curve: eased, through both ends', () => {
    const eased = { x1: 0.5, y1: 0, x2: 1, y2: 0.5 };
    expect(segmentValue(p(0, 0, eased), p(4, 1), 0)).toBeCloseTo(0);
    expect(segmentValue(p(0, 0, eased), p(4, 1), 4)).toBeCloseTo(1);
    expect(segmentValue(p(0, 0, eased), p(4, 1), 2)).toBeLessThan(0.5);
  });
});

describe('insertStep', () => {
  it('holds the value over the step and keeps the value before and after it', () => {
    const shape = insertStep([p(0, 0), p(8, 1)], { time: 2, length: 2, value: 0.9 }, 0);
    expect(shape).toEqual([p(0, 0), p(2, 0.25), p(2, 0.9), p(4, 0.9), p(4, 0.5), p(8, 1)]);
  });
  it('replaces what was inside the range, ends included', () => {
    const first = insertStep([p(0, 0.5)], { time: 1, length: 1, value: 0.1 }, 0.5);
    const second = insertStep(first, { time: 1, length: 1, value: 0.7 }, 0.5);
    expect(second).toEqual([p(0, 0.5), p(1, 0.5), p(1, 0.7), p(2, 0.7), p(2, 0.5)]);
  });
  it('lays steps side by side into a staircase', () => {
    let shape: EnvelopePoint[] = [];
    [0.1, 0.2, 0.3].forEach((value, index) => {
      shape = insertStep(shape, { time: index, length: 1, value }, 0.5);
    });
    expect(valueAt(shape, 0.5, 0)).toBe(0.1);
    expect(valueAt(shape, 1.5, 0)).toBe(0.2);
    expect(valueAt(shape, 2.5, 0)).toBe(0.3);
    expect(valueAt(shape, 3.5, 0)).toBe(0.5);
  });
  it('never moves the envelope outside the step, curves included', () => {
    const curve = { x1: 0.2, y1: 0.8, x2: 0.6, y2: 1 };
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 7, noNaN: true }),
        fc.double({ min: 0, max: 3, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (time, length, value) => {
          const before = [p(0, 0.1, curve), p(5, 0.9), p(7, 0.3, curve), p(10, 0.6)];
          const after = insertStep(before, { time, length, value }, 0);
          for (let t = 0; t <= 11; t += 0.25) {
            if (t >= time - 1e-6 && t <= time + length + 1e-6) continue;
            expect(valueAt(after, t, 0)).toBeCloseTo(valueAt(before, t, 0), 4);
          }
          if (length > 1e-6) expect(valueAt(after, time + length / 2, 0)).toBeCloseTo(value, 9);
        },
      ),
    );
  });
});

describe('splitCurve', () => {
  it('gives parts that trace the whole', () => {
    const curve = { x1: 0.3, y1: 0.9, x2: 0.7, y2: 0.1 };
    const whole = (t: number) => segmentValue(p(0, 0, curve), p(1, 1), t);
    const middle = whole(0.4);
    const left = splitCurve(curve, 0.4, 'left');
    const right = splitCurve(curve, 0.4, 'right');
    expect(segmentValue(p(0, 0, left), p(0.4, middle), 0.2)).toBeCloseTo(whole(0.2), 5);
    expect(segmentValue(p(0.4, middle, right), p(1, 1), 0.8)).toBeCloseTo(whole(0.8), 5);
  });
});

describe('deleteRange', () => {
  it('removes the points in the range, ends included', () => {
    expect(deleteRange([p(0, 0), p(1, 1), p(2, 0), p(3, 1)], 1, 2)).toEqual([p(0, 0), p(3, 1)]);
  });
});

describe('pointsFromSamples', () => {
  it('finds a step where the samples jump between flat neighbours', () => {
    const samples = [0, 0.25, 0.5, 0.75, 1, 1.25].map((time) => ({ time, value: time < 0.75 ? 0.2 : 0.8 }));
    expect(pointsFromSamples(samples, 1)).toEqual([p(0, 0.2), p(0.75, 0.2), p(0.75, 0.8), p(1.25, 0.8)]);
  });
  it('keeps a ramp a ramp', () => {
    const samples = [0, 1, 2, 3, 4].map((time) => ({ time, value: time / 4 }));
    expect(pointsFromSamples(samples, 1)).toEqual([p(0, 0), p(4, 1)]);
  });
});

describe('shapeFromReading', () => {
  it('takes Live 12 events with their curves, and Live 11 samples', () => {
    const curve = { x1: 0.5, y1: 0, x2: 1, y2: 0.5 };
    const events = shapeFromReading(
      {
        exists: true,
        samples: [],
        events: [
          { time: 0, value: 0, curve },
          { time: 4, value: 1, curve: null },
        ],
      },
      1,
    );
    expect(events).toEqual({ exists: true, sampled: false, points: [p(0, 0, curve), p(4, 1)] });
    const none = shapeFromReading({ exists: false, samples: [], events: null }, 1);
    expect(none).toEqual({ exists: false, points: [], sampled: true });
  });
});

describe('allowedValue', () => {
  it('clamps to the range and rounds quantized values to whole steps', () => {
    expect(allowedValue(2, { min: 0, max: 1, quantized: false })).toBe(1);
    expect(allowedValue(-1, { min: 0, max: 1, quantized: false })).toBe(0);
    expect(allowedValue(1.6, { min: 0, max: 3, quantized: true })).toBe(2);
    expect(allowedValue(Number.NaN, { min: 0, max: 3, quantized: true })).toBe(0);
  });
});
