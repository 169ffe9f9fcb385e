/**
 * The developers' inspector in the app on the simulator (`?inspect`), in
 * Chromium at a tablet's size: opened from the app bar, it lists every
 * track, slot and mixer parameter by name, recorded from the page's start;
 * a clip slot chosen shows its statechart with its state lit, which follows
 * the clip as Live launches it; the ` key closes it; it opens in a window
 * of its own; `?inspect=stately` opens Stately's inspector. Screenshots in
 * test/browser/output/app.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { TOKEN } from '../support/bridge';
import { appOnSimulator } from './app-on-simulator';

const SHOTS = join(import.meta.dirname, 'output', 'app');
const TABLET = { width: 1194, height: 834 };
/** Drums, slot 1 holds Hats (the demo set). */
const HATS = 'live_set tracks 0 clip_slots 0';

const names = (page: Page) =>
  page.locator('.ls-inspector-tree [role="option"]:not([data-context]) .ls-inspector-name').allTextContents();

/** The ids of the states lit on the chart shown. */
const lit = (page: Page) =>
  page.locator('.ls-chart [data-lit]').evaluateAll((states) => states.map((state) => state.getAttribute('data-state')));

describe('the inspector in the app', () => {
  const app = appOnSimulator();
  beforeAll(() => mkdirSync(SHOTS, { recursive: true }));

  it('lists the actors by name from the start and follows a clip slot on its chart', async () => {
    const { page, context, errors } = await app.open(TABLET, 'Mixer', '&inspect');
    await page.locator('.ls-strip-name').first().waitFor();
    await page.getByRole('button', { name: 'Inspect' }).click();
    const drawer = page.getByRole('complementary', { name: 'Inspector' });
    await drawer.getByRole('listbox', { name: 'Actors' }).waitFor();
    await expect
      .poll(() => names(page), { timeout: 10_000 })
      .toEqual(expect.arrayContaining(['session', 'track:Drums', 'slot:Drums/1', 'parameter:Drums/Track Volume']));
    const all = await names(page);
    expect(all.filter((name) => name.startsWith('slot:')).length).toBeGreaterThanOrEqual(8);
    expect(all.some((name) => /^x:\d+$/.test(name))).toBe(false);

    await drawer.getByRole('searchbox', { name: /Filter actors/ }).fill('slot:drums/1');
    await drawer.getByRole('option', { name: /^slot:Drums\/1\b/ }).click();
    await drawer.getByRole('img', { name: /^Statechart of clipSlot/ }).waitFor({ timeout: 15_000 });
    await expect.poll(() => lit(page)).toContain('clipSlot.ready.play.stopped');
    await page.screenshot({ path: join(SHOTS, 'tablet-inspector-slot.png') });

    // Live launches the clip: the chart follows
    const reply = await app.client.request({ op: 'call', target: HATS, fn: 'fire' });
    expect(reply.ok).toBe(true);
    await expect.poll(() => lit(page), { timeout: 10_000 }).not.toContain('clipSlot.ready.play.stopped');
    expect((await lit(page)).some((id) => id?.startsWith('clipSlot.ready.play.'))).toBe(true);
    await page.screenshot({ path: join(SHOTS, 'tablet-inspector-playing.png') });
    await app.client.request({ op: 'call', target: HATS, fn: 'stop' });

    // the ` key closes it (and opens it again)
    await page.locator('body').press('Backquote');
    await expect.poll(() => drawer.count()).toBe(0);
    await page.keyboard.press('Backquote');
    await expect.poll(() => drawer.count()).toBe(1);

    // in a window of its own, on the same record
    const [popup] = await Promise.all([
      context.waitForEvent('page'),
      drawer.getByRole('button', { name: 'Open in a window' }).click(),
    ]);
    await popup.getByRole('listbox', { name: 'Actors' }).waitFor({ timeout: 10_000 });
    await expect.poll(() => names(popup), { timeout: 10_000 }).toEqual(expect.arrayContaining(['track:Drums']));
    expect(errors).toEqual([]);
    await context.close();
  }, 90_000);

  it('sends every actor to Stately’s inspector with ?inspect=stately', async () => {
    const { browser } = app;
    const context = await browser.newContext({ viewport: TABLET });
    // Stately's inspector (stately.ai/inspect) stood in for by a page that says it is there and keeps what it hears
    await context.route('https://stately.ai/**', (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: `<title>Inspector</title><script>
          window.heard = [];
          window.addEventListener('message', (event) => window.heard.push(event.data && event.data.type));
          window.opener.postMessage({ type: '@statelyai.connected' }, '*');
        </script>`,
      }),
    );
    const page = await context.newPage();
    const [stately] = await Promise.all([
      context.waitForEvent('page', { timeout: 15_000 }),
      page.goto(`${app.setup.url}/?token=${TOKEN}&inspect=stately`),
    ]);
    expect(stately.url()).toContain('stately.ai/inspect');
    await expect
      .poll(() => stately.evaluate(() => (window as unknown as { heard: string[] }).heard), { timeout: 10_000 })
      .toEqual(expect.arrayContaining(['@xstate.actor', '@xstate.snapshot']));
    // the app's own inspector still works beside it
    await page.getByRole('button', { name: 'Inspect' }).waitFor();
    await context.close();
  }, 60_000);

  it('shows no Inspect control without ?inspect, and the ` key does nothing', async () => {
    const { page, context } = await app.open(TABLET, 'Session');
    await page.getByRole('tab', { name: 'Session' }).waitFor();
    expect(await page.getByRole('button', { name: 'Inspect' }).count()).toBe(0);
    await page.keyboard.press('Backquote');
    expect(await page.getByRole('complementary', { name: 'Inspector' }).count()).toBe(0);
    await context.close();
  }, 60_000);
});
