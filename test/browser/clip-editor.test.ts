/**
 * The clip editor in the app, in Chromium with touch, on the simulator: a
 * clip opened from its cell's edit control, a note added with a tap and
 * moved with a finger, the roll zoomed with two fingers, a lasso and
 * delete, Live's undo; each checked against what the simulator's clip
 * holds. Screenshots (tablet, and a Drum Rack clip on a phone) are left in
 * test/browser/output/app.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BridgeClient } from '../../bridge/bridge-client';
import { Note } from '../../protocol/src/notes';
import { startTestBridge, TOKEN, type TestBridge } from '../support/bridge';
import { launchChromium } from './chromium';
import { fingers, type Finger } from './touch';

const ROOT = join(import.meta.dirname, '..', '..');
const SHOTS = join(ROOT, 'test', 'browser', 'output', 'app');
const BASS_VERSE = 'live_set tracks 2 clip_slots 2 clip';

interface RollView {
  left: number;
  top: number;
  startBeat: number;
  pxPerBeat: number;
  topRow: number;
  rowPx: number;
}

/** Where the roll is on the page, from its notes area's data attributes. */
async function rollView(page: Page): Promise<RollView> {
  const notes = page.locator('.ls-roll-notes');
  const box = await notes.boundingBox();
  if (!box) throw new Error('no roll on the page');
  const number = async (name: string) => Number(await notes.getAttribute(`data-${name}`));
  return {
    left: box.x,
    top: box.y,
    startBeat: await number('start-beat'),
    pxPerBeat: await number('px-per-beat'),
    topRow: await number('top-row'),
    rowPx: await number('row-px'),
  };
}

async function rollBox(page: Page): Promise<{ x: number; y: number; width: number; height: number }> {
  const box = await page.locator('.ls-roll-notes').boundingBox();
  if (!box) throw new Error('no roll on the page');
  return box;
}

/** The point of a beat and a row (a pitch, on the keys) on the page. */
const at = (view: RollView, beat: number, row: number): Finger => ({
  x: view.left + (beat - view.startBeat) * view.pxPerBeat,
  y: view.top + (view.topRow - row + 0.5) * view.rowPx,
});

