/**
 * Presses on the session grid's cells, as a musician's fingers mean them.
 *
 * A finger that swipes across the grid scrolls it and never launches: the
 * cells let the browser pan (`touch-action: pan-x pan-y`), and a touch acts
 * on its lift only when it moved less than a small slop and the browser did
 * not take it for a scroll (`pointercancel`). A mouse or pen, which never
 * scrolls by dragging, acts on its down, as quickly as a click lands. The
 * keyboard's click (Enter, Space: `detail` 0) acts too. Each finger on its
 * own cell acts independently (two clips at once).
 *
 * A finger held still (`HOLD_MS`) holds the cell: lifted then, it asks for
 * the cell's actions (`onHold`), and the click its lift may still make is
 * let go (it would press what the actions show under the finger); moved on,
 * it drags (`drag`), the page's scrolling stopped for that finger only. A
 * mouse's right button and the keyboard's context-menu key ask for the
 * actions too. `flash` counts presses, so a cell shows at once that it was
 * touched, before Live answers.
 */
import { useEffect, useLayoutEffect, useRef, useState, type MouseEvent, type PointerEvent } from 'react';

/** How far a finger may wander and still tap (CSS px): less than the browser's own scroll slop. */
export const TAP_SLOP = 10;
/** How long a still finger takes to hold a cell (ms). */
export const HOLD_MS = 450;

/** Where a finger is, in the page's client coordinates. */
export interface PressPoint {
  x: number;
  y: number;
}

/** What a held cell does when its finger moves on: a drag, from `start` to the end. */
export interface DragCallbacks {
  start: (at: PressPoint) => void;
  move: (at: PressPoint) => void;
  /** The finger lifted at `at`: drop there. */
  end: (at: PressPoint) => void;
  /** The browser or the system took the finger: nothing is dropped. */
  cancel: () => void;
}

/** What a press may do besides the tap. */
export interface PressOptions {
  /** A long press, a right click or the context-menu key: the cell's actions. */
  onHold?: () => void;
  /** Moving a held finger drags. */
  drag?: DragCallbacks;
}

/** A press's handlers, how many presses there were (for a flash), and whether a finger holds the cell. */
export interface Press {
  flash: number;
  held: boolean;
  /** The element the handlers are on (a held finger's moves are kept from scrolling there). */
  ref: (element: HTMLElement | null) => void;
  handlers: {
    onPointerDown: (event: PointerEvent<HTMLElement>) => void;
    onPointerMove: (event: PointerEvent<HTMLElement>) => void;
    onPointerUp: (event: PointerEvent<HTMLElement>) => void;
    onPointerCancel: (event: PointerEvent<HTMLElement>) => void;
    onLostPointerCapture: (event: PointerEvent<HTMLElement>) => void;
    onClick: (event: { detail: number }) => void;
    onContextMenu: (event: MouseEvent<HTMLElement>) => void;
  };
}

type Phase = 'pending' | 'held' | 'dragging';

interface Touch {
  id: number;
  x: number;
  y: number;
  phase: Phase;
  timer: ReturnType<typeof setTimeout> | undefined;
  /** The drag this finger began: it goes on with it, whatever the cell shows meanwhile (the grid re-renders as it begins). */
  drag?: DragCallbacks;
}

const far = (touch: Touch, event: { clientX: number; clientY: number }): boolean =>
  Math.hypot(event.clientX - touch.x, event.clientY - touch.y) > TAP_SLOP;

/** How long after a held finger's lift its click may still come (ms). */
export const LIFT_CLICK_MS = 400;

/**
 * The click a held finger's lift may still make (Chromium sends one after a long touch) lands
 * where the finger was, on whatever the hold just opened there (a sheet's button): it is let go.
 */
function swallowLiftClick(): void {
  const swallow = (event: Event): void => {
    event.preventDefault();
    event.stopPropagation();
  };
  document.addEventListener('click', swallow, { capture: true, once: true });
  setTimeout(() => document.removeEventListener('click', swallow, { capture: true }), LIFT_CLICK_MS);
}

