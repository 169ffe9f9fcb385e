/**
 * The example layout (layouts/mix-and-tweak.tsx) as a page of the app on
 * the simulator, in Chromium with touch: its widgets bound by a track's
 * name, a device's name, a path, the selected track, and a track chooser,
 * with the track's meter and clips;
 * a fader dragged moves its parameter in Live, a choice moves the knobs
 * under it to another track, a radio's item tapped sets its parameter, and
 * a track's drum pads, armed in one tap, play it. Screenshots, tablet and
 * phone, in test/browser/output/app.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { JsonValue } from '../../protocol/src/index';
import { appOnSimulator } from './app-on-simulator';
import { centreOf, fingers, pointAlong } from './touch';

const SHOTS = join(import.meta.dirname, 'output', 'app');
const TABLET = { width: 1194, height: 834 };
const PHONE = { width: 390, height: 844 };
/** The demo set's Perc track: a Drum Rack, the Percussion Kit. */
const PERC_TRACK = 'live_set tracks 1';

describe('a layout as a page of the app', () => {
  const app = appOnSimulator();
  beforeAll(() => mkdirSync(SHOTS, { recursive: true }));

  async function get(target: string, prop: string): Promise<JsonValue> {
    const reply = await app.client.request({ op: 'get', target, prop });
    if (!reply.ok) throw new Error(`${target} ${prop}: ${reply.error.message}`);
    return reply.result;
  }

  it('binds every kind of target on the demo set, and moves what it binds', async () => {
    const { page, context, errors } = await app.open(TABLET, 'Mix and tweak');
    const drums = page.getByRole('region', { name: 'Drums' });
    const fader = drums.getByRole('slider', { name: 'Drums', exact: true });
    // by the track's name, relative to it
    await expect.poll(() => fader.getAttribute('aria-disabled'), { timeout: 15_000 }).toBeNull();
    await expect.poll(() => drums.getByRole('slider', { name: 'Reverb' }).getAttribute('aria-valuetext')).toMatch(/dB/);
    // the track's meter and its first clip, the session's own actors
    await drums.getByRole('meter', { name: 'Drums level' }).waitFor();
    await drums.getByRole('button', { name: /Beat A/ }).waitFor({ timeout: 10_000 });
    // by the device's name on the Bass track, relative to the device
    const saturator = page.getByRole('region', { name: 'Saturator' }).first();
    await expect
      .poll(() => saturator.getByRole('slider', { name: 'Drive' }).getAttribute('aria-valuetext'), { timeout: 15_000 })
      .toMatch(/dB/);
    await expect.poll(() => saturator.getByRole('button', { name: 'On' }).getAttribute('aria-pressed')).toBe('true');
    // by an absolute path
    await expect
      .poll(() => page.getByRole('slider', { name: 'Bass comp threshold' }).getAttribute('aria-valuetext'))
      .toMatch(/dB/);
    expect(await page.locator('.ls-layout-unbound').count()).toBe(0);

    // the chooser's choice moves the knobs under it to that track
    const chooser = page.getByRole('region', { name: 'Tweak a track' });
    await chooser.getByRole('radio', { name: 'Keys' }).tap();
    await expect.poll(() => chooser.getByRole('slider', { name: 'Keys pan' }).count()).toBe(1);
    await expect
      .poll(() => chooser.getByRole('slider', { name: 'Keys pan' }).getAttribute('aria-disabled'), { timeout: 10_000 })
      .toBeNull();
    // its keyboard plays the track chosen: the chooser says where the notes go, and arms it in one tap
    const route = chooser.getByRole('status', { name: 'Where the notes go' });
    expect(await route.count()).toBe(1);
    const arm = chooser.getByRole('button', { name: 'Arm Keys' });
    if ((await arm.count()) > 0) await arm.tap();
    await expect.poll(() => route.textContent(), { timeout: 10_000 }).toMatch(/^Plays Keys/);
    await expect.poll(() => get('live_set tracks 3', 'arm')).toBe(true);

    // the Saturator's Type, a row of its items: a tap sets it in Live
    const type = saturator.getByRole('radiogroup', { name: 'Type' });
    await expect
      .poll(() => type.getByRole('radio', { name: 'Medium Curve' }).getAttribute('aria-checked'))
      .toBe('true');
    await type.getByRole('radio', { name: 'Hard Curve' }).tap();
    await expect.poll(() => get('live_set tracks 2 devices 1 parameters 2', 'value'), { timeout: 5000 }).toBe(3);
    await expect.poll(() => type.getByRole('radio', { name: 'Hard Curve' }).getAttribute('aria-checked')).toBe('true');

    // the Perc track's drum pads: its Drum Rack's, armed in one tap, and a pad struck reaches it in Live
    const perc = page.getByRole('region', { name: 'Perc' });
    await expect
      .poll(() => perc.getByRole('status', { name: 'Pads' }).textContent(), { timeout: 10_000 })
      .toBe('Percussion Kit');
    await perc.getByRole('button', { name: 'Arm Perc' }).tap();
    await expect.poll(() => get(PERC_TRACK, 'arm'), { timeout: 5000 }).toBe(true);
    await expect
      .poll(() => perc.getByRole('status', { name: 'Where the notes go' }).textContent())
      .toMatch(/^Plays Perc/);
    const meter = app.client.start({ op: 'observe', target: PERC_TRACK, prop: 'output_meter_level' });
    const levels: number[] = [];
    app.client.onEvent((event) => {
      if (event.ev === 'changes')
        for (const change of event.changes) if (change.obs === meter.id) levels.push(change.value as number);
    });
    await meter.reply;
    const tambourine = 'section[aria-label="Perc"] .ls-pad-grid [aria-label="Tambourine, D#1"]';
    await page.locator(tambourine).scrollIntoViewIfNeeded();
    const strike = await fingers(page);
    await strike.down(2, await pointAlong(page, tambourine, 0.95));
    await page.waitForTimeout(150);
    await strike.up(2);
    await expect.poll(() => Math.max(0, ...levels), { timeout: 5000 }).toBeGreaterThan(0.5);
    // the fader dragged up moves the Drums' volume in Live
    const before = Number(await get('live_set tracks 0 mixer_device volume', 'value'));
    await fader.scrollIntoViewIfNeeded();
    const touch = await fingers(page);
    const centre = await centreOf(page, 'section[aria-label="Drums"] [role="slider"][aria-label="Drums"]');
    await touch.down(1, centre);
    await touch.move(1, { x: centre.x, y: centre.y - 60 }, 8);
    await touch.up(1);
    await expect
      .poll(async () => Number(await get('live_set tracks 0 mixer_device volume', 'value')), { timeout: 5000 })
      .toBeGreaterThan(before);

    await page.screenshot({ path: join(SHOTS, 'tablet-layout-mix-and-tweak.png'), fullPage: true });
    expect(errors).toEqual([]);
    await context.close();
  }, 90_000);

  it('fits a phone', async () => {
    const { page, context, errors } = await app.open(PHONE, 'Mix and tweak');
    await expect
      .poll(() => page.getByRole('slider', { name: 'Drums', exact: true }).getAttribute('aria-disabled'), {
        timeout: 15_000,
      })
      .toBeNull();
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(PHONE.width);
    await page.screenshot({ path: join(SHOTS, 'phone-layout-mix-and-tweak.png') });
    expect(errors).toEqual([]);
    await context.close();
  }, 60_000);
});
