import { describe, expect, it } from 'vitest';
import { clipOf } from '../piano-roll/roll-fixtures';
import { note } from '../piano-roll/roll-fixtures';
import { fitTo, playedRange, boundsOf } from '../piano-roll/viewport';
import {
  bandTop,
  beatToX,
  clampLane,
  fitLane,
  LANE_PAD_PX,
  laneBounds,
  noteBands,
  panLane,
  valueToY,
  xToBeat,
  yToValue,
  zoomLane,
} from './lane-geometry';

const FREQ = { min: 0, max: 1 };
const TYPE = { min: 0, max: 3 };

describe('values and heights', () => {
  it('puts max at the top and min at the bottom, padded so both can be touched', () => {
    expect(valueToY(1, FREQ, 400)).toBe(LANE_PAD_PX);
    expect(valueToY(0, FREQ, 400)).toBe(400 - LANE_PAD_PX);
    expect(valueToY(0.5, FREQ, 400)).toBe(200);
    expect(valueToY(2, TYPE, 100)).toBeCloseTo(LANE_PAD_PX + 80 / 3);
  });

  it('reads a value back from a height, clamped to the range', () => {
    expect(yToValue(200, FREQ, 400)).toBe(0.5);
    expect(yToValue(LANE_PAD_PX, TYPE, 400)).toBe(3);
    expect(yToValue(-50, FREQ, 400)).toBe(1);
    expect(yToValue(420, FREQ, 400)).toBe(0);
    for (const value of [0, 0.125, 0.7, 1]) expect(yToValue(valueToY(value, FREQ, 300), FREQ, 300)).toBeCloseTo(value);
  });

  it('copes with a range of one value and a lane too short to draw in', () => {
    expect(valueToY(5, { min: 5, max: 5 }, 100)).toBe(50);
    expect(yToValue(30, { min: 5, max: 5 }, 100)).toBe(5);
    expect(yToValue(3, FREQ, 10)).toBe(0);
  });
});

describe('beats across', () => {
  const view = { startBeat: 2, pxPerBeat: 50 };

  it('maps beats to x and back as the roll does', () => {
    expect(beatToX(view, 4)).toBe(100);
    expect(xToBeat(view, 125)).toBe(4.5);
  });

  it('fits the loop across the width as the roll fits it', () => {
    const clip = clipOf(4, { start: 4, end: 12 });
    const size = { width: 848, height: 120 };
    const bounds = laneBounds(clip, []);
    const roll = fitTo(playedRange(clip), null, size, boundsOf(clip, 128));
    expect(fitLane(clip, size, bounds)).toEqual({ startBeat: roll.startBeat, pxPerBeat: roll.pxPerBeat });
    expect(fitLane(clip, size, bounds).pxPerBeat).toBe(100);
  });

  it('keeps the roll’s bounds: the last note counts, and a viewport already inside stays the same object', () => {
    const clip = clipOf(2);
    expect(laneBounds(clip, [note(1, 60, 10, 2)]).lastBeat).toBe(12);
    const size = { width: 1000, height: 100 };
    const inside = { startBeat: 0, pxPerBeat: 100 };
    expect(clampLane(inside, laneBounds(clip, []), size)).toBe(inside);
    expect(clampLane({ startBeat: -10, pxPerBeat: 100 }, laneBounds(clip, []), size).startBeat).toBeCloseTo(-0.24);
  });

  it('zooms about a point and pans by pixels', () => {
    const zoomed = zoomLane(view, 100, 2);
    expect(zoomed.pxPerBeat).toBe(100);
    expect(xToBeat(zoomed, 100)).toBeCloseTo(4);
    expect(panLane(view, 50)).toEqual({ startBeat: 1, pxPerBeat: 50 });
  });
});

describe('the faint notes’ bands', () => {
  it('squeezes the rows shown into the lane, a band of room above and below', () => {
    const bands = noteBands(40, 47, 120);
    expect(bands).toEqual({ low: 40, high: 47, bandPx: 10 });
    if (!bands) return;
    expect(bandTop(bands, 47)).toBe(LANE_PAD_PX + 10);
    expect(bandTop(bands, 40)).toBe(LANE_PAD_PX + 80);
  });

  it('has none without rows', () => {
    expect(noteBands(Infinity, -Infinity, 100)).toBeNull();
  });
});
