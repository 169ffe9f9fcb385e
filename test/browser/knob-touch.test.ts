/**
 * The knob under real fingers in Chromium (the Interactive story: the real
 * parameter machine on the fake studio): a touch drag, a fine drag with a
 * second finger, a double-tap reset, a mouse drag with Shift, and the
 * gestures Live gets around each.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { storybookForTests } from './storybook';
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
});
