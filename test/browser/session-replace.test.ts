/**
 * A clip dragged by a finger onto another clip, in the app on the simulator
 * at a tablet's size: the grid asks first, naming both clips and the place;
 * Cancel leaves the set as it was; Replace moves the clip there in Live
 * (the simulator's slot holds the moved clip, the original's slot is empty),
 * and the app's Undo (Live's undo) brings both back. Each answer is read
 * back from the simulator, not from the page. Screenshots in
 * test/browser/output/session-replace.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appOnSimulator, type OpenedApp } from './app-on-simulator';
import { centreOf, fingers } from './touch';

const ROOT = join(import.meta.dirname, '..', '..');
const SHOTS = join(ROOT, 'test', 'browser', 'output', 'session-replace');

const button = (name: string): string => `button[aria-label="${name}"]`;
/** Drums, slot 3 holds Beat B; Perc, slot 3 holds Congas (the demo set). */
const BEAT_B = 'live_set tracks 0 clip_slots 2';
const CONGAS = 'live_set tracks 1 clip_slots 2';

describe('a clip dropped onto another, on the simulator (tablet)', () => {
  const app = appOnSimulator();
  let opened: OpenedApp;
  let page: Page;

  /** What Live says of a property (the simulator's answer, not the page's). */
  async function live(target: string, prop: string): Promise<unknown> {
    const reply = await app.client.request({ op: 'get', target, prop });
    if (!reply.ok) throw new Error(`${target} ${prop}: ${reply.error.message}`);
    return reply.result;
  }
  const clipName = async (slot: string): Promise<unknown> =>
    (await live(slot, 'has_clip')) ? live(`${slot} clip`, 'name') : null;
  const shot = (name: string) => page.screenshot({ path: join(SHOTS, `tablet-${name}.png`) });

  /** A finger holds Congas, drags it onto Beat B and lifts there. */
  async function dragCongasOntoBeatB(name: string): Promise<void> {
    const touch = await fingers(page);
    const from = await centreOf(page, button('Launch Congas'));
    const to = await centreOf(page, button('Launch Beat B'));
    await touch.down(1, from);
    await page.waitForTimeout(700);
    await touch.move(1, { x: (from.x + to.x) / 2, y: (from.y + to.y) / 2 + 10 }, 6);
    await touch.move(1, to, 6);
    await expect.poll(() => page.locator('.ls-clip[data-placing="replaces"][data-drop-over]').count()).toBe(1);
    await shot(name);
    await touch.up(1);
  }

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    opened = await app.open({ width: 1194, height: 834 });
    page = opened.page;
    await page.locator(button('Launch Congas')).waitFor({ timeout: 15_000 });
    await page.locator('.ls-session[data-state="ready"]').waitFor({ timeout: 15_000 });
  }, 60_000);

  afterAll(async () => {
    await opened?.context.close();
  });

  it('asks first, and Cancel leaves both clips where they were', async () => {
    await dragCongasOntoBeatB('dragging-over-a-clip');
    const question = page.getByRole('alertdialog', { name: 'Move onto a clip?' });
    await question.waitFor({ timeout: 5000 });
    expect(await question.textContent()).toContain('Replace “Beat B” in Drums, slot 3 with “Congas”?');
    await shot('asked');
    await question.getByRole('button', { name: 'Cancel', exact: true }).tap();
    await question.waitFor({ state: 'detached', timeout: 5000 });
    await page.waitForTimeout(300);
    expect(await clipName(BEAT_B)).toBe('Beat B');
    expect(await clipName(CONGAS)).toBe('Congas');
  }, 30_000);

  it('replaces the clip in Live on Replace, and Undo brings both back', async () => {
    await dragCongasOntoBeatB('dragging-again');
    const question = page.getByRole('alertdialog', { name: 'Move onto a clip?' });
    await question.getByRole('button', { name: 'Replace', exact: true }).tap();
    await expect.poll(() => clipName(BEAT_B), { timeout: 5000 }).toBe('Congas');
    await expect.poll(() => clipName(CONGAS), { timeout: 5000 }).toBeNull();
    await page.locator(button('Select Perc, slot 3')).waitFor({ timeout: 5000 });
    await expect.poll(() => page.locator(button('Launch Beat B')).count()).toBe(0);
    await expect
      .poll(() =>
        page.getByRole('status').filter({ hasText: 'Moved Congas to Drums, slot 3, replacing Beat B' }).count(),
      )
      .toBe(1);
    await shot('replaced-undo-offered');

    await page.locator('.ls-edit-bar').getByRole('button', { name: 'Undo', exact: true }).tap();
    await expect.poll(() => clipName(BEAT_B), { timeout: 5000 }).toBe('Beat B');
    expect(await clipName(CONGAS)).toBe('Congas');
    await page.locator(button('Launch Beat B')).waitFor({ timeout: 5000 });
    await page.locator(button('Launch Congas')).waitFor({ timeout: 5000 });
    await shot('undone');
    expect(opened.errors).toEqual([]);
  }, 30_000);
});
