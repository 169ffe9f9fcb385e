import { describe, expect, it } from 'vitest';
import { atPosition, dragged, isDoubleTap, ratioOf, steppedFrom, turnDelta, velocityAt } from './drag-math';

const range = { min: 0, max: 1 };

describe('drag arithmetic', () => {
  it('moves a relative drag over its pixel range, ten times finer in fine mode, clamped', () => {
    expect(dragged(0.5, 100, 200, range, false)).toBe(1);
    expect(dragged(0.5, 100, 200, range, true)).toBeCloseTo(0.55);
    expect(dragged(0.5, -400, 200, range, false)).toBe(0);
    expect(dragged(20, 50, 200, { min: 20, max: 999 }, false)).toBeCloseTo(264.75);
  });

  it('steps a coarse drag in whole steps from where it began, keeping what lies between', () => {
    const range = { min: 20, max: 999 };
    expect(steppedFrom(120.47, 122.2, 1, range)).toBeCloseTo(122.47);
    expect(steppedFrom(120.47, 118.9, 1, range)).toBeCloseTo(118.47);
    expect(steppedFrom(120.47, 120.6, 1, range)).toBeCloseTo(120.47);
    expect(steppedFrom(998.5, 999, 1, range)).toBe(999);
    expect(steppedFrom(20.5, 20, 1, range)).toBe(20);
  });

  it('reads absolute positions and ratios', () => {
    expect(atPosition(50, 200, { min: -1, max: 1 })).toBe(-0.5);
    expect(atPosition(500, 200, range)).toBe(1);
    expect(ratioOf(0.25, { min: 0, max: 0.5 })).toBe(0.5);
    expect(ratioOf(3, { min: 3, max: 3 })).toBe(0);
  });

  it('knows a double tap', () => {
    expect(isDoubleTap(null, { time: 0, x: 0, y: 0 })).toBe(false);
    expect(isDoubleTap({ time: 0, x: 0, y: 0 }, { time: 200, x: 10, y: 5 })).toBe(true);
    expect(isDoubleTap({ time: 0, x: 0, y: 0 }, { time: 500, x: 0, y: 0 })).toBe(false);
    expect(isDoubleTap({ time: 0, x: 0, y: 0 }, { time: 100, x: 80, y: 0 })).toBe(false);
  });

  it('measures turns around a centre, across the seam', () => {
    expect(turnDelta({ x: 0, y: 0 }, { x: 1, y: 0 }, { x: 0, y: 1 })).toBeCloseTo(0.25);
    expect(turnDelta({ x: 0, y: 0 }, { x: -1, y: 0.01 }, { x: -1, y: -0.01 })).toBeCloseTo(0.0032, 3);
  });

  it('turns where a key is struck into a velocity', () => {
    expect(velocityAt(0)).toBe(1);
    expect(velocityAt(1)).toBe(127);
    expect(velocityAt(0.5)).toBe(64);
    expect(velocityAt(7)).toBe(127);
  });
});
