/**
 * The drum pads under real fingers in Chromium (the Interactive story: the
 * real drum pads machine on the fake studio's Drum Rack): two pads held at
 * once, one struck at its top edge and one at its bottom edge, a finger
 * roll on one pad, note repeat on a held pad, and everything let go. What
 * is asserted is the MIDI the studio received.
 *
 * Then the Pads page of the app on the simulator: one track choice, whose
 * Drum Rack the pads show and where their notes go once it is armed (one
 * tap); names that wrap only between words; note repeat, the chosen track
 * and a plain grid's row across a reload; pads that fill the page on
 * tablets and phones, both ways up (screenshots in test/browser/output/app).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { MidiMessage } from '../../protocol/src/index';
import { appOnSimulator } from './app-on-simulator';
import { midiSent, OUTPUT_DIR, storybookForTests } from './storybook';
import { fingers, pointAlong } from './touch';

const pad = (name: string) => `.ls-pad-grid [aria-label="${name}"]`;

const describeNote = (message: MidiMessage): string =>
  message.type === 'note_on' || message.type === 'note_off' ? `${message.type} ${message.note}` : message.type;

describe('the drum pads under real fingers', () => {
  const storybook = storybookForTests();

  it('plays two pads at once by where they are struck, rolls on one pad, repeats a held pad, and leaves no note on', async () => {
    const { page, context, errors } = await storybook.open('instruments-pads--interactive');
    const state = () => page.getByTestId('actor-state').textContent();
    // the story's own play function has run: silent, with note repeat on at 1/32
    await expect.poll(state, { timeout: 10_000 }).toBe('source.bound.ready, notes.silent, repeat.on.waiting');
    await page.getByRole('button', { name: 'Repeat' }).tap();
    await expect.poll(state).toBe('source.bound.ready, notes.silent, repeat.off');
    const before = (await midiSent(page)).length;
    const touch = await fingers(page);

    // a kick at its top edge and a snare at its bottom edge, held together
    await touch.down(1, await pointAlong(page, pad('Kick, C1'), 0.05));
    await touch.down(2, await pointAlong(page, pad('Snare, D1'), 0.95));
    await expect.poll(() => page.locator('.ls-pad-grid [aria-pressed="true"]').count()).toBe(2);
    await touch.up(2);
    await touch.up(1);

    // a roll: a second finger on the clap strikes it again; it ends when the last lifts
    const clap = await pointAlong(page, pad('Clap, D#1'), 0.5);
    await touch.down(3, clap);
    await touch.down(4, { x: clap.x + 10, y: clap.y + 10 });
    await touch.up(3);
    await touch.up(4);
    await expect.poll(state).toBe('source.bound.ready, notes.silent, repeat.off');

    // note repeat: a closed hat held for a while strikes on its own every 1/32
    await page.getByRole('button', { name: 'Repeat' }).tap();
    await touch.down(5, await pointAlong(page, pad('Hat Closed, F1'), 0.5));
    await expect.poll(state).toBe('source.bound.ready, notes.playing, repeat.on.pulsing');
    await page.waitForTimeout(600);
    await touch.up(5);
    await expect.poll(state).toBe('source.bound.ready, notes.silent, repeat.on.waiting');
    const afterRepeat = (await midiSent(page)).length;
    await page.waitForTimeout(300);
    expect((await midiSent(page)).length).toBe(afterRepeat);

    const midi = (await midiSent(page)).slice(before);
    const notes = midi.filter((message) => message.type === 'note_on' || message.type === 'note_off');
    expect(notes.slice(0, 4).map(describeNote)).toEqual(['note_on 36', 'note_on 38', 'note_off 38', 'note_off 36']);
    const [kick, snare] = notes
      .slice(0, 2)
      .map((message) => (message.type === 'note_on' ? message.velocity : Number.NaN));
    expect(kick).toBeLessThan(20);
    expect(snare).toBeGreaterThan(110);
    expect(notes.slice(4, 8).map(describeNote)).toEqual(['note_on 39', 'note_off 39', 'note_on 39', 'note_off 39']);
    const hats = notes.slice(8).filter((message) => message.type === 'note_on');
    // 600 ms at 120 BPM is about nine 1/32 steps; a loaded machine may run a few late
    expect(hats.length).toBeGreaterThanOrEqual(4);
    expect(hats.every((message) => message.note === 41)).toBe(true);

    const balance = new Map<number, number>();
    for (const message of notes) {
      if (message.type !== 'note_on' && message.type !== 'note_off') continue;
      balance.set(message.note, (balance.get(message.note) ?? 0) + (message.type === 'note_on' ? 1 : -1));
    }
    expect([...balance.values()].every((count) => count === 0)).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  }, 90_000);
});

const SHOTS = join(OUTPUT_DIR, 'app');
/** The demo set's Perc track: a Drum Rack, "Percussion Kit". */
const PERC_TRACK = 'live_set tracks 1';

const route = (page: Page) => page.getByRole('status', { name: 'Where the notes go' });
const padsState = (page: Page) => page.locator('.ls-pads').getAttribute('data-state');

