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
import { FINE_FACTOR, clamp, type Range } from './drag-math';
import { usePointerDrag, type HeldDrag, type PointerDrag } from './use-pointer-drag';

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

interface Active extends HeldDrag {
  x: number;
  y: number;
  lastX: number;
  lastY: number;
  box: DOMRect;
  /** Moves by the finger's motion rather than to its place. */
  relative: boolean;
}

const span = (range: Range): number => range.max - range.min;

export function useXYDrag(options: XYDragOptions): PointerDrag {
  const { xRange, yRange, onChange } = options;

  const emit = (now: Active, x: number, y: number): void => {
    const nextX = clamp(x, xRange);
    const nextY = clamp(y, yRange);
    if (nextX === now.x && nextY === now.y) return;
    now.x = nextX;
    now.y = nextY;
    onChange?.(nextX, nextY);
  };

  /** Where a point of the pad maps to. */
  const mapped = (box: DOMRect, clientX: number, clientY: number): { x: number; y: number } => {
    const across = box.width > 0 ? (clientX - box.left) / box.width : 0.5;
    const up = box.height > 0 ? 1 - (clientY - box.top) / box.height : 0.5;
    return {
      x: xRange.min + clamp(across, { min: 0, max: 1 }) * span(xRange),
      y: yRange.min + clamp(up, { min: 0, max: 1 }) * span(yRange),
    };
  };

  return usePointerDrag<Active>({
    disabled: options.disabled,
    onStart: options.onStart,
    onReset: options.onReset,
    begin(event, down) {
      const fineFromKeys = event.shiftKey || event.altKey;
      return {
        pointerId: event.pointerId,
        down,
        x: options.x,
        y: options.y,
        lastX: event.clientX,
        lastY: event.clientY,
        box: event.currentTarget.getBoundingClientRect(),
        fine: fineFromKeys,
        relative: fineFromKeys,
      };
    },
    // a coarse touch lands where the finger is; a fine one starts from where the values are
    land(now, event) {
      if (now.relative) return;
      const at = mapped(now.box, event.clientX, event.clientY);
      emit(now, at.x, at.y);
    },
    // once nudged finely, the drag stays relative: nothing jumps back to the finger
    refine(now) {
      now.relative ||= now.fine;
    },
    move(now, event) {
      if (now.relative) {
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
    finish(now) {
      if (options.springBack) emit(now, options.defaults.x, options.defaults.y);
      options.onCommit?.(now.x, now.y);
    },
  });
}
