/**
 * Snapshots of the real keyboard machine in a chosen state, for static
 * stories and view tests (`resolveState` starts no effects), turned into the
 * view's props by the selector the connected keyboard uses.
 */
import { keyboardMachine, type KeyboardContext } from '../../../machines/keyboard';
import type { HeldNote } from '../../../machines/keyboard-fingers';
import { keyboardView, type KeyboardView } from '../../connect/use-keyboard';

/** A state of the keyboard machine, e.g. `{ notes: 'playing', bend: 'bending' }`. */
export type KeyboardStateValue = Parameters<typeof keyboardMachine.resolveState>[0]['value'];

/** A keyboard at rest on C3, chromatic: what seeded states change. */
export const KEYBOARD_CONTEXT: KeyboardContext = {
  channel: 0,
  octave: 3,
  root: 0,
  scale: 'chromatic',
  scaleMode: 'dim',
  held: [],
  bend: 0,
  modulation: 0,
  pressure: 0,
  followSong: false,
};

/** Fingers holding `notes`, one each, struck at `velocity`. */
export const fingersOn = (notes: readonly number[], velocity = 100): HeldNote[] =>
  notes.map((note, index) => ({ pointerId: index + 1, note, velocity, pressure: null }));

/** A snapshot of the real keyboard machine in `value`, with `context` over the resting one. */
export function keyboardSnapshot(value: KeyboardStateValue, context: Partial<KeyboardContext> = {}) {
  return keyboardMachine.resolveState({ value, context: { ...KEYBOARD_CONTEXT, ...context } });
}

/** The view of the keyboard machine in `value` (e.g. `{ notes: 'playing', bend: 'bending' }`). */
export function seedKeyboard(value: KeyboardStateValue, context: Partial<KeyboardContext> = {}): KeyboardView {
  return keyboardView(keyboardSnapshot(value, context));
}