describe('the Pads page, on the simulator', () => {
  const app = appOnSimulator();
  beforeAll(() => mkdirSync(SHOTS, { recursive: true }));

  async function openPads(viewport: { width: number; height: number }) {
    const opened = await app.open(viewport, 'Pads');
    await opened.page.locator('.ls-pad-grid').waitFor();
    return opened;
  }

  it('has one track choice: its Drum Rack on the pads, and its notes once it is armed', async () => {
    const { context, page, errors } = await openPads({ width: 1194, height: 834 });
    // one choice on the page: the track (no second row of tracks to disagree with it)
    expect(await page.locator('.ls-play-page [role="radiogroup"]').count()).toBe(1);
    expect(await page.locator('.ls-play-page [role="radiogroup"] [role="radio"]').count()).toBe(11); // every track
    await page.getByRole('radio', { name: 'Perc' }).tap();
    await expect.poll(() => padsState(page), { timeout: 10_000 }).toBe('ready');
    expect(await page.getByRole('status', { name: 'Pads' }).textContent()).toBe('Percussion Kit');
    await expect.poll(() => route(page).textContent()).toBe('No track is armed: notes go nowhere');
    await page.screenshot({ path: join(SHOTS, 'tablet-pads-nowhere.png') });
    await page.getByRole('button', { name: 'Arm Perc' }).tap();
    await expect.poll(() => route(page).textContent(), { timeout: 5000 }).toBe('Plays Perc (armed)');
    expect(await app.client.request({ op: 'get', target: PERC_TRACK, prop: 'arm' })).toMatchObject({ result: true });

    // a pad struck reaches the Perc track in Live: its meter moves
    const meter = app.client.start({ op: 'observe', target: PERC_TRACK, prop: 'output_meter_level' });
    const levels: number[] = [];
    app.client.onEvent((event) => {
      if (event.ev === 'changes')
        for (const change of event.changes) if (change.obs === meter.id) levels.push(change.value as number);
    });
    await meter.reply;
    const touch = await fingers(page);
    await touch.down(1, await pointAlong(page, '.ls-pad-grid [aria-label="Tambourine, D#1"]', 0.95));
    await page.waitForTimeout(150);
    await touch.up(1);
    await expect.poll(() => Math.max(0, ...levels), { timeout: 5000 }).toBeGreaterThan(0.5);
    await page.screenshot({ path: join(SHOTS, 'tablet-pads-perc-armed.png') });
    await app.client.request({ op: 'set', target: PERC_TRACK, prop: 'arm', value: false });
    expect(errors).toEqual([]);
    await context.close();
  }, 60_000);

  it('wraps pad names only between words, on a phone', async () => {
    const { context, page, errors } = await openPads({ width: 390, height: 844 });
    await page.getByRole('radio', { name: 'Perc' }).tap();
    await expect.poll(() => padsState(page), { timeout: 10_000 }).toBe('ready');
    await page.screenshot({ path: join(SHOTS, 'phone-pads-perc.png') });
    // every word on one line: none is taller than a line of its pad's name
    const words = await page.locator('.ls-pad-word').evaluateAll((spans) =>
      spans.map((span) => ({
        word: span.textContent,
        lines: span.getBoundingClientRect().height / parseFloat(getComputedStyle(span).lineHeight),
      })),
    );
    expect(words.map((word) => word.word)).toContain('Tambourine');
    for (const word of words) expect(word.lines, word.word ?? '').toBeLessThan(1.5);
    expect(errors).toEqual([]);
    await context.close();
  }, 60_000);

  it('keeps note repeat, the chosen track and a plain grid’s row across a reload', async () => {
    const { context, page, errors } = await openPads({ width: 1194, height: 834 });
    await page.getByRole('radio', { name: 'Bass' }).tap();
    await expect.poll(() => padsState(page), { timeout: 10_000 }).toBe('plain');
    await page.getByRole('button', { name: 'Higher pads' }).tap();
    await page.getByRole('button', { name: 'Higher pads' }).tap();
    await page.getByRole('button', { name: 'Repeat' }).tap();
    await page.getByRole('combobox', { name: 'Repeat rate' }).selectOption('1/32');
    const range = await page.locator('.ls-pads-range').textContent();
    expect(range).toBe('G#1–B2');
    await page.reload();
    await page.getByRole('tab', { name: 'Pads' }).tap();
    await expect.poll(() => page.getByRole('radio', { name: 'Bass' }).getAttribute('aria-checked')).toBe('true');
    await expect.poll(() => padsState(page), { timeout: 10_000 }).toBe('plain');
    expect(await page.locator('.ls-pads-range').textContent()).toBe(range);
    expect(await page.getByRole('button', { name: 'Repeat' }).getAttribute('aria-pressed')).toBe('true');
    expect(await page.getByRole('combobox', { name: 'Repeat rate' }).inputValue()).toBe('1/32');
    expect(errors).toEqual([]);
    await context.close();
  }, 60_000);

  it('fills the page with pads on tablets and phones, both ways up', async () => {
    for (const [name, viewport] of [
      ['tablet', { width: 1194, height: 834 }],
      ['tablet-portrait', { width: 834, height: 1194 }],
      ['phone', { width: 390, height: 844 }],
      ['phone-landscape', { width: 844, height: 390 }],
    ] as const) {
      const { context, page, errors } = await openPads(viewport);
      await expect.poll(() => padsState(page), { timeout: 10_000 }).toBe('ready');
      await page.waitForTimeout(300);
      await page.screenshot({ path: join(SHOTS, `${name}-pads-fill.png`) });
      const grid = await page.locator('.ls-pad-grid').boundingBox();
      const panel = await page.locator('.ls-tab-panel').boundingBox();
      expect(grid, name).not.toBeNull();
      // as wide as the page, and down to its foot
      expect(grid?.width ?? 0, name).toBeGreaterThan((panel?.width ?? 0) - 40);
      const bottom = (grid?.y ?? 0) + (grid?.height ?? 0);
      const panelBottom = Math.min(viewport.height, (panel?.y ?? 0) + (panel?.height ?? 0));
      expect(panelBottom - bottom, name).toBeLessThan(40);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, name).toBeLessThanOrEqual(0);
      expect(errors, name).toEqual([]);
      await context.close();
    }
  }, 60_000);
});
