/**
 * A user's layouts (the `.tsx` files of a layouts folder outside the
 * project, `--layouts <dir>` or the config directory's) as pages of the
 * built app, on the simulator: the bridge compiles them and the app lists
 * them after the project's own; a knob in one moves its parameter in Live;
 * a file with a mistake shows it on its own page while the others work; a
 * file saved again, or a new one, reaches the open page without a reload.
 */
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JsonValue } from '../../protocol/src/index';
import type { BridgeClient } from '../../bridge/bridge-client';
import { startTestBridge, TOKEN, type TestBridge } from '../support/bridge';
import { launchChromium } from './chromium';
import { centreOf, fingers } from './touch';

const ROOT = join(import.meta.dirname, '..', '..');
const APP_DIR = join(ROOT, 'dist', 'app');
const DRIVE = 'live_set tracks 2 devices 1 parameters 1';

/** A user's layout as the README shows it: the kit by its package name, React for its own state. */
const myKnobs = (words: string) => `import { useState } from 'react';
import { Device, Knob, Layout, Track } from 'livesurface/layouts';

export default function MyKnobs() {
  const [taps, setTaps] = useState(0);
  return (
    <Layout title="My knobs">
      <p className="mine-words">${words}</p>
      <button type="button" onClick={() => setTaps(taps + 1)}>Tapped {taps}</button>
      <Track name="Bass">
        <Device name="Saturator">
          <Knob target="parameters 1" label="My drive" />
        </Device>
      </Track>
    </Layout>
  );
}
`;

/** A user's layouts folder: a layout with a knob, one with a mistake, one copied from the project. */
function userFolder(): string {
  const folder = mkdtempSync(join(tmpdir(), 'livesurface-user-layouts-'));
  writeFileSync(join(folder, 'my-knobs.tsx'), myKnobs('first words'));
  writeFileSync(join(folder, 'broken.tsx'), `export default function Broken() {\n  const size = ;\n}\n`);
  // a file copied from the project as it is: its relative import of the kit works, its tab says it is the user's
  copyFileSync(join(ROOT, 'layouts', 'mix-and-tweak.tsx'), join(folder, 'mix-and-tweak.tsx'));
  return folder;
}

