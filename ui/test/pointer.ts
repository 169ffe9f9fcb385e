/**
 * Pointer gestures for play functions and view tests: the events a finger
 * makes, dispatched on an element (jsdom in vitest, the real DOM in
 * Storybook). Chromium's own input (test/browser/) drives the same widgets
 * with real touches.
 */
// Storybook's instrumented fireEvent returns a promise (for its step-through debugger) but dispatches at once
// when a story plays or a test runs: these gestures are synchronous, as the tests that call them expect (`void`).
import { fireEvent } from 'storybook/test';

export interface PointerOptions {
  pointerId?: number;
  pointerType?: 'touch' | 'mouse' | 'pen';
  shiftKey?: boolean;
  /** Where the gesture starts (client coordinates); the element's centre by default. */
  x?: number;
  y?: number;
}

function origin(element: Element, options: PointerOptions): { x: number; y: number } {
  const box = element.getBoundingClientRect();
  return { x: options.x ?? box.left + box.width / 2, y: options.y ?? box.top + box.height / 2 };
}

function init(options: PointerOptions, x: number, y: number, buttons: number) {
  return {
    pointerId: options.pointerId ?? 1,
    pointerType: options.pointerType ?? 'touch',
    isPrimary: (options.pointerId ?? 1) === 1,
    clientX: x,
    clientY: y,
    button: 0,
    buttons,
    shiftKey: options.shiftKey ?? false,
    bubbles: true,
    cancelable: true,
  };
}

export function pointerDown(element: Element, options: PointerOptions = {}): void {
  const { x, y } = origin(element, options);
  void fireEvent.pointerDown(element, init(options, x, y, 1));
}

export function pointerMove(element: Element, x: number, y: number, options: PointerOptions = {}): void {
  void fireEvent.pointerMove(element, init(options, x, y, 1));
}

export function pointerUp(element: Element, x: number, y: number, options: PointerOptions = {}): void {
  void fireEvent.pointerUp(element, init(options, x, y, 0));
}

/** Down, a few moves by (dx, dy) in all, up. */
export function drag(element: Element, dx: number, dy: number, options: PointerOptions = {}): void {
  const start = origin(element, options);
  pointerDown(element, { ...options, ...start });
  const steps = 4;
  for (let step = 1; step <= steps; step += 1)
    pointerMove(element, start.x + (dx * step) / steps, start.y + (dy * step) / steps, options);
  pointerUp(element, start.x + dx, start.y + dy, options);
}

/** Two quick taps in the same place. */
export function doubleTap(element: Element, options: PointerOptions = {}): void {
  const { x, y } = origin(element, options);
  for (let tap = 0; tap < 2; tap += 1) {
    pointerDown(element, { ...options, x, y });
    pointerUp(element, x, y, options);
  }
}
