/**
 * The session grid under real fingers, in the app on the simulator, at a
 * phone's size and a tablet's: a swipe across the clips scrolls the grid and
 * launches nothing (the transport stays stopped, no clip plays); a tap
 * launches; a tap on an empty slot creates nothing (Live highlights it); a
 * long press on an empty slot creates a clip of the chosen length, and Undo
 * takes it back; a long press on a clip duplicates it, deletes it (and Undo
 * brings it back), renames and recolors it; a held clip dragged to an empty
 * slot of a MIDI track moves there; locked for performance, the structural
 * actions are disabled with the reason. Each answer is read back from Live
 * (the simulator), not from the page. Screenshots in
 * test/browser/output/session.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BridgeClient } from '../../bridge/bridge-client';
import { startTestBridge, TOKEN, type TestBridge } from '../support/bridge';
import { launchChromium } from './chromium';
import { centreOf, fingers } from './touch';

const ROOT = join(import.meta.dirname, '..', '..');
const SHOTS = join(ROOT, 'test', 'browser', 'output', 'session');

const SIZES = [
  { name: 'phone', viewport: { width: 390, height: 844 } },
  { name: 'tablet', viewport: { width: 1194, height: 834 } },
] as const;

const button = (name: string): string => `button[aria-label="${name}"]`;
/** Cells that show a clip playing or waiting to. */
const LAUNCHED = '.ls-clip:is([data-state="playing"], [data-state="triggered"], [data-state="recording"])';

