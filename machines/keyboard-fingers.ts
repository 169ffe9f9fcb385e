/**
 * The notes a keyboard's fingers hold, apart from the machine: what each
 * touch does to them and the MIDI it makes. A note sounds while at least one
 * finger holds it, so two fingers on one key make one note on and, when the
 * last of them lifts, one note off: a finger that lifts never cuts a note
 * another still holds.
 */
import type { MidiMessage } from '../protocol/src/index';
import { isNote } from './scales';

/** One finger (or computer key) on a key: computer keys use ids below 0. */
export interface HeldNote {
  pointerId: number;
  note: number;
  velocity: number;
  /** The poly aftertouch last sent for this finger, if any. */
  pressure: number | null;
}

/** What a touch changed: the fingers now, and the MIDI to play. */
export interface FingerChange<Finger extends HeldNote = HeldNote> {
  held: Finger[];
  messages: MidiMessage[];
}

/** A MIDI data byte from any number (rounded, clamped to 0..127). */
export const seven = (value: number): number =>
  Math.min(127, Math.max(0, Math.round(Number.isFinite(value) ? value : 0)));

/** A note-on velocity: never 0, which MIDI reads as a note off. */
export const noteVelocity = (value: number): number => Math.max(1, seven(value));

/** A pitch bend value, -8192..8191. */
export const bendValue = (value: number): number =>
  Math.min(8191, Math.max(-8192, Math.round(Number.isFinite(value) ? value : 0)));

/** Whether any finger holds `note`. */
export const sounding = (held: readonly HeldNote[], note: number): boolean =>
  held.some((finger) => finger.note === note);

/** The notes that sound, each once, low to high. */
export const soundingNotes = (held: readonly HeldNote[]): number[] =>
  [...new Set(held.map((finger) => finger.note))].sort((a, b) => a - b);

/** A note-on message. */
export const noteOn = (channel: number, note: number, velocity: number): MidiMessage => ({
  type: 'note_on',
  channel,
  note,
  velocity,
});
/** A note-off message. */
export const noteOff = (channel: number, note: number): MidiMessage => ({ type: 'note_off', channel, note });

/** A finger leaves its key: note off only when no other finger holds the note. */
export function lift<Finger extends HeldNote>(
  held: readonly Finger[],
  pointerId: number,
  channel: number,
): FingerChange<Finger> {
  const finger = held.find((candidate) => candidate.pointerId === pointerId);
  if (!finger) return { held: [...held], messages: [] };
  const rest = held.filter((candidate) => candidate !== finger);
  return { held: rest, messages: sounding(rest, finger.note) ? [] : [noteOff(channel, finger.note)] };
}

/** A finger strikes a key. A finger already down (a missed up) leaves its old key first. */
export function press(
  held: readonly HeldNote[],
  pointerId: number,
  note: number,
  velocity: number,
  channel: number,
): FingerChange {
  if (!isNote(note)) return lift(held, pointerId, channel);
  const before = lift(held, pointerId, channel);
  const on = sounding(before.held, note) ? [] : [noteOn(channel, note, noteVelocity(velocity))];
  return {
    held: [...before.held, { pointerId, note, velocity: noteVelocity(velocity), pressure: null }],
    messages: [...before.messages, ...on],
  };
}

/** A finger slides onto another key: it plays there with the velocity it struck with. */
export function slide(held: readonly HeldNote[], pointerId: number, note: number, channel: number): FingerChange {
  const finger = held.find((candidate) => candidate.pointerId === pointerId);
  if (!finger || finger.note === note) return { held: [...held], messages: [] };
  return press(held, pointerId, note, finger.velocity, channel);
}

/** How hard a finger presses its key (poly aftertouch), sent when it changes. */
export function pressure<Finger extends HeldNote>(
  held: readonly Finger[],
  pointerId: number,
  value: number,
  channel: number,
): FingerChange<Finger> {
  const finger = held.find((candidate) => candidate.pointerId === pointerId);
  const amount = seven(value);
  if (!finger || finger.pressure === amount) return { held: [...held], messages: [] };
  return {
    held: held.map((candidate) => (candidate === finger ? { ...candidate, pressure: amount } : candidate)),
    messages: [{ type: 'poly_aftertouch', channel, note: finger.note, pressure: amount }],
  };
}

/** Every finger off: one note off per sounding note. */
export function liftAll<Finger extends HeldNote>(held: readonly Finger[], channel: number): FingerChange<Finger> {
  return { held: [], messages: soundingNotes(held).map((note) => noteOff(channel, note)) };
}
