/**
 * What drum pads keep across a reload (the tablet's stored settings): note
 * repeat (on or off, and its rate) and the row a plain grid of notes starts
 * on. A Drum Rack's pads scroll as Live has them (`drum_pads_scroll_position`
 * is kept in the set), so they need no saving here. Read field by field, so
 * one value an older app wrote wrong falls back alone.
 */
import { z } from 'zod';
import { FIRST_PLAIN_NOTE, LAST_ROW, firstRow } from './drum-pad-list';
import type { DrumPadsContext, DrumPadsInput } from './drum-pads';
import { DEFAULT_RATE, REPEAT_RATES, type RepeatRate } from './note-repeat';

/** Drum pads' saved settings. */
export interface DrumPadsSettings {
  rate: RepeatRate;
  repeat: boolean;
  /** The row (of four notes) a plain grid starts on. */
  plainRow: number;
}

/** Where drum pads start when nothing was saved: repeat off at 1/16, a plain grid from C1. */
export const DEFAULT_DRUM_PADS_SETTINGS: DrumPadsSettings = {
  rate: DEFAULT_RATE,
  repeat: false,
  plainRow: FIRST_PLAIN_NOTE / 4,
};

const DEFAULTS = DEFAULT_DRUM_PADS_SETTINGS;

/** The schema saved pads are read through: each field out of range falls back to its default. */
export const DrumPadsSettingsSchema: z.ZodType<DrumPadsSettings> = z.object({
  rate: z.enum(REPEAT_RATES).catch(DEFAULTS.rate),
  repeat: z.boolean().catch(DEFAULTS.repeat),
  plainRow: z.number().int().min(0).max(LAST_ROW).catch(DEFAULTS.plainRow),
});

/**
 * What to save of a drum pads machine: its repeat and rate, and the plain
 * grid's row (kept from `saved` while a rack is shown, whose pads are Live's).
 */
export function drumPadsSettingsOf(
  context: Pick<DrumPadsContext, 'rack' | 'rate' | 'pads'>,
  repeat: boolean,
  saved: DrumPadsSettings,
): DrumPadsSettings {
  const row = context.rack === null ? firstRow(context.pads) : null;
  return { rate: context.rate, repeat, plainRow: row ?? saved.plainRow };
}

/** Two saved pads are the same when every field is. */
export const sameDrumPadsSettings = (a: DrumPadsSettings, b: DrumPadsSettings): boolean =>
  a.rate === b.rate && a.repeat === b.repeat && a.plainRow === b.plainRow;

/** The drum pads machine's input that starts it as saved, on `rack` (none for a plain grid). */
export const drumPadsInputOf = (settings: DrumPadsSettings, rack: string | null): DrumPadsInput => ({
  rack,
  rate: settings.rate,
  repeat: settings.repeat,
  plainRow: settings.plainRow,
});
