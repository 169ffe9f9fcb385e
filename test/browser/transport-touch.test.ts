/**
 * The transport a musician expects, under real touches in Chromium, on the
 * app and the simulator: at a tablet's size every control in one row, at a
 * phone's the less used ones behind "More". Stop All Clips stops the playing
 * clips; the global quantization chosen reaches Live; Live's undo takes a
 * tempo change back (and says so); Loop switches; the cue buttons and the
 * cue list move the song position; Capture MIDI makes a clip of notes played
 * on an armed track (sent through the bridge's MIDI op); the open clip's
 * launch mode is set from the Clip page's header. What Live has is read back
 * through a second client of the bridge. Screenshots in
 * test/browser/output/transport, every one looked at.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BridgeClient } from '../../bridge/bridge-client';
import type { JsonValue } from '../../protocol/src/index';
import { startTestBridge, TOKEN, type TestBridge } from '../support/bridge';
import { launchChromium } from './chromium';
import { centreOf, fingers } from './touch';

const ROOT = join(import.meta.dirname, '..', '..');
const SHOTS = join(ROOT, 'test', 'browser', 'output', 'transport');
const BAR = '[role="group"][aria-label="Transport"]';
const TEMPO = `${BAR} [role="slider"][aria-label="Tempo"]`;
const POSITION = '[role="timer"][aria-label="Song position"]';

describe('the transport under real touches, on the simulator', () => {
  let setup: TestBridge;
  let browser: Browser;
  let live: BridgeClient;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    setup = await startTestBridge({ appDir: join(ROOT, 'dist', 'app'), timeoutMs: 5000 });
    live = await setup.client();
    browser = await launchChromium();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await setup?.close();
  });

  /** What Live has, asked through the bridge like any client. */
  async function liveValue(target: string, prop: string): Promise<JsonValue> {
    const reply = await live.request({ op: 'get', target, prop });
    if (!reply.ok) throw new Error(`get ${target} ${prop}: ${JSON.stringify(reply)}`);
    return reply.result;
  }

  async function open(viewport: { width: number; height: number }): Promise<{ page: Page; context: BrowserContext }> {
    const context = await browser.newContext({ viewport, hasTouch: true, isMobile: true, deviceScaleFactor: 2 });
    const page = await context.newPage();
    await page.goto(`${setup.url}/?token=${TOKEN}`);
    await page.getByRole('button', { name: 'Launch Beat A' }).waitFor({ timeout: 15_000 });
    await expect
      .poll(() => page.locator(BAR).getAttribute('data-state'), { timeout: 10_000 })
      .toMatch(/stopped|playing/);
    return { page, context };
  }

  const bar = (page: Page) => page.locator(BAR);
  const control = (page: Page, name: string): Locator => bar(page).getByRole('button', { name, exact: true });
  const cellOf = (page: Page, name: string) =>
    page.locator('[data-state]', { has: page.getByRole('button', { name }) });
  const shot = (page: Page, name: string) => page.screenshot({ path: join(SHOTS, `${name}.png`) });

  it('at a tablet’s size: every control in one row, each reaching Live', async () => {
    const { page, context } = await open({ width: 1194, height: 834 });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));

    // one row: the first control and the last stand on the same line, and nothing hides behind "More"
    await expect.poll(() => bar(page).getAttribute('data-layout')).toBe('row');
    const play = await control(page, 'Play').boundingBox();
    const next = await control(page, 'Next Cue').boundingBox();
    expect(Math.abs((play?.y ?? 0) - (next?.y ?? 1))).toBeLessThan(2);
    expect(await bar(page).getByRole('button', { name: 'More' }).count()).toBe(0);
    await shot(page, 'tablet-bar');

    // Stop All Clips: the playing clips stop on the bar, the song plays on
    await page.getByRole('button', { name: 'Launch Congas' }).tap();
    await page.getByRole('button', { name: 'Launch Beat A' }).tap();
    await expect
      .poll(() => cellOf(page, 'Launch Beat A').last().getAttribute('data-state'), { timeout: 10_000 })
      .toBe('playing');
    await expect
      .poll(() => cellOf(page, 'Launch Congas').last().getAttribute('data-state'), { timeout: 10_000 })
      .toBe('playing');
    await control(page, 'Stop All Clips').tap();
    await expect
      .poll(() => cellOf(page, 'Launch Beat A').last().getAttribute('data-state'), { timeout: 10_000 })
      .toBe('stopped');
    await expect.poll(() => cellOf(page, 'Launch Congas').last().getAttribute('data-state')).toBe('stopped');
    expect(await liveValue('live_set', 'is_playing')).toBe(true);

    // the global quantization: Live's names, the choice in Live
    await control(page, 'Quantization: 1 Bar').tap();
    const choices = page.getByRole('listbox', { name: 'Quantization' });
    expect(await choices.getByRole('option').allTextContents()).toHaveLength(14);
    await shot(page, 'tablet-quantization');
    await choices.getByRole('option', { name: '1/4', exact: true }).tap();
    await expect.poll(() => liveValue('live_set', 'clip_trigger_quantization')).toBe(7);
    await expect.poll(() => control(page, 'Quantization: 1/4').count()).toBe(1);

    // a tempo dragged, then Live's undo takes it back and says what it undid
    const touch = await fingers(page);
    const centre = await centreOf(page, TEMPO);
    await touch.down(1, centre);
    await touch.move(1, { x: centre.x, y: centre.y - 40 });
    await touch.up(1);
    await expect.poll(() => liveValue('live_set', 'tempo')).toBe(132);
    await control(page, 'Undo').tap();
    await expect.poll(() => liveValue('live_set', 'tempo')).toBe(122);
    await expect.poll(() => page.locator(TEMPO).getAttribute('aria-valuetext')).toBe('122.00 BPM');
    await expect.poll(() => page.locator('.ls-transport-notice').textContent()).toContain('Undo');
    await shot(page, 'tablet-undo-said');
    await page.getByRole('button', { name: 'Dismiss' }).tap();

    // Loop on and off, in Live; its region as Live writes it
    await control(page, 'Loop').tap();
    await expect.poll(() => liveValue('live_set', 'loop')).toBe(true);
    await expect.poll(() => control(page, 'Loop').getAttribute('aria-pressed')).toBe('true');
    await bar(page)
      .getByRole('button', { name: /^Loop Region/ })
      .tap();
    await page.getByRole('button', { name: 'Loop a Bar Longer' }).tap();
    await expect.poll(() => liveValue('live_set', 'loop_length')).toBe(20);
    await shot(page, 'tablet-loop-region');
    await control(page, 'Loop').tap();
    await expect.poll(() => liveValue('live_set', 'loop')).toBe(false);

    // the cues: stopped, each jump moves the song position at once (playing, Live waits for the grid)
    await control(page, 'Stop').tap();
    await control(page, 'Stop').tap();
    await expect.poll(() => liveValue('live_set', 'is_playing')).toBe(false);
    await expect.poll(() => page.locator(POSITION).textContent()).toBe('1.1.1');
    expect(await control(page, 'Previous Cue').getAttribute('aria-disabled')).toBe('true');
    await control(page, 'Next Cue').tap();
    await expect.poll(() => page.locator(POSITION).textContent()).toBe('9.1.1');
    expect(await liveValue('live_set', 'current_song_time')).toBe(32);
    await control(page, 'Next Cue').tap();
    await expect.poll(() => page.locator(POSITION).textContent()).toBe('17.1.1');
    await expect.poll(() => control(page, 'Next Cue').getAttribute('aria-disabled')).toBe('true');
    await control(page, 'Previous Cue').tap();
    await expect.poll(() => page.locator(POSITION).textContent()).toBe('9.1.1');
    await bar(page).getByRole('button', { name: 'Cue Points (3)' }).tap();
    const cues = page.getByRole('dialog', { name: 'Cue Points' });
    expect(await cues.locator('.ls-cue-name').allTextContents()).toEqual(['Intro', 'Drop', 'Outro']);
    await shot(page, 'tablet-cue-list');
    await cues.getByRole('button', { name: 'Jump to Outro (17.1.1)' }).tap();
    await expect.poll(() => page.locator(POSITION).textContent()).toBe('17.1.1');

    // Capture MIDI: nothing played, nothing to capture; notes on the armed Keys track, then a clip of them
    await expect.poll(() => control(page, 'Capture MIDI').getAttribute('aria-disabled')).toBe('true');
    expect((await live.request({ op: 'set', target: 'live_set tracks 3', prop: 'arm', value: true })).ok).toBe(true);
    for (const note of [60, 64, 67]) {
      live.send({ op: 'midi', messages: [{ type: 'note_on', channel: 0, note, velocity: 100 }] });
      await page.waitForTimeout(150);
      live.send({ op: 'midi', messages: [{ type: 'note_off', channel: 0, note, velocity: 0 }] });
    }
    await expect
      .poll(() => control(page, 'Capture MIDI').getAttribute('aria-disabled'), { timeout: 10_000 })
      .toBeNull();
    // Beat A was launched with Live's "Select on Launch": the Groove scene is selected, where Keys has no clip
    expect(await liveValue('live_set view selected_scene', 'name')).toBe('Groove');
    const keysSlot = 'live_set tracks 3 clip_slots 1';
    expect(await liveValue(keysSlot, 'has_clip')).toBe(false);
    await control(page, 'Capture MIDI').tap();
    await expect.poll(() => liveValue(keysSlot, 'has_clip'), { timeout: 10_000 }).toBe(true);
    const notes = await live.request({ op: 'call', target: `${keysSlot} clip`, fn: 'get_all_notes_extended' });
    expect(notes.ok && Array.isArray(notes.result) ? notes.result.length : 0).toBe(3);
    await expect.poll(() => control(page, 'Capture MIDI').getAttribute('aria-disabled')).toBe('true');
    await shot(page, 'tablet-captured');

    // the Clip page's header: the open clip's launch mode, set in Live
    await page.getByRole('tab', { name: 'Clip' }).tap();
    const mode = page.getByRole('button', { name: /^Launch Mode: / });
    await mode.waitFor({ timeout: 10_000 });
    expect(await mode.getAttribute('aria-label')).toBe('Launch Mode: Trigger');
    await mode.tap();
    await page.getByRole('option', { name: 'Gate', exact: true }).tap();
    await expect.poll(() => page.getByRole('button', { name: 'Launch Mode: Gate' }).count()).toBe(1);
    // the open clip is the one Live selected on launch: Beat A, in Drums' Groove slot
    expect(await liveValue('live_set tracks 0 clip_slots 1 clip', 'launch_mode')).toBe(1);
    await page.getByRole('button', { name: 'Launch Quantization: Global' }).tap();
    await shot(page, 'tablet-clip-launch-quantization');
    await page.getByRole('option', { name: '2 Bars', exact: true }).tap();
    await expect.poll(() => page.getByRole('button', { name: 'Launch Quantization: 2 Bars' }).count()).toBe(1);
    expect(await liveValue('live_set tracks 0 clip_slots 1 clip', 'launch_quantization')).toBe(4);
    await shot(page, 'tablet-clip-header');

    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);

  it('at a phone’s size: the essentials in the bar, the rest in the sheet "More" opens', async () => {
    const { page, context } = await open({ width: 390, height: 844 });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));

    await expect.poll(() => bar(page).getAttribute('data-layout')).toBe('compact');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    expect(await control(page, 'Undo').count()).toBe(0);
    await shot(page, 'phone-bar');

    await control(page, 'More').tap();
    const sheet = page.getByRole('dialog', { name: 'More Transport Controls' });
    await sheet.waitFor();
    const box = await sheet.boundingBox();
    expect((box?.x ?? -1) >= 0 && (box?.x ?? 0) + (box?.width ?? 999) <= 390).toBe(true);
    await shot(page, 'phone-more');

    const wasLooping = await liveValue('live_set', 'loop');
    await sheet.getByRole('button', { name: 'Loop', exact: true }).tap();
    await expect.poll(() => liveValue('live_set', 'loop')).toBe(!wasLooping);

    await sheet.getByRole('button', { name: /^Quantization: / }).tap();
    await page.getByRole('option', { name: '1/8', exact: true }).tap();
    await expect.poll(() => liveValue('live_set', 'clip_trigger_quantization')).toBe(9);

    await sheet.getByRole('button', { name: 'Cue Points (3)' }).tap();
    await shot(page, 'phone-cue-list');
    await page.getByRole('button', { name: 'Jump to Drop (9.1.1)' }).tap();
    await expect.poll(() => page.locator(POSITION).textContent()).toBe('9.1.1');
    // the sheet stays open for the next control; a tap outside it closes it
    await expect.poll(() => sheet.count()).toBe(1);
    const touch = await fingers(page);
    await touch.down(1, { x: 200, y: 830 });
    await touch.up(1);
    await expect.poll(() => sheet.count()).toBe(0);

    expect(errors).toEqual([]);
    await context.close();
  }, 90_000);
});
