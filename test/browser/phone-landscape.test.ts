/**
 * The app on a phone on its side (844×390, touch), on the simulator: the
 * chrome folds into one row along the top (the transport and the connection,
 * the lock and the theme) and a column of page tabs, so the pages get the
 * height: the Pads page shows its four rows of pads whole without
 * scrolling, the Keys page a keybed a hand can play. Every page tab and the
 * transport's play, stop and record stay one tap away and a finger wide;
 * what waits behind "More" or under the connection's dot opens with one tap,
 * and "Unlock editing?" hangs under the row, on the screen. While Live is
 * offline the banner says why over the page, and the Clip tab is still at
 * hand. A phone upright and a tablet keep their rows of chrome. Screenshots
 * of every page in test/browser/output/app (`phone-landscape-*`).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { appOnSimulator } from './app-on-simulator';
import { OUTPUT_DIR } from './storybook';

const SHOTS = join(OUTPUT_DIR, 'app');
const LANDSCAPE = { width: 844, height: 390 };
/** The smallest a control may be under a finger on stage. */
const FINGER = 40;
const PAGES = ['Session', 'Mixer', 'Devices', 'Keys', 'Pads', 'Play', 'Clip'] as const;
const ESSENTIALS = ['Play', 'Stop', 'Arrangement Record', 'Session Record', 'Stop All Clips', 'More'] as const;

async function boxOf(target: Locator, what: string) {
  const box = await target.boundingBox();
  if (!box) throw new Error(`${what} is not shown`);
  return box;
}

/** Wholly on the screen and at least a finger's size. */
async function expectReachable(target: Locator, what: string, viewport = LANDSCAPE) {
  const box = await boxOf(target, what);
  expect(box.width, `${what}'s width`).toBeGreaterThanOrEqual(FINGER);
  expect(box.height, `${what}'s height`).toBeGreaterThanOrEqual(FINGER);
  expect(box.x, what).toBeGreaterThanOrEqual(0);
  expect(box.y, what).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width, what).toBeLessThanOrEqual(viewport.width + 0.5);
  expect(box.y + box.height, what).toBeLessThanOrEqual(viewport.height + 0.5);
}

/** Nothing scrolls: not the document, not the page's panel. */
async function expectNoScrolling(page: Page, what: string) {
  const scroll = await page.evaluate(() => {
    const panel = document.querySelector('.ls-tab-panel');
    return {
      document: document.documentElement.scrollHeight - window.innerHeight,
      across: document.documentElement.scrollWidth - window.innerWidth,
      panel: panel ? panel.scrollHeight - panel.clientHeight : 0,
    };
  });
  expect(scroll.document, `${what}: the document scrolls down`).toBeLessThanOrEqual(0);
  expect(scroll.across, `${what}: the document scrolls across`).toBeLessThanOrEqual(0);
  expect(scroll.panel, `${what}: the page scrolls`).toBeLessThanOrEqual(1);
}

const tab = (page: Page, name: string) => page.getByRole('tab', { name, exact: true });
const transportButton = (page: Page, name: string) =>
  page.getByRole('group', { name: 'Transport' }).getByRole('button', { name, exact: true });

