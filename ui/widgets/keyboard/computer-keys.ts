/**
 * The computer keyboard as a piano, as on Live's own computer MIDI keyboard:
 * the home row A S D F G H J K plays white keys from the octave's C, the row
 * above (W E T Y U) the black keys, Z and X shift the octave. Keys are read
 * by position (`KeyboardEvent.code`), so the same fingers play on any layout.
 */

const NOTE_CODES = [
  'KeyA',
  'KeyW',
  'KeyS',
  'KeyE',
  'KeyD',
  'KeyF',
  'KeyT',
  'KeyG',
  'KeyY',
  'KeyH',
  'KeyU',
  'KeyJ',
  'KeyK',
] as const;

/** What a computer key does on the keyboard. */
export type ComputerKey = { kind: 'note'; offset: number } | { kind: 'octave'; delta: -1 | 1 };

/** The velocity computer keys play with (Live's default for its computer keyboard). */
export const COMPUTER_VELOCITY = 100;

/** What a physical key does: a note `offset` semitones above the octave's C, an octave shift, or nothing. */
export function computerKey(code: string): ComputerKey | null {
  if (code === 'KeyZ') return { kind: 'octave', delta: -1 };
  if (code === 'KeyX') return { kind: 'octave', delta: 1 };
  const offset = (NOTE_CODES as readonly string[]).indexOf(code);
  return offset >= 0 ? { kind: 'note', offset } : null;
}

/** The pointer id a held computer key plays as: below 0, so it never meets a finger's. */
export const computerPointerId = (code: string): number => -1 - (NOTE_CODES as readonly string[]).indexOf(code);

/** The pointer id of the focused piano key played with Space or Enter (one key has focus at a time). */
export const FOCUSED_KEY_POINTER = -100;

/** The letter on the computer key that plays `offset`, to print on the piano key. */
export const letterFor = (offset: number): string | null => NOTE_CODES[offset]?.slice(3) ?? null;
