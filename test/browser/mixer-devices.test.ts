/**
 * The Devices and Mixer pages in Chromium with touch, on the simulator:
 * Follow Live follows a selection made in Live (through the bridge), a tap
 * on a device's title selects it in Live, a tap on a strip's name selects
 * its track; a two-value parameter is a switch that toggles in Live; device
 * panels fill the width (two banks side by side on a 13" tablet, a bank in
 * rows of four on a phone); the mixer's sends never run together, and on a
 * phone the row scrolls by touch to the master, whose fader then moves.
 * Screenshots of each page, tablet and phone, both orientations, in
 * test/browser/output/app.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BridgeClient } from '../../bridge/bridge-client';
import type { JsonValue } from '../../protocol/src/index';
import { startTestBridge, TOKEN, type TestBridge } from '../support/bridge';
import { launchChromium } from './chromium';
import { accentPixels, dialPixels, KNOB_OF_SLIDER, themeColor } from './dial-pixels';
import { centreOf, fingers } from './touch';

const ROOT = join(import.meta.dirname, '..', '..');
const SHOTS = join(ROOT, 'test', 'browser', 'output', 'app');
const TABLET = { width: 1194, height: 834 };
const TABLET_13 = { width: 1366, height: 1024 };
const PHONE = { width: 390, height: 844 };

const device = (page: Page, name: string) => page.getByRole('region', { name });

describe('the Devices and Mixer pages on the simulator', () => {
  let setup: TestBridge;
  let browser: Browser;
  let client: BridgeClient;

  async function result(body: Parameters<BridgeClient['request']>[0]): Promise<JsonValue> {
    const reply = await client.request(body);
    if (!reply.ok) throw new Error(`${JSON.stringify(body)}: ${JSON.stringify(reply)}`);
    return reply.result;
  }
  /** The `id N` target of what a path leads to now. */
  async function idOf(path: string): Promise<number> {
    const ref = await result({ op: 'get', target: path });
    if (typeof ref !== 'object' || ref === null || Array.isArray(ref) || typeof ref.$ref !== 'number') {
      throw new Error(`${path} is no object: ${JSON.stringify(ref)}`);
    }
    return ref.$ref;
  }
  const selectedTrack = () => result({ op: 'get', target: 'live_set view', prop: 'selected_track' });
  const refOf = (value: JsonValue): number | null =>
    typeof value === 'object' && value !== null && !Array.isArray(value) && typeof value.$ref === 'number'
      ? value.$ref
      : null;

  async function open(viewport: { width: number; height: number }, tab: string): Promise<Page> {
    const context = await browser.newContext({ viewport, hasTouch: true, isMobile: true, deviceScaleFactor: 2 });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${setup.url}/?token=${TOKEN}`);
    await page.getByRole('tab', { name: tab }).waitFor({ timeout: 15_000 });
    await page.getByRole('tab', { name: tab }).tap();
    return page;
  }

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

  it('follows the track and device Live selects, selects a device from its title, and toggles a switch', async () => {
    const bass = await idOf('live_set tracks 2');
    const saturator = await idOf('live_set tracks 2 devices 1');
    const compressor = await idOf('live_set tracks 2 devices 2');
    await result({
      op: 'set',
      target: 'live_set view',
      prop: 'selected_track',
      value: { $ref: await idOf('live_set tracks 0') },
    });
    const page = await open(TABLET, 'Devices');
    await expect
      .poll(() => page.getByRole('button', { name: 'Follow Live' }).getAttribute('aria-pressed'), { timeout: 10_000 })
      .toBe('true');
    await device(page, 'Studio Kit (Drum Rack)').waitFor({ timeout: 10_000 });

    // Live selects the Bass track, then its Saturator: the page follows both
    await result({ op: 'set', target: 'live_set view', prop: 'selected_track', value: { $ref: bass } });
    await device(page, 'Saturator (Saturator)').waitFor({ timeout: 10_000 });
    expect(await page.getByRole('radio', { name: 'Bass' }).getAttribute('aria-checked')).toBe('true');
    await result({ op: 'call', target: 'live_set view', fn: 'select_device', args: [{ $ref: saturator }] });
    await expect
      .poll(() => device(page, 'Saturator (Saturator)').getAttribute('aria-current'), { timeout: 10_000 })
      .toBe('true');
    // the device's knobs are painted on its dial layer, none as SVG
    const saturatorPanel = device(page, 'Saturator (Saturator)');
    await expect.poll(() => saturatorPanel.locator('.ls-knob[data-painted]').count()).toBe(4);
    expect(await saturatorPanel.locator('.ls-knob svg').count()).toBe(0);
    await page.screenshot({ path: join(SHOTS, 'tablet-devices-following.png') });

    // a tap on the Compressor's title selects it in Live
    const panel = device(page, 'Compressor (Compressor)');
    await panel.getByRole('button', { name: 'Select Compressor in Live' }).tap();
    await expect
      .poll(async () => refOf(await result({ op: 'get', target: `id ${bass} view`, prop: 'selected_device' })), {
        timeout: 10_000,
      })
      .toBe(compressor);
    await expect.poll(() => panel.getAttribute('aria-current'), { timeout: 10_000 }).toBe('true');
    expect(await device(page, 'Saturator (Saturator)').getAttribute('aria-current')).toBeNull();

    // a painted knob at rest follows Live's value: its words, and its arc on the layer
    const thresholdSlider = panel.getByRole('slider', { name: 'Threshold' });
    const threshold = 'section[aria-label="Compressor (Compressor)"] [role="slider"][aria-label="Threshold"]';
    await expect.poll(() => thresholdSlider.getAttribute('aria-valuenow'), { timeout: 10_000 }).toBe('-18');
    const arcBefore = await paintedAccent(page, threshold);
    // (a range across zero lights its arc from 0 dB: from -18 it is a quarter of the sweep, from -70 all but the last)
    await result({ op: 'set', target: `id ${compressor} parameters 1`, prop: 'value', value: -70 });
    await expect.poll(() => thresholdSlider.getAttribute('aria-valuenow'), { timeout: 10_000 }).toBe('-70');
    await expect.poll(() => thresholdSlider.getAttribute('aria-valuetext')).toContain('-70');
    await expect.poll(() => paintedAccent(page, threshold)).toBeGreaterThan(arcBefore * 2);

    // Live's ratio text, and a two-value parameter drawn as a switch that toggles in Live
    await expect
      .poll(() => panel.getByRole('slider', { name: 'Ratio' }).getAttribute('aria-valuetext'), { timeout: 10_000 })
      .toBe('4.00 : 1');
    const makeup = panel.getByRole('button', { name: 'Makeup' });
    expect(await panel.getByRole('slider', { name: 'Makeup' }).count()).toBe(0);
    await expect.poll(() => makeup.getAttribute('aria-pressed')).toBe('false');
    await expect.poll(() => makeup.textContent()).toContain('Off');
    const touch = await fingers(page);
    await touch.down(
      1,
      await centreOf(page, 'section[aria-label="Compressor (Compressor)"] button[aria-label="Makeup"]'),
    );
    await touch.up(1);
    await expect.poll(() => makeup.getAttribute('aria-pressed'), { timeout: 10_000 }).toBe('true');
    await expect.poll(() => makeup.textContent(), { timeout: 10_000 }).toContain('On');
    await expect
      .poll(() => result({ op: 'get', target: 'live_set tracks 2 devices 2 parameters 7', prop: 'value' }))
      .toBe(1);
    await page.screenshot({ path: join(SHOTS, 'tablet-devices-switch.png') });

    // the painted knobs take the theme's colors when it changes (their caps are the theme's surface)
    const ratio = 'section[aria-label="Compressor (Compressor)"] [role="slider"][aria-label="Ratio"]';
    await expect.poll(() => paintedCap(page, ratio)).toEqual(await themeColor(page, '--ls-surface-2'));
    await page.getByRole('button', { name: 'Light' }).tap();
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe('light');
    const light = await themeColor(page, '--ls-surface-2');
    await expect.poll(() => paintedCap(page, ratio)).toEqual(light);
    await page.screenshot({ path: join(SHOTS, 'tablet-devices-light.png') });
    await page.getByRole('button', { name: 'Dark' }).tap();

    // Follow Live off: Live selecting another track leaves the page where it is
    await page.getByRole('button', { name: 'Follow Live' }).tap();
    await result({
      op: 'set',
      target: 'live_set view',
      prop: 'selected_track',
      value: { $ref: await idOf('live_set tracks 3') },
    });
    await page.waitForTimeout(500);
    expect(await page.getByRole('radio', { name: 'Bass' }).getAttribute('aria-checked')).toBe('true');
    // ...and it is kept on this tablet
    await page.reload();
    await page.getByRole('tab', { name: 'Devices' }).tap();
    await expect
      .poll(() => page.getByRole('button', { name: 'Follow Live' }).getAttribute('aria-pressed'), { timeout: 10_000 })
      .toBe('false');
    await page.getByRole('button', { name: 'Follow Live' }).tap();
    await expect
      .poll(() => page.getByRole('radio', { name: 'Keys' }).getAttribute('aria-checked'), { timeout: 10_000 })
      .toBe('true');
    await page.context().close();
  }, 90_000);

  it('fills the width: two banks side by side on a 13" tablet, one on a 11", a bank in rows of four on a phone', async () => {
    await result({
      op: 'set',
      target: 'live_set view',
      prop: 'selected_track',
      value: { $ref: await idOf('live_set tracks 2') },
    });
    for (const [viewport, banks, name] of [
      [TABLET_13, 2, 'fill-tablet13-devices'],
      [TABLET, 1, 'fill-tablet-devices'],
      [{ width: TABLET.height, height: TABLET.width }, 1, 'fill-tablet-portrait-devices'],
      [PHONE, 1, 'fill-phone-devices'],
      [{ width: PHONE.height, height: PHONE.width }, 1, 'fill-phone-landscape-devices'],
    ] as const) {
      const page = await open(viewport, 'Devices');
      const panel = device(page, 'Compressor (Compressor)');
      await panel.getByRole('slider', { name: 'Threshold' }).waitFor({ timeout: 10_000 });
      await expect.poll(() => panel.getByRole('group').count(), { timeout: 5000 }).toBe(banks);
      const box = await panel.boundingBox();
      // as wide as the page leaves it (the page's own padding aside; a phone on its side has the tabs beside it)
      const tabPanel = await page.locator('.ls-tab-panel').boundingBox();
      expect(box?.width ?? 0, name).toBeGreaterThan((tabPanel?.width ?? viewport.width) - 48);
      expect((box?.x ?? 0) + (box?.width ?? 0), name).toBeLessThanOrEqual(viewport.width);
      const rows = await panel
        .getByRole('group')
        .first()
        .locator('.ls-device-cell')
        .evaluateAll((cells) => new Set(cells.map((cell) => Math.round(cell.getBoundingClientRect().top))).size);
      expect(rows, name).toBe(viewport.width < 500 ? 2 : 1);
      // every panel's knobs the same size, whatever its count of banks
      const dials = await page
        .locator('.ls-device .ls-knob-dial')
        .evaluateAll((found) => found.map((dial) => Math.round(dial.getBoundingClientRect().width)));
      expect(Math.max(...dials) - Math.min(...dials), name).toBeLessThanOrEqual(1);
      await panel.scrollIntoViewIfNeeded();
      await page.screenshot({ path: join(SHOTS, `${name}.png`) });
      await page.context().close();
    }
  }, 120_000);

  it('selects a track from a strip name, and keeps every send text apart from the others', async () => {
    const page = await open(TABLET, 'Mixer');
    const keys = page.getByRole('group', { name: 'Keys' });
    await keys.getByRole('button', { name: 'Select Keys in Live' }).tap();
    const keysId = await idOf('live_set tracks 3');
    await expect.poll(async () => refOf(await selectedTrack()), { timeout: 10_000 }).toBe(keysId);
    await expect.poll(() => keys.getAttribute('data-selected'), { timeout: 10_000 }).toBe('true');
    // Live selecting another track moves the outline
    await result({
      op: 'set',
      target: 'live_set view',
      prop: 'selected_track',
      value: { $ref: await idOf('live_set tracks 0') },
    });
    await expect
      .poll(() => page.getByRole('group', { name: 'Drums' }).getAttribute('data-selected'), { timeout: 10_000 })
      .toBe('true');
    await expect.poll(() => page.locator('.ls-strip-sends .ls-knob-value').first().textContent()).toMatch(/dB$/);
    await page.screenshot({ path: join(SHOTS, 'tablet-mixer-selected.png') });
    expect(await overlappingSendTexts(page)).toEqual([]);
    await page.context().close();
  }, 60_000);

  it('scrolls the row by touch to the master on a phone, and moves its fader', async () => {
    const page = await open(PHONE, 'Mixer');
    const row = page.getByRole('region', { name: 'Mixer' });
    const master = page.getByRole('group', { name: 'Main' });
    const fader = master.getByRole('slider', { name: 'Volume' });
    await fader.waitFor({ timeout: 10_000 });
    await expect.poll(() => page.locator('.ls-strip-sends .ls-knob-value').first().textContent()).toMatch(/dB$/);
    expect(await overlappingSendTexts(page)).toEqual([]);
    await page.screenshot({ path: join(SHOTS, 'phone-mixer-start.png') });
    const visible = async () => {
      const box = await master.boundingBox();
      return box !== null && box.x >= 0 && box.x + box.width <= PHONE.width;
    };
    const touch = await fingers(page);
    // swipe left across the faders (pan-x): the row scrolls, the faders do not move
    const drumsBefore = await page
      .getByRole('group', { name: 'Drums' })
      .getByRole('slider', { name: 'Volume' })
      .getAttribute('aria-valuenow');
    for (let swipe = 0; swipe < 12 && !(await visible()); swipe += 1) {
      const start = {
        x: PHONE.width - 60,
        y: (await centreOf(page, '[role="region"][aria-label="Mixer"] [role="slider"][aria-label="Volume"]')).y,
      };
      await touch.down(1, start);
      await touch.move(1, { x: 40, y: start.y }, 10);
      await touch.up(1);
      await page.waitForTimeout(250);
    }
    expect(await visible()).toBe(true);
    expect(await row.evaluate((element) => element.scrollLeft)).toBeGreaterThan(0);
    expect(
      await page
        .getByRole('group', { name: 'Drums' })
        .getByRole('slider', { name: 'Volume' })
        .getAttribute('aria-valuenow'),
    ).toBe(drumsBefore);
    await page.screenshot({ path: join(SHOTS, 'phone-mixer-scrolled.png') });

    // the master's fader, dragged up, moves in Live
    const before = Number(await fader.getAttribute('aria-valuenow'));
    const centre = await centreOf(page, '[role="group"][aria-label="Main"] [role="slider"][aria-label="Volume"]');
    await touch.down(1, centre);
    await touch.move(1, { x: centre.x, y: centre.y - 60 }, 8);
    await touch.up(1);
    await expect
      .poll(async () => Number(await fader.getAttribute('aria-valuenow')), { timeout: 5000 })
      .toBeGreaterThan(before);
    await expect
      .poll(() => result({ op: 'get', target: 'live_set master_track mixer_device volume', prop: 'value' }), {
        timeout: 5000,
      })
      .toBeGreaterThan(before);
    await page.screenshot({ path: join(SHOTS, 'phone-mixer-master.png') });
    await page.context().close();

    const landscape = await open({ width: PHONE.height, height: PHONE.width }, 'Mixer');
    await landscape
      .getByRole('group', { name: 'Drums' })
      .getByRole('slider', { name: 'Volume' })
      .waitFor({ timeout: 10_000 });
    await landscape.waitForTimeout(600);
    expect(await overlappingSendTexts(landscape)).toEqual([]);
    await landscape.screenshot({ path: join(SHOTS, 'phone-landscape-mixer.png') });
    await landscape.context().close();
    const portrait = await open({ width: TABLET.height, height: TABLET.width }, 'Mixer');
    await portrait
      .getByRole('group', { name: 'Drums' })
      .getByRole('slider', { name: 'Volume' })
      .waitFor({ timeout: 10_000 });
    await portrait.waitForTimeout(600);
    await portrait.screenshot({ path: join(SHOTS, 'tablet-portrait-mixer.png') });
    await portrait.context().close();
  }, 90_000);
});

/**
 * Where the text of a send (its name or its value, as drawn: the text's own
 * box, not its element's) meets another send's text or dial, or spills out
 * of its strip: a description of each, none when every text stands apart.
 */
function overlappingSendTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const textBox = (element: Element): DOMRect => {
      const range = document.createRange();
      range.selectNodeContents(element);
      return range.getBoundingClientRect();
    };
    const meet = (a: DOMRect, b: DOMRect): boolean =>
      a.width > 0 &&
      b.width > 0 &&
      a.left < b.right - 0.5 &&
      b.left < a.right - 0.5 &&
      a.top < b.bottom - 0.5 &&
      b.top < a.bottom - 0.5;
    for (const strip of document.querySelectorAll('.ls-mixer-strip')) {
      const name = strip.getAttribute('aria-label');
      const stripBox = strip.getBoundingClientRect();
      const parts = [...strip.querySelectorAll('.ls-strip-sends .ls-knob')].flatMap((knob, index) => [
        {
          what: `send ${index} value "${knob.querySelector('.ls-knob-value')?.textContent}"`,
          box: textBox(knob.querySelector('.ls-knob-value') ?? knob),
          send: index,
        },
        { what: `send ${index} label`, box: textBox(knob.querySelector('.ls-label') ?? knob), send: index },
        {
          what: `send ${index} dial`,
          box: (knob.querySelector('.ls-knob-dial') ?? knob).getBoundingClientRect(),
          send: index,
        },
      ]);
      for (const part of parts) {
        if (part.box.left < stripBox.left - 0.5 || part.box.right > stripBox.right + 0.5) {
          problems.push(`${name}: ${part.what} spills out of the strip`);
        }
        // a value cut short (an ellipsis) is laid out in full beyond its box: its text's box says so
        const element = strip.querySelectorAll('.ls-strip-sends .ls-knob-value')[part.send];
        const shown = element?.getBoundingClientRect();
        if (part.what.includes('value') && element && shown) {
          const cut = part.box.right > shown.right + 0.5 || element.scrollWidth > element.clientWidth + 0.5;
          if (cut) problems.push(`${name}: ${part.what} is cut (${part.box.width.toFixed(1)} px in ${shown.width} px)`);
        }
        for (const other of parts) {
          if (other === part || other.send === part.send) continue;
          if (meet(part.box, other.box)) problems.push(`${name}: ${part.what} meets ${other.what}`);
        }
      }
    }
    return problems;
  });
}

/**
 * The color the dial layer painted on a knob's cap, below its centre (where
 * the pointer never goes: the sweep leaves the bottom open): [r, g, b].
 */
/** How many pixels of the theme's accent (the value's arc) the layer holds in a painted knob's face. */
async function paintedAccent(page: Page, slider: string): Promise<number> {
  const face = await page.locator(slider).locator(KNOB_OF_SLIDER).locator('.ls-knob-face').boundingBox();
  if (!face) throw new Error(`no knob ${slider}`);
  return accentPixels(page, face);
}

async function paintedCap(page: Page, slider: string): Promise<number[]> {
  const face = await page.locator(slider).locator(KNOB_OF_SLIDER).locator('.ls-knob-face').boundingBox();
  if (!face) throw new Error(`no knob ${slider}`);
  const point = { x: face.x + face.width / 2, y: face.y + face.height * 0.62, width: 1, height: 1 };
  const [pixel] = await dialPixels(page, point);
  return pixel ? pixel.slice(0, 3) : [];
}