describe.each(SIZES)('the session grid under fingers, on the simulator ($name)', ({ name: size, viewport }) => {
  let setup: TestBridge;
  let browser: Browser;
  let client: BridgeClient;
  let page: Page;

  /** What Live says of a property (the simulator's answer, not the page's). */
  async function live(target: string, prop: string): Promise<unknown> {
    const reply = await client.request({ op: 'get', target, prop });
    if (!reply.ok) throw new Error(`${target} ${prop}: ${reply.error.message}`);
    return reply.result;
  }
  const shot = (name: string) => page.screenshot({ path: join(SHOTS, `${size}-${name}.png`) });

  async function tap(name: string): Promise<void> {
    const touch = await fingers(page);
    await touch.down(1, await centreOf(page, button(name)));
    await touch.up(1);
  }

  /** A finger held still on a cell, then lifted: its actions open. */
  async function longPress(name: string): Promise<void> {
    const touch = await fingers(page);
    // a phone shows five or so tracks at once: the grid scrolls to the clip first, as a musician would
    await page.locator(button(name)).first().scrollIntoViewIfNeeded();
    await touch.down(1, await centreOf(page, button(name)));
    await page.waitForTimeout(700);
    await touch.up(1);
  }

  async function tapInSheet(name: string): Promise<void> {
    await page.getByRole('dialog').getByRole('button', { name, exact: true }).tap();
  }

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    setup = await startTestBridge({ appDir: join(ROOT, 'dist', 'app'), timeoutMs: 5000 });
    client = await setup.client();
    browser = await launchChromium();
    const context = await browser.newContext({ viewport, hasTouch: true, isMobile: true, deviceScaleFactor: 2 });
    page = await context.newPage();
    await page.goto(`${setup.url}/?token=${TOKEN}`);
    await page.locator(button('Launch Beat A')).waitFor({ timeout: 15_000 });
    await page.locator('.ls-session[data-state="ready"]').waitFor({ timeout: 15_000 });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await setup?.close();
  });

  it('scrolls on a swipe and launches nothing; a tap launches', async () => {
    const grid = page.locator('.ls-session-grid');
    const touch = await fingers(page);
    // each swipe's finger rests before it lifts: no fling goes on (a tap that stops a fling is the browser's, not a tap)
    const swipe = async (id: number, from: { x: number; y: number }, dx: number, dy: number, steps: number) => {
      await touch.down(id, from);
      const to = { x: from.x + dx, y: from.y + dy };
      await touch.move(id, to, steps);
      await page.waitForTimeout(250);
      await touch.move(id, to, 2);
      await page.waitForTimeout(150);
      await touch.up(id);
    };
    // sideways, starting on a clip, where the grid is wider than the screen (a grid that fits: the last test)
    if (size === 'phone') await swipe(1, await centreOf(page, button('Launch Keys Intro')), -220, 6, 12);
    // up and down, starting on another clip, long and short
    const other = await centreOf(page, button('Launch Beat A'));
    await swipe(2, other, 4, -160, 10);
    await swipe(3, await centreOf(page, button('Launch Beat A')), 0, 40, 4);
    await page.waitForTimeout(600);
    if (size === 'phone') expect(await grid.evaluate((element) => element.scrollLeft)).toBeGreaterThan(50);
    await shot('swiped');
    expect(await live('live_set', 'is_playing')).toBe(false);
    expect(await page.locator(LAUNCHED).count()).toBe(0);
    await grid.evaluate((element) => element.scrollTo({ left: 0 }));
    await page.evaluate(() => window.scrollTo({ top: 0 }));

    await tap('Launch Beat A');
    const cell = page.locator(`.ls-clip:has(> ${button('Launch Beat A')})`);
    await expect.poll(() => cell.getAttribute('data-state'), { timeout: 5000 }).toMatch(/triggered|playing/);
    await expect.poll(() => live('live_set', 'is_playing'), { timeout: 5000 }).toBe(true);
    await expect.poll(() => cell.getAttribute('data-state'), { timeout: 5000 }).toBe('playing');
    await shot('playing');
    await client.request({ op: 'call', target: 'live_set', fn: 'stop_playing' });
    await expect.poll(() => cell.getAttribute('data-state'), { timeout: 5000 }).toBe('stopped');
  }, 60_000);

  it('outlines in Live the tracks and scenes it shows, and hides the outline on another page', async () => {
    const boxes = setup.bridge.sessionBoxes;
    await expect.poll(() => boxes.current, { timeout: 5000 }).not.toBeNull();
    const shown = boxes.current;
    expect(shown?.track_offset).toBe(0);
    expect(shown?.scene_offset).toBe(0);
    if (size === 'phone') {
      expect(shown?.width).toBeLessThan(8);
      const grid = page.locator('.ls-session-grid');
      await grid.evaluate((element) => element.scrollTo({ left: 260 }));
      await expect.poll(() => boxes.current?.track_offset ?? 0, { timeout: 5000 }).toBeGreaterThan(0);
      await grid.evaluate((element) => element.scrollTo({ left: 0 }));
      await expect.poll(() => boxes.current?.track_offset, { timeout: 5000 }).toBe(0);
    } else {
      expect(shown?.width).toBe(11); // every track of the demo set
    }
    await page.getByRole('tab', { name: 'Mixer' }).tap();
    await expect.poll(() => boxes.current, { timeout: 5000 }).toBeNull();
    await page.getByRole('tab', { name: 'Session' }).tap();
    await expect.poll(() => boxes.current, { timeout: 5000 }).not.toBeNull();
  }, 60_000);

  it('creates nothing on a tap on an empty slot: Live highlights it', async () => {
    const slot = await client.request({ op: 'get', target: 'live_set tracks 2 clip_slots 0' });
    const id = slot.ok ? (slot.result as { $ref: number }).$ref : null;
    await tap('Select Bass, slot 1');
    await expect
      .poll(async () => (await live('live_set view', 'highlighted_clip_slot')) as { $ref: number } | null, {
        timeout: 5000,
      })
      .toMatchObject({ $ref: id });
    await page.waitForTimeout(300);
    expect(await live('live_set tracks 2 clip_slots 0', 'has_clip')).toBe(false);
    expect(await page.locator(button('Select Bass, slot 1')).count()).toBe(1);
    await shot('empty-selected');
  }, 30_000);

  it('creates a clip of the chosen length from a long press, and Undo takes it back', async () => {
    await longPress('Select Bass, slot 1');
    await page.getByRole('dialog', { name: 'New clip' }).waitFor({ timeout: 5000 });
    await shot('create-sheet');
    await tapInSheet('2 bars');
    await page.locator(button('Launch the clip in Bass, slot 1')).waitFor({ timeout: 5000 });
    expect(await live('live_set tracks 2 clip_slots 0 clip', 'length')).toBe(8);
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'New 2-bar clip' }).count()).toBe(1);
    await shot('created');
    await page.locator('.ls-edit-bar').getByRole('button', { name: 'Undo', exact: true }).tap();
    await page.locator(button('Select Bass, slot 1')).waitFor({ timeout: 5000 });
    expect(await live('live_set tracks 2 clip_slots 0', 'has_clip')).toBe(false);
  }, 30_000);

  it('duplicates a clip to the next empty slot below', async () => {
    await longPress('Launch Keys Intro');
    await page.getByRole('dialog', { name: 'Keys Intro' }).waitFor({ timeout: 5000 });
    await shot('slot-menu');
    await page
      .getByRole('dialog')
      .getByRole('button', { name: /Duplicate/ })
      .tap();
    await expect.poll(() => live('live_set tracks 3 clip_slots 1', 'has_clip'), { timeout: 5000 }).toBe(true);
    expect(await live('live_set tracks 3 clip_slots 1 clip', 'name')).toBe('Keys Intro');
    await expect.poll(() => page.locator(button('Launch Keys Intro')).count()).toBe(2);
  }, 30_000);

  it('deletes a clip, and Undo brings it back', async () => {
    await longPress('Launch Hook');
    await tapInSheet('Delete');
    await page.locator(button('Select Lead, slot 5')).waitFor({ timeout: 5000 });
    expect(await live('live_set tracks 5 clip_slots 4', 'has_clip')).toBe(false);
    await shot('deleted-undo-offered');
    await page.locator('.ls-edit-bar').getByRole('button', { name: 'Undo', exact: true }).tap();
    await page.locator(button('Launch Hook')).waitFor({ timeout: 5000 });
    expect(await live('live_set tracks 5 clip_slots 4 clip', 'name')).toBe('Hook');
  }, 30_000);

  it('renames and recolors a clip', async () => {
    await longPress('Launch Hats');
    const name = page.getByRole('dialog').getByRole('textbox', { name: 'Name' });
    await name.fill('Hats Open');
    await tapInSheet('Rename');
    await page.locator(button('Launch Hats Open')).waitFor({ timeout: 5000 });
    expect(await live('live_set tracks 0 clip_slots 0 clip', 'name')).toBe('Hats Open');
    await longPress('Launch Hats Open');
    await page.getByRole('dialog').getByRole('radio', { name: 'Color 26' }).tap();
    await expect.poll(() => live('live_set tracks 0 clip_slots 0 clip', 'color_index'), { timeout: 5000 }).toBe(25);
    await expect
      .poll(() => page.getByRole('dialog').getByRole('radio', { name: 'Color 26' }).getAttribute('aria-checked'))
      .toBe('true');
    await shot('recolored');
    await page.getByRole('dialog').getByRole('button', { name: 'Close' }).tap();
  }, 30_000);

  it('moves a held clip dragged to an empty slot of a MIDI track', async () => {
    const touch = await fingers(page);
    const from = await centreOf(page, button('Launch Shaker'));
    const to = await centreOf(page, button('Select Bass, slot 2'));
    await touch.down(1, from);
    await page.waitForTimeout(700);
    await touch.move(1, { x: (from.x + to.x) / 2, y: (from.y + to.y) / 2 + 10 }, 6);
    await touch.move(1, to, 6);
    await expect.poll(() => page.locator('.ls-clip[data-drop-over]').count()).toBe(1);
    await shot('dragging');
    await touch.up(1);
    await expect.poll(() => live('live_set tracks 2 clip_slots 1', 'has_clip'), { timeout: 5000 }).toBe(true);
    expect(await live('live_set tracks 2 clip_slots 1 clip', 'name')).toBe('Shaker');
    // the move is a copy, then the original's deletion: Live holds the copy a moment before the original goes
    await expect.poll(() => live('live_set tracks 1 clip_slots 1', 'has_clip'), { timeout: 5000 }).toBe(false);
    await page.locator(button('Select Perc, slot 2')).waitFor({ timeout: 5000 });
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: 'Moved Shaker to Bass, slot 2' }).count())
      .toBe(1);
    expect(await page.locator(LAUNCHED).count()).toBe(0);
  }, 30_000);

  it('shows the structural actions disabled with the reason while locked', async () => {
    await page.getByRole('button', { name: 'Lock', exact: true }).tap();
    await page.getByRole('button', { name: 'Locked', exact: true }).waitFor({ timeout: 5000 });
    await longPress('Launch Beat B');
    const menu = page.getByRole('dialog', { name: 'Beat B' });
    await menu.getByRole('note').waitFor({ timeout: 5000 });
    expect(await menu.getByRole('button', { name: 'Delete' }).isDisabled()).toBe(true);
    expect(await menu.getByRole('textbox', { name: 'Name' }).isEnabled()).toBe(true);
    await shot('locked-menu');
    await menu.getByRole('button', { name: 'Close' }).tap();
    await page.getByRole('button', { name: 'Locked', exact: true }).tap();
    await page.getByRole('button', { name: 'Unlock', exact: true }).tap();
    await page.getByRole('button', { name: 'Lock', exact: true }).waitFor({ timeout: 5000 });
  }, 30_000);

  // last: in headless Chromium a sideways swipe over a page that cannot scroll sideways leaves the page taking no
  // more touches (pointer events stop), whatever the page does; so this one goes on a page of its own, at the end
  it('launches nothing on a sideways swipe across a grid that fits the screen', async () => {
    const other = await browser.newContext({ viewport, hasTouch: true, isMobile: true });
    const second = await other.newPage();
    await second.goto(`${setup.url}/?token=${TOKEN}`);
    await second.locator('.ls-session[data-state="ready"]').waitFor({ timeout: 15_000 });
    const touch = await fingers(second);
    const from = await centreOf(second, button('Launch Beat B'));
    await touch.down(1, from);
    await touch.move(1, { x: from.x + 260, y: from.y - 8 }, 12);
    await touch.up(1);
    await second.waitForTimeout(600);
    expect(await live('live_set', 'is_playing')).toBe(false);
    expect(await second.locator(LAUNCHED).count()).toBe(0);
    await other.close();
  }, 30_000);
});
