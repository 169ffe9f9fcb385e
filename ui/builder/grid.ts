/**
 * A saved page's grid: where a new widget goes, where a moved or resized
 * one may land. Widgets never overlap and stay inside the grid's columns
 * and rows; a place that does not fit is refused, not squeezed. Pure.
 */
import { PAGE_LIMITS, type PageWidget, type WidgetKind } from '../../protocol/src/pages';

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

export const COLUMNS = PAGE_LIMITS.columns;
export const MAX_ROWS = PAGE_LIMITS.maxRows;

/** The size each kind starts at: a knob square, a fader tall, a keyboard the page's width. */
export const START_SIZE: Record<WidgetKind, { w: number; h: number }> = {
  knob: { w: 2, h: 2 },
  fader: { w: 1, h: 4 },
  button: { w: 2, h: 1 },
  display: { w: 2, h: 1 },
  xy: { w: 4, h: 4 },
  meter: { w: 1, h: 4 },
  keys: { w: 12, h: 4 },
  pads: { w: 4, h: 4 },
};

/** The smallest a kind may be made: the widget must still be playable. */
export const MIN_SIZE: Record<WidgetKind, { w: number; h: number }> = {
  knob: { w: 1, h: 1 },
  fader: { w: 1, h: 2 },
  button: { w: 1, h: 1 },
  display: { w: 1, h: 1 },
  xy: { w: 2, h: 2 },
  meter: { w: 1, h: 2 },
  keys: { w: 4, h: 3 },
  pads: { w: 2, h: 2 },
};

export const overlaps = (a: Box, b: Box): boolean =>
  a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

const inside = (box: Box): boolean =>
  box.x >= 0 && box.y >= 0 && box.w >= 1 && box.h >= 1 && box.x + box.w <= COLUMNS && box.y + box.h <= MAX_ROWS;

/** Whether `box` is free on the grid, leaving out the widget `except` (the one being moved). */
export function fits(widgets: readonly PageWidget[], box: Box, except: string | null = null): boolean {
  return inside(box) && widgets.every((widget) => widget.id === except || !overlaps(widget, box));
}

/** The first free place for a widget of `size`, reading the grid like a page (rows down, then left to right); null when full. */
export function firstFree(widgets: readonly PageWidget[], size: { w: number; h: number }): Box | null {
  const w = Math.min(size.w, COLUMNS);
  for (let y = 0; y + size.h <= MAX_ROWS; y += 1)
    for (let x = 0; x + w <= COLUMNS; x += 1) {
      const box = { x, y, w, h: size.h };
      if (fits(widgets, box)) return box;
    }
  return null;
}

/** The rows the page's widgets take (at least `minimum`, for an empty page). */
export const rowsUsed = (widgets: readonly PageWidget[], minimum = 4): number =>
  widgets.reduce((rows, widget) => Math.max(rows, widget.y + widget.h), minimum);

/** `box` kept inside the grid: moved back in whole, never cut. */
export function clampMove(box: Box): Box {
  return {
    ...box,
    x: Math.max(0, Math.min(COLUMNS - box.w, box.x)),
    y: Math.max(0, Math.min(MAX_ROWS - box.h, box.y)),
  };
}

/** A size for `kind` at `box`'s place, no smaller than the kind's least and no wider or taller than the grid. */
export function clampSize(kind: WidgetKind, box: Box): Box {
  const least = MIN_SIZE[kind];
  return {
    ...box,
    w: Math.max(least.w, Math.min(COLUMNS - box.x, box.w)),
    h: Math.max(least.h, Math.min(MAX_ROWS - box.y, box.h)),
  };
}
