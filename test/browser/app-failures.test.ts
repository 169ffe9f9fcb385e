/**
 * The app when things go wrong, in Chromium with touch at a phone's and a
 * tablet's size: Live offline (the pages dim and take no touch under a
 * banner saying why; the Clip page stays usable; all comes back without a
 * reload), the bridge gone and back on its port, and the failure screens:
 * no token, a wrong token, too many wrong tokens, a bridge that does not
 * answer, one that refuses the page's connection, one of another protocol.
 * And the theme switch: it names the theme it switches to, and the theme
 * survives a reload. Screenshots in test/browser/output/app-failures.
 */
import { mkdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocketServer } from 'ws';
import { freePorts } from '../../bridge/net';
import { rawDataText } from '../../bridge/raw-data';
import { serveApp } from '../../bridge/static-files';
import { startTestBridge, TOKEN, type TestBridge } from '../support/bridge';
import { launchChromium } from './chromium';

const ROOT = join(import.meta.dirname, '..', '..');
const APP = join(ROOT, 'dist', 'app');
const SHOTS = join(ROOT, 'test', 'browser', 'output', 'app-failures');

const SIZES = [
  { name: 'phone', viewport: { width: 390, height: 844 }, deviceScaleFactor: 2 },
  { name: 'tablet', viewport: { width: 1194, height: 834 }, deviceScaleFactor: 1 },
] as const;
type Size = (typeof SIZES)[number];

const badge = (page: Page) => page.locator('.ls-connection [role="status"]');
const banner = (page: Page) => page.locator('.ls-offline-banner');
const tabPage = (page: Page) => page.locator('.ls-tab-page');
const shot = (page: Page, name: string) => page.screenshot({ path: join(SHOTS, `${name}.png`) });

async function open(browser: Browser, size: Size, url: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    viewport: size.viewport,
    deviceScaleFactor: size.deviceScaleFactor,
    hasTouch: true,
    isMobile: true,
  });
  const page = await context.newPage();
  await page.goto(url);
  return { context, page };
}

async function online(page: Page): Promise<void> {
  await expect.poll(() => badge(page).textContent(), { timeout: 20_000 }).toContain('the simulator (as Live 12.3.6)');
  await expect.poll(() => banner(page).count()).toBe(0);
  expect(await tabPage(page).getAttribute('inert')).toBeNull();
}

/** Clicks a button hears (none when the page is inert), after a real touch on it. */
async function clicksFromATouch(page: Page, name: string): Promise<number> {
  const button = page.getByRole('button', { name, exact: true });
  await button.evaluate((element: HTMLElement & { clicks?: number }) => {
    element.clicks = 0;
    element.addEventListener('click', () => (element.clicks = (element.clicks ?? 0) + 1));
  });
  const box = await button.boundingBox();
  if (!box) throw new Error(`${name} is not on the page`);
  await page.touchscreen.tap(box.x + box.width / 2, box.y + box.height / 2);
  await page.waitForTimeout(300);
  return button.evaluate((element: HTMLElement & { clicks?: number }) => element.clicks ?? 0);
}

/** A server that serves the app but plays a bridge that fails one way. */
type FakeBridge = 'another-protocol' | 'refuses-sockets' | 'not-a-bridge';

