/**
 * The fader, the button and the XY pad under real fingers in Chromium, on
 * their Interactive stories (the real parameter machines on the fake
 * studio): drags, fine drags with a second finger, double-tap resets, taps,
 * and the gestures Live gets around each.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { storybookForTests } from './storybook';
import { centreOf, fingers } from './touch';

const numberOf = async (page: Page, selector: string): Promise<number> =>
  Number(await page.locator(selector).getAttribute('aria-valuenow'));

describe('controls under real fingers', () => {
  const storybook = storybookForTests();

  it('the fader follows a finger one to one, finely with a second, and double-tap brings back 0 dB', async () => {
    const { page, context, errors } = await storybook.open('controls-fader--interactive');
    const FADER = '[role="slider"][aria-label="Bass"]';
    await expect.poll(() => page.locator(FADER).getAttribute('aria-valuetext'), { timeout: 10_000 }).toBe('0.0 dB');
    await expect.poll(() => page.getByTestId('actor-state').textContent()).toBe('bound.ready');
    const box = await page.locator(FADER).boundingBox();
    if (!box) throw new Error('no fader');
    const quarter = box.height * 0.9 * 0.25;
    const centre = await centreOf(page, FADER);
    const touch = await fingers(page);

    await touch.down(1, centre);
    await touch.move(1, { x: centre.x, y: centre.y + quarter });
    // while held: the readout shows Live's text, the machine is touched
    await expect.poll(() => page.locator('.ls-fader-readout').textContent()).toMatch(/dB/);
    expect(await page.getByTestId('actor-state').textContent()).toBe('bound.touched');
    await touch.up(1);
    await expect.poll(() => numberOf(page, FADER)).toBeCloseTo(0.6, 2);
    await expect
      .poll(() => page.locator('.ls-state-panel li').last().textContent())
      .toBe('gesture id 2 mixer_device volume end');

    await touch.down(1, centre);
    await touch.down(2, { x: centre.x, y: box.y + 10 });
    await touch.move(1, { x: centre.x, y: centre.y - quarter });
    await touch.up(2);
    await touch.up(1);
    await expect.poll(() => numberOf(page, FADER)).toBeCloseTo(0.625, 2);

    await page.waitForTimeout(400);
    for (let tap = 0; tap < 2; tap += 1) {
      await touch.down(1, centre);
      await touch.up(1);
    }
    await expect.poll(() => page.locator(FADER).getAttribute('aria-valuetext')).toBe('0.0 dB');
    expect(errors).toEqual([]);
    await context.close();
  }, 60_000);

  it('a button toggles on the finger’s touch, each press a gesture', async () => {
    const { page, context, errors } = await storybook.open('controls-button--interactive');
    const BUTTON = 'button[aria-label="Filter On"]';
    // the story's play leaves it on
    await expect.poll(() => page.locator(BUTTON).getAttribute('aria-pressed'), { timeout: 10_000 }).toBe('true');
    const touch = await fingers(page);
    const centre = await centreOf(page, BUTTON);
    await touch.down(1, centre);
    await expect.poll(() => page.locator(BUTTON).getAttribute('aria-pressed')).toBe('false');
    await touch.up(1);
    await expect
      .poll(() => page.locator('.ls-state-panel li').allTextContents())
      .toEqual(expect.arrayContaining(['gesture id 201 begin', 'setLatest id 201 value 0', 'gesture id 201 end']));
    await touch.down(1, centre);
    await touch.up(1);
    await expect.poll(() => page.locator(BUTTON).getAttribute('aria-pressed')).toBe('true');
    expect(errors).toEqual([]);
    await context.close();
  }, 60_000);

  it('the XY pad puts both parameters under the finger, nudges finely with a second, resets on a double tap', async () => {
    const { page, context, errors } = await storybook.open('controls-xy-pad--interactive');
    const X = '[role="slider"][aria-label="Frequency"]';
    const Y = '[role="slider"][aria-label="Resonance"]';
    // the story's play leaves both at their defaults
    await expect.poll(() => page.locator(Y).getAttribute('aria-valuetext'), { timeout: 10_000 }).toBe('0 %');
    const box = await page.locator('.ls-xy-surface').boundingBox();
    if (!box) throw new Error('no pad');
    const touch = await fingers(page);
    const at = (x: number, y: number) => ({ x: box.x + box.width * x, y: box.y + box.height * (1 - y) });

    await touch.down(1, at(0.25, 0.75));
    await touch.up(1);
    await expect.poll(() => numberOf(page, X)).toBeCloseTo(0.25, 1);
    await expect.poll(() => numberOf(page, Y)).toBeCloseTo(0.75, 1);
    const [x0, y0] = [await numberOf(page, X), await numberOf(page, Y)];

    await page.waitForTimeout(400);
    await touch.down(1, at(0.5, 0.5));
    await touch.down(2, at(0.9, 0.1));
    await touch.move(1, at(0.7, 0.5));
    await touch.up(2);
    await touch.up(1);
    // the first finger's landing moved the values to it; the nudge added a tenth of 0.2 to x
    await expect.poll(() => numberOf(page, X)).toBeCloseTo(0.52, 1);
    expect(await numberOf(page, X)).not.toBeCloseTo(x0, 2);
    expect(await numberOf(page, Y)).not.toBeCloseTo(y0, 2);

    await page.waitForTimeout(400);
    for (let tap = 0; tap < 2; tap += 1) {
      await touch.down(1, at(0.5, 0.5));
      await touch.up(1);
    }
    await expect.poll(() => page.locator(Y).getAttribute('aria-valuetext')).toBe('0 %');
    await expect.poll(() => numberOf(page, X)).toBe(1);
    expect(errors).toEqual([]);
    await context.close();
  }, 60_000);
});
