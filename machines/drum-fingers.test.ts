import { describe, expect, it } from 'vitest';
import type { MidiMessage } from '../protocol/src/index';
import { heldPads, press, release, releaseAll, retrigger, soundingNotes, strike, type HeldPad } from './drum-fingers';

/** Every note on has its note off. */
function balanced(messages: MidiMessage[]): boolean {
  const open = new Map<number, number>();
  for (const message of messages) {
    if (message.type === 'note_on') open.set(message.note, (open.get(message.note) ?? 0) + 1);
    if (message.type === 'note_off') open.set(message.note, (open.get(message.note) ?? 0) - 1);
  }
  return [...open.values()].every((count) => count === 0);
}

describe('drum fingers', () => {
  it('strikes a pad with its velocity, and ends it when the finger lifts', () => {
    const down = strike([], 1, 0, 36, 90, 0);
    expect(down.messages).toEqual([{ type: 'note_on', channel: 0, note: 36, velocity: 90 }]);
    expect(release(down.held, 1, 0)).toEqual({ held: [], messages: [{ type: 'note_off', channel: 0, note: 36 }] });
  });

  it('strikes a pad again when a second finger hits it, and holds it until the last finger lifts', () => {
    const first = strike([], 1, 2, 38, 60, 9);
    const second = strike(first.held, 2, 2, 38, 110, 9);
    expect(second.messages).toEqual([
      { type: 'note_off', channel: 9, note: 38 },
      { type: 'note_on', channel: 9, note: 38, velocity: 110 },
    ]);
    const oneLifted = release(second.held, 1, 9);
    expect(oneLifted.messages).toEqual([]);
    const bothLifted = release(oneLifted.held, 2, 9);
    expect(bothLifted.messages).toEqual([{ type: 'note_off', channel: 9, note: 38 }]);
    expect(balanced([...first.messages, ...second.messages, ...oneLifted.messages, ...bothLifted.messages])).toBe(true);
  });

  it('moves a finger whose up never came: its old note ends first', () => {
    const first = strike([], 1, 0, 36, 100, 0);
    const again = strike(first.held, 1, 5, 41, 100, 0);
    expect(again.messages).toEqual([
      { type: 'note_off', channel: 0, note: 36 },
      { type: 'note_on', channel: 0, note: 41, velocity: 100 },
    ]);
    expect(heldPads(again.held)).toEqual([5]);
  });

  it('plays nothing for a pad whose note is unknown or outside MIDI, and never a velocity of 0', () => {
    expect(strike([], 1, 0, null, 100, 0).messages).toEqual([]);
    expect(strike([], 1, 0, 128, 100, 0).messages).toEqual([]);
    expect(strike([], 1, 0, 36, 0, 0).messages).toEqual([{ type: 'note_on', channel: 0, note: 36, velocity: 1 }]);
    expect(release([], 7, 0).messages).toEqual([]);
  });

  it('sends poly aftertouch for a finger when its pressure changes', () => {
    const { held } = strike([], 1, 0, 36, 100, 0);
    const pressed = press(held, 1, 40.2, 0);
    expect(pressed.messages).toEqual([{ type: 'poly_aftertouch', channel: 0, note: 36, pressure: 40 }]);
    expect(press(pressed.held, 1, 40, 0).messages).toEqual([]);
    expect(press(pressed.held, 3, 40, 0).messages).toEqual([]);
  });

  it('retriggers every held note once, at the velocity it was struck with last', () => {
    let held: HeldPad[] = strike([], 1, 0, 36, 50, 0).held;
    held = strike(held, 2, 0, 36, 120, 0).held;
    held = strike(held, 3, 2, 38, 70, 0).held;
    expect(retrigger(held, 0)).toEqual([
      { type: 'note_off', channel: 0, note: 36 },
      { type: 'note_on', channel: 0, note: 36, velocity: 120 },
      { type: 'note_off', channel: 0, note: 38 },
      { type: 'note_on', channel: 0, note: 38, velocity: 70 },
    ]);
    expect(soundingNotes(held)).toEqual([36, 38]);
    expect(releaseAll(held, 0).messages).toEqual([
      { type: 'note_off', channel: 0, note: 36 },
      { type: 'note_off', channel: 0, note: 38 },
    ]);
  });
});
