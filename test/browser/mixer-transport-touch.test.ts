/**
 * The mixer strip and the transport bar under real fingers in Chromium, on
 * their Interactive stories (the real track and transport machines on the
 * fake studio): the volume fader dragged, dragged finely with a second
 * finger and double-tapped back to 0 dB, with Live's gestures around each;
 * mute and solo by touch; play and the song position running; the tempo
 * dragged, finely, reset and tapped. Neither moves its layout as values change.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { storybookForTests } from './storybook';
import { centreOf, fingers } from './touch';

const STRIP = '[role="group"][aria-label="Drums"]';
const FADER = `${STRIP} [role="slider"][aria-label="Volume"]`;
const TEMPO = '[role="slider"][aria-label="Tempo"]';
const POSITION = '[role="timer"][aria-label="Song position"]';

const attribute = (page: Page, selector: string, name: string) => page.locator(selector).getAttribute(name);
const numberOf = async (page: Page, selector: string): Promise<number> =>
  Number(await attribute(page, selector, 'aria-valuenow'));
const panel = (page: Page, label: string) => page.getByRole('complementary', { name: `${label} of the actor` });
const calls = (page: Page, label: string) => panel(page, label).locator('li').allTextContents();
const box = async (page: Page, selector: string) => {
  const found = await page.locator(selector).boundingBox();
  if (!found) throw new Error(`${selector} is not on the page`);
  return found;
};

describe('the mixer strip and the transport bar under real fingers', () => {
  const storybook = storybookForTests();

  it('the volume fader follows a finger in dB, finely with a second, back to 0 dB on a double tap; mute and solo take a touch', async () => {
    const { page, context, errors } = await storybook.open('mixer-mixer-strip--interactive');
    // the story's own play function leaves the fader at 0 dB
    await expect.poll(() => attribute(page, FADER, 'aria-valuetext'), { timeout: 10_000 }).toBe('0.0 dB');
    await expect.poll(() => panel(page, 'volume').getByTestId('actor-state').textContent()).toBe('bound.ready');
    const strip = await box(page, STRIP);
    const fader = await box(page, FADER);
    const quarter = fader.height * 0.9 * 0.25;
    const centre = await centreOf(page, FADER);
    const touch = await fingers(page);

    await touch.down(1, centre);
    await expect.poll(() => calls(page, 'volume')).toContain('gesture id 1 mixer_device volume begin');
    await touch.move(1, { x: centre.x, y: centre.y + quarter });
    // while held: the readout shows Live's text in dB, and it has moved
    await expect.poll(() => page.locator(`${STRIP} .ls-fader-readout`).textContent()).toMatch(/^-\d+\.\d dB$/);
    expect(await panel(page, 'volume').getByTestId('actor-state').textContent()).toBe('bound.touched');
    await touch.up(1);
    await expect.poll(() => numberOf(page, FADER)).toBeCloseTo(0.6, 2);
    await expect.poll(() => attribute(page, FADER, 'aria-valuetext')).not.toBe('0.0 dB');
    await expect.poll(async () => (await calls(page, 'volume')).at(-1)).toBe('gesture id 1 mixer_device volume end');
    // a value that changes moves nothing: the strip keeps its place and size
    expect(await box(page, STRIP)).toEqual(strip);

    await touch.down(1, centre);
    await touch.down(2, { x: centre.x, y: fader.y + 10 });
    await touch.move(1, { x: centre.x, y: centre.y - quarter });
    await touch.up(2);
    await touch.up(1);
    await expect.poll(() => numberOf(page, FADER)).toBeCloseTo(0.625, 2);

    await page.waitForTimeout(400);
    for (let tap = 0; tap < 2; tap += 1) {
      await touch.down(1, centre);
      await touch.up(1);
    }
    await expect.poll(() => attribute(page, FADER, 'aria-valuetext')).toBe('0.0 dB');

    const mute = `${STRIP} button[aria-label="Mute Drums"]`;
    const solo = `${STRIP} button[aria-label="Solo Drums"]`;
    expect(await attribute(page, mute, 'aria-pressed')).toBe('false');
    await touch.down(1, await centreOf(page, mute));
    await touch.up(1);
    await expect.poll(() => attribute(page, mute, 'aria-pressed')).toBe('true');
    await touch.down(1, await centreOf(page, solo));
    await touch.up(1);
    await expect.poll(() => attribute(page, solo, 'aria-pressed')).toBe('true');
    await expect
      .poll(() => calls(page, 'track'))
      .toEqual(expect.arrayContaining(['set id 1 mute true', 'set id 1 solo true']));
    expect(await box(page, STRIP)).toEqual(strip);
    expect(errors).toEqual([]);
    await context.close();
  }, 60_000);

  it('play runs the song position; the tempo drags, drags finely, resets and is tapped in', async () => {
    const { page, context, errors } = await storybook.open('transport-transport-bar--interactive');
    const state = () => page.getByTestId('actor-state').textContent();
    const position = () => page.locator(POSITION).textContent();
    const tempoText = () => attribute(page, TEMPO, 'aria-valuetext');
    // the story's own play function leaves it stopped
    await expect.poll(state, { timeout: 10_000 }).toBe('live.ready.stopped');
    const touch = await fingers(page);

    const bar = await box(page, '[role="group"][aria-label="Transport"]');
    const tempoBox = await box(page, TEMPO);
    await touch.down(1, await centreOf(page, 'button[aria-label="Play"]'));
    await touch.up(1);
    await expect.poll(state).toBe('live.ready.playing');
    await expect.poll(position).not.toBe('1.1.1');
    const running = await position();
    await expect.poll(position).not.toBe(running);
    // the position runs many times a second and moves nothing beside it
    expect(await box(page, '[role="group"][aria-label="Transport"]')).toEqual(bar);
    expect(await box(page, TEMPO)).toEqual(tempoBox);

    const start = await numberOf(page, TEMPO);
    const centre = await centreOf(page, TEMPO);
    await touch.down(1, centre);
    await touch.move(1, { x: centre.x, y: centre.y - 40 });
    await touch.up(1);
    await expect.poll(tempoText).toBe(`${(start + 10).toFixed(2)} BPM`);

    await touch.down(1, centre);
    await touch.down(2, { x: tempoBox.x + tempoBox.width - 4, y: centre.y });
    await touch.move(1, { x: centre.x, y: centre.y - 40 });
    await touch.up(2);
    await touch.up(1);
    await expect.poll(tempoText).toBe(`${(start + 11).toFixed(2)} BPM`);

    await page.waitForTimeout(400);
    for (let tap = 0; tap < 2; tap += 1) {
      await touch.down(1, centre);
      await touch.up(1);
    }
    await expect.poll(tempoText).toBe('120.00 BPM');

    // a fine nudge off the whole number, then two taps: Live sets a whole tempo from them
    await page.waitForTimeout(400);
    await touch.down(1, centre);
    await touch.down(2, { x: tempoBox.x + tempoBox.width - 4, y: centre.y });
    await touch.move(1, { x: centre.x, y: centre.y - 44 });
    await touch.up(2);
    await touch.up(1);
    await expect.poll(tempoText).toBe('121.10 BPM');
    const tap = await centreOf(page, 'button[aria-label="Tap Tempo"]');
    await touch.down(1, tap);
    await touch.up(1);
    await page.waitForTimeout(300);
    await touch.down(1, tap);
    await touch.up(1);
    await expect.poll(tempoText).toMatch(/^\d+\.00 BPM$/);
    expect(await calls(page, 'transport')).toContain('call live_set tap_tempo');
    expect(errors).toEqual([]);
    await context.close();
  }, 60_000);
});
