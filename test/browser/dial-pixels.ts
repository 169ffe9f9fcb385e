/**
 * What the dial layer painted, read back from its bands' canvases (a painted
 * knob has no SVG to inspect): the pixels in a box of the page, and a theme
 * color as a canvas holds it, to compare with.
 */
import type { Page } from 'playwright-core';

/** From a knob's slider to its knob (the element holding its face and its value's line). */
export const KNOB_OF_SLIDER = 'xpath=ancestor::div[contains(concat(" ", @class, " "), " ls-knob ")][1]';

/** A box of the page in CSS pixels (as `locator.boundingBox()` gives it). */
export interface PageBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The pixels the dial layer's bands hold in `box`, [r, g, b, a] each (a box across two bands: from both). */
export function dialPixels(page: Page, box: PageBox): Promise<number[][]> {
  return page.evaluate((area) => {
    const pixels: number[][] = [];
    for (const tile of document.querySelectorAll<HTMLCanvasElement>('.ls-dial-tile')) {
      const at = tile.getBoundingClientRect();
      const scale = tile.width / at.width;
      const left = Math.max(area.x, at.left);
      const top = Math.max(area.y, at.top);
      const right = Math.min(area.x + area.width, at.right);
      const bottom = Math.min(area.y + area.height, at.bottom);
      if (right <= left || bottom <= top) continue;
      const data = tile
        .getContext('2d')
        ?.getImageData(
          Math.floor((left - at.left) * scale),
          Math.floor((top - at.top) * scale),
          Math.max(1, Math.floor((right - left) * scale)),
          Math.max(1, Math.floor((bottom - top) * scale)),
        ).data;
      if (!data) continue;
      for (let index = 0; index < data.length; index += 4) pixels.push([...data.slice(index, index + 4)]);
    }
    return pixels;
  }, box);
}

/** A theme color (a custom property of the app's root) as a canvas holds it: [r, g, b]. */
export function themeColor(page: Page, property: string): Promise<number[]> {
  return page.evaluate((name) => {
    const probe = document.createElement('canvas').getContext('2d');
    if (!probe) throw new Error('no 2D context');
    probe.fillStyle = getComputedStyle(document.querySelector('.ls-root') ?? document.documentElement)
      .getPropertyValue(name)
      .trim();
    probe.fillRect(0, 0, 1, 1);
    return [...probe.getImageData(0, 0, 1, 1).data.slice(0, 3)];
  }, property);
}

/** How many pixels of the theme's accent (a value's arc) the dial layer holds in `box`. */
export async function accentPixels(page: Page, box: PageBox): Promise<number> {
  const [r, g, b] = await themeColor(page, '--ls-accent');
  const near = (a: number | undefined, c: number | undefined) => Math.abs((a ?? 0) - (c ?? 0)) < 24;
  return (await dialPixels(page, box)).filter(
    ([pr, pg, pb, pa]) => near(pr, r) && near(pg, g) && near(pb, b) && (pa ?? 0) > 200,
  ).length;
}