async function fakeBridge(kind: FakeBridge): Promise<{ url: string; close: () => Promise<void> }> {
  const sockets = new WebSocketServer({ noServer: true });
  const server: Server = createServer((request, response) => {
    if ((request.url ?? '').startsWith('/session')) {
      response.writeHead(kind === 'not-a-bridge' ? 404 : 204).end();
      return;
    }
    void serveApp(APP, request, response);
  });
  server.on('upgrade', (request, socket, head) => {
    if (kind !== 'another-protocol') {
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
      return;
    }
    sockets.handleUpgrade(request, socket, head, (ws) => {
      ws.on('message', (data) => {
        const hello = JSON.parse(rawDataText(data)) as { id: number }[] | { id: number };
        const id = Array.isArray(hello) ? hello[0]?.id : hello.id;
        const error = { code: 'bad_request', message: 'this bridge speaks protocol 2, not 1' };
        ws.send(JSON.stringify({ id, ok: false, error }));
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        sockets.close();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

let browser: Browser;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  browser = await launchChromium();
}, 60_000);

afterAll(async () => {
  await browser?.close();
});

describe('the app while Live or the bridge is away', () => {
  let setup: TestBridge;
  let port: number;

  beforeAll(async () => {
    const [free] = await freePorts(1);
    port = free ?? 0;
    setup = await startTestBridge({ appDir: APP, port, timeoutMs: 5000 });
  }, 60_000);

  afterAll(async () => {
    await setup?.close();
  });

  it.each(SIZES)(
    'dims the pages and takes no touch while Live is offline, says why, keeps the Clip page usable, and comes back ($name)',
    async (size) => {
      const { context, page } = await open(browser, size, `${setup.url}/?token=${TOKEN}`);
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      await page.getByRole('button', { name: 'Launch Beat A' }).waitFor({ timeout: 10_000 });
      await online(page);
      // a clip open in the editor, for the Clip page later
      await page.getByRole('button', { name: 'Edit Beat A' }).tap();
      await page.locator('.ls-clip-page canvas').first().waitFor({ timeout: 10_000 });
      await page.getByRole('tab', { name: 'Session' }).tap();
      await page.evaluate(() => ((window as unknown as { stayed: boolean }).stayed = true));

      await setup.bridge.simulator?.stop();
      await expect
        .poll(() => banner(page).textContent(), { timeout: 10_000 })
        .toContain('Live is offline — reconnecting…');
      expect(await banner(page).textContent()).toContain(
        'The simulator stopped; the bridge is starting it again. Your changes are not sent.',
      );
      expect(await tabPage(page).getAttribute('inert')).toBe('');
      expect(await page.locator('.ls-app-bar').getAttribute('inert')).toBe('');
      // what is lit is dimmed (after the banner's moment)
      await expect
        .poll(() =>
          page
            .locator('.ls-tab-page > *')
            .first()
            .evaluate((element) => getComputedStyle(element).opacity),
        )
        .toBe('0.4');
      expect(await clicksFromATouch(page, 'Launch Beat A')).toBe(0);
      await shot(page, `${size.name}-live-offline-session`);

      // the Clip page keeps its edits until Live is back: usable, and the banner says so
      await page.getByRole('tab', { name: 'Clip' }).tap();
      await expect.poll(() => banner(page).textContent(), { timeout: 10_000 }).toContain('Your edits here wait');
      expect(await tabPage(page).getAttribute('inert')).toBeNull();
      await page.waitForTimeout(800);
      await shot(page, `${size.name}-live-offline-clip`);

      await setup.bridge.simulator?.start();
      await page.getByRole('tab', { name: 'Session' }).tap();
      await online(page);
      expect(await clicksFromATouch(page, 'Launch Beat A')).toBe(1);
      expect(await page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).toBe(true);
      await shot(page, `${size.name}-back-online`);
      expect(errors).toEqual([]);
      await context.close();
    },
    60_000,
  );

  it('says the bridge is not answering and when it tries again, and comes back without a reload', async () => {
    const pages = await Promise.all(SIZES.map((size) => open(browser, size, `${setup.url}/?token=${TOKEN}`)));
    for (const { page } of pages) {
      await online(page);
      await page.evaluate(() => ((window as unknown as { stayed: boolean }).stayed = true));
      // the pages not yet shown come once the session has had its moment: the Clip page among them
      await expect
        .poll(
          () =>
            page.evaluate(() =>
              performance.getEntriesByType('resource').some((entry) => /\/ClipPage-[^/]*\.js$/.test(entry.name)),
            ),
          { timeout: 10_000 },
        )
        .toBe(true);
    }
    await setup.close();
    for (const [index, { page }] of pages.entries()) {
      await expect
        .poll(() => banner(page).textContent(), { timeout: 10_000 })
        .toContain('The bridge is not answering — reconnecting…');
      await expect.poll(() => banner(page).textContent(), { timeout: 10_000 }).toMatch(/Trying (again in \d+ s|now)/);
      expect(await tabPage(page).getAttribute('inert')).toBe('');
      await page.waitForTimeout(800);
      await shot(page, `${SIZES[index]?.name}-bridge-away`);
      // the Clip page, never opened before, opens without the bridge
      await page.getByRole('tab', { name: 'Clip' }).tap();
      await page.locator('.ls-clip-page').waitFor({ timeout: 5000 });
      expect(await page.getByText('Opening the clip editor…').count()).toBe(0);
      await shot(page, `${SIZES[index]?.name}-bridge-away-clip`);
      await page.getByRole('tab', { name: 'Session' }).tap();
    }
    setup = await startTestBridge({ appDir: APP, port, timeoutMs: 5000 });
    for (const { context, page } of pages) {
      await online(page);
      expect(await page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).toBe(true);
      await context.close();
    }
  }, 60_000);

  it.each(SIZES)(
    'names the theme it switches to, and keeps it after a reload ($name)',
    async (size) => {
      const { context, page } = await open(browser, size, `${setup.url}/?token=${TOKEN}`);
      await online(page);
      await page.getByRole('button', { name: 'Light', exact: true }).tap();
      expect(await page.locator('.ls-app').getAttribute('data-theme')).toBe('light');
      await page.getByRole('button', { name: 'Dark', exact: true }).waitFor();
      await page.reload();
      await online(page);
      expect(await page.locator('.ls-app').getAttribute('data-theme')).toBe('light');
      expect(await page.getByRole('button', { name: 'Dark', exact: true }).count()).toBe(1);
      await page.waitForTimeout(600);
      await shot(page, `${size.name}-light-theme`);
      await context.close();
    },
    30_000,
  );
});

describe('the failure screens', () => {
  let setup: TestBridge;

  beforeAll(async () => {
    setup = await startTestBridge({ appDir: APP, timeoutMs: 5000 });
  }, 60_000);

  afterAll(async () => {
    await setup?.close();
  });

  /** The screen's heading, once it shows. */
  const heading = (page: Page) => page.getByRole('heading', { level: 1 });

  it.each(SIZES)('without a token, in the theme, says where to find the address ($name)', async (size) => {
    const { context, page } = await open(browser, size, setup.url);
    await expect
      .poll(() => heading(page).textContent(), { timeout: 10_000 })
      .toBe('Open the address livesurface start printed');
    // styled: the card on the theme's background
    expect(await page.locator('.ls-status').getAttribute('data-theme')).toBe('dark');
    expect(await page.locator('.ls-status-card').evaluate((card) => getComputedStyle(card).borderTopWidth)).toBe('6px');
    await shot(page, `${size.name}-no-token`);
    await context.close();
  });

  it.each(SIZES)("with a wrong token, says it is not this bridge's and what to open ($name)", async (size) => {
    const { context, page } = await open(browser, size, `${setup.url}/?token=not-this-bridges-token-at-all-00`);
    await expect
      .poll(() => heading(page).textContent(), { timeout: 10_000 })
      .toBe('This address’s token is not this bridge’s');
    expect(await page.getByRole('alert').textContent()).toContain(
      'Open the address livesurface start printed, or scan its QR code again.',
    );
    await shot(page, `${size.name}-wrong-token`);
    await context.close();
  });

  it('after too many wrong tokens from this device, says so, counts down, and connects once the bridge listens again', async () => {
    // wrong tokens from this address until the bridge makes it wait several seconds
    for (let guess = 0; ; guess += 1) {
      const response = await fetch(`${setup.url}/session?token=guess-${guess}-aaaaaaaaaaaaaaaaaaaa`);
      const waitS = Number(response.headers.get('retry-after'));
      if (response.status === 429 && waitS >= 4) break;
      if (response.status === 429) await new Promise((resolve) => setTimeout(resolve, waitS * 1000));
    }
    const { context, page } = await open(browser, SIZES[0], `${setup.url}/?token=${TOKEN}`);
    await expect
      .poll(() => heading(page).textContent(), { timeout: 10_000 })
      .toBe('Too many wrong tokens came from this device');
    await expect.poll(() => page.locator('.ls-status-hint').last().textContent()).toMatch(/Trying again in \d+ s\./);
    await shot(page, 'phone-too-many-guesses');
    await expect.poll(() => badge(page).textContent(), { timeout: 30_000 }).toContain('the simulator');
    await context.close();
  }, 60_000);

  it.each([
    ['not-a-bridge', 'The bridge is not answering', 'unreachable'],
    ['refuses-sockets', 'The bridge does not let this page connect', 'socket-refused'],
    ['another-protocol', 'This page and the bridge are of different versions', 'incompatible'],
  ] as const)(
    'a bridge that fails this way: %s',
    async (kind, title, name) => {
      const bridge = await fakeBridge(kind);
      try {
        for (const size of SIZES) {
          const { context, page } = await open(browser, size, `${bridge.url}/?token=${TOKEN}`);
          await expect.poll(() => heading(page).textContent(), { timeout: 10_000 }).toBe(title);
          if (kind === 'another-protocol') {
            expect(await page.getByRole('alert').textContent()).toContain(
              'The bridge says: this bridge speaks protocol 2, not 1',
            );
            await page.getByRole('button', { name: 'Reload' }).waitFor();
          } else {
            await expect
              .poll(() => page.locator('.ls-status-hint').last().textContent())
              .toMatch(/Trying (again in \d+ s\.|now…)/);
          }
          await shot(page, `${size.name}-${name}`);
          await context.close();
        }
      } finally {
        await bridge.close();
      }
    },
    40_000,
  );
});
