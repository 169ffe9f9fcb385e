/**
 * The session box from the grid on screen: after scrolls (of the grid or of
 * the page) and resizes, at most every 150 ms (measuring forces a layout: not
 * on every frame of a scroll, nor while the grid is loading), the tracks and scenes at
 * least half in view go to the session's `box` actor, which has Live outline
 * them. When the grid leaves the screen (another page), the box is hidden.
 */
import { useEffect, type RefObject } from 'react';
import { visibleBox, type ScreenSpan } from '../../machines/session-box';
import { useSessionBoxActor, type SessionActor } from './use-session';

const MEASURE_EVERY_MS = 150;

const across = (rect: DOMRect): ScreenSpan => ({ start: rect.left, end: rect.right });
const down = (rect: DOMRect): ScreenSpan => ({ start: rect.top, end: rect.bottom });

/** What of the grid under `root` is on screen, as Live's session box. */
function measure(root: HTMLElement) {
  const scroller = root.querySelector<HTMLElement>('.ls-session-grid') ?? root;
  const rect = scroller.getBoundingClientRect();
  const view = {
    x: { start: Math.max(rect.left, 0), end: Math.min(rect.right, window.innerWidth) },
    y: { start: Math.max(rect.top, 0), end: Math.min(rect.bottom, window.innerHeight) },
  };
  const columns = [...root.querySelectorAll<HTMLElement>('.ls-session-column:not(.ls-session-scenes)')];
  const rows = [...(columns[0]?.querySelectorAll<HTMLElement>('[data-slot]') ?? [])];
  return visibleBox(
    view,
    columns.map((column) => across(column.getBoundingClientRect())),
    rows.map((row) => down(row.getBoundingClientRect())),
  );
}

/** Keeps Live's session box on the part of the grid under `root` that shows; `shape` changes when tracks or scenes do. */
export function useSessionBox(session: SessionActor, root: RefObject<HTMLElement | null>, shape: string): void {
  const box = useSessionBoxActor(session);
  useEffect(() => {
    const element = root.current;
    if (!element || !box) return undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const update = (): void => {
      timer = undefined;
      box.send({ type: 'box.moved', box: measure(element) });
    };
    const schedule = (): void => {
      timer ??= setTimeout(update, MEASURE_EVERY_MS);
    };
    schedule();
    // any scroll: the grid's own (sideways) or the page's (down the scenes)
    window.addEventListener('scroll', schedule, { capture: true, passive: true });
    const resized = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(schedule);
    resized?.observe(element);
    return () => {
      clearTimeout(timer);
      window.removeEventListener('scroll', schedule, { capture: true });
      resized?.disconnect();
      box.send({ type: 'box.moved', box: null });
    };
  }, [box, root, shape]);
}
