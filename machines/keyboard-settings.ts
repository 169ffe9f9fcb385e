/**
 * What a keyboard keeps across a reload (the tablet's stored settings): the
 * octave, the scale and its root, how keys out of the scale are laid out,
 * and whether the scale follows the set's. Read through a zod schema field
 * by field, so one value an older app wrote wrong falls back alone.
 */
import { z } from 'zod';
import { DEFAULT_OCTAVE, type KeyboardContext, type KeyboardInput } from './keyboard';
import { HIGHEST_OCTAVE, LOWEST_OCTAVE, SCALE_MODES, SCALE_NAMES, type ScaleMode, type ScaleName } from './scales';

/** A keyboard's saved settings. */
export interface KeyboardSettings {
  octave: number;
  root: number;
  scale: ScaleName;
  scaleMode: ScaleMode;
  followSong: boolean;
}

/** Where a keyboard starts when nothing was saved: C3, chromatic, its own scale. */
export const DEFAULT_KEYBOARD_SETTINGS: KeyboardSettings = {
  octave: DEFAULT_OCTAVE,
  root: 0,
  scale: 'chromatic',
  scaleMode: 'dim',
  followSong: false,
};

const DEFAULTS = DEFAULT_KEYBOARD_SETTINGS;

/** The schema a saved keyboard is read through: each field out of range falls back to its default. */
export const KeyboardSettingsSchema: z.ZodType<KeyboardSettings> = z.object({
  octave: z.number().int().min(LOWEST_OCTAVE).max(HIGHEST_OCTAVE).catch(DEFAULTS.octave),
  root: z.number().int().min(0).max(11).catch(DEFAULTS.root),
  scale: z.enum(SCALE_NAMES as [ScaleName, ...ScaleName[]]).catch(DEFAULTS.scale),
  scaleMode: z.enum(SCALE_MODES as [ScaleMode, ...ScaleMode[]]).catch(DEFAULTS.scaleMode),
  followSong: z.boolean().catch(DEFAULTS.followSong),
});

/** What to save of a keyboard machine's context. */
export function keyboardSettingsOf(context: KeyboardContext): KeyboardSettings {
  const { octave, root, scale, scaleMode, followSong } = context;
  return { octave, root, scale, scaleMode, followSong };
}

/** Two saved keyboards are the same when every field is. */
export const sameKeyboardSettings = (a: KeyboardSettings, b: KeyboardSettings): boolean =>
  a.octave === b.octave &&
  a.root === b.root &&
  a.scale === b.scale &&
  a.scaleMode === b.scaleMode &&
  a.followSong === b.followSong;

/** The keyboard machine's input that starts it as saved. */
export const keyboardInputOf = (settings: KeyboardSettings): KeyboardInput => ({ ...settings });
