import { describe, expect, it } from 'vitest';
import {
  bendValue,
  lift,
  liftAll,
  noteVelocity,
  press,
  pressure,
  seven,
  slide,
  soundingNotes,
  type HeldNote,
} from './keyboard-fingers';

const CH = 2;

/** Plays a sequence of changes from nothing, collecting the MIDI. */
function play(steps: Array<(held: HeldNote[]) => { held: HeldNote[]; messages: unknown[] }>) {
  let held: HeldNote[] = [];
  const messages: unknown[] = [];
  for (const step of steps) {
    const change = step(held);
    held = change.held;
    messages.push(...change.messages);
  }
  return { held, messages };
}

describe('keyboard fingers', () => {
  it('play a note on per new note and a note off when its finger lifts', () => {
    const { held, messages } = play([
      (h) => press(h, 1, 60, 90, CH),
      (h) => press(h, 2, 64, 70, CH),
      (h) => lift(h, 1, CH),
    ]);
    expect(messages).toEqual([
      { type: 'note_on', channel: CH, note: 60, velocity: 90 },
      { type: 'note_on', channel: CH, note: 64, velocity: 70 },
      { type: 'note_off', channel: CH, note: 60 },
    ]);
    expect(soundingNotes(held)).toEqual([64]);
  });

  it('count fingers per note: the first of two fingers on a key to lift does not cut the note', () => {
    const { held, messages } = play([
      (h) => press(h, 1, 60, 90, CH),
      (h) => press(h, 2, 60, 40, CH),
      (h) => lift(h, 1, CH),
    ]);
    expect(messages).toEqual([{ type: 'note_on', channel: CH, note: 60, velocity: 90 }]);
    expect(soundingNotes(held)).toEqual([60]);
    expect(lift(held, 2, CH).messages).toEqual([{ type: 'note_off', channel: CH, note: 60 }]);
  });

  it('slide: off the old key, on the new one with the velocity of the strike', () => {
    const { held, messages } = play([
      (h) => press(h, 1, 60, 90, CH),
      (h) => slide(h, 1, 62, CH),
      (h) => slide(h, 1, 62, CH),
    ]);
    expect(messages.slice(1)).toEqual([
      { type: 'note_off', channel: CH, note: 60 },
      { type: 'note_on', channel: CH, note: 62, velocity: 90 },
    ]);
    expect(held).toEqual([{ pointerId: 1, note: 62, velocity: 90, pressure: null }]);
    // a slide onto a key another finger holds keeps that note sounding, once
    const onto = play([
      (h) => press(h, 1, 60, 90, CH),
      (h) => press(h, 2, 62, 50, CH),
      (h) => slide(h, 1, 62, CH),
      (h) => lift(h, 2, CH),
    ]);
    expect(onto.messages.slice(2)).toEqual([{ type: 'note_off', channel: CH, note: 60 }]);
    expect(soundingNotes(onto.held)).toEqual([62]);
  });

  it('ignore what fingers that are not down do', () => {
    expect(lift([], 9, CH)).toEqual({ held: [], messages: [] });
    expect(slide([], 9, 60, CH)).toEqual({ held: [], messages: [] });
    expect(pressure([], 9, 60, CH)).toEqual({ held: [], messages: [] });
  });

  it('treat a second down of a finger that is down as a move, and a note out of range as a lift', () => {
    const again = play([(h) => press(h, 1, 60, 90, CH), (h) => press(h, 1, 67, 30, CH)]);
    expect(again.messages.slice(1)).toEqual([
      { type: 'note_off', channel: CH, note: 60 },
      { type: 'note_on', channel: CH, note: 67, velocity: 30 },
    ]);
    const outside = play([(h) => press(h, 1, 120, 90, CH), (h) => press(h, 1, 130, 90, CH)]);
    expect(outside.messages.slice(1)).toEqual([{ type: 'note_off', channel: CH, note: 120 }]);
    expect(outside.held).toEqual([]);
  });

  it('send poly aftertouch for a finger’s note when its pressure changes', () => {
    const { messages } = play([
      (h) => press(h, 1, 60, 90, CH),
      (h) => pressure(h, 1, 50, CH),
      (h) => pressure(h, 1, 50.2, CH),
      (h) => pressure(h, 1, 80, CH),
    ]);
    expect(messages.slice(1)).toEqual([
      { type: 'poly_aftertouch', channel: CH, note: 60, pressure: 50 },
      { type: 'poly_aftertouch', channel: CH, note: 60, pressure: 80 },
    ]);
  });

  it('lift every finger with one note off per sounding note', () => {
    const { held } = play([
      (h) => press(h, 1, 60, 90, CH),
      (h) => press(h, 2, 60, 90, CH),
      (h) => press(h, 3, 67, 90, CH),
    ]);
    expect(liftAll(held, CH)).toEqual({
      held: [],
      messages: [
        { type: 'note_off', channel: CH, note: 60 },
        { type: 'note_off', channel: CH, note: 67 },
      ],
    });
  });

  it('keep MIDI values in range', () => {
    expect([seven(-3), seven(64.4), seven(300), seven(Number.NaN)]).toEqual([0, 64, 127, 0]);
    expect([noteVelocity(0), noteVelocity(127.4)]).toEqual([1, 127]);
    expect([bendValue(-9000), bendValue(8191.6), bendValue(12.4)]).toEqual([-8192, 8191, 12]);
  });
});
