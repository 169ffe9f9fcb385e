/**
 * The knob under real fingers in Chromium (the Interactive story: the real
 * parameter machine on the fake studio): a touch drag, a fine drag with a
 * second finger, a double-tap reset, a mouse drag with Shift, and the
 * gestures Live gets around each.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { storybookForTests } from './storybook';
import { accentPixels, dialPixels, KNOB_OF_SLIDER } from './dial-pixels';
import { centreOf, fingers } from './touch';

const KNOB = '[role="slider"][aria-label="Resonance"]';
const valueText = (page: Page) => page.locator(KNOB).getAttribute('aria-valuetext');

describe('the knob under real pointers', () => {
  const storybook = storybookForTests();

  it('drags, drags finely with a second finger, resets on a double tap, and frames each with gestures', async () => {
    const { page, context, errors } = await storybook.open('controls-knob--interactive');
    // the story's own play function runs first and leaves it at its default
    await expect.poll(() => valueText(page), { timeout: 10_000 }).toBe('0 %');
    await expect.poll(() => page.getByTestId('actor-state').textContent()).toBe('bound.ready');
    const centre = await centreOf(page, KNOB);
    const touch = await fingers(page);

    await touch.down(1, centre);
    await expect.poll(() => page.getByTestId('actor-state').textContent()).toBe('bound.touched');
    await touch.move(1, { x: centre.x, y: centre.y - 44 });
    await touch.up(1);
    await expect.poll(() => valueText(page)).toBe('20 %');
    await expect.poll(() => page.getByTestId('actor-state').textContent()).toBe('bound.ready');
    const calls = await page.locator('.ls-state-panel li').allTextContents();
    expect(calls.at(-1)).toBe('gesture id 203 end');

    await touch.down(1, centre);
    await touch.down(2, { x: centre.x + 12, y: centre.y + 12 });
    await touch.move(1, { x: centre.x, y: centre.y - 44 });
    await touch.up(2);
    await touch.up(1);
    await expect.poll(() => valueText(page)).toBe('22 %');

    await page.waitForTimeout(400);
    await touch.down(1, centre);
    await touch.up(1);
    await touch.down(1, centre);
    await touch.up(1);
    await expect.poll(() => valueText(page)).toBe('0 %');

    await page.waitForTimeout(400);
    await page.mouse.move(centre.x, centre.y);
    await page.keyboard.down('Shift');
    await page.mouse.down();
    await page.mouse.move(centre.x, centre.y - 110, { steps: 6 });
    await page.mouse.up();
    await page.keyboard.up('Shift');
    await expect.poll(() => valueText(page)).toBe('5 %');
    expect(errors).toEqual([]);
    await context.close();
  }, 60_000);

  it('paints a knob in a dial layer on the layer canvas and follows a drag there', async () => {
    const { page, context, errors } = await storybook.open('controls-knob--painted-interactive');
    await expect.poll(() => valueText(page), { timeout: 10_000 }).toBe('30 %');
    await expect.poll(() => page.locator('.ls-knob[data-painted]').count()).toBe(1);
    await expect(page.locator('.ls-knob[data-painted] svg').count()).resolves.toBe(0);
    const before = await paintedPixels(page);
    // the dial shows its arc and the value its words, painted on the canvas
    expect(before.accent).toBeGreaterThan(0);
    expect(before.text).toBeGreaterThan(0);

    const centre = await centreOf(page, KNOB);
    const touch = await fingers(page);
    await touch.down(1, centre);
    await touch.move(1, { x: centre.x, y: centre.y - 44 });
    await touch.up(1);
    await expect.poll(() => valueText(page)).toBe('50 %');
    // half the sweep is lit now, not three tenths
    await expect.poll(async () => (await paintedPixels(page)).accent).toBeGreaterThan(before.accent * 1.4);
    expect(errors).toEqual([]);
    await context.close();
  }, 60_000);
});

/**
 * Counts the pixels the dial layer holds under the knob: the accent's (the
 * value's arc) in its face, and any in its value's line.
 */
async function paintedPixels(page: Page): Promise<{ accent: number; text: number }> {
  const knob = page.locator(KNOB).locator(KNOB_OF_SLIDER);
  const [face, value] = await Promise.all([
    knob.locator('.ls-knob-face').boundingBox(),
    knob.locator('.ls-knob-value').boundingBox(),
  ]);
  if (!face || !value) throw new Error('no painted knob');
  const accent = await accentPixels(page, face);
  const text = (await dialPixels(page, value)).filter(([, , , pa]) => (pa ?? 0) > 100).length;
  return { accent, text };
}
