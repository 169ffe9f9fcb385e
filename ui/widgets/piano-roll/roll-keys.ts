/**
 * The roll from a keyboard: arrows move the selected notes (a whole
 * `grab`, `drag`, `release` gesture per press: by the grid across, a
 * semitone up and down; Shift by a bar and an octave), Delete removes them,
 * Escape clears the selection; with nothing selected the arrows scroll;
 * `+` and `-` zoom time (Shift: rows).
 */
import type { RollIntent, RollNoteKey } from './roll-types';

/** What a key press does to the roll. */
export type KeyAction =
  | { kind: 'intents'; intents: RollIntent[] }
  | { kind: 'pan'; dx: number; dy: number }
  | { kind: 'zoom'; factorX: number; factorY: number };

/** What a key press needs to know. */
export interface KeyContext {
  selected: readonly RollNoteKey[];
  editable: boolean;
  /** The grid (beats), or null when off. */
  grid: number | null;
  /** A bar's length in beats. */
  bar: number;
  /** Pads move by rows: an "octave" of pads is a row of four, as on the pads. */
  rows: 'keys' | 'pads';
}

/** How far (px) an arrow scrolls. */
export const KEY_PAN_PX = 80;

const ARROWS: Record<string, [number, number]> = {
  ArrowLeft: [-1, 0],
  ArrowRight: [1, 0],
  ArrowUp: [0, 1],
  ArrowDown: [0, -1],
};

/** The action of `key` (with Shift or not), or null when the roll leaves it alone. */
export function keyAction(key: string, shift: boolean, context: KeyContext): KeyAction | null {
  const { selected, editable } = context;
  const arrow = ARROWS[key];
  if (arrow) {
    const [across, up] = arrow;
    const first = selected[0];
    if (!editable || first === undefined)
      return { kind: 'pan', dx: -across * KEY_PAN_PX || 0, dy: up * KEY_PAN_PX || 0 };
    const beats = across * (shift ? context.bar : (context.grid ?? 0.25)) || 0;
    const semitones = up * (shift ? (context.rows === 'pads' ? 4 : 12) : 1) || 0;
    return {
      kind: 'intents',
      intents: [
        { type: 'grab', key: first, handle: 'body', copy: false },
        { type: 'drag', beats, semitones, free: false },
        { type: 'release' },
      ],
    };
  }
  if ((key === 'Delete' || key === 'Backspace') && editable && selected.length > 0)
    return { kind: 'intents', intents: [{ type: 'remove', keys: selected }] };
  if (key === 'Escape' && selected.length > 0)
    return { kind: 'intents', intents: [{ type: 'select', keys: [], mode: 'replace' }] };
  if (key === '+' || key === '=')
    return shift ? { kind: 'zoom', factorX: 1, factorY: 1.25 } : { kind: 'zoom', factorX: 1.25, factorY: 1 };
  if (key === '-' || key === '_')
    return shift ? { kind: 'zoom', factorX: 1, factorY: 0.8 } : { kind: 'zoom', factorX: 0.8, factorY: 1 };
  return null;
}
