/**
 * LiveSurface as a tablet's home-screen app, in Chromium on the built app
 * served by a test bridge over http on 127.0.0.1 (a secure context, where
 * service workers run): the web app manifest and every icon it and the page
 * name; the service worker registered and in control; with the bridge
 * stopped, the app opening from its cache (also at the manifest's start
 * address, on the token it kept), saying the bridge does not answer, and
 * reconnecting by itself once a bridge listens on the port again; the
 * bridge's own addresses never answered by the cache. The page's touch
 * rules (no zoom, selection or pull-to-refresh; fields still selectable).
 * The screen kept awake while Live plays, through the browser's real
 * Screen Wake Lock (headless Chromium has `navigator.wakeLock`). A
 * wrong kept token forgotten or replaced from its screen. Screenshots in
 * test/browser/output/installable.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePorts } from '../../bridge/net';
import { startTestBridge, TOKEN, type TestBridge } from '../support/bridge';
import { launchChromium } from './chromium';

const ROOT = join(import.meta.dirname, '..', '..');
const APP = join(ROOT, 'dist', 'app');
const SHOTS = join(ROOT, 'test', 'browser', 'output', 'installable');
const TABLET = { width: 1194, height: 834 };
const PHONE = { width: 390, height: 844 };

interface ManifestIcon {
  src: string;
  sizes: string;
  type: string;
  purpose?: string;
}

/** A PNG's width and height, from its header. */
function pngSize(data: Buffer): [number, number] {
  expect(data.subarray(1, 4).toString('latin1')).toBe('PNG');
  return [data.readUInt32BE(16), data.readUInt32BE(20)];
}

/** Fetches an image the page names and checks it is a PNG of `size` px. */
async function expectPng(url: string, size: number): Promise<void> {
  const response = await fetch(url);
  expect(response.status, url).toBe(200);
  expect(response.headers.get('content-type'), url).toBe('image/png');
  expect(pngSize(Buffer.from(await response.arrayBuffer())), url).toEqual([size, size]);
}

const heading = (page: Page) => page.getByRole('heading', { level: 1 });
const badge = (page: Page) => page.locator('.ls-connection [role="status"]');
const shot = (page: Page, name: string) => page.screenshot({ path: join(SHOTS, `${name}.png`) });

