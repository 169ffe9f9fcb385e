/**
 * Touch for a two-dimensional pad. Unlike a knob, the pad is a map: the
 * finger's place is the value (x to the right, y upwards). A second finger
 * (or Shift or Alt) turns the first into a fine, relative nudge from where it
 * is; once nudged, the drag stays relative (coarse again when the second
 * finger lifts) so nothing ever jumps back to the finger.
 * Two taps reset. With `springBack`, letting go returns both values to their
 * defaults before the drag ends, so the return is part of the gesture Live
 * records. Pointer capture, pointercancel and lost capture as for every
 * control.
 */
import { useRef, useState, type PointerEvent as ReactPointerEvent } from 'react';
import { FINE_FACTOR, TAP_MS, TAP_SLOP_PX, clamp, isDoubleTap, type Range, type Tap } from './drag-math';

export interface XYDragOptions {
  x: number;
  y: number;
  xRange: Range;
  yRange: Range;
  defaults: { x: number; y: number };
  springBack?: boolean;
  disabled?: boolean;
  onStart?: () => void;
  onChange?: (x: number, y: number) => void;
  onCommit?: (x: number, y: number) => void;
  onReset?: () => void;
}

interface Active {
  pointerId: number;
  down: Tap;
  x: number;
  y: number;
  lastX: number;
  lastY: number;
  box: DOMRect;
  fine: boolean;
  /** Moves by the finger's motion rather than to its place. */
  relative: boolean;
}

const span = (range: Range): number => range.max - range.min;

export function useXYDrag(options: XYDragOptions) {
  const latest = useRef(options);
  latest.current = options;
  const active = useRef<Active | null>(null);
  const others = useRef(new Set<number>());
  const lastTap = useRef<Tap | null>(null);
  const [dragging, setDragging] = useState(false);
  const [fine, setFine] = useState(false);

  const emit = (now: Active, x: number, y: number): void => {
    const { xRange, yRange, onChange } = latest.current;
    const nextX = clamp(x, xRange);
    const nextY = clamp(y, yRange);
    if (nextX === now.x && nextY === now.y) return;
    now.x = nextX;
    now.y = nextY;
    onChange?.(nextX, nextY);
  };

  /** Where a point of the pad maps to. */
  const mapped = (box: DOMRect, clientX: number, clientY: number): { x: number; y: number } => {
    const { xRange, yRange } = latest.current;
    const across = box.width > 0 ? (clientX - box.left) / box.width : 0.5;
    const up = box.height > 0 ? 1 - (clientY - box.top) / box.height : 0.5;
    return {
      x: xRange.min + clamp(across, { min: 0, max: 1 }) * span(xRange),
      y: yRange.min + clamp(up, { min: 0, max: 1 }) * span(yRange),
    };
  };

  const end = (event: ReactPointerEvent<HTMLElement>): void => {
    const now = active.current;
    if (now === null || event.pointerId !== now.pointerId) {
      if (others.current.delete(event.pointerId) && now !== null && others.current.size === 0) {
        now.fine = false;
        setFine(false);
      }
      return;
    }
    active.current = null;
    others.current.clear();
    setDragging(false);
    setFine(false);
    const still = Math.hypot(event.clientX - now.down.x, event.clientY - now.down.y) <= TAP_SLOP_PX;
    lastTap.current = still && event.timeStamp - now.down.time <= TAP_MS ? now.down : null;
    if (event.currentTarget.hasPointerCapture?.(event.pointerId))
      event.currentTarget.releasePointerCapture(event.pointerId);
    const { springBack, defaults, onCommit } = latest.current;
    if (springBack) emit(now, defaults.x, defaults.y);
    onCommit?.(now.x, now.y);
  };

  const handlers = {
    onPointerDown(event: ReactPointerEvent<HTMLElement>) {
      const { disabled, onStart, onReset, x, y } = latest.current;
      if (disabled || (event.pointerType === 'mouse' && event.button !== 0)) return;
      event.preventDefault();
      const now = active.current;
      if (now !== null) {
        others.current.add(event.pointerId);
        now.fine = true;
        now.relative = true;
        setFine(true);
        return;
      }
      const tap = { time: event.timeStamp, x: event.clientX, y: event.clientY };
      if (isDoubleTap(lastTap.current, tap) && onReset) {
        lastTap.current = null;
        onReset();
        return;
      }
      event.currentTarget.setPointerCapture?.(event.pointerId);
      const fineFromKeys = event.shiftKey || event.altKey;
      const started: Active = {
        pointerId: event.pointerId,
        down: tap,
        x,
        y,
        lastX: event.clientX,
        lastY: event.clientY,
        box: event.currentTarget.getBoundingClientRect(),
        fine: fineFromKeys,
        relative: fineFromKeys,
      };
      active.current = started;
      setDragging(true);
      setFine(fineFromKeys);
      onStart?.();
      // a coarse touch lands where the finger is; a fine one starts from where the values are
      if (!fineFromKeys) {
        const at = mapped(started.box, event.clientX, event.clientY);
        emit(started, at.x, at.y);
      }
    },
    onPointerMove(event: ReactPointerEvent<HTMLElement>) {
      const now = active.current;
      if (now === null || event.pointerId !== now.pointerId) return;
      const wantFine = others.current.size > 0 || event.shiftKey || event.altKey;
      if (wantFine !== now.fine) {
        now.fine = wantFine;
        now.relative ||= wantFine;
        setFine(wantFine);
      }
      if (now.relative) {
        const { xRange, yRange } = latest.current;
        const factor = now.fine ? FINE_FACTOR : 1;
        const dx = now.box.width > 0 ? (event.clientX - now.lastX) / now.box.width : 0;
        const dy = now.box.height > 0 ? (now.lastY - event.clientY) / now.box.height : 0;
        emit(now, now.x + dx * span(xRange) * factor, now.y + dy * span(yRange) * factor);
      } else {
        const at = mapped(now.box, event.clientX, event.clientY);
        emit(now, at.x, at.y);
      }
      now.lastX = event.clientX;
      now.lastY = event.clientY;
    },
    onPointerUp: end,
    onPointerCancel: end,
    onLostPointerCapture: end,
  };

  return { dragging, fine, handlers };
}
