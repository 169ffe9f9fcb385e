/**
 * A held clip dragged across the grid by a finger: a ghost of it follows
 * the finger, the slots of tracks of its kind light up (empty ones, and the
 * clips it would replace: the grid places it by `Placing`), the slot under
 * the finger is marked, the grid scrolls sideways near its edges, and the
 * drop moves the clip there (onto a clip, the grid asks first). A drop
 * anywhere else, or a finger the system takes, moves nothing.
 */
import { useCallback, useLayoutEffect, useRef, type RefObject } from 'react';
import type { CellPlace, Placing } from './grid-context';
import type { DragCallbacks, PressPoint } from './use-press';

/** How near the grid's side a finger scrolls it (px), and by how much each move. */
const EDGE = 36;
const SCROLL_STEP = 14;

export interface ClipDragHandlers {
  /** The drag began: the grid shows where the clip fits. */
  start: (placing: Placing) => void;
  /** Dropped on a slot that takes the clip (its target): empty, or a clip it replaces. */
  drop: (slot: string) => void;
  /** Over, with or without a drop. */
  end: () => void;
}

/** The slot under a point that takes the clip, if any. */
function fittingSlotAt(at: PressPoint): HTMLElement | null {
  const element = document.elementFromPoint(at.x, at.y);
  return element?.closest<HTMLElement>('.ls-clip[data-placing="fits"], .ls-clip[data-placing="replaces"]') ?? null;
}

/** Drag callbacks for the grid's cells (`drag(place, midi, name)`), on the grid's scrolling element. */
export function useClipDrag(scroller: RefObject<HTMLElement | null>, handlers: ClipDragHandlers) {
  const latest = useRef(handlers);
  useLayoutEffect(() => {
    latest.current = handlers;
  });
  return useCallback(
    (place: CellPlace, midi: boolean): DragCallbacks => {
      let ghost: HTMLElement | null = null;
      let over: HTMLElement | null = null;
      const mark = (next: HTMLElement | null): void => {
        if (next === over) return;
        delete over?.dataset.dropOver;
        over = next;
        if (over) over.dataset.dropOver = 'true';
      };
      const cleanUp = (): void => {
        mark(null);
        ghost?.remove();
        ghost = null;
        latest.current.end();
      };
      return {
        start: (at) => {
          const { slot, name, color } = place.slot.getSnapshot().context;
          latest.current.start({ source: slot, name: name || 'the clip', midi, verb: 'Move', by: 'drag' });
          ghost = document.createElement('div');
          ghost.className = 'ls-clip-ghost';
          ghost.textContent = name;
          ghost.style.setProperty('--ls-clip-color', `#${color.toString(16).padStart(6, '0')}`);
          ghost.style.transform = `translate(${at.x}px, ${at.y}px)`;
          document.body.append(ghost);
        },
        move: (at) => {
          if (ghost) ghost.style.transform = `translate(${at.x}px, ${at.y}px)`;
          const box = scroller.current?.getBoundingClientRect();
          if (box && at.x > box.right - EDGE) scroller.current?.scrollBy({ left: SCROLL_STEP });
          else if (box && at.x < box.left + EDGE) scroller.current?.scrollBy({ left: -SCROLL_STEP });
          mark(fittingSlotAt(at));
        },
        end: (at) => {
          const target = fittingSlotAt(at)?.dataset.slot;
          if (target) latest.current.drop(target);
          cleanUp();
        },
        cancel: cleanUp,
      };
    },
    [scroller],
  );
}
