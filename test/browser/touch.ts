/**
 * Real touches in Chromium (CDP `Input.dispatchTouchEvent`): the browser
 * turns them into touch Pointer Events exactly as a tablet's screen would.
 * `fingers()` moves any number of fingers independently.
 */
import type { Page } from 'playwright-core';

export interface Finger {
  x: number;
  y: number;
}

export interface Fingers {
  /** Puts a finger down (its id is yours to choose). */
  down: (id: number, at: Finger) => Promise<void>;
  move: (id: number, to: Finger, steps?: number) => Promise<void>;
  up: (id: number) => Promise<void>;
}

export async function fingers(page: Page): Promise<Fingers> {
  const cdp = await page.context().newCDPSession(page);
  const active = new Map<number, Finger>();
  const point = (id: number, { x, y }: Finger) => ({ id, x, y, radiusX: 6, radiusY: 6, force: 0.5 });
  // down and move carry every finger down; Chromium reads a touchEnd's points as the ones that lift
  const send = (type: 'touchStart' | 'touchMove' | 'touchEnd', points = [...active].map(([id, at]) => point(id, at))) =>
    cdp.send('Input.dispatchTouchEvent', { type, touchPoints: points });
  return {
    async down(id, at) {
      active.set(id, at);
      await send('touchStart');
    },
    async move(id, to, steps = 5) {
      const from = active.get(id);
      if (!from) throw new Error(`finger ${id} is not down`);
      for (let step = 1; step <= steps; step += 1) {
        active.set(id, { x: from.x + ((to.x - from.x) * step) / steps, y: from.y + ((to.y - from.y) * step) / steps });
        await send('touchMove');
      }
    },
    async up(id) {
      const at = active.get(id);
      if (!at) throw new Error(`finger ${id} is not down`);
      active.delete(id);
      await send('touchEnd', [point(id, at)]);
    },
  };
}

/** The centre of what a selector finds. */
export async function centreOf(page: Page, selector: string): Promise<Finger> {
  const box = await page.locator(selector).first().boundingBox();
  if (!box) throw new Error(`${selector} is not on the page`);
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** A point of what a selector finds, across its middle: `along` 0 at its top edge, 1 at its bottom edge. */
export async function pointAlong(page: Page, selector: string, along: number): Promise<Finger> {
  const box = await page.locator(selector).first().boundingBox();
  if (!box) throw new Error(`${selector} is not on the page`);
  return { x: box.x + box.width / 2, y: box.y + box.height * along };
}
