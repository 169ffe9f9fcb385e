/**
 * The app the bridge serves, in Chromium at a tablet's size with touch, on
 * the simulator: it connects with the session token, says which Live is in
 * use, shows the demo set's session and launches a clip with a tap, plays
 * the Drum Rack's pads named from Live, and says Live went offline and came
 * back. A screenshot of every page (tablet and phone) is left in
 * test/browser/output/app for a person to look at.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestBridge, TOKEN, type TestBridge } from '../support/bridge';
import { launchChromium } from './chromium';

const ROOT = join(import.meta.dirname, '..', '..');
const SHOTS = join(ROOT, 'test', 'browser', 'output', 'app');
const PAGES = ['Session', 'Mixer', 'Devices', 'Keys', 'Pads'];

const connection = (page: Page) => page.locator('.ls-connection [role="status"]');

describe('the app in a browser, on the simulator', () => {
  let setup: TestBridge;
  let browser: Browser;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    setup = await startTestBridge({ appDir: join(ROOT, 'dist', 'app'), timeoutMs: 5000 });
    browser = await launchChromium();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await setup?.close();
  });

  it('shows the session, launches a clip with a tap, plays the Drum Rack, and follows Live offline and back', async () => {
    const context = await browser.newContext({
      viewport: { width: 1024, height: 768 },
      hasTouch: true,
      isMobile: true,
    });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${setup.url}/?token=${TOKEN}`);
    await expect
      .poll(() => connection(page).textContent(), { timeout: 10_000 })
      .toContain('the simulator (as Live 12.3.6), set “LiveSurface Demo”');

    // the demo set's session: a tap launches a clip, and Live plays it
    const beat = page.getByRole('button', { name: 'Launch Beat A' });
    await beat.waitFor({ timeout: 10_000 });
    await beat.tap();
    const cell = page.locator('[data-state]', { has: beat });
    await expect.poll(() => cell.last().getAttribute('data-state'), { timeout: 10_000 }).toBe('playing');

    for (const name of PAGES) {
      await page.getByRole('tab', { name }).tap();
      await page.waitForTimeout(name === 'Session' ? 0 : 600);
      await page.screenshot({ path: join(SHOTS, `tablet-${name.toLowerCase()}.png`) });
    }

    // the pads page is on the first track, Drums: its Drum Rack's pads, named as in Live
    const kick = page.getByRole('button', { name: 'Kick 808, C1' });
    await kick.waitFor({ timeout: 10_000 });
    await expect.poll(() => page.locator('.ls-pads').getAttribute('data-state')).toBe('ready');
    expect(await page.getByRole('status', { name: 'Pads' }).textContent()).toBe('Studio Kit');
    await kick.tap();
    // a row higher in Live: the kick's row leaves, the pads Live then shows come in
    await page.getByRole('button', { name: 'Higher pads' }).tap();
    await expect.poll(() => page.locator('.ls-pads-range').textContent(), { timeout: 10_000 }).toBe('E1–G2');
    await expect.poll(() => kick.count()).toBe(0);
    await page.getByRole('button', { name: 'Crash, C#2' }).waitFor();
    await page.getByRole('radio', { name: 'Bass' }).tap();
    await expect.poll(() => page.locator('.ls-pads').getAttribute('data-state'), { timeout: 10_000 }).toBe('plain');

    setup.bridge.simulator?.process?.kill('SIGKILL');
    await expect.poll(() => connection(page).textContent(), { timeout: 10_000 }).toContain('Live is offline');
    await expect
      .poll(() => connection(page).textContent(), { timeout: 20_000 })
      .toContain('the simulator (as Live 12.3.6)');

    await page.reload();
    await expect.poll(() => connection(page).textContent(), { timeout: 10_000 }).toContain('the simulator');
    expect(errors).toEqual([]);
    await context.close();
  }, 90_000);

  it('fits a phone', async () => {
    const context = await browser.newContext({
      viewport: { width: 390, height: 844 },
      hasTouch: true,
      isMobile: true,
      deviceScaleFactor: 2,
    });
    const page = await context.newPage();
    await page.goto(`${setup.url}/?token=${TOKEN}`);
    await page.getByRole('button', { name: 'Launch Beat A' }).waitFor({ timeout: 10_000 });
    for (const name of PAGES) {
      await page.getByRole('tab', { name }).tap();
      await page.waitForTimeout(600);
      await page.screenshot({ path: join(SHOTS, `phone-${name.toLowerCase()}.png`) });
      // nothing wider than the phone but the pages that scroll sideways on purpose
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, name).toBeLessThanOrEqual(0);
    }
    await context.close();
  }, 60_000);

  it('shows all sixteen pads without scrolling on tablets from 10" to 13"', async () => {
    for (const viewport of [
      { width: 1024, height: 768 },
      { width: 1180, height: 820 },
      { width: 1194, height: 834 },
      { width: 1280, height: 800 },
      { width: 1366, height: 1024 },
    ]) {
      const context = await browser.newContext({ viewport, hasTouch: true, isMobile: true });
      const page = await context.newPage();
      await page.goto(`${setup.url}/?token=${TOKEN}`);
      await page.getByRole('tab', { name: 'Pads' }).tap();
      await page.getByRole('button', { name: 'Kick 808, C1' }).waitFor({ timeout: 10_000 });
      const grid = await page.locator('.ls-pad-grid').boundingBox();
      const label = `${viewport.width}x${viewport.height}`;
      expect(grid, label).not.toBeNull();
      expect((grid?.y ?? 0) + (grid?.height ?? 0), label).toBeLessThanOrEqual(viewport.height);
      // and as large as that allows: no strip of pads a finger can hardly hit
      expect(grid?.height ?? 0, label).toBeGreaterThan(viewport.height * 0.45);
      await context.close();
    }
  }, 60_000);

  it('asks for the address with the token when it has none', async () => {
    const page = await browser.newPage();
    await page.goto(setup.url);
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent(), { timeout: 10_000 })
      .toBe('Open the address livesurface start printed');
    await page.close();
  });
});
