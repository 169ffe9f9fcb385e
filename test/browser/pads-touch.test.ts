/**
 * The drum pads under real fingers in Chromium (the Interactive story: the
 * real drum pads machine on the fake studio's Drum Rack): two pads held at
 * once, one struck at its top edge and one at its bottom edge, a finger
 * roll on one pad, note repeat on a held pad, and everything let go. What
 * is asserted is the MIDI the studio received.
 */
import { describe, expect, it } from 'vitest';
import type { MidiMessage } from '../../protocol/src/index';
import { midiSent, storybookForTests } from './storybook';
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
