/**
 * The app the bridge serves, in Chromium at a tablet's size with touch: it
 * connects with the session token and shows which Live is in use, and that
 * Live went offline and came back.
 */
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestBridge, TOKEN, type TestBridge } from '../support/bridge';
import { launchChromium } from './chromium';

const ROOT = join(import.meta.dirname, '..', '..');

describe('the app in a browser', () => {
  let setup: TestBridge;
  let browser: Browser;

  beforeAll(async () => {
    setup = await startTestBridge({ appDir: join(ROOT, 'dist', 'app'), timeoutMs: 5000 });
    browser = await launchChromium();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await setup?.close();
  });

  it('shows the simulator in use, then Live offline and back', async () => {
    const context = await browser.newContext({ viewport: { width: 1024, height: 768 }, hasTouch: true, isMobile: true });
    const page = await context.newPage();
    await page.goto(`${setup.url}/?token=${TOKEN}`);
    const status = page.getByRole('status');
    await expect.poll(() => status.textContent(), { timeout: 10_000 }).toContain('the simulator (as Live 12.3.6), set “LiveSurface Demo”');
    expect(await page.locator('main').getAttribute('data-live')).toBe('online');
    await page.screenshot({ path: join(ROOT, 'test', 'browser', 'output', 'app-status.png') });

    setup.bridge.simulator?.process?.kill('SIGKILL');
    await expect.poll(() => status.textContent(), { timeout: 10_000 }).toContain('Live is offline');
    await expect.poll(() => status.textContent(), { timeout: 20_000 }).toContain('the simulator (as Live 12.3.6)');

    await page.reload();
    await expect.poll(() => status.textContent(), { timeout: 10_000 }).toContain('the simulator');
    await context.close();
  }, 60_000);

  it('asks for the address with the token when it has none', async () => {
    const page = await browser.newPage();
    await page.goto(setup.url);
    await expect.poll(() => page.getByRole('status').textContent(), { timeout: 10_000 }).toContain('Open the address livesurface start printed');
    await page.close();
  });
});