describe('the clip editor in a browser, on the simulator', () => {
  let setup: TestBridge;
  let browser: Browser;
  let client: BridgeClient;

  async function liveNotes(): Promise<Note[]> {
    const reply = await client.request({ op: 'call', target: BASS_VERSE, fn: 'get_all_notes_extended', args: [] });
    if (!reply.ok) throw new Error(reply.error.message);
    return Note.array().parse(reply.result);
  }

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    setup = await startTestBridge({ appDir: join(ROOT, 'dist', 'app'), timeoutMs: 5000 });
    client = await setup.client();
    browser = await launchChromium();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await setup?.close();
  });

  it.each([
    ['tablet', { width: 1194, height: 834 }],
    ['phone', { width: 390, height: 844 }],
  ])('adds, moves, zooms, lassoes and deletes by touch, and undoes with Live (%s)', async (size, viewport) => {
    const context = await browser.newContext({ viewport, hasTouch: true, isMobile: true });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${setup.url}/?token=${TOKEN}`);
    const edit = page.getByRole('button', { name: 'Edit Bass Verse' });
    await edit.waitFor({ timeout: 15_000 });
    await edit.tap();
    await expect.poll(() => page.locator('.ls-roll').getAttribute('data-state'), { timeout: 15_000 }).toBe('ready');
    await expect.poll(() => page.getByRole('heading', { name: 'Bass Verse' }).count()).toBe(1);
    const before = await liveNotes();
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(SHOTS, `${size}-clip.png`) });

    // a tap on an empty cell near the top of the roll: a 16th there
    let view = await rollView(page);
    const used = new Set(before.map((note) => note.pitch));
    let pitch = Math.floor(view.topRow) - 3;
    while (used.has(pitch) || used.has(pitch + 2)) pitch -= 1;
    const hand = await fingers(page);
    const tap = at(view, 0.55, pitch);
    await hand.down(1, tap);
    await hand.up(1);
    await expect.poll(async () => (await liveNotes()).length, { timeout: 5000 }).toBe(before.length + 1);
    expect((await liveNotes()).find((note) => note.pitch === pitch)).toMatchObject({ start_time: 0.5, duration: 0.25 });

    // the new note dragged two beats later and a tone up
    const from = at(view, 0.625, pitch);
    await hand.down(1, from);
    await hand.move(1, { x: from.x + 2 * view.pxPerBeat, y: from.y - 2 * view.rowPx }, 8);
    await hand.up(1);
    await expect
      .poll(async () => (await liveNotes()).find((note) => note.pitch === pitch + 2)?.start_time, { timeout: 5000 })
      .toBe(2.5);

    // two fingers spread apart around the moved note, in its row (no other note is there): time zooms in
    const moved = at(view, 2.625, pitch + 2);
    const spread = Math.min(60, (await rollBox(page)).width / 5);
    await hand.down(1, { x: moved.x - spread, y: moved.y });
    await hand.down(2, { x: moved.x + spread, y: moved.y });
    await hand.move(1, { x: moved.x - 3 * spread, y: moved.y }, 6);
    await hand.move(2, { x: moved.x + 3 * spread, y: moved.y }, 6);
    await hand.up(1);
    await hand.up(2);
    const zoomed = await rollView(page);
    expect(zoomed.pxPerBeat).toBeGreaterThan(view.pxPerBeat * 1.5);
    view = zoomed;

    // nothing selected, then a lasso around the moved note alone, then Delete
    const summary = page.locator('.ls-roll-notes .ls-visually-hidden').first();
    await page.keyboard.press('Escape');
    // from empty space left of it in its own row (no other note is in that row), across its start
    const start = at(view, 2.5, pitch + 2);
    const box = await page.locator('.ls-roll-notes').boundingBox();
    expect(start.x > (box?.x ?? 0) + 24 && start.x < (box?.x ?? 0) + (box?.width ?? 0) - 20).toBe(true);
    await hand.down(1, { x: start.x - 20, y: start.y - 2 });
    await hand.move(1, { x: start.x + 4, y: start.y + 2 }, 6);
    await hand.up(1);
    await expect.poll(() => summary.textContent()).toContain('1 selected');
    // the selection reaches the toolbar (its Delete is enabled) before the finger taps it
    const remove = page.getByRole('button', { name: 'Delete notes' });
    await expect.poll(() => remove.isEnabled()).toBe(true);
    await page.waitForTimeout(250);
    await remove.tap();

    await expect.poll(async () => (await liveNotes()).length, { timeout: 5000 }).toBe(before.length);
    await page.screenshot({ path: join(SHOTS, `${size}-clip-zoomed.png`) });

    // Live's undo brings the note back; redo takes it away again
    const undo = page.locator('.ls-clip-page').getByRole('button', { name: 'Undo' });
    await expect.poll(() => undo.isEnabled(), { timeout: 5000 }).toBe(true);
    await undo.tap();
    await expect.poll(async () => (await liveNotes()).length, { timeout: 5000 }).toBe(before.length + 1);
    const redo = page.locator('.ls-clip-page').getByRole('button', { name: 'Redo' });
    await expect.poll(() => redo.isEnabled(), { timeout: 5000 }).toBe(true);
    await redo.tap();
    await expect.poll(async () => (await liveNotes()).length, { timeout: 5000 }).toBe(before.length);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("shows a Drum Rack clip's pads by name on a phone", async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${setup.url}/?token=${TOKEN}`);
    await page.getByRole('tab', { name: 'Clip' }).tap();
    // following Live's selection: the Drums track's first slot is highlighted in the demo set
    await expect.poll(() => page.locator('.ls-roll').getAttribute('data-rows'), { timeout: 15_000 }).toBe('pads');
    await expect.poll(() => page.locator('.ls-roll').getAttribute('data-state'), { timeout: 15_000 }).toBe('ready');
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(SHOTS, 'phone-clip-drums.png') });
    expect(errors).toEqual([]);
    await context.close();
  });
});
