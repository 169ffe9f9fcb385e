/**
 * The Play page in Chromium with touch, on the simulator: the XY pad moves
 * both of the chosen track's parameters in Live; the keyboard beside it
 * plays that track once it is armed (one tap, and the page says so); on a
 * phone the XY pad sits above the keys, on a tablet beside them; the track,
 * the instrument and the XY pad's parameters survive a reload, those of
 * devices in a rack's chains too, and a device deleted from a rack's chain
 * leaves the picker. Screenshots at phone and tablet sizes, both ways up, in
 * test/browser/output/app.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { BridgeClient } from '../../bridge/bridge-client';
import { appOnSimulator } from './app-on-simulator';
import { fingers, pointAlong } from './touch';

const ROOT = join(import.meta.dirname, '..', '..');
const SHOTS = join(ROOT, 'test', 'browser', 'output', 'app');
/** The demo set's Pad track: an Operator (its filter on the XY pad), an Auto Filter and a reverb. */
const PAD_TRACK = 'live_set tracks 4';
/** The demo set's Keys track: an Instrument Rack (chains Electric and Tines, an Operator) and a chorus. */
const KEYS_TRACK = 'live_set tracks 3';
/** The Operator's Filter Freq in the Keys Rack's Tines chain, and the Electric's F Tine Decay in its Electric chain. */
const TINES_FREQ = 'devices 0 chains 1 devices 0 parameters 8';
const TINE_DECAY = 'devices 0 chains 0 devices 0 parameters 6';

const route = (page: Page) => page.getByRole('status', { name: 'Where the notes go' });
const axis = (page: Page, name: 'X (across)' | 'Y (up)') => page.getByRole('combobox', { name });

async function boxOf(page: Page, selector: string) {
  const box = await page.locator(selector).first().boundingBox();
  if (!box) throw new Error(`${selector} is not on the page`);
  return box;
}

/** A parameter's value as a fraction of its range, read from the simulator. */
async function ratioOf(client: BridgeClient, target: string): Promise<number> {
  const read = async (prop: string) => {
    const reply = await client.request({ op: 'get', target, prop });
    if (!reply.ok) throw new Error(`${target} ${prop}: ${reply.error.message}`);
    return reply.result as number;
  };
  const [value, min, max] = [await read('value'), await read('min'), await read('max')];
  return (value - min) / (max - min);
}

