/**
 * The clip's automation in the app, in Chromium with touch, on the
 * simulator: a clip's curved envelope shown as Live has it, a parameter
 * chosen from the list, a freehand stroke and a ramp drawn with a finger,
 * the parameter switched, Live's undo; each checked against what the
 * simulator's clip holds, and the envelope the editor only looked at left
 * exactly as it was. Screenshots (tablet and phone) are left in
 * test/browser/output/app.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BridgeClient } from '../../bridge/bridge-client';
import type { RequestBody } from '../../bridge/script-requests';
import { AutomatableParameters, EnvelopeReading, type JsonValue } from '../../protocol/src/index';
import { startTestBridge, TOKEN, type TestBridge } from '../support/bridge';
import { launchChromium } from './chromium';
import { fingers, type Finger } from './touch';

const ROOT = join(import.meta.dirname, '..', '..');
const SHOTS = join(ROOT, 'test', 'browser', 'output', 'app');
const BASS_BUILD = 'live_set tracks 2 clip_slots 3 clip'; // its filter frequency is automated with curves
const CURVED = 'live_set tracks 2 devices 0 parameters 10';
const VOLUME = 'live_set tracks 2 mixer_device volume';
const PAD = 10; // the lane's inner padding: max is drawn 10 px below its top, min 10 px above its bottom

interface Lane {
  left: number;
  top: number;
  height: number;
  startBeat: number;
  pxPerBeat: number;
}

async function lane(page: Page): Promise<Lane> {
  const surface = page.locator('.ls-env-surface');
  const box = await surface.boundingBox();
  if (!box) throw new Error('no automation lane on the page');
  const number = async (name: string) => Number(await surface.getAttribute(`data-${name}`));
  return {
    left: box.x,
    top: box.y,
    height: box.height,
    startBeat: await number('start-beat'),
    pxPerBeat: await number('px-per-beat'),
  };
}

/** The point of a beat and a fraction of the parameter's range on the lane. */
const at = (view: Lane, beat: number, fraction: number): Finger => ({
  x: view.left + (beat - view.startBeat) * view.pxPerBeat,
  y: view.top + PAD + (1 - fraction) * (view.height - 2 * PAD),
});

