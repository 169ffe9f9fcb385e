/**
 * The perform lock in the app, in Chromium with touch, on the simulator: one
 * tablet locks, the other shows it locked at once; a structural edit is then
 * refused by the bridge; unlocking asks first (Keep locked changes nothing),
 * and every tablet sees it unlocked. Screenshots in test/browser/output/app.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BridgeClient } from '../../bridge/bridge-client';
import { startTestBridge, TOKEN, type TestBridge } from '../support/bridge';
import { launchChromium } from './chromium';

const ROOT = join(import.meta.dirname, '..', '..');
const SHOTS = join(ROOT, 'test', 'browser', 'output', 'app');

describe('the perform lock in a browser, on the simulator', () => {
  let setup: TestBridge;
  let browser: Browser;
  let client: BridgeClient;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    setup = await startTestBridge({ appDir: join(ROOT, 'dist', 'app'), timeoutMs: 5000 });
    client = await setup.client();
    browser = await launchChromium();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await setup?.close();
  });

  async function tablet(): Promise<Page> {
    const context = await browser.newContext({
      viewport: { width: 1194, height: 834 },
      hasTouch: true,
      isMobile: true,
    });
    const page = await context.newPage();
    await page.goto(`${setup.url}/?token=${TOKEN}`);
    await page.getByRole('button', { name: 'Lock', exact: true }).waitFor({ timeout: 15_000 });
    return page;
  }

  it('locks every tablet from one, refuses structural edits, and unlocks only after a yes', async () => {
    const stage = await tablet();
    const side = await tablet();
    await expect.poll(() => stage.getByRole('button', { name: 'Lock', exact: true }).isEnabled()).toBe(true);
    await stage.getByRole('button', { name: 'Lock', exact: true }).tap();
    await side.getByRole('button', { name: 'Locked', exact: true }).waitFor({ timeout: 5000 });
    await side.screenshot({ path: join(SHOTS, 'tablet-locked.png') });

    const refused = await client.request({ op: 'call', target: 'live_set', fn: 'create_scene', args: [-1] });
    expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden' } });

    // a stray tap on the other tablet asks first; "Keep locked" changes nothing
    await side.getByRole('button', { name: 'Locked', exact: true }).tap();
    await side.getByRole('group', { name: 'Unlock editing?' }).waitFor();
    await side.screenshot({ path: join(SHOTS, 'tablet-unlock-asked.png') });
    await side.getByRole('button', { name: 'Keep locked' }).tap();
    await side.getByRole('button', { name: 'Locked', exact: true }).waitFor();
    await side.getByRole('button', { name: 'Locked', exact: true }).tap();
    await side.getByRole('button', { name: 'Unlock', exact: true }).tap();
    await stage.getByRole('button', { name: 'Lock', exact: true }).waitFor({ timeout: 5000 });
    const allowed = await client.request({ op: 'call', target: 'live_set', fn: 'create_scene', args: [-1] });
    expect(allowed.ok).toBe(true);
    const scenes = await client.request({ op: 'get', target: 'live_set', prop: 'scenes' });
    if (scenes.ok && Array.isArray(scenes.result)) {
      await client.request({ op: 'call', target: 'live_set', fn: 'delete_scene', args: [scenes.result.length - 1] });
    }
    await stage.context().close();
    await side.context().close();
  }, 60_000);
});
