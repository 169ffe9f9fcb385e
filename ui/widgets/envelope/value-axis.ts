/**
 * The value axis down the lane's side: the labels the editor gives (Live's
 * `str_for_value` at chosen values), or a quantized parameter's items when
 * it gives none, placed at their values and thinned so none overlap: the
 * top and bottom ones kept, the inner ones kept while they have room.
 */
import type { AxisLabel, LaneParameter } from './envelope-types';
import { valueToY } from './lane-geometry';

/** Labels closer than this (px) overlap: the inner one goes. */
export const MIN_AXIS_GAP_PX = 16;

/** A label where it is drawn. */
export interface PlacedLabel extends AxisLabel {
  y: number;
}

/** The labels for `parameter`: `axis` when given, else a quantized parameter's items (`min`, `min + 1`...). */
export function axisLabels(parameter: LaneParameter, axis: readonly AxisLabel[]): readonly AxisLabel[] {
  if (axis.length > 0 || !parameter.quantized) return axis;
  return parameter.items.map((text, index) => ({ value: parameter.min + index, text }));
}

/**
 * `labels` within the parameter's range placed in a lane `height` px tall,
 * top first, thinned to `gap` px apart (all of them before the lane is measured).
 */
export function placeAxis(
  labels: readonly AxisLabel[],
  range: { min: number; max: number },
  height: number,
  gap = MIN_AXIS_GAP_PX,
): PlacedLabel[] {
  const [low, high] = [Math.min(range.min, range.max), Math.max(range.min, range.max)];
  const placed = labels
    .filter((label) => label.value >= low && label.value <= high)
    .map((label) => ({ ...label, y: valueToY(label.value, range, height) }))
    .sort((a, b) => a.y - b.y || b.value - a.value);
  const top = placed[0];
  const bottom = placed[placed.length - 1];
  // not measured yet: no room is known to thin against
  if (top === undefined || bottom === undefined || placed.length === 1 || height <= 0) return placed;
  const kept: PlacedLabel[] = [top];
  let lastY = top.y;
  for (const label of placed.slice(1, -1)) {
    if (label.y - lastY >= gap && bottom.y - label.y >= gap) {
      kept.push(label);
      lastY = label.y;
    }
  }
  if (bottom.y - lastY >= gap) kept.push(bottom);
  return kept;
}
