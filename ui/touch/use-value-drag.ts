/**
 * The touch conventions every value control shares.
 *
 * Pointer Events with pointer capture: the control follows the finger that
 * touched it wherever it goes, acts only while it holds the capture, and ends
 * on up, on `pointercancel` and on lost capture. A relative drag by default
 * (no jump to where the finger lands). A second finger on the same control,
 * or Shift or Alt, switches to fine mode without a jump. Two taps (short
 * presses that stay put) in quick succession reset; a drag never counts as one.
 * `onStart`/`onCommit` frame every drag (the gestures Live's touch
 * automation needs); `onChange` carries each value between them.
 */
import { useRef, useState, type PointerEvent as ReactPointerEvent } from 'react';
import type { PointerHandlers } from './pointer-handlers';
import { TAP_MS, TAP_SLOP_PX, clamp, dragged, isDoubleTap, steppedFrom, turnDelta, type Tap } from './drag-math';

export type DragAxis = 'vertical' | 'horizontal' | 'circular';

export interface ValueDragOptions {
  value: number;
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

export interface ValueDrag {
  dragging: boolean;
  fine: boolean;
  handlers: PointerHandlers;
}

interface Active {
  pointerId: number;
  /** Where and when the finger came down: a short press that stays put is a tap. */
  down: Tap;
  startValue: number;
  startX: number;
  startY: number;
  lastX: number;
  lastY: number;
  value: number;
  fine: boolean;
  center: { x: number; y: number };
  rangePixels: number;
}

export function useValueDrag(options: ValueDragOptions): ValueDrag {
  const latest = useRef(options);
  latest.current = options;
  const active = useRef<Active | null>(null);
  const others = useRef(new Set<number>());
  const lastTap = useRef<Tap | null>(null);
  const [dragging, setDragging] = useState(false);
  const [fine, setFine] = useState(false);

  /** Fine mode changes: start measuring again from here, so the value does not jump. */
  const rebase = (now: Active, nextFine: boolean): void => {
    now.startValue = now.value;
    now.startX = now.lastX;
    now.startY = now.lastY;
    now.fine = nextFine;
    setFine(nextFine);
  };

  const end = (event: ReactPointerEvent<HTMLElement>): void => {
    const now = active.current;
    if (now === null || event.pointerId !== now.pointerId) {
      if (others.current.delete(event.pointerId) && now !== null && others.current.size === 0) rebase(now, false);
      return;
    }
    active.current = null;
    others.current.clear();
    const still = Math.hypot(event.clientX - now.down.x, event.clientY - now.down.y) <= TAP_SLOP_PX;
    lastTap.current = still && event.timeStamp - now.down.time <= TAP_MS ? now.down : null;
    setDragging(false);
    setFine(false);
    if (event.currentTarget.hasPointerCapture?.(event.pointerId))
      event.currentTarget.releasePointerCapture(event.pointerId);
    latest.current.onCommit?.(now.value);
  };

  return {
    dragging,
    fine,
    handlers: {
      onPointerDown(event) {
        const { disabled, value, onStart, onReset } = latest.current;
        if (disabled || (event.pointerType === 'mouse' && event.button !== 0)) return;
        // no text selection or scrolling; focus by hand, since the default (which would) is prevented
        event.preventDefault();
        event.currentTarget.focus({ preventScroll: true });
        const now = active.current;
        if (now !== null) {
          // a second finger on the same control: fine mode while it stays
          others.current.add(event.pointerId);
          if (!now.fine) rebase(now, true);
          return;
        }
        const tap = { time: event.timeStamp, x: event.clientX, y: event.clientY };
        if (isDoubleTap(lastTap.current, tap) && onReset) {
          lastTap.current = null;
          onReset();
          return;
        }
        event.currentTarget.setPointerCapture?.(event.pointerId);
        const box = event.currentTarget.getBoundingClientRect();
        const startFine = event.shiftKey || event.altKey;
        const { rangePixels = 200 } = latest.current;
        active.current = {
          pointerId: event.pointerId,
          down: tap,
          startValue: value,
          startX: event.clientX,
          startY: event.clientY,
          lastX: event.clientX,
          lastY: event.clientY,
          value,
          fine: startFine,
          center: { x: box.left + box.width / 2, y: box.top + box.height / 2 },
          // an unmeasurable control (hidden, or in a test without layout) falls back to 200 px
          rangePixels: (typeof rangePixels === 'function' ? rangePixels(event.currentTarget) : rangePixels) || 200,
        };
        setDragging(true);
        setFine(startFine);
        onStart?.();
      },
      onPointerMove(event) {
        const now = active.current;
        if (now === null || event.pointerId !== now.pointerId) return;
        const { min, max, axis, coarseStep, onChange } = latest.current;
        const wantFine = others.current.size > 0 || event.shiftKey || event.altKey;
        if (wantFine !== now.fine) rebase(now, wantFine);
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
      onPointerUp: end,
      onPointerCancel: end,
      onLostPointerCapture: end,
    },
  };
}
