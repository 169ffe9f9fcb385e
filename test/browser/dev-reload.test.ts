/**
 * `livesurface start --dev`: the bridge serves the app through Vite's dev
 * server. A layout file written into layouts/ becomes a page, a save of it
 * reaches the open page without a reload, a syntax error shows on that
 * layout's page alone (the others go on), and its fix loads again; the
 * bridge and the simulator keep running throughout (the same process, the
 * same set). The layout written is removed after.
 */
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestBridge, TOKEN, type TestBridge } from '../support/bridge';
import { launchChromium } from './chromium';

const ROOT = join(import.meta.dirname, '..', '..');
const NAME = `zz-hot-${process.pid}`;
const FILE = join(ROOT, 'layouts', `${NAME}.tsx`);
const TAB = `Zz hot ${process.pid}`;

const layout = (words: string) => `import { Layout, Track, Knob } from '../ui/layouts';

export default function Hot() {
  return (
    <Layout title="Hot">
      <p className="hot-words">${words}</p>
      <Track name="Drums">
        <Knob target="mixer_device panning" label="Drums pan" />
      </Track>
    </Layout>
  );
}
`;

describe('the app from its sources (--dev)', () => {
  let setup: TestBridge;
  let browser: Browser;
  beforeAll(async () => {
    writeFileSync(FILE, layout('first words'));
    setup = await startTestBridge({ dev: true, timeoutMs: 5000 });
    browser = await launchChromium();
  }, 60_000);
  afterAll(async () => {
    rmSync(FILE, { force: true });
    await browser?.close();
    await setup?.close();
  });

  const words = (page: Page) => page.locator('.hot-words').textContent();

  it('shows a layout saved into layouts/ at once, and keeps a mistake in it on its page', async () => {
    const simulator = setup.bridge.simulator;
    const context = await browser.newContext({ viewport: { width: 1194, height: 834 }, hasTouch: true });
    const page = await context.newPage();
    // Vite compiles the app's sources on this first visit
    await page.goto(`${setup.url}/?token=${TOKEN}`, { timeout: 120_000 });
    await page.getByRole('tab', { name: TAB }).click({ timeout: 120_000 });
    await expect.poll(() => words(page), { timeout: 30_000 }).toBe('first words');
    await expect
      .poll(() => page.getByRole('slider', { name: 'Drums pan' }).getAttribute('aria-disabled'), { timeout: 30_000 })
      .toBeNull();

    // saved again: the page changes without a reload (what the page holds survives)
    await page.evaluate(() => Object.assign(window, { keptAcrossTheSave: true }));
    writeFileSync(FILE, layout('second words'));
    await expect.poll(() => words(page), { timeout: 30_000 }).toBe('second words');
    expect(await page.evaluate(() => (window as unknown as { keptAcrossTheSave?: boolean }).keptAcrossTheSave)).toBe(
      true,
    );

    // a syntax error: shown on this layout's page, the other pages work
    writeFileSync(FILE, layout('third words').replace('</Layout>', '</Layout'));
    const mistake = page.getByRole('alert').filter({ hasText: `The layout layouts/${NAME}.tsx has a mistake` });
    await expect.poll(() => mistake.count(), { timeout: 30_000 }).toBe(1);
    await page.getByRole('tab', { name: 'Mixer' }).click();
    await page.locator('.ls-strip-name').first().waitFor({ timeout: 30_000 });
    await page.getByRole('tab', { name: TAB }).click();

    // fixed: the layout loads again, on the same bridge and simulator
    writeFileSync(FILE, layout('fixed words'));
    await expect.poll(() => words(page), { timeout: 30_000 }).toBe('fixed words');
    expect(setup.bridge.simulator).toBe(simulator);
    expect(setup.bridge.upstream.online).toBe(true);
    await page.screenshot({ path: join(ROOT, 'test', 'browser', 'output', 'app', 'tablet-layout-hot.png') });
    await context.close();
  }, 240_000);
});
