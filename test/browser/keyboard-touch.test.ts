/**
 * The keyboard under real fingers in Chromium (the Interactive story: the
 * real keyboard machine on the fake studio): a chord held by three fingers
 * while a fourth bends it on the wheel, a finger sliding across keys,
 * strikes at the far end and the front edge of a key, and everything let
 * go. What is asserted is the MIDI the studio received.
 */
import { describe, expect, it } from 'vitest';
import type { MidiMessage } from '../../protocol/src/index';
import { midiSent, storybookForTests } from './storybook';
import { fingers, pointAlong } from './touch';

const key = (name: string) => `.ls-keybed [role="button"][aria-label="${name}"]`;
const BEND = '[role="slider"][aria-label="Pitch bend"]';

const noteOf = (message: MidiMessage): number | null =>
  message.type === 'note_on' || message.type === 'note_off' ? message.note : null;

describe('the keyboard under real fingers', () => {
  const storybook = storybookForTests();

  it('holds a chord while a fourth finger bends it, slides, strikes softly and loudly, and leaves no note on', async () => {
    const { page, context, errors } = await storybook.open('instruments-keyboard--interactive');
    // the story's own play function has run and left it silent
    await expect
      .poll(() => page.getByTestId('actor-state').textContent(), { timeout: 10_000 })
      .toBe('notes.silent, bend.centred');
    const before = (await midiSent(page)).length;
    const touch = await fingers(page);

    // a C major chord, one finger each, near the keys' front edges
    await touch.down(1, await pointAlong(page, key('C3'), 0.8));
    await touch.down(2, await pointAlong(page, key('E3'), 0.8));
    await touch.down(3, await pointAlong(page, key('G3'), 0.8));
    await expect
      .poll(() =>
        page
          .locator('.ls-keybed [aria-pressed="true"]')
          .evaluateAll((keys) => keys.map((k) => k.getAttribute('aria-label'))),
      )
      .toEqual(['C3', 'E3', 'G3']);

    // a fourth finger bends it up, then lets the wheel spring back
    const wheel = await pointAlong(page, BEND, 0.5);
    await touch.down(4, wheel);
    await touch.move(4, { x: wheel.x, y: wheel.y - 60 }, 6);
    await expect.poll(() => page.getByTestId('actor-state').textContent()).toBe('notes.playing, bend.bending');
    await touch.up(4);
    await expect.poll(() => page.getByTestId('actor-state').textContent()).toBe('notes.playing, bend.centred');
    await touch.up(1);
    await touch.up(2);
    await touch.up(3);

    // one finger slides along the white keys from C3 to F3
    const from = await pointAlong(page, key('C3'), 0.85);
    const to = await pointAlong(page, key('F3'), 0.85);
    await touch.down(5, from);
    await touch.move(5, to, 12);
    await touch.up(5);

    // A3 struck at its far end, then at its front edge
    await touch.down(6, await pointAlong(page, key('A3'), 0.08));
    await touch.up(6);
    await touch.down(7, await pointAlong(page, key('A3'), 0.95));
    await touch.up(7);
    await expect.poll(() => page.getByTestId('actor-state').textContent()).toBe('notes.silent, bend.centred');

    const midi = (await midiSent(page)).slice(before);
    const notes = midi.filter((message) => message.type === 'note_on' || message.type === 'note_off');
    const bends = midi
      .filter((message) => message.type === 'pitch_bend')
      .map((message) => (message.type === 'pitch_bend' ? message.value : Number.NaN));

    // the chord sounds through the whole bend: no note off until the wheel is back at 0
    expect(midi.slice(0, 3)).toEqual([
      { type: 'note_on', channel: 0, note: 60, velocity: expect.any(Number) },
      { type: 'note_on', channel: 0, note: 64, velocity: expect.any(Number) },
      { type: 'note_on', channel: 0, note: 67, velocity: expect.any(Number) },
    ]);
    const bendEnd = midi.findIndex((message) => message.type === 'pitch_bend' && message.value === 0);
    expect(midi.slice(3, bendEnd + 1).every((message) => message.type === 'pitch_bend')).toBe(true);
    expect(bends.length).toBeGreaterThan(2);
    expect(bends.at(-1)).toBe(0);
    const up = bends.slice(0, -1);
    expect(up.every((value, index) => value > 0 && (index === 0 || value > (up[index - 1] as number)))).toBe(true);
    expect(up.at(-1)).toBeGreaterThan(2000);
    expect(
      midi
        .slice(bendEnd + 1, bendEnd + 4)
        .map(noteOf)
        .sort(),
    ).toEqual([60, 64, 67]);

    // the slide: each key off as the next comes on, with the velocity it was struck with
    const slide = notes.slice(6, 14);
    expect(slide.map((message) => `${message.type} ${noteOf(message)}`)).toEqual([
      'note_on 60',
      'note_off 60',
      'note_on 62',
      'note_off 62',
      'note_on 64',
      'note_off 64',
      'note_on 65',
      'note_off 65',
    ]);
    const slideVelocities = new Set(slide.flatMap((message) => (message.type === 'note_on' ? [message.velocity] : [])));
    expect(slideVelocities.size).toBe(1);

    // far end soft, front edge loud
    const strikes = notes.slice(14).flatMap((message) => (message.type === 'note_on' ? [message] : []));
    expect(strikes.map((message) => message.note)).toEqual([69, 69]);
    expect(strikes[0]!.velocity).toBeLessThan(30);
    expect(strikes[1]!.velocity).toBeGreaterThan(110);

    // every note on has its note off
    const balance = new Map<number, number>();
    for (const message of notes)
      balance.set(noteOf(message)!, (balance.get(noteOf(message)!) ?? 0) + (message.type === 'note_on' ? 1 : -1));
    expect([...balance.values()].every((count) => count === 0)).toBe(true);
    expect(notes).toHaveLength(18);
    expect(errors).toEqual([]);
    await context.close();
  }, 90_000);
});
