/**
 * A value dragged on a control (a knob, a fader, the tempo, a wheel):
 * relative by default (no jump to where the finger lands), up and down,
 * sideways or around the knob. Fine mode (a second finger, Shift or Alt)
 * measures again from where the value is, so it never jumps either.
 * `onStart`/`onCommit` frame every drag (the gestures Live's touch
 * automation needs); `onChange` carries each value between them. Capture,
 * the ways a drag ends and double taps are every drag's (`use-pointer-drag`).
 */
import { clamp, dragged, steppedFrom, turnDelta } from './drag-math';
import { usePointerDrag, type HeldDrag, type PointerDrag } from './use-pointer-drag';

export type DragAxis = 'vertical' | 'horizontal' | 'circular';

export interface ValueDragOptions {
  value: number;
  /** The value now, where `value` may lag (a control that draws without rendering): a drag starts from it. */
  readValue?: () => number;
  min: number;
  max: number;
  axis: DragAxis;
  /** Pixels of drag for the whole range (relative axes); a function measures the control when a drag starts. */
  rangePixels?: number | ((element: HTMLElement) => number);
  /**
   * Outside fine mode, move in whole multiples of this from where the drag
   * began (Live's tempo: whole BPM, keeping the hundredths; fine mode then
   * reaches between them).
   */
  coarseStep?: number;
  disabled?: boolean;
  onStart?: () => void;
  onChange?: (value: number) => void;
  onCommit?: (value: number) => void;
  onReset?: () => void;
}

export type ValueDrag = PointerDrag;

interface Active extends HeldDrag {
  startValue: number;
  startX: number;
  startY: number;
  lastX: number;
  lastY: number;
  value: number;
  center: { x: number; y: number };
  rangePixels: number;
}

export function useValueDrag(options: ValueDragOptions): ValueDrag {
  const { value, min, max, axis, rangePixels = 200, coarseStep, onChange, onCommit } = options;
  return usePointerDrag<Active>({
    disabled: options.disabled,
    onStart: options.onStart,
    onReset: options.onReset,
    begin(event, down) {
      const box = event.currentTarget.getBoundingClientRect();
      const start = options.readValue?.() ?? value;
      return {
        pointerId: event.pointerId,
        down,
        startValue: start,
        startX: event.clientX,
        startY: event.clientY,
        lastX: event.clientX,
        lastY: event.clientY,
        value: start,
        fine: event.shiftKey || event.altKey,
        center: { x: box.left + box.width / 2, y: box.top + box.height / 2 },
        // an unmeasurable control (hidden, or in a test without layout) falls back to 200 px
        rangePixels: (typeof rangePixels === 'function' ? rangePixels(event.currentTarget) : rangePixels) || 200,
      };
    },
    // fine mode changes: start measuring again from here, so the value does not jump
    refine(now) {
      now.startValue = now.value;
      now.startX = now.lastX;
      now.startY = now.lastY;
    },
    move(now, event) {
      let next: number;
      if (axis === 'circular') {
        const turns = turnDelta(now.center, { x: now.lastX, y: now.lastY }, { x: event.clientX, y: event.clientY });
        // a full turn of 0.8 covers the range (the knob's arc)
        next = clamp(now.value + (turns / 0.8) * (max - min) * (now.fine ? 0.1 : 1), { min, max });
      } else {
        const pixels = axis === 'vertical' ? now.startY - event.clientY : event.clientX - now.startX;
        next = dragged(now.startValue, pixels, now.rangePixels, { min, max }, now.fine);
        if (coarseStep && !now.fine) next = steppedFrom(now.startValue, next, coarseStep, { min, max });
      }
      now.lastX = event.clientX;
      now.lastY = event.clientY;
      if (next !== now.value) {
        now.value = next;
        onChange?.(next);
      }
    },
    finish: (now) => onCommit?.(now.value),
  });
}