describe('the Play page, on the simulator', () => {
  const app = appOnSimulator();
  beforeAll(() => mkdirSync(SHOTS, { recursive: true }));

  async function openPlay(viewport: { width: number; height: number }) {
    const opened = await app.open(viewport, 'Play');
    return opened;
  }

  it('on a tablet: the XY pad moves both parameters in Live, and the keys play the track once it is armed', async () => {
    const { context, page, errors } = await openPlay({ width: 1194, height: 834 });
    await page.getByRole('radio', { name: 'Pad', exact: true }).tap();
    // the Operator's filter, cutoff across and resonance up, as nothing was saved for this track
    await expect.poll(() => axis(page, 'X (across)').inputValue(), { timeout: 10_000 }).toMatch(/^devices 0 /);
    const xPath = await axis(page, 'X (across)').inputValue();
    const yPath = await axis(page, 'Y (up)').inputValue();
    expect(await axis(page, 'X (across)').locator('option:checked').textContent()).toContain('Filter Freq');
    expect(await axis(page, 'Y (up)').locator('option:checked').textContent()).toContain('Filter Res');
    const before = [
      await ratioOf(app.client, `${PAD_TRACK} ${xPath}`),
      await ratioOf(app.client, `${PAD_TRACK} ${yPath}`),
    ];
    expect(before[0]).toBeLessThan(0.8);
    expect(before[1]).toBeLessThan(0.8);

    // side by side: the keys on the left, the XY pad on the right, both down to the screen's foot
    const xy = await boxOf(page, '.ls-play-xy');
    const keys = await boxOf(page, '.ls-play-instrument');
    expect(xy.x).toBeGreaterThan(keys.x + keys.width - 1);
    expect(Math.abs(xy.y - keys.y)).toBeLessThan(2);

    // one finger to the top right: both parameters follow it in Live
    const surface = await boxOf(page, '.ls-xy-surface');
    const touch = await fingers(page);
    await touch.down(1, { x: surface.x + surface.width * 0.5, y: surface.y + surface.height * 0.5 });
    await touch.move(1, { x: surface.x + surface.width * 0.92, y: surface.y + surface.height * 0.08 }, 10);
    await touch.up(1);
    await expect.poll(() => ratioOf(app.client, `${PAD_TRACK} ${xPath}`), { timeout: 5000 }).toBeGreaterThan(0.85);
    await expect.poll(() => ratioOf(app.client, `${PAD_TRACK} ${yPath}`), { timeout: 5000 }).toBeGreaterThan(0.85);

    // no track armed: the page says the notes go nowhere, and one tap arms the Pad track
    await expect.poll(() => route(page).textContent()).toBe('No track is armed: notes go nowhere');
    await page.screenshot({ path: join(SHOTS, 'tablet-play-nowhere.png') });
    await page.getByRole('button', { name: 'Arm Pad' }).tap();
    await expect.poll(() => route(page).textContent(), { timeout: 5000 }).toBe('Plays Pad (armed)');
    expect(await app.client.request({ op: 'get', target: PAD_TRACK, prop: 'arm' })).toMatchObject({ result: true });

    // a key struck lights the Pad track's meter in Live: the note reached it
    const meter = app.client.start({ op: 'observe', target: PAD_TRACK, prop: 'output_meter_level' });
    const levels: number[] = [];
    app.client.onEvent((event) => {
      if (event.ev === 'changes')
        for (const change of event.changes) if (change.obs === meter.id) levels.push(change.value as number);
    });
    await meter.reply;
    await touch.down(2, await pointAlong(page, '.ls-keybed [aria-label="C3"]', 0.9));
    await page.waitForTimeout(150);
    await touch.up(2);
    await expect.poll(() => Math.max(0, ...levels), { timeout: 5000 }).toBeGreaterThan(0.5);
    await page.screenshot({ path: join(SHOTS, 'tablet-play.png') });
    await app.client.request({ op: 'set', target: PAD_TRACK, prop: 'arm', value: false });
    expect(errors).toEqual([]);
    await context.close();
  }, 90_000);

  it('on a phone: the XY pad above the keys, and the track, the pads and the XY parameters survive a reload', async () => {
    const { context, page, errors } = await openPlay({ width: 390, height: 844 });
    await page.getByRole('radio', { name: 'Bass', exact: true }).tap();
    await expect.poll(() => axis(page, 'X (across)').inputValue(), { timeout: 10_000 }).toMatch(/^devices 0 /);
    // another Y: the Saturator's first parameter after Device On
    await axis(page, 'Y (up)').selectOption('devices 1 parameters 1', { timeout: 10_000 });
    const xy = await boxOf(page, '.ls-play-xy');
    const keys = await boxOf(page, '.ls-play-instrument');
    expect(keys.y).toBeGreaterThan(xy.y + xy.height - 1);
    expect(keys.y + keys.height).toBeLessThanOrEqual(844);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    await page.screenshot({ path: join(SHOTS, 'phone-play.png') });

    await page.getByRole('radio', { name: 'Pads', exact: true }).tap();
    await page.locator('.ls-pad-grid').waitFor({ timeout: 10_000 });
    await page.screenshot({ path: join(SHOTS, 'phone-play-pads.png') });
    await page.reload();
    // the app opens on the session again; the Play page is as it was left
    await page.getByRole('tab', { name: 'Play' }).tap();
    await expect
      .poll(() => page.getByRole('radio', { name: 'Bass', exact: true }).getAttribute('aria-checked'), {
        timeout: 10_000,
      })
      .toBe('true');
    expect(await page.getByRole('radio', { name: 'Pads', exact: true }).getAttribute('aria-checked')).toBe('true');
    await page.locator('.ls-pad-grid').waitFor({ timeout: 10_000 });
    await expect.poll(() => axis(page, 'Y (up)').inputValue(), { timeout: 10_000 }).toBe('devices 1 parameters 1');
    expect(errors).toEqual([]);
    await context.close();
  }, 60_000);

  it('fits phones and tablets both ways up, nothing off the screen', async () => {
    for (const [name, viewport] of [
      ['tablet-portrait', { width: 834, height: 1194 }],
      ['phone-landscape', { width: 844, height: 390 }],
      ['tablet-13', { width: 1366, height: 1024 }],
    ] as const) {
      const { context, page, errors } = await openPlay(viewport);
      await page.locator('.ls-keybed').first().waitFor({ timeout: 10_000 });
      await expect.poll(() => page.locator('.ls-xy-surface').count(), { timeout: 10_000 }).toBe(1);
      await page.waitForTimeout(300);
      await page.screenshot({ path: join(SHOTS, `${name}-play.png`) });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, name).toBeLessThanOrEqual(0);
      const xy = await boxOf(page, '.ls-xy-surface');
      expect(xy.width, name).toBeGreaterThan(150);
      expect(xy.height, name).toBeGreaterThan(100);
      expect(errors, name).toEqual([]);
      await context.close();
    }
  }, 60_000);

  // last: it deletes a device from the set
  it('on a tablet: the XY pad moves parameters of devices in a rack’s chains, they survive a reload, and a device deleted from a chain leaves the picker', async () => {
    const { context, page, errors } = await openPlay({ width: 1194, height: 834 });
    // the Keys track's chip (the instrument switch has a Keys too)
    await page.getByRole('radiogroup', { name: 'Track' }).getByRole('radio', { name: 'Keys', exact: true }).tap();
    // the rack's macros to start with, then a device in each of its chains
    await expect.poll(() => axis(page, 'X (across)').inputValue(), { timeout: 10_000 }).toBe('devices 0 parameters 1');
    await axis(page, 'X (across)').selectOption(TINES_FREQ);
    await axis(page, 'Y (up)').selectOption(TINE_DECAY);
    expect(await axis(page, 'X (across)').locator('option:checked').textContent()).toBe('Filter Freq · Tines');
    expect(await axis(page, 'Y (up)').locator('option:checked').textContent()).toBe('F Tine Decay · Electric');
    expect(
      await axis(page, 'X (across)')
        .locator('optgroup')
        .evaluateAll((groups) => groups.map((group) => group.getAttribute('label'))),
    ).toEqual([
      'Mixer',
      'Keys Rack',
      'Keys Rack › Electric › Electric',
      'Keys Rack › Tines › Tines',
      'Chorus-Ensemble',
    ]);
    await page.getByRole('slider', { name: 'Filter Freq' }).waitFor();

    // one finger to the top right: both parameters, deep in the rack, follow it in Live
    const surface = await boxOf(page, '.ls-xy-surface');
    const touch = await fingers(page);
    await touch.down(1, { x: surface.x + surface.width * 0.5, y: surface.y + surface.height * 0.5 });
    await touch.move(1, { x: surface.x + surface.width * 0.95, y: surface.y + surface.height * 0.05 }, 10);
    await touch.up(1);
    await expect
      .poll(() => ratioOf(app.client, `${KEYS_TRACK} ${TINES_FREQ}`), { timeout: 5000 })
      .toBeGreaterThan(0.85);
    await expect
      .poll(() => ratioOf(app.client, `${KEYS_TRACK} ${TINE_DECAY}`), { timeout: 5000 })
      .toBeGreaterThan(0.85);
    await page.screenshot({ path: join(SHOTS, 'tablet-play-racks.png') });

    await page.reload();
    await page.getByRole('tab', { name: 'Play' }).tap();
    await expect.poll(() => axis(page, 'X (across)').inputValue(), { timeout: 10_000 }).toBe(TINES_FREQ);
    expect(await axis(page, 'Y (up)').inputValue()).toBe(TINE_DECAY);
    await page.getByRole('slider', { name: 'F Tine Decay' }).waitFor();

    // the Electric deleted from its chain in Live: its parameters leave the picker, and the Y axis says so
    const deleted = await app.client.request({
      op: 'call',
      target: `${KEYS_TRACK} devices 0 chains 0`,
      fn: 'delete_device',
      args: [0],
    });
    expect(deleted.ok).toBe(true);
    await page
      .getByRole('status')
      .filter({ hasText: 'Y was Keys Rack › Electric › Electric › F Tine Decay, which this track no longer has' })
      .waitFor({ timeout: 10_000 });
    expect(await axis(page, 'X (across)').inputValue()).toBe(TINES_FREQ);
    expect(await axis(page, 'Y (up)').locator('optgroup[label="Keys Rack › Electric › Electric"]').count()).toBe(0);
    await page.screenshot({ path: join(SHOTS, 'tablet-play-racks-deleted.png') });
    expect(errors).toEqual([]);
    await context.close();
  }, 90_000);
});
