/**
 * The session grid under real fingers in Chromium (the Interactive story:
 * the real session, clip slot, track and scene machines on the fake studio,
 * clips launching on the bar): a tapped clip is triggered and blinks on the
 * beat, then plays with its position moving; its track's stop cell stops it
 * on the bar; a scene launches its row; and no cell moves or changes size
 * through all of it.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { storybookForTests } from './storybook';
import { centreOf, fingers } from './touch';

const button = (name: string): string => `button[aria-label="${name}"]`;
/** The state of the cell (clip, stop or scene) holding a button. */
const stateOf = (page: Page, name: string) =>
  page.locator(`[data-state]:has(> ${button(name)})`).getAttribute('data-state');

async function tap(page: Page, name: string): Promise<void> {
  const touch = await fingers(page);
  await touch.down(1, await centreOf(page, button(name)));
  await touch.up(1);
}

/** Where every cell of the grid is, and how big. */
const boxes = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll('.ls-session [data-state]')].map((cell) => {
      const { x, y, width, height } = cell.getBoundingClientRect();
      return [x, y, width, height].map(Math.round);
    }),
  );

interface Sample {
  beat: string | null;
  state: string | null;
  ring: string;
}

/** What the grid and one cell look like, every few frames for a while. */
async function watch(page: Page, name: string, ms: number): Promise<Sample[]> {
  return page.evaluate(
    async ({ selector, ms }) => {
      const samples: Sample[] = [];
      const grid = document.querySelector('.ls-session') as HTMLElement;
      const launch = document.querySelector(selector) as HTMLElement;
      const end = performance.now() + ms;
      while (performance.now() < end) {
        samples.push({
          beat: grid.dataset.beat ?? null,
          state: launch.parentElement?.dataset.state ?? null,
          ring: getComputedStyle(launch).boxShadow,
        });
        await new Promise((resolve) => setTimeout(resolve, 40));
      }
      return samples;
    },
    { selector: button(name), ms },
  );
}

describe('the session grid under real fingers', () => {
  const storybook = storybookForTests();

  it('launches clips on the bar (blinking, then playing with progress), stops their track, and launches a scene', async () => {
    const { page, context, errors } = await storybook.open('session-session-grid--interactive');
    // the story's own play function runs first: it ends with the Chorus row playing
    await expect.poll(() => stateOf(page, 'Launch Stabs'), { timeout: 20_000 }).toBe('playing');
    await expect.poll(() => stateOf(page, 'Launch scene Chorus')).toBe('idle');
    expect(await stateOf(page, 'Launch Root')).toBe('stopped');
    const layout = await boxes(page);

    // the transport plays: Root starts on the next bar
    await tap(page, 'Launch Root');
    await expect.poll(() => stateOf(page, 'Launch Root'), { timeout: 5000 }).toBe('playing');
    // a bar has just begun: Walk, tapped now, waits for the whole of it, blinking on the beat
    await tap(page, 'Launch Walk');
    await expect.poll(() => stateOf(page, 'Launch Walk'), { timeout: 2000 }).toBe('triggered');
    const triggered = (await watch(page, 'Launch Walk', 900)).filter((sample) => sample.state === 'triggered');
    expect(new Set(triggered.map((sample) => sample.beat))).toEqual(new Set(['on', 'off']));
    expect(triggered.some((sample) => sample.beat === 'on' && sample.ring !== 'none')).toBe(true);
    expect(triggered.some((sample) => sample.beat === 'off' && sample.ring === 'none')).toBe(true);
    await expect.poll(() => stateOf(page, 'Launch Walk'), { timeout: 5000 }).toBe('playing');
    expect(await stateOf(page, 'Launch Root')).toBe('stopped');

    // a new bar again: the track's stop cell fires a stop (blinking) while Walk plays on, its position moving
    await tap(page, 'Stop Bass');
    await expect.poll(() => stateOf(page, 'Stop Bass'), { timeout: 2000 }).toBe('stopping');
    const progress = page.locator('[role="progressbar"][aria-label="Walk position"]');
    const first = await progress.getAttribute('aria-valuenow');
    await expect.poll(() => progress.getAttribute('aria-valuenow'), { timeout: 1500 }).not.toBe(first);
    // the bar stops it
    await expect.poll(() => stateOf(page, 'Launch Walk'), { timeout: 5000 }).toBe('stopped');
    expect(await stateOf(page, 'Stop Bass')).toBe('stopped');
    expect(await progress.count()).toBe(0);

    // a scene: triggered, then its row plays
    await tap(page, 'Launch scene Intro');
    await expect.poll(() => stateOf(page, 'Launch scene Intro'), { timeout: 2000 }).toBe('triggered');
    await expect.poll(() => stateOf(page, 'Launch Beat A'), { timeout: 5000 }).toBe('playing');
    for (const clip of ['Root', 'Chords']) expect(await stateOf(page, `Launch ${clip}`)).toBe('playing');
    expect(await stateOf(page, 'Launch scene Intro')).toBe('idle');
    expect(await stateOf(page, 'Launch Stabs')).toBe('stopped');
    // every cell changed state, and none moved or changed size
    expect(await boxes(page)).toEqual(layout);
    expect(errors).toEqual([]);
    await context.close();
  }, 60_000);
});
