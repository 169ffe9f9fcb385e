/**
 * The pointer handling every dragged control shares (a value's drag, the XY
 * pad's), apart from what the drag does.
 *
 * The first finger down captures the pointer and holds the drag: the control
 * follows it wherever it goes, acts only for it, and ends on its up, on
 * `pointercancel` and on lost capture. Another finger on the control while
 * it is held, or Shift or Alt, is fine mode; fine mode changing is the
 * drag's to absorb (no jump). Two taps (short presses that stay put) in
 * quick succession reset; a drag never counts as one. `onStart` comes before
 * the drag's first change, `finish` (the commit) after its capture is
 * released.
 */
import { useRef, useState, type PointerEvent as ReactPointerEvent } from 'react';
import { TAP_MS, TAP_SLOP_PX, isDoubleTap, type Tap } from './drag-math';
import type { PointerHandlers } from './pointer-handlers';

type PointerEvent = ReactPointerEvent<HTMLElement>;

/** What every drag holds: the finger that holds it, where and when it came down, whether it is fine. */
export interface HeldDrag {
  pointerId: number;
  /** Where and when the finger came down: a short press that stays put is a tap. */
  down: Tap;
  fine: boolean;
}

/** What a drag does at each step; the shared handling calls these. */
export interface PointerDragOptions<D extends HeldDrag> {
  disabled?: boolean;
  onStart?: () => void;
  /** Two taps. */
  onReset?: () => void;
  /** A finger lands on the idle control and captures it: the drag it starts (fine from Shift or Alt). */
  begin: (event: PointerEvent, down: Tap) => D;
  /** After `onStart`: what landing does besides (the XY pad goes to the finger). */
  land?: (drag: D, event: PointerEvent) => void;
  /** Fine mode turned on or off during the drag (`drag.fine` already says which). */
  refine?: (drag: D) => void;
  /** The finger holding the drag moved (fine mode already follows the keys and fingers). */
  move: (drag: D, event: PointerEvent) => void;
  /** The drag ended and its capture is released: the commit. */
  finish: (drag: D) => void;
}

/** Whether a control is being dragged, whether finely, and the handlers to spread on it. */
export interface PointerDrag {
  dragging: boolean;
  fine: boolean;
  handlers: PointerHandlers;
}

/** A dragged control's pointer handling; the drag itself is `options`' business. */
export function usePointerDrag<D extends HeldDrag>(options: PointerDragOptions<D>): PointerDrag {
  const active = useRef<D | null>(null);
  /** The other fingers on the control while a drag is held. */
  const others = useRef(new Set<number>());
  const lastTap = useRef<Tap | null>(null);
  const [dragging, setDragging] = useState(false);
  const [fine, setFine] = useState(false);

  const refine = (drag: D, nextFine: boolean): void => {
    drag.fine = nextFine;
    setFine(nextFine);
    options.refine?.(drag);
  };

  const end = (event: PointerEvent): void => {
    const drag = active.current;
    if (drag === null || event.pointerId !== drag.pointerId) {
      if (others.current.delete(event.pointerId) && drag !== null && others.current.size === 0) refine(drag, false);
      return;
    }
    active.current = null;
    others.current.clear();
    const still = Math.hypot(event.clientX - drag.down.x, event.clientY - drag.down.y) <= TAP_SLOP_PX;
    lastTap.current = still && event.timeStamp - drag.down.time <= TAP_MS ? drag.down : null;
    setDragging(false);
    setFine(false);
    if (event.currentTarget.hasPointerCapture?.(event.pointerId))
      event.currentTarget.releasePointerCapture(event.pointerId);
    options.finish(drag);
  };

  return {
    dragging,
    fine,
    handlers: {
      onPointerDown(event) {
        if (options.disabled || (event.pointerType === 'mouse' && event.button !== 0)) return;
        // no text selection or scrolling; focus by hand, since the default (which would) is prevented
        // (a surface that cannot take focus, as the XY pad's, stays as it is)
        event.preventDefault();
        event.currentTarget.focus({ preventScroll: true });
        const held = active.current;
        if (held !== null) {
          // a second finger on the same control: fine mode while it stays
          others.current.add(event.pointerId);
          if (!held.fine) refine(held, true);
          return;
        }
        const tap = { time: event.timeStamp, x: event.clientX, y: event.clientY };
        if (isDoubleTap(lastTap.current, tap) && options.onReset) {
          lastTap.current = null;
          options.onReset();
          return;
        }
        event.currentTarget.setPointerCapture?.(event.pointerId);
        const drag = options.begin(event, tap);
        active.current = drag;
        setDragging(true);
        setFine(drag.fine);
        options.onStart?.();
        options.land?.(drag, event);
      },
      onPointerMove(event) {
        const drag = active.current;
        if (drag === null || event.pointerId !== drag.pointerId) return;
        const wantFine = others.current.size > 0 || event.shiftKey || event.altKey;
        if (wantFine !== drag.fine) refine(drag, wantFine);
        options.move(drag, event);
      },
      onPointerUp: end,
      onPointerCancel: end,
      onLostPointerCapture: end,
    },
  };
}
