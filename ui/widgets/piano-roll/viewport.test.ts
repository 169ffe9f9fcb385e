import { describe, expect, it } from 'vitest';
import { beatToX, rowPosAt, xToBeat } from './geometry';
import { clipOf } from './roll-fixtures';
import {
  boundsOf,
  clampViewport,
  fitTo,
  follow,
  LEFT_MARGIN_PX,
  panBy,
  playedRange,
  PX_PER_BEAT,
  ROW_PX,
  zoomAt,
} from './viewport';

const view = { startBeat: 4, pxPerBeat: 50, topRow: 72, rowPx: 12 };
const size = { width: 800, height: 480 };
const bounds = boundsOf(clipOf(8), 128);

describe('zoomAt', () => {
  it('keeps the beat and the row under the focus where they were', () => {
    const focus = { x: 300, y: 200 };
    const zoomed = zoomAt(view, focus, 2, 0.5);
    expect(zoomed.pxPerBeat).toBe(100);
    expect(zoomed.rowPx).toBe(6);
    expect(xToBeat(zoomed, 300)).toBeCloseTo(xToBeat(view, 300));
    expect(rowPosAt(zoomed, 200)).toBeCloseTo(rowPosAt(view, 200));
  });

  it('zooms time and rows apart', () => {
    const zoomed = zoomAt(view, { x: 0, y: 0 }, 1.5, 1);
    expect(zoomed.rowPx).toBe(view.rowPx);
    expect(zoomed.topRow).toBe(view.topRow);
  });

  it('stops at the zoom limits, the focus still in place', () => {
    const zoomed = zoomAt(view, { x: 100, y: 50 }, 1000, 1000);
    expect(zoomed.pxPerBeat).toBe(PX_PER_BEAT.max);
    expect(zoomed.rowPx).toBe(ROW_PX.max);
    expect(xToBeat(zoomed, 100)).toBeCloseTo(xToBeat(view, 100));
  });
});

describe('panBy', () => {
  it('moves the content with the finger', () => {
    const panned = panBy(view, 100, -24);
    expect(panned.startBeat).toBe(2);
    expect(panned.topRow).toBe(70);
    expect(beatToX(panned, 4)).toBe(100);
  });
});

describe('clampViewport', () => {
  it('goes no further left than a little before the clip', () => {
    const clamped = clampViewport({ ...view, startBeat: -10 }, bounds, size);
    expect(clamped.startBeat).toBeCloseTo(-LEFT_MARGIN_PX / view.pxPerBeat);
  });

  it('goes no further right than the clip’s end a quarter of the way in', () => {
    const clamped = clampViewport({ ...view, startBeat: 1000 }, bounds, size);
    expect(clamped.startBeat).toBeCloseTo(32 - (800 / 50) * 0.25);
  });

  it('keeps the rows within 0..127, filling the height', () => {
    expect(clampViewport({ ...view, topRow: 200 }, bounds, size).topRow).toBe(127);
    expect(clampViewport({ ...view, topRow: 3 }, bounds, size).topRow).toBe(480 / 12 - 1);
  });

  it('keeps a few pads at the top', () => {
    expect(clampViewport({ ...view, topRow: 2 }, { ...bounds, rows: 8 }, size).topRow).toBe(7);
  });

  it('returns the same viewport when it is within bounds', () => {
    expect(clampViewport(view, bounds, size)).toBe(view);
  });
});

describe('fitTo', () => {
  it('shows a range across the width with room at the left, and the rows in the middle', () => {
    const fitted = fitTo({ start: 0, end: 8 }, { low: 45, high: 57 }, size);
    expect(beatToX(fitted, 0)).toBeCloseTo(LEFT_MARGIN_PX);
    expect(beatToX(fitted, 8)).toBeCloseTo(800 - LEFT_MARGIN_PX);
    expect(fitted.rowPx).toBeLessThanOrEqual(28);
    const middle = rowPosAt(fitted, 240);
    expect(middle).toBeCloseTo(51.5);
  });

  it('fills the height with a rack’s pads', () => {
    const fitted = fitTo({ start: 0, end: 8 }, { low: 0, high: 7 }, size, { ...bounds, rows: 8 }, true);
    expect(fitted.rowPx).toBe(60);
    expect(fitted.topRow).toBe(7);
  });

  it('plays the loop when looping, start to end when not', () => {
    expect(playedRange(clipOf(4, { start: 2, end: 6 }))).toEqual({ start: 2, end: 6 });
    expect(playedRange(clipOf(4, { start: 2, end: 6, on: false }))).toEqual({ start: 0, end: 16 });
  });
});

describe('follow', () => {
  it('leaves the view alone while the playhead is in the page', () => {
    expect(follow(view, 8, 800)).toBe(view);
  });

  it('turns the page when the playhead nears its right edge or is before it', () => {
    expect(follow(view, 19, 800).startBeat).toBeCloseTo(19 - 16 * 0.05);
    expect(follow(view, 1, 800).startBeat).toBeCloseTo(1 - 16 * 0.05);
  });
});