describe("a user's layouts folder, as pages of the built app", () => {
  let folder: string;
  let setup: TestBridge;
  let client: BridgeClient;
  let browser: Browser;
  beforeAll(async () => {
    folder = userFolder();
    setup = await startTestBridge({ appDir: APP_DIR, timeoutMs: 5000, layoutsDir: folder });
    client = await setup.client();
    browser = await launchChromium();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await setup?.close();
    rmSync(folder, { recursive: true, force: true });
  });

  async function get(target: string, prop: string): Promise<JsonValue> {
    const reply = await client.request({ op: 'get', target, prop });
    if (!reply.ok) throw new Error(`${target} ${prop}: ${reply.error.message}`);
    return reply.result;
  }

  it('lists them as tabs, binds their widgets to Live, keeps a mistake on its page, and follows saves', async () => {
    expect(await get(DRIVE, 'name')).toBe('Drive');
    const context = await browser.newContext({
      viewport: { width: 1194, height: 834 },
      hasTouch: true,
      isMobile: true,
    });
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${setup.url}/?token=${TOKEN}`);

    // after the project's own layout, the user's, one tab each
    const tabs = page.getByRole('tab');
    await page.getByRole('tab', { name: 'My knobs' }).waitFor({ timeout: 15_000 });
    const ours = ['Mix and tweak', 'Broken', 'Mix and tweak (yours)', 'My knobs'];
    expect((await tabs.allTextContents()).filter((name) => ours.includes(name))).toEqual(ours);

    // the knob of the user's layout moves Live's parameter, and React state works in it
    await page.getByRole('tab', { name: 'My knobs' }).tap();
    const knob = page.getByRole('slider', { name: 'My drive' });
    await expect.poll(() => knob.getAttribute('aria-disabled'), { timeout: 15_000 }).toBeNull();
    await page.getByRole('button', { name: 'Tapped 0' }).tap();
    await page.getByRole('button', { name: 'Tapped 1' }).waitFor();
    const before = Number(await get(DRIVE, 'value'));
    const touch = await fingers(page);
    const centre = await centreOf(page, '[role="slider"][aria-label="My drive"]');
    await touch.down(1, centre);
    await touch.move(1, { x: centre.x, y: centre.y - 60 }, 8);
    await touch.up(1);
    await expect.poll(async () => Number(await get(DRIVE, 'value')), { timeout: 5000 }).toBeGreaterThan(before);

    // a mistake: on its own page, saying where (tabs clicked from here: a tap right after the drag would be
    // read as the second of a double tap)
    await page.getByRole('tab', { name: 'Broken' }).click();
    const mistake = page.getByRole('alert');
    await expect.poll(() => mistake.textContent(), { timeout: 10_000 }).toContain(`${folder}/broken.tsx has a mistake`);
    expect(await mistake.textContent()).toContain('broken.tsx:2:16: Unexpected ";"');
    // the copy from the project works, the project's own too
    await page.getByRole('tab', { name: 'Mix and tweak (yours)' }).click();
    await expect
      .poll(() => page.getByRole('slider', { name: 'Drums', exact: true }).getAttribute('aria-disabled'), {
        timeout: 15_000,
      })
      .toBeNull();
    expect(await page.getByRole('alert').count()).toBe(0);

    // saved again: the open page shows the new version, the app not reloaded
    await page.getByRole('tab', { name: 'My knobs' }).click();
    await expect.poll(() => page.locator('.mine-words').textContent()).toBe('first words');
    await page.evaluate(() => Object.assign(window, { keptAcrossTheSave: true }));
    writeFileSync(join(folder, 'my-knobs.tsx'), myKnobs('second words'));
    await expect.poll(() => page.locator('.mine-words').textContent(), { timeout: 15_000 }).toBe('second words');
    await expect.poll(() => knob.getAttribute('aria-disabled'), { timeout: 15_000 }).toBeNull();

    // the mistake fixed, and a new file: each reaches the app as it is
    writeFileSync(join(folder, 'broken.tsx'), `export default function Broken() {\n  return <p>mended</p>;\n}\n`);
    writeFileSync(join(folder, 'later.tsx'), `export default () => <p className="later">added later</p>;\n`);
    await page.getByRole('tab', { name: 'Later' }).waitFor({ timeout: 15_000 });
    await page.getByRole('tab', { name: 'Broken' }).click();
    await page.getByText('mended').waitFor({ timeout: 15_000 });
    await page.getByRole('tab', { name: 'Later' }).click();
    await page.getByText('added later').waitFor();
    expect(await page.evaluate(() => (window as unknown as { keptAcrossTheSave?: boolean }).keptAcrossTheSave)).toBe(
      true,
    );

    await page.screenshot({ path: join(ROOT, 'test', 'browser', 'output', 'app', 'tablet-user-layout.png') });
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);
});

describe("a user's layouts folder, with the app from its sources (--dev)", () => {
  let folder: string;
  let setup: TestBridge;
  let browser: Browser;
  beforeAll(async () => {
    folder = userFolder();
    setup = await startTestBridge({ dev: true, timeoutMs: 5000, layoutsDir: folder });
    browser = await launchChromium();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await setup?.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it('serves them too (the bridge answers before Vite, which knows only the project)', async () => {
    const context = await browser.newContext({ viewport: { width: 1194, height: 834 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    // Vite compiles the app's sources on this first visit
    await page.goto(`${setup.url}/?token=${TOKEN}`, { timeout: 120_000 });
    await page.getByRole('tab', { name: 'My knobs' }).click({ timeout: 120_000 });
    await expect
      .poll(() => page.getByRole('slider', { name: 'My drive' }).getAttribute('aria-disabled'), { timeout: 30_000 })
      .toBeNull();
    await page.getByRole('tab', { name: 'Broken' }).click();
    await expect
      .poll(() => page.getByRole('alert').textContent(), { timeout: 30_000 })
      .toContain('broken.tsx:2:16: Unexpected ";"');
    expect(errors).toEqual([]);
    await context.close();
  }, 240_000);
});