describe('the clip automation editor in a browser, on the simulator', () => {
  let setup: TestBridge;
  let browser: Browser;
  let client: BridgeClient;

  async function request(body: RequestBody): Promise<JsonValue> {
    const reply = await client.request(body);
    if (!reply.ok) throw new Error(reply.error.message);
    return reply.result;
  }

  async function idOf(path: string): Promise<string> {
    const ref = (await request({ op: 'get', target: path })) as { $ref: number };
    return `id ${ref.$ref}`;
  }

  async function reading(parameter: string, end = 16): Promise<EnvelopeReading> {
    const clip = await idOf(BASS_BUILD);
    return EnvelopeReading.parse(
      await request({ op: 'read_envelope', target: clip, parameter, start: 0, end, step: 1 / 16 }),
    );
  }

  /** Live's envelope once it stops changing (the strokes on their way have landed). */
  async function settled(parameter: string): Promise<EnvelopeReading> {
    let last = JSON.stringify(await reading(parameter));
    for (let tries = 0; tries < 50; tries += 1) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      const now = JSON.stringify(await reading(parameter));
      if (now === last) return EnvelopeReading.parse(JSON.parse(now));
      last = now;
    }
    throw new Error('the envelope kept changing');
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

  it.each([
    ['tablet', { width: 1194, height: 834 }],
    ['phone', { width: 390, height: 844 }],
  ])(
    'draws freehand and a ramp by touch, switches parameter and undoes with Live (%s)',
    async (size, viewport) => {
      const curved = await idOf(CURVED);
      const volume = await idOf(VOLUME);
      const clip = await idOf(BASS_BUILD);
      const listed = AutomatableParameters.parse(await request({ op: 'envelope_parameters', target: clip }));
      const volumeName = listed.groups[0]?.parameters[0]?.name ?? 'Track Volume';
      const curvedBefore = JSON.stringify(await reading(curved));
      // a clean start for the volume: what an earlier run drew goes
      await request({ op: 'erase_envelope', target: clip, parameter: volume });

      const context = await browser.newContext({ viewport, hasTouch: true, isMobile: true });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      await page.goto(`${setup.url}/?token=${TOKEN}`);
      const edit = page.getByRole('button', { name: 'Edit Bass Build' });
      await edit.waitFor({ timeout: 15_000 });
      await edit.tap();
      await expect.poll(() => page.locator('.ls-roll').getAttribute('data-state'), { timeout: 15_000 }).toBe('ready');

      // Automation: the list opens at once, the curved filter first among what is automated
      await page.getByRole('button', { name: 'Automation', exact: true }).tap();
      const picker = page.getByRole('dialog');
      await picker.waitFor({ timeout: 5000 });
      const automated = picker.getByRole('region', { name: 'Automated in this clip' });
      await expect.poll(() => automated.getByRole('button').count(), { timeout: 5000 }).toBeGreaterThan(0);
      await page.screenshot({ path: join(SHOTS, `${size}-automation-picker.png`) });
      await automated.getByRole('button').first().tap();
      await expect.poll(() => page.locator('.ls-env').getAttribute('data-state'), { timeout: 5000 }).toBe('ready');
      await page.waitForTimeout(300);
      await page.screenshot({ path: join(SHOTS, `${size}-automation-curved.png`) });

      // the track's volume, which has no automation yet
      await page
        .getByRole('button', { name: /Choose the parameter|›/ })
        .first()
        .tap();
      await picker.waitFor({ timeout: 5000 });
      await picker.getByRole('searchbox', { name: 'Filter parameters' }).fill(volumeName);
      await picker
        .getByRole('button', { name: new RegExp(volumeName) })
        .first()
        .tap();
      await expect.poll(() => page.locator('.ls-env').getAttribute('data-state'), { timeout: 5000 }).toBe('ready');

      // freehand: a rise over the first two bars, a finger move per frame
      let view = await lane(page);
      const hand = await fingers(page);
      const beats = Math.min(
        8,
        view.startBeat + ((page.viewportSize()?.width ?? 400) - view.left) / view.pxPerBeat - 0.5,
      );
      await hand.down(1, at(view, 0.05, 0.2));
      const moves = 40;
      for (let step = 1; step <= moves; step += 1) {
        const beat = 0.05 + ((beats - 0.1) * step) / moves;
        await hand.move(1, at(view, beat, 0.2 + (0.6 * step) / moves), 1);
      }
      await page.screenshot({ path: join(SHOTS, `${size}-automation-drawing.png`) });
      await hand.up(1);
      await expect.poll(async () => (await reading(volume)).exists, { timeout: 5000 }).toBe(true);
      await expect
        .poll(async () => (await reading(volume)).samples.find((s) => s.time >= beats / 2)?.value ?? 0, {
          timeout: 5000,
        })
        .toBeGreaterThan(0.35);
      const drawn = await settled(volume);
      const early = drawn.samples.find((s) => s.time >= 0.25)?.value ?? 0;
      const late = drawn.samples.find((s) => s.time >= beats - 0.5)?.value ?? 0;
      expect(late).toBeGreaterThan(early + 0.3);

      // a ramp down from the middle to the end of the drawn range
      await page.getByRole('radio', { name: /Ramp/ }).tap();
      view = await lane(page);
      await hand.down(1, at(view, beats / 2, 1));
      // a quick stroke: the tap on Undo after it must not be taken for the end of a fling
      await hand.move(1, at(view, beats - 0.25, 0), 10);
      await hand.up(1);
      await expect
        .poll(async () => (await reading(volume)).samples.find((s) => s.time >= beats - 0.5)?.value ?? 1, {
          timeout: 5000,
        })
        .toBeLessThan(0.15);
      await page.waitForTimeout(300);
      await page.screenshot({ path: join(SHOTS, `${size}-automation-ramp.png`) });

      // Live's undo takes the ramp back, and only the ramp
      const undo = page.locator('.ls-clip-page').getByRole('button', { name: 'Undo' });
      await expect.poll(() => undo.isEnabled(), { timeout: 5000 }).toBe(true);
      await undo.tap();
      await expect
        .poll(async () => JSON.stringify((await reading(volume)).samples), { timeout: 5000 })
        .toBe(JSON.stringify(drawn.samples));

      // back to the curved filter: only looked at, it is exactly as it was
      await page
        .getByRole('button', { name: /Choose the parameter|›/ })
        .first()
        .tap();
      await picker.getByRole('region', { name: 'Automated in this clip' }).getByRole('button').first().tap();
      await expect.poll(() => page.locator('.ls-env').getAttribute('data-state'), { timeout: 5000 }).toBe('ready');
      expect(JSON.stringify(await reading(curved))).toBe(curvedBefore);
      // and the notes are where they were
      await page.getByRole('button', { name: 'Notes', exact: true }).tap();
      await expect.poll(() => page.locator('.ls-roll').getAttribute('data-state'), { timeout: 5000 }).toBe('ready');
      expect(errors).toEqual([]);
      await request({ op: 'erase_envelope', target: clip, parameter: volume });
      await context.close();
    },
    90_000,
  );
});
