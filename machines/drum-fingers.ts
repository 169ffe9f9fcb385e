/**
 * The fingers on a drum rack's pads, apart from the machine: what each touch
 * does and the MIDI it makes. Unlike a piano key, a pad struck again while
 * another finger holds it sounds again (a finger roll): the note is cut and
 * struck anew. A note still ends only when the last finger on it lifts, so
 * every note on has exactly one note off.
 */
import type { MidiMessage } from '../protocol/src/index';
import { noteVelocity, seven } from './keyboard-fingers';
import { isNote } from './scales';

/** One finger (or computer key, with an id below 0) on a pad. */
export interface HeldPad {
  pointerId: number;
  /** The pad's place in the grid when struck. */
  pad: number;
  /** The note it struck: the pads may scroll while it is held, and its note off must match. */
  note: number;
  velocity: number;
  /** The poly aftertouch last sent for this finger, if any. */
  pressure: number | null;
}

/** What a touch changed: the fingers now, and the MIDI to play. */
export interface PadChange {
  held: HeldPad[];
  messages: MidiMessage[];
}

const noteOn = (channel: number, note: number, velocity: number): MidiMessage => ({ type: 'note_on', channel, note, velocity });
const noteOff = (channel: number, note: number): MidiMessage => ({ type: 'note_off', channel, note });

const sounds = (held: readonly HeldPad[], note: number): boolean => held.some((finger) => finger.note === note);

/** The notes that sound, each once, low to high. */
export const soundingNotes = (held: readonly HeldPad[]): number[] => [...new Set(held.map((finger) => finger.note))].sort((a, b) => a - b);

/** The pads held (by their place in the grid), each once. */
export const heldPads = (held: readonly HeldPad[]): number[] => [...new Set(held.map((finger) => finger.pad))].sort((a, b) => a - b);

/** A finger leaves its pad: note off only when no other finger still holds the note. */
export function release(held: readonly HeldPad[], pointerId: number, channel: number): PadChange {
  const finger = held.find((candidate) => candidate.pointerId === pointerId);
  if (!finger) return { held: [...held], messages: [] };
  const rest = held.filter((candidate) => candidate !== finger);
  return { held: rest, messages: sounds(rest, finger.note) ? [] : [noteOff(channel, finger.note)] };
}

/**
 * A finger strikes a pad. A finger already down (an up that never came)
 * leaves its pad first; a note another finger holds is struck again.
 */
export function strike(held: readonly HeldPad[], pointerId: number, pad: number, note: number | null, velocity: number, channel: number): PadChange {
  if (note === null || !isNote(note)) return { held: [...held], messages: [] };
  const before = release(held, pointerId, channel);
  const again = sounds(before.held, note) ? [noteOff(channel, note)] : [];
  return {
    held: [...before.held, { pointerId, pad, note, velocity: noteVelocity(velocity), pressure: null }],
    messages: [...before.messages, ...again, noteOn(channel, note, noteVelocity(velocity))],
  };
}

/** How hard a finger presses (poly aftertouch, 0..127), sent when it changes. */
export function press(held: readonly HeldPad[], pointerId: number, value: number, channel: number): PadChange {
  const finger = held.find((candidate) => candidate.pointerId === pointerId);
  const amount = seven(value);
  if (!finger || finger.pressure === amount) return { held: [...held], messages: [] };
  return {
    held: held.map((candidate) => (candidate === finger ? { ...candidate, pressure: amount } : candidate)),
    messages: [{ type: 'poly_aftertouch', channel, note: finger.note, pressure: amount }],
  };
}

/** Note repeat's beat: every held note struck again, at the velocity of the finger that struck it last. */
export function retrigger(held: readonly HeldPad[], channel: number): MidiMessage[] {
  return soundingNotes(held).flatMap((note) => {
    const latest = held.filter((finger) => finger.note === note).at(-1) as HeldPad;
    return [noteOff(channel, note), noteOn(channel, note, latest.velocity)];
  });
}

/** Every finger off: one note off per sounding note. */
export function releaseAll(held: readonly HeldPad[], channel: number): PadChange {
  return { held: [], messages: soundingNotes(held).map((note) => noteOff(channel, note)) };
}