describe('LiveSurface on a home screen', () => {
  let setup: TestBridge;
  let port: number;
  let browser: Browser;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    const [free] = await freePorts(1);
    port = free ?? 0;
    setup = await startTestBridge({ appDir: APP, port, timeoutMs: 5000 });
    browser = await launchChromium();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await setup?.close();
  });

  async function open(viewport = TABLET): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
    const context = await browser.newContext({ viewport, hasTouch: true, isMobile: true });
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    return { context, page, errors };
  }

  async function online(page: Page): Promise<void> {
    await page.getByRole('button', { name: 'Launch Beat A' }).waitFor({ timeout: 15_000 });
    await expect.poll(() => badge(page).textContent(), { timeout: 15_000 }).toContain('the simulator');
  }

  it('serves a manifest with the names, display, colors and icons a home screen asks for', async () => {
    const { context, page } = await open();
    await page.goto(`${setup.url}/?token=${TOKEN}`);
    const manifestUrl = await page.locator('link[rel="manifest"]').evaluate((link: HTMLLinkElement) => link.href);
    expect(manifestUrl).toBe(`${setup.url}/manifest.webmanifest`);
    const response = await fetch(manifestUrl);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/manifest+json');
    const manifest = (await response.json()) as Record<string, unknown> & { icons: ManifestIcon[] };
    expect(manifest).toMatchObject({
      name: 'LiveSurface',
      short_name: 'LiveSurface',
      display: 'standalone',
      orientation: 'any',
      theme_color: '#17181b',
      background_color: '#17181b',
    });
    expect(manifest.description).toEqual(expect.any(String));
    // the home screen opens the app's root, without the token in its address (the app keeps it)
    expect(new URL(manifest.start_url as string, manifestUrl).href).toBe(`${setup.url}/`);
    expect(new URL(manifest.scope as string, manifestUrl).href).toBe(`${setup.url}/`);

    const icons = manifest.icons.map((icon) => ({ ...icon, purpose: icon.purpose ?? 'any' }));
    const offered = icons.map(({ sizes, purpose }) => `${sizes} ${purpose}`);
    expect(offered).toEqual(expect.arrayContaining(['192x192 any', '512x512 any', '512x512 maskable']));
    for (const icon of icons) {
      expect(icon.type).toBe('image/png');
      const [width, height] = icon.sizes.split('x').map(Number);
      expect(width).toBe(height);
      await expectPng(new URL(icon.src, manifestUrl).href, width ?? 0);
    }
    const favicon = await fetch(`${setup.url}/favicon.ico`);
    expect([favicon.status, favicon.headers.get('content-type')]).toEqual([200, 'image/x-icon']);
    await context.close();
  });

  it("tells iOS and iPadOS the home screen's icons, title and full screen in the page", async () => {
    const { context, page } = await open();
    await page.goto(`${setup.url}/?token=${TOKEN}`);
    const meta = (name: string) => page.locator(`meta[name="${name}"]`).getAttribute('content');
    expect(await meta('apple-mobile-web-app-capable')).toBe('yes');
    expect(await meta('apple-mobile-web-app-title')).toBe('LiveSurface');
    expect(await meta('apple-mobile-web-app-status-bar-style')).toBe('black-translucent');
    expect(await meta('theme-color')).toBe('#17181b');
    expect(await meta('viewport')).toContain('viewport-fit=cover');
    const touchIcons = await page
      .locator('link[rel="apple-touch-icon"]')
      .evaluateAll((links: HTMLLinkElement[]) => links.map((link) => ({ href: link.href, sizes: link.sizes.value })));
    expect(touchIcons.map(({ sizes }) => sizes)).toEqual(['', '167x167', '152x152']);
    for (const { href, sizes } of touchIcons) {
      // one without sizes is the iPhone's 180
      await expectPng(href, sizes ? Number(sizes.split('x')[0]) : 180);
    }
    await expectPng(`${setup.url}/apple-touch-icon.png`, 180);
    await context.close();
  });

  it('is played, not read: no zoom, selection or pull-to-refresh, but in what is typed', async () => {
    const { context, page } = await open();
    await page.goto(`${setup.url}/?token=${TOKEN}`);
    await online(page);
    const style = (selector: string) =>
      page
        .locator(selector)
        .first()
        .evaluate((element) => {
          const { touchAction, userSelect, overscrollBehaviorY } = getComputedStyle(element);
          return { touchAction, userSelect, overscrollBehaviorY };
        });
    expect(await style('html')).toMatchObject({ touchAction: 'pan-x pan-y', overscrollBehaviorY: 'none' });
    expect(await style('body')).toMatchObject({ touchAction: 'pan-x pan-y', overscrollBehaviorY: 'none' });
    expect(await style('.ls-app')).toMatchObject({ touchAction: 'pan-x pan-y', userSelect: 'none' });
    // a field keeps its text selectable (the page builder's, here one added for the check)
    await page.evaluate(() => {
      const field = document.createElement('input');
      field.id = 'typed';
      document.querySelector('.ls-app')?.append(field);
    });
    expect((await style('#typed')).userSelect).not.toBe('none');
    await context.close();
  });

  it('keeps the screen awake while Live plays, and lets it sleep when Live stops', async () => {
    const { context, page, errors } = await open();
    // the browser's real wake locks, watched as the app takes and releases them
    await page.addInitScript(() => {
      const watched = window as unknown as { wakeLocks: WakeLockSentinel[] };
      watched.wakeLocks = [];
      const lock = navigator.wakeLock;
      const request = lock.request.bind(lock);
      lock.request = (type?: WakeLockType) =>
        request(type).then((sentinel) => {
          watched.wakeLocks.push(sentinel);
          return sentinel;
        });
    });
    const held = () =>
      page.evaluate(
        () =>
          (window as unknown as { wakeLocks: WakeLockSentinel[] }).wakeLocks.filter((lock) => !lock.released).length,
      );
    await page.goto(`${setup.url}/?token=${TOKEN}`);
    await online(page);
    expect(await page.evaluate(() => 'wakeLock' in navigator)).toBe(true);
    const bar = page.locator('[role="group"][aria-label="Transport"]');
    await expect.poll(() => bar.getAttribute('data-state')).toBe('stopped');
    expect(await held()).toBe(0);

    await bar.getByRole('button', { name: 'Play', exact: true }).tap();
    await expect.poll(() => bar.getAttribute('data-state')).toBe('playing');
    await expect.poll(held).toBe(1);

    await bar.getByRole('button', { name: 'Stop', exact: true }).tap();
    await expect.poll(() => bar.getAttribute('data-state')).toBe('stopped');
    await expect.poll(held).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  }, 40_000);

  it('replaces or forgets a wrong kept token from the screen that says it is wrong', async () => {
    const { context, page, errors } = await open(PHONE);
    await page.goto(`${setup.url}/?token=not-this-bridges-token-at-all-00`);
    await expect.poll(() => heading(page).textContent()).toBe('This address’s token is not this bridge’s');
    // the home screen's address, without a token: the wrong one was kept
    await page.goto(`${setup.url}/`);
    await expect.poll(() => heading(page).textContent()).toBe('This address’s token is not this bridge’s');
    await page.waitForTimeout(300);
    await shot(page, 'phone-wrong-token-kept');

    await page.getByRole('button', { name: 'Forget this device’s token' }).tap();
    await expect.poll(() => heading(page).textContent()).toBe('Open the address livesurface start printed');
    expect(new URL(page.url()).search).toBe('');
    expect(await page.getByRole('button', { name: 'Forget this device’s token' }).count()).toBe(0);

    await page.getByRole('textbox').fill(TOKEN);
    await page.waitForTimeout(300);
    await shot(page, 'phone-token-typed');
    await page.getByRole('button', { name: 'Open the surface' }).tap();
    await online(page);
    // kept: the home screen's address opens the surface
    await page.goto(`${setup.url}/`);
    await online(page);
    expect(errors).toEqual([]);
    await context.close();
  }, 60_000);

  it('opens from the service worker while the bridge is stopped, says so, and reconnects by itself', async () => {
    const { context, page, errors } = await open();
    await page.goto(`${setup.url}/?token=${TOKEN}`);
    await online(page);
    // registered once the page has loaded; active once it has cached the app; in control of the page
    const worker = await page.evaluate(async () => (await navigator.serviceWorker.ready).active?.scriptURL);
    expect(worker).toBe(`${setup.url}/sw.js`);
    await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
    const swResponse = await fetch(`${setup.url}/sw.js`);
    expect(swResponse.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(swResponse.headers.get('cache-control')).toBe('no-cache');
    const cached = await page.evaluate(async () => {
      const urls: string[] = [];
      for (const name of await caches.keys()) {
        for (const request of await (await caches.open(name)).keys()) urls.push(new URL(request.url).pathname);
      }
      return urls;
    });
    expect(cached).toEqual(expect.arrayContaining(['/index.html', '/manifest.webmanifest', '/icons/icon-192.png']));
    expect(cached.some((url) => /\/assets\/index-[^/]+\.js$/.test(url))).toBe(true);
    // the bridge's answers are never kept, nor the inspector's large graph layout
    expect(cached.filter((url) => /session|health|user-layouts|token|elk-worker/.test(url))).toEqual([]);

    await setup.close();
    const reloaded = await page.reload();
    expect(reloaded?.fromServiceWorker()).toBe(true);
    await expect.poll(() => heading(page).textContent(), { timeout: 10_000 }).toBe('The bridge is not answering');
    await expect
      .poll(() => page.locator('.ls-status-hint').last().textContent())
      .toMatch(/Trying (again in \d+ s\.|now…)/);
    // the home screen's address, without the token: the app from the cache, on the token it kept
    const fromHomeScreen = await page.goto(`${setup.url}/`);
    expect(fromHomeScreen?.fromServiceWorker()).toBe(true);
    await expect.poll(() => heading(page).textContent(), { timeout: 10_000 }).toBe('The bridge is not answering');
    await page.waitForTimeout(600);
    await shot(page, 'tablet-bridge-stopped-from-cache');
    // what the bridge answers itself is never the app from the cache
    const other = await context.newPage();
    await expect(other.goto(`${setup.url}/health`)).rejects.toThrow(/ERR_CONNECTION_REFUSED/);
    await other.close();

    await page.evaluate(() => ((window as unknown as { stayed: boolean }).stayed = true));
    setup = await startTestBridge({ appDir: APP, port, timeoutMs: 5000 });
    await online(page);
    expect(await page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).toBe(true);
    await shot(page, 'tablet-bridge-back');
    expect(errors).toEqual([]);
    await context.close();
  }, 60_000);
});
