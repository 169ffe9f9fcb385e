/**
 * The pads a drum-pads machine shows, apart from the machine: the plain
 * grid of notes when no rack is bound, the rack's visible pads as Live
 * scrolls them, and the observations each pad needs.
 *
 * A DrumPad's `name`, `mute` and `chains` have listeners in Live (a pad with
 * no chains is empty; Live names it "Empty"); its `note` has none (a pad
 * keeps its note for life), so the note is read once per pad.
 */
import type { JsonValue } from '../protocol/src/index';
import type { ObserveInput } from './effects';
import { asBoolean, asString, refTarget } from './observe-invoke';

/** One pad of the grid. Values are null until Live has said them. */
export interface DrumPad {
  /** The DrumPad's target, or null for a plain note (no rack). */
  target: string | null;
  name: string | null;
  note: number | null;
  mute: boolean | null;
  /** No instrument or sample on it (no chains). */
  empty: boolean | null;
}

/** The first note of the plain grid: where a Drum Rack starts (C1). */
export const FIRST_PLAIN_NOTE = 36;
/** Pads shown at once: a 4x4 grid. */
export const GRID_SIZE = 16;

/** A 4x4 grid of notes from `first` (C1 by default), for when no rack is bound (named by note in the view). */
export function plainPads(first = FIRST_PLAIN_NOTE): DrumPad[] {
  return Array.from({ length: GRID_SIZE }, (_, index) => ({
    target: null,
    name: null,
    note: first + index,
    mute: false,
    empty: false,
  }));
}

/** The highest row a grid's bottom row can start at: its top pad is note 127 (as a Drum Rack's `drum_pads_scroll_position`, 0..28). */
export const LAST_ROW = (128 - GRID_SIZE) / 4;

/** The row (of four notes) the grid's first pad is on, or null before Live has said its note. */
export const firstRow = (pads: readonly DrumPad[]): number | null =>
  pads[0]?.note == null ? null : Math.floor(pads[0].note / 4);

/** The row a scroll by `rows` from `row` reaches, within 0..LAST_ROW. */
export const scrolledRow = (row: number, rows: number): number =>
  Math.min(LAST_ROW, Math.max(0, row + Math.round(rows)));

/** The targets in a `visible_drum_pads` value. */
export function padTargets(value: JsonValue): string[] {
  return Array.isArray(value) ? value.map(refTarget).filter((target): target is string => target !== null) : [];
}

/** Observed per pad: the observation's key names the pad by its target. */
export const PAD_OBSERVED = ['name', 'mute', 'chains'] as const;
/** A property observed per pad. */
export type PadProp = (typeof PAD_OBSERVED)[number];

const isPadProp = (prop: string | undefined): prop is PadProp => PAD_OBSERVED.some((observed) => observed === prop);

/** The key of a pad's observation: it names the pad by its target. */
export const padKey = (target: string, prop: PadProp): string => `pad|${target}|${prop}`;

/** The pad and property an observation's key is about, if it is a pad's. */
export function parsePadKey(key: string): { target: string; prop: PadProp } | null {
  const [kind, target, prop] = key.split('|');
  return kind === 'pad' && target !== undefined && isPadProp(prop) ? { target, prop } : null;
}

/** Every observation the pads of `targets` need. */
export const padObservations = (targets: readonly string[]): ObserveInput[] =>
  targets.flatMap((target) => PAD_OBSERVED.map((prop) => ({ target, prop, key: padKey(target, prop) })));

/** What the rack's new visible pads change: the pads in order (keeping what is known), and those new in view. */
export function followPads(current: readonly DrumPad[], observed: readonly string[], targets: readonly string[]) {
  return {
    pads: targets.map(
      (target) =>
        current.find((pad) => pad.target === target) ?? { target, name: null, note: null, mute: null, empty: null },
    ),
    start: targets.filter((target) => !observed.includes(target)),
  };
}

/** A pad's observed value stored. */
export function storePadValue(pads: readonly DrumPad[], target: string, prop: PadProp, value: JsonValue): DrumPad[] {
  return pads.map((pad) => {
    if (pad.target !== target) return pad;
    if (prop === 'name') return { ...pad, name: asString(value) };
    if (prop === 'mute') return { ...pad, mute: asBoolean(value) };
    return { ...pad, empty: !(Array.isArray(value) && value.length > 0) };
  });
}

/** The notes read for some pads, stored. */
export function storeNotes(pads: readonly DrumPad[], targets: readonly string[], notes: JsonValue): DrumPad[] {
  const values = Array.isArray(notes) ? notes : [];
  return pads.map((pad) => {
    const index = pad.target === null ? -1 : targets.indexOf(pad.target);
    const note = values[index];
    return index >= 0 && typeof note === 'number' ? { ...pad, note } : pad;
  });
}

/** Whether Live has said everything about every pad. */
export const padsKnown = (pads: readonly DrumPad[]): boolean =>
  pads.every((pad) => pad.name !== null && pad.note !== null && pad.mute !== null && pad.empty !== null);
