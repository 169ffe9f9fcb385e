/**
 * Two tablets on one Live, in Chromium with real touch: while tablet A holds
 * the Drums fader, tablet B shows it held (A's name, in A's color) and B's
 * finger does not move it; A lets go and B can. A long press on B takes it
 * over while A still holds it: A sees it held by B, and A's finger no
 * longer moves it. Notes A selects in a clip are outlined on B's roll of the
 * same clip. The delay from A's touch to B showing it held is measured and
 * printed (not asserted: the machine is noisy). Screenshots in
 * test/browser/output/app.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { JsonValue } from '../../protocol/src/index';
import { appOnSimulator } from './app-on-simulator';
import { centreOf, fingers } from './touch';

const SHOTS = join(import.meta.dirname, 'output', 'app');
const TABLET = { width: 1194, height: 834 };
const STRIP = '[role="group"][aria-label="Drums"]';
const FADER = `${STRIP} [role="slider"][aria-label="Volume"]`;
const HELD = `${STRIP} .ls-held[data-held]`;
const VOLUME = 'live_set tracks 0 mixer_device volume';

describe('tablets that know about each other', () => {
  const app = appOnSimulator();
  beforeAll(() => mkdirSync(SHOTS, { recursive: true }));

  async function volume(): Promise<JsonValue> {
    const reply = await app.client.request({ op: 'get', target: VOLUME, prop: 'value' });
    if (!reply.ok) throw new Error(reply.error.message);
    return reply.result;
  }

  async function named(page: Page, name: string): Promise<void> {
    await page.getByRole('button', { name: /^Tablets/ }).click();
    const field = page.getByRole('textbox', { name: /name/i });
    await field.fill(name);
    await field.press('Enter');
    await page.keyboard.press('Escape');
  }

  it('shows a fader another tablet holds, keeps it from moving, and lets a long press take it over', async () => {
    const a = await app.open(TABLET, 'Mixer');
    const b = await app.open(TABLET, 'Mixer');
    await named(a.page, 'Alice');
    await named(b.page, 'Bob');
    for (const page of [a.page, b.page])
      await expect.poll(() => page.locator(FADER).getAttribute('aria-disabled'), { timeout: 15_000 }).toBeNull();
    const atA = await centreOf(a.page, FADER);
    const atB = await centreOf(b.page, FADER);
    const fingerA = await fingers(a.page);
    const fingerB = await fingers(b.page);

    // A holds the fader: B shows it held by Alice, in her color
    const touched = Date.now();
    await fingerA.down(1, atA);
    await b.page.locator(HELD).waitFor({ timeout: 5000 });
    const shown = Date.now() - touched;
    console.log(`from A's touch to B showing the fader held: ${shown} ms`);
    expect(await b.page.locator(`${STRIP} [role="status"]`).textContent()).toBe('Alice holds this control');
    await b.page.screenshot({ path: join(SHOTS, 'held-by-another-tablet.png') });

    // B's finger does nothing to it (A's touch may have set the fader where it landed: let that reach Live first)
    await b.page.waitForTimeout(300);
    const before = await volume();
    await fingerB.down(1, atB);
    await fingerB.move(1, { x: atB.x, y: atB.y + 80 }, 8);
    await fingerB.up(1);
    await b.page.waitForTimeout(300);
    expect(await volume()).toBe(before);

    // A lets go: B can move it
    await fingerA.up(1);
    await expect.poll(() => b.page.locator(HELD).count()).toBe(0);
    await fingerB.down(2, atB);
    await fingerB.move(2, { x: atB.x, y: atB.y + 60 }, 8);
    await fingerB.up(2);
    await expect.poll(() => volume()).not.toBe(before);

    // A holds it again; a long press on B takes it over, and A sees that
    await b.page.waitForTimeout(400);
    await fingerA.down(3, atA);
    await b.page.locator(HELD).waitFor();
    await fingerB.down(3, atB);
    await b.page.waitForTimeout(900);
    await a.page.locator(HELD).waitFor({ timeout: 5000 });
    expect(await a.page.locator(`${STRIP} [role="status"]`).textContent()).toBe('Bob holds this control');
    await a.page.screenshot({ path: join(SHOTS, 'taken-over-by-another-tablet.png') });
    // now B's finger moves it, and A's does not
    const takenAt = await volume();
    await fingerB.move(3, { x: atB.x, y: atB.y - 50 }, 8);
    await expect.poll(() => volume()).not.toBe(takenAt);
    await a.page.waitForTimeout(300);
    const afterB = await volume();
    await fingerA.move(3, { x: atA.x, y: atA.y + 100 }, 8);
    await a.page.waitForTimeout(300);
    expect(await volume()).toBe(afterB);
    await fingerB.up(3);
    await fingerA.up(3);
    await expect.poll(() => a.page.locator(HELD).count()).toBe(0);
    expect(a.errors).toEqual([]);
    expect(b.errors).toEqual([]);
    await a.context.close();
    await b.context.close();
  }, 90_000);

  it('outlines on one tablet the notes another selects in the same clip', async () => {
    const a = await app.open(TABLET, 'Session');
    const b = await app.open(TABLET, 'Session');
    for (const page of [a.page, b.page]) {
      await page.getByRole('button', { name: 'Edit Bass Build', exact: true }).tap();
      await page.locator('.ls-roll[data-state="ready"]').waitFor({ timeout: 20_000 });
    }
    // A lassoes the notes in view, from the roll's empty top corner to its far one
    const notes = await a.page.locator('.ls-roll-notes').boundingBox();
    if (!notes) throw new Error('the roll is not on the page');
    const hand = await fingers(a.page);
    await hand.down(1, { x: notes.x + 6, y: notes.y + 6 });
    await hand.move(1, { x: notes.x + notes.width - 6, y: notes.y + notes.height - 6 }, 10);
    await hand.up(1);
    await expect
      .poll(() => a.page.locator('.ls-roll-notes .ls-visually-hidden').first().textContent())
      .toMatch(/selected/);
    await expect
      .poll(() => b.page.locator('.ls-roll').getAttribute('data-others-selected'), { timeout: 10_000 })
      .toMatch(/^[1-9]\d*$/);
    await b.page.screenshot({ path: join(SHOTS, 'notes-selected-on-another-tablet.png') });
    // A leaves the clip: its selection goes with it (clicked: the tap after a CDP drag is lost)
    await a.page.getByRole('tab', { name: 'Session' }).click();
    await expect.poll(() => b.page.locator('.ls-roll').getAttribute('data-others-selected')).toBeNull();
    await a.context.close();
    await b.context.close();
  }, 90_000);
});
