/**
 * The fingers on a drum rack's pads, apart from the machine: what each touch
 * does and the MIDI it makes. Unlike a piano key, a pad struck again while
 * another finger holds it sounds again (a finger roll): the note is cut and
 * struck anew. A note still ends only when the last finger on it lifts, so
 * every note on has exactly one note off.
 */
import type { MidiMessage } from '../protocol/src/index';
import {
  lift,
  noteOff,
  noteOn,
  noteVelocity,
  sounding,
  soundingNotes,
  type FingerChange,
  type HeldNote,
} from './keyboard-fingers';
import { isNote } from './scales';

/**
 * Releasing a pad, every finger lifting and a finger pressing harder work as
 * on the keys: a note ends when its last finger lifts; poly aftertouch is
 * sent when it changes.
 */
export { lift as release, liftAll as releaseAll, pressure as press, soundingNotes } from './keyboard-fingers';

/** One finger (or computer key, with an id below 0) on a pad. */
export interface HeldPad extends HeldNote {
  /** The pad's place in the grid when struck. */
  pad: number;
  /** The note it struck: the pads may scroll while it is held, and its note off must match. */
  note: number;
}

/** What a touch changed: the fingers now, and the MIDI to play. */
export type PadChange = FingerChange<HeldPad>;

/** The pads held (by their place in the grid), each once. */
export const heldPads = (held: readonly HeldPad[]): number[] =>
  [...new Set(held.map((finger) => finger.pad))].sort((a, b) => a - b);

/**
 * A finger strikes a pad. A finger already down (an up that never came)
 * leaves its pad first; a note another finger holds is struck again.
 */
export function strike(
  held: readonly HeldPad[],
  pointerId: number,
  pad: number,
  note: number | null,
  velocity: number,
  channel: number,
): PadChange {
  if (note === null || !isNote(note)) return { held: [...held], messages: [] };
  const before = lift(held, pointerId, channel);
  const again = sounding(before.held, note) ? [noteOff(channel, note)] : [];
  return {
    held: [...before.held, { pointerId, pad, note, velocity: noteVelocity(velocity), pressure: null }],
    messages: [...before.messages, ...again, noteOn(channel, note, noteVelocity(velocity))],
  };
}

/** Note repeat's beat: every held note struck again, at the velocity of the finger that struck it last. */
export function retrigger(held: readonly HeldPad[], channel: number): MidiMessage[] {
  return soundingNotes(held).flatMap((note) => {
    const latest = held.filter((finger) => finger.note === note).at(-1) as HeldPad;
    return [noteOff(channel, note), noteOn(channel, note, latest.velocity)];
  });
}
