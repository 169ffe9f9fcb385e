/**
 * The README's screenshots (`npm run screenshots`): the app on the simulator's
 * demo set in Debian's Chromium, each page on a tablet (1194x834) and the
 * Session page on a phone (390x844), with a few clips playing so the grid,
 * the meters and the playhead show what they do. Written to docs/screenshots/.
 * Look at every one before committing it.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { BridgeClient } from '../bridge/bridge-client';
import { spawnBridge } from '../bench/bridge-process';
import { buildIfStale } from './build-if-stale.mjs';
import { launchChromium } from '../test/browser/chromium';

const OUT = join(import.meta.dirname, '..', 'docs', 'screenshots');
const TABLET = { width: 1194, height: 834 };
const PHONE = { width: 390, height: 844 };

/** Clips that make the demo set sound like a song: drums, bass, keys, pad (track, scene). */
const PLAYING: [number, number][] = [
  [0, 1],
  [1, 1],
  [2, 2],
  [4, 0],
];

async function settle(page: Page, ms = 1200): Promise<void> {
  await page.waitForTimeout(ms);
}

async function shoot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(OUT, `${name}.png`) });
  console.log(`wrote docs/screenshots/${name}.png`);
}

/** The page builder with a few widgets picked in the object browser; cancelled, so nothing is saved. */
async function shootBuilder(page: Page): Promise<void> {
  await page.getByRole('tab', { name: '+ New page' }).tap();
  await page.getByRole('textbox', { name: 'Page title' }).fill('Bass tweaks');
  const palette = page.getByRole('group', { name: 'Add a widget' });
  const pick = async (kind: string, steps: readonly string[]) => {
    await palette.getByRole('button', { name: kind, exact: true }).tap();
    await page.getByRole('button', { name: 'Browse for a parameter' }).tap();
    const browser = page.getByRole('region', { name: 'Pick a parameter in Live' });
    for (const step of steps) await browser.getByRole('button', { name: step, exact: true }).tap();
  };
  await pick('Knob', ['Bass ›', 'Saturator ›', 'Drive']);
  await pick('Knob', ['Bass ›', 'Saturator ›', 'Output']);
  await pick('Fader', ['Bass ›', 'Mixer ›', 'Volume']);
  await palette.getByRole('button', { name: 'Meter', exact: true }).tap();
  await page.getByRole('button', { name: 'Follow selected track' }).tap();
  await pick('Knob', ['Bass ›', 'Compressor ›']);
  await settle(page);
  await shoot(page, 'builder-tablet');
  await page.getByRole('button', { name: 'Cancel', exact: true }).tap();
}

async function main(): Promise<void> {
  buildIfStale('app');
  mkdirSync(OUT, { recursive: true });
  const bridge = await spawnBridge();
  const client = await BridgeClient.connect(bridge.url, bridge.token);
  const browser = await launchChromium();
  try {
    await client.request({ op: 'set', target: 'live_set tracks 3', prop: 'arm', value: true });
    for (const [track, scene] of PLAYING)
      await client.request({ op: 'call', target: `live_set tracks ${track} clip_slots ${scene}`, fn: 'fire' });
    await client.request({ op: 'call', target: 'live_set', fn: 'start_playing' });
    const url = `${bridge.url}/?token=${bridge.token}`;

    const tablet = await browser.newContext({ viewport: TABLET, hasTouch: true, isMobile: true });
    const page = await tablet.newPage();
    await page.goto(url);
    await page.locator('.ls-clip').first().waitFor();
    await settle(page, 2000);
    await shoot(page, 'session-tablet');
    for (const [tab, name] of [
      ['Mixer', 'mixer-tablet'],
      ['Devices', 'devices-tablet'],
      ['Keys', 'keys-tablet'],
      ['Pads', 'pads-tablet'],
      ['Play', 'play-tablet'],
      ['Mix and tweak', 'layout-tablet'],
    ] as const) {
      await page.getByRole('tab', { name: tab }).tap();
      // the pads of a Drum Rack (the page starts on the armed track, a keyboard's)
      if (tab === 'Pads') await page.getByRole('radio', { name: 'Drums' }).first().tap();
      await settle(page);
      await shoot(page, name);
    }
    await shootBuilder(page);
    await page.getByRole('tab', { name: 'Session' }).tap();
    await page.getByRole('button', { name: 'Edit Bass Build', exact: true }).tap();
    await page.locator('.ls-roll[data-state="ready"]').waitFor({ timeout: 20_000 });
    await settle(page);
    await shoot(page, 'clip-notes-tablet');
    // the clip's automation: the first parameter it automates (a curved filter)
    await page.getByRole('button', { name: 'Automation', exact: true }).tap();
    const automated = page.getByRole('dialog').getByRole('region', { name: 'Automated in this clip' });
    await automated.getByRole('button').first().tap();
    await page.locator('.ls-env[data-state="ready"]').waitFor({ timeout: 10_000 });
    await settle(page);
    await shoot(page, 'clip-automation-tablet');
    await tablet.close();

    const phone = await browser.newContext({ viewport: PHONE, hasTouch: true, isMobile: true });
    const small = await phone.newPage();
    await small.goto(url);
    await small.locator('.ls-clip').first().waitFor();
    await settle(small, 2000);
    await shoot(small, 'session-phone');
    await phone.close();
  } finally {
    await client.request({ op: 'call', target: 'live_set', fn: 'stop_playing' }).catch(() => null);
    await browser.close();
    await client.close();
    await bridge.stop();
  }
}

await main();