/** Presses that act on a touch's still lift, or on a mouse's down, or on the keyboard's click; none while not `enabled`. */
export function usePress(onPress: (() => void) | undefined, enabled: boolean, options: PressOptions = {}): Press {
  const [flash, setFlash] = useState(0);
  const [held, setHeld] = useState(false);
  const touch = useRef<Touch | null>(null);
  const element = useRef<HTMLElement | null>(null);
  // the callbacks of the last render committed, for the hold timer and the moves that outlive renders
  const latest = useRef(options);
  useLayoutEffect(() => {
    latest.current = options;
  });

  const press = (): void => {
    if (!enabled || !onPress) return;
    setFlash((count) => count + 1);
    onPress();
  };
  const end = (): void => {
    if (touch.current?.timer !== undefined) clearTimeout(touch.current.timer);
    touch.current = null;
    setHeld(false);
  };
  const cancel = (): void => {
    touch.current?.drag?.cancel();
    end();
  };

  // a held finger's moves must not scroll: only a non-passive touchmove listener can stop the browser's panning
  useEffect(() => {
    const target = element.current;
    if (!target) return undefined;
    const stop = (event: TouchEvent): void => {
      if (touch.current !== null && touch.current.phase !== 'pending' && event.cancelable) event.preventDefault();
    };
    target.addEventListener('touchmove', stop, { passive: false });
    return () => target.removeEventListener('touchmove', stop);
  }, []);
  // a cell that goes away (its clip deleted) forgets its finger
  useEffect(() => () => clearTimeout(touch.current?.timer), []);

  return {
    flash,
    held,
    ref: (node) => {
      element.current = node;
    },
    handlers: {
      onPointerDown: (event) => {
        if (event.pointerType === 'mouse' && event.button !== 0) return;
        // no text selection or compatibility mouse events; focus by hand, as the default that would is prevented
        event.preventDefault();
        event.currentTarget.focus({ preventScroll: true });
        if (event.pointerType !== 'touch') {
          press();
          return;
        }
        // a second finger on the same cell starts again: the last one counts
        if (touch.current?.timer !== undefined) clearTimeout(touch.current.timer);
        const started: Touch = {
          id: event.pointerId,
          x: event.clientX,
          y: event.clientY,
          phase: 'pending',
          timer: undefined,
        };
        if (latest.current.onHold || latest.current.drag) {
          started.timer = setTimeout(() => {
            if (touch.current !== started) return;
            started.phase = 'held';
            started.timer = undefined;
            setHeld(true);
          }, HOLD_MS);
        }
        touch.current = started;
      },
      onPointerMove: (event) => {
        const current = touch.current;
        if (current === null || current.id !== event.pointerId) return;
        const at = { x: event.clientX, y: event.clientY };
        if (current.phase === 'pending') {
          // moved before it was held: a swipe (the browser scrolls it, or it ends off the cell), never a tap
          if (far(current, event)) end();
        } else if (current.phase === 'held') {
          const drag = latest.current.drag;
          if (far(current, event) && drag) {
            current.phase = 'dragging';
            current.drag = drag;
            drag.start({ x: current.x, y: current.y });
            drag.move(at);
          }
        } else {
          current.drag?.move(at);
        }
      },
      onPointerUp: (event) => {
        const current = touch.current;
        if (current === null || current.id !== event.pointerId) return;
        const at = { x: event.clientX, y: event.clientY };
        if (current.phase === 'pending') press();
        else if (current.phase === 'held' && latest.current.onHold) {
          swallowLiftClick();
          latest.current.onHold();
        } else current.drag?.end(at);
        end();
      },
      // the browser took the finger for a scroll (or the system for a gesture): nothing happens
      onPointerCancel: (event) => {
        if (touch.current?.id === event.pointerId) cancel();
      },
      onLostPointerCapture: (event) => {
        if (touch.current?.id === event.pointerId && touch.current.phase === 'pending') cancel();
      },
      onClick: (event) => {
        if (event.detail === 0) press();
      },
      onContextMenu: (event) => {
        // the browser's own long-press menu, or a right click, or the keyboard's menu key
        event.preventDefault();
        if (touch.current !== null) return; // a finger: its own hold decides
        latest.current.onHold?.();
      },
    },
  };
}