describe('the app on a phone on its side, on the simulator', () => {
  const app = appOnSimulator();
  beforeAll(() => mkdirSync(SHOTS, { recursive: true }));

  it('shows the Pads page’s four rows of pads whole, without scrolling', async () => {
    const { context, page, errors } = await app.open(LANDSCAPE, 'Pads');
    await expect.poll(() => page.locator('.ls-pads').getAttribute('data-state'), { timeout: 10_000 }).toBe('ready');
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(SHOTS, 'phone-landscape-pads.png') });
    const pads = await page.locator('.ls-pad-grid .ls-pad').evaluateAll((elements) =>
      elements.map((element) => {
        const box = element.getBoundingClientRect();
        return { name: element.getAttribute('aria-label') ?? '', top: box.top, bottom: box.bottom, height: box.height };
      }),
    );
    expect(pads).toHaveLength(16);
    expect(new Set(pads.map((pad) => Math.round(pad.top))).size, 'rows of pads').toBe(4);
    for (const pad of pads) {
      expect(pad.top, pad.name).toBeGreaterThanOrEqual(0);
      expect(pad.bottom, pad.name).toBeLessThanOrEqual(LANDSCAPE.height);
      expect(pad.height, pad.name).toBeGreaterThanOrEqual(FINGER);
    }
    await expectNoScrolling(page, 'Pads');
    expect(errors).toEqual([]);
    await context.close();
  }, 60_000);

  it('gives the Keys page a keybed a hand can play', async () => {
    const { context, page, errors } = await app.open(LANDSCAPE, 'Keys');
    await page.locator('.ls-keybed').first().waitFor();
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(SHOTS, 'phone-landscape-keys.png') });
    const frame = await boxOf(page.locator('.ls-keybed-frame').first(), 'the keybed');
    expect(frame.height).toBeGreaterThanOrEqual(170);
    expect(frame.y + frame.height).toBeLessThanOrEqual(LANDSCAPE.height);
    await expectNoScrolling(page, 'Keys');
    expect(errors).toEqual([]);
    await context.close();
  }, 60_000);

  it('keeps every page tab, play, stop and record one tap away and a finger wide', async () => {
    const { context, page, errors } = await app.open(LANDSCAPE);
    await expect.poll(() => page.getByRole('group', { name: 'Transport' }).getAttribute('data-state')).toBe('stopped');
    // the chrome takes one row: the page starts right under the transport
    const panel = await boxOf(page.locator('.ls-tab-panel'), 'the page');
    expect(panel.y, 'the chrome’s height').toBeLessThanOrEqual(60);
    for (const name of ESSENTIALS) await expectReachable(transportButton(page, name), name);
    await expectReachable(page.getByRole('slider', { name: 'Tempo' }), 'the tempo');
    await expectReachable(page.getByRole('button', { name: 'Lock' }), 'the lock');
    await expectReachable(page.locator('.ls-theme-switch'), 'the theme switch');
    for (const name of PAGES) {
      await expectReachable(tab(page, name), `the ${name} tab`);
      await tab(page, name).tap();
      await expect.poll(() => tab(page, name).getAttribute('aria-selected')).toBe('true');
    }
    // a layout's page (layouts/*.tsx) follows the app's own: the tab column scrolls to it
    const layoutTab = tab(page, 'Mix and tweak');
    await layoutTab.scrollIntoViewIfNeeded();
    await expectReachable(layoutTab, 'the Mix and tweak tab');
    await layoutTab.tap();
    await expect.poll(() => layoutTab.getAttribute('aria-selected')).toBe('true');

    // what the bar has no room for waits behind More: the metronome and tap tempo, the loop, undo
    await transportButton(page, 'More').tap();
    const sheet = page.getByRole('dialog', { name: 'More Transport Controls' });
    await sheet.waitFor();
    for (const name of ['Metronome', 'Tap Tempo', 'Loop', 'Undo'])
      await expectReachable(sheet.getByRole('button', { name, exact: true }), `${name} in More`);
    await page.screenshot({ path: join(SHOTS, 'phone-landscape-more.png') });
    await sheet.getByRole('button', { name: 'Metronome', exact: true }).tap();
    await expect
      .poll(() => sheet.getByRole('button', { name: 'Metronome', exact: true }).getAttribute('aria-pressed'))
      .toBe('true');
    await transportButton(page, 'More').tap();
    await sheet.waitFor({ state: 'detached' });

    // the connection shows its dot and round trip; a tap tells the rest
    const text = page.locator('.ls-tabs-aside .ls-connection-text');
    await expect.poll(() => text.textContent(), { timeout: 10_000 }).toContain('LiveSurface Demo');
    expect((await text.boundingBox())?.width ?? 0, 'the set’s name, folded').toBeLessThanOrEqual(1);
    await page.locator('.ls-connection-dot').tap();
    await expect.poll(async () => (await text.boundingBox())?.width ?? 0).toBeGreaterThan(150);
    const told = await boxOf(text, 'the connection’s words');
    expect(told.x).toBeGreaterThanOrEqual(0);
    expect(told.x + told.width).toBeLessThanOrEqual(LANDSCAPE.width);
    await page.screenshot({ path: join(SHOTS, 'phone-landscape-status.png') });
    await tab(page, 'Session').tap();
    await expect.poll(async () => (await text.boundingBox())?.width ?? 0).toBeLessThanOrEqual(1);

    // the lock: its padlock alone, lit when locked; "Unlock editing?" hangs under the row, on the screen
    const lock = page.getByRole('button', { name: 'Lock', exact: true });
    await expect.poll(() => lock.isEnabled(), { timeout: 10_000 }).toBe(true);
    await lock.tap();
    const locked = page.getByRole('button', { name: 'Locked', exact: true });
    await locked.waitFor({ timeout: 5000 });
    await expectReachable(locked, 'the lock, locked');
    await locked.tap();
    const ask = page.getByRole('group', { name: 'Unlock editing?' });
    await ask.waitFor();
    await expectReachable(ask.getByRole('button', { name: 'Unlock', exact: true }), 'Unlock');
    await expectReachable(ask.getByRole('button', { name: 'Keep locked' }), 'Keep locked');
    await page.screenshot({ path: join(SHOTS, 'phone-landscape-unlock.png') });
    await ask.getByRole('button', { name: 'Unlock', exact: true }).tap();
    await lock.waitFor({ timeout: 5000 });
    expect(errors).toEqual([]);
    await context.close();
  }, 90_000);

  it('lays out every page in the height it has', async () => {
    const { context, page, errors } = await app.open(LANDSCAPE);
    for (const name of PAGES) {
      await tab(page, name).tap();
      await page.waitForTimeout(name === 'Session' ? 300 : 1200);
      await page.screenshot({ path: join(SHOTS, `phone-landscape-page-${name.toLowerCase()}.png`) });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, name).toBeLessThanOrEqual(0);
      // the chrome never scrolls away: the page scrolls inside its panel
      const scroll = await page.evaluate(() => document.documentElement.scrollHeight - window.innerHeight);
      expect(scroll, name).toBeLessThanOrEqual(0);
      // the clip editor's tools stand down the side: the notes keep the height (under two rows of tools, 130 px)
      if (name === 'Clip') {
        const notes = await boxOf(page.locator('.ls-roll-notes'), 'the notes');
        expect(notes.height, 'the notes’ height').toBeGreaterThanOrEqual(200);
        expect(notes.y + notes.height).toBeLessThanOrEqual(LANDSCAPE.height);
      }
    }
    expect(errors).toEqual([]);
    await context.close();
  }, 90_000);

  it('says why over the page while Live is offline, the tabs and the connection still at hand', async () => {
    const { context, page, errors } = await app.open(LANDSCAPE, 'Pads');
    await expect.poll(() => page.locator('.ls-pads').getAttribute('data-state'), { timeout: 10_000 }).toBe('ready');
    await app.setup.bridge.simulator?.stop();
    const banner = page.locator('.ls-offline-banner');
    await expect.poll(() => banner.textContent(), { timeout: 10_000 }).toContain('Live is offline');
    await page.waitForTimeout(900);
    await page.screenshot({ path: join(SHOTS, 'phone-landscape-offline.png') });
    const over = await boxOf(banner, 'the banner');
    expect(over.y + over.height).toBeLessThanOrEqual(LANDSCAPE.height);
    // the Clip page keeps its edits while Live is away: its tab is still one tap away
    await expectReachable(tab(page, 'Clip'), 'the Clip tab');
    await tab(page, 'Clip').tap();
    await expect.poll(() => banner.textContent(), { timeout: 10_000 }).toContain('Your edits here wait');
    await app.setup.bridge.simulator?.start();
    await expect.poll(() => banner.count(), { timeout: 20_000 }).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  }, 60_000);

  it('keeps the rows of chrome on a phone upright and on a tablet', async () => {
    for (const viewport of [
      { width: 390, height: 844 },
      { width: 1194, height: 834 },
    ]) {
      const { context, page, errors } = await app.open(viewport);
      const name = `${viewport.width}×${viewport.height}`;
      await expect
        .poll(() => page.getByRole('group', { name: 'Transport' }).getAttribute('data-state'))
        .toBe('stopped');
      const tops = await page
        .getByRole('tab')
        .evaluateAll((tabs) => tabs.map((element) => Math.round(element.getBoundingClientRect().top)));
      // the tabs in one row under the transport, the page under them
      expect(new Set(tops).size, name).toBe(1);
      const bar = await boxOf(page.locator('.ls-app-bar'), 'the transport’s bar');
      expect(tops[0] ?? 0, name).toBeGreaterThanOrEqual(bar.y + bar.height);
      const panel = await boxOf(page.locator('.ls-tab-panel'), 'the page');
      expect(panel.x, name).toBeLessThan(20);
      expect(await page.locator('.ls-connection-text').isVisible(), name).toBe(true);
      expect(errors, name).toEqual([]);
      await context.close();
    }
  }, 60_000);
});
