/**
 * Presence between two tablets, in Chromium with touch, on one bridge and
 * the simulator: each names itself and picks a color in its list of
 * tablets; each sees the other there with its color, its page and its
 * round trip, and itself marked; B opening another page is seen by A at
 * once; a reload keeps a tablet's name and color; the bridge's /health
 * lists both. Screenshots in test/browser/output/app (`presence-*`); a
 * phone on its side shows the list too.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestBridge, TOKEN, type TestBridge } from '../support/bridge';
import { launchChromium } from './chromium';

const ROOT = join(import.meta.dirname, '..', '..');
const SHOTS = join(ROOT, 'test', 'browser', 'output', 'app');
const TABLET = { width: 1194, height: 834 };
const PHONE_LANDSCAPE = { width: 844, height: 390 };

describe('presence between tablets, in a browser', () => {
  let setup: TestBridge;
  let browser: Browser;
  const errors: string[] = [];

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    setup = await startTestBridge({ appDir: join(ROOT, 'dist', 'app'), timeoutMs: 5000 });
    browser = await launchChromium();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await setup?.close();
  });

  async function tablet(viewport = TABLET): Promise<Page> {
    const context = await browser.newContext({ viewport, hasTouch: true, isMobile: true });
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${setup.url}/?token=${TOKEN}`);
    await page.getByRole('tab', { name: 'Session' }).waitFor();
    return page;
  }

  const tabletsButton = (page: Page): Locator => page.getByRole('button', { name: /^Tablets/ });
  const list = (page: Page): Locator => page.getByRole('list', { name: 'Connected tablets' });
  const row = (page: Page, name: string): Locator =>
    list(page)
      .getByRole('listitem')
      .filter({ has: page.locator('.ls-tablets-name', { hasText: name }) });

  async function openList(page: Page): Promise<void> {
    if ((await tabletsButton(page).getAttribute('aria-expanded')) !== 'true') await tabletsButton(page).tap();
    await page.getByRole('dialog', { name: 'Tablets' }).waitFor();
  }

  async function nameItself(page: Page, name: string, color: string): Promise<void> {
    await openList(page);
    const field = page.getByRole('textbox', { name: 'Name' });
    await field.fill(name);
    await field.press('Enter');
    await page.getByRole('radio', { name: color }).tap();
  }

  it('shows each tablet the other, with its name, color, page and round trip; a page change is seen at once', async () => {
    const a = await tablet();
    const b = await tablet();
    // before naming itself, each is "Tablet N" after the bridge's number for it
    await openList(a);
    await expect.poll(() => row(a, 'Tablet').count()).toBe(2);

    await nameItself(a, 'Alice', 'Green');
    await nameItself(b, 'Bob', 'Violet');
    await expect.poll(() => tabletsButton(a).textContent()).toContain('2');

    // A sees Bob, in violet, on the Session page, with his round trip; and itself first, marked
    const bob = row(a, 'Bob');
    await bob.waitFor();
    await expect.poll(() => bob.textContent()).toMatch(/Session.*\d+\.\d ms/);
    expect(await bob.locator('.ls-tablets-swatch').evaluate((swatch) => getComputedStyle(swatch).backgroundColor)).toBe(
      'rgb(110, 86, 207)',
    );
    const first = list(a).getByRole('listitem').first();
    expect(await first.textContent()).toMatch(/^Alicethis tablet/);
    await expect.poll(() => row(b, 'Alice').textContent()).toMatch(/Session.*\d+\.\d ms/);
    expect(
      await row(b, 'Alice')
        .locator('.ls-tablets-swatch')
        .evaluate((s) => getComputedStyle(s).backgroundColor),
    ).toBe('rgb(70, 167, 88)');

    // B opens the Mixer: A's list says so, while it is open
    await b.keyboard.press('Escape');
    await b.getByRole('tab', { name: 'Mixer' }).tap();
    await expect.poll(() => bob.textContent(), { timeout: 5000 }).toContain('Mixer');
    await a.waitForTimeout(300);
    await a.screenshot({ path: join(SHOTS, 'presence-list-alice.png') });
    await openList(b);
    await b.waitForTimeout(300);
    await b.screenshot({ path: join(SHOTS, 'presence-list-bob.png') });

    // the bridge lists both, with their pages, for whoever has the token
    const health = (await (await fetch(`${setup.url}/health?token=${TOKEN}`)).json()) as {
      clients: { name: string | null; page: string | null }[];
    };
    expect(health.clients.map((client) => [client.name, client.page])).toEqual(
      expect.arrayContaining([
        ['Alice', 'session'],
        ['Bob', 'mixer'],
      ]),
    );

    // a reload keeps the name and color
    await a.reload();
    await openList(a);
    await expect.poll(() => list(a).getByRole('listitem').first().textContent()).toMatch(/^Alicethis tablet/);
    expect(await a.getByRole('radio', { name: 'Green' }).isChecked()).toBe(true);
    await expect.poll(() => row(b, 'Alice').count()).toBe(1);

    // B leaves: A's list has only Alice
    await b.context().close();
    await expect.poll(() => row(a, 'Bob').count(), { timeout: 5000 }).toBe(0);
    await expect.poll(() => tabletsButton(a).textContent()).toContain('1');
    await a.context().close();
    expect(errors).toEqual([]);
  }, 60_000);

  it('shows the list on a phone on its side, hanging from the top row, on the screen', async () => {
    const a = await tablet(PHONE_LANDSCAPE);
    const other = await tablet();
    await nameItself(other, 'Carol', 'Orange');
    await nameItself(a, 'Dan', 'Teal');
    const box = await tabletsButton(a).boundingBox();
    expect(box?.width ?? 0).toBeGreaterThanOrEqual(40);
    expect(box?.height ?? 0).toBeGreaterThanOrEqual(40);
    await row(a, 'Carol').waitFor();
    const panel = await a.getByRole('dialog', { name: 'Tablets' }).boundingBox();
    if (!panel) throw new Error('the list is not shown');
    expect(panel.x).toBeGreaterThanOrEqual(0);
    expect(panel.x + panel.width).toBeLessThanOrEqual(PHONE_LANDSCAPE.width);
    expect(panel.y + panel.height).toBeLessThanOrEqual(PHONE_LANDSCAPE.height);
    await a.waitForTimeout(300);
    await a.screenshot({ path: join(SHOTS, 'presence-phone-landscape.png') });
    await a.context().close();
    await other.context().close();
    expect(errors).toEqual([]);
  }, 60_000);
});
