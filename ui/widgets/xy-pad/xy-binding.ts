/**
 * An XY pad's choice of parameters as a page saves it: by each parameter's
 * path from its track (`devices 0 chains 1 devices 0 parameters 3` for one
 * in a rack's chain), with its name and its device's (after the racks and
 * chains it sits in), so a reload finds it again, and finds it moved when
 * the device moved in the chain.
 */
import { z } from 'zod';
import type { XYAxisName, XYChoice } from './XYChooser';

/** One axis as saved. */
export interface SavedAxis {
  path: string;
  name: string;
  device: string;
}

/** Both axes as saved (null: none chosen). */
export type SavedXY = Record<XYAxisName, SavedAxis | null>;

const Axis = z.object({ path: z.string(), name: z.string(), device: z.string() }).nullable().catch(null);

/** The schema saved axes are read through, each axis on its own. */
export const SavedXYSchema: z.ZodType<SavedXY> = z.object({ x: Axis, y: Axis });

/** A page's XY choices, one per track (by the track's name). */
export const SavedXYByTrackSchema: z.ZodType<Record<string, SavedXY>> = z.record(z.string(), SavedXYSchema);

/** Nothing chosen. */
export const NO_XY: SavedXY = { x: null, y: null };

/** What to save of a choice. */
export const savedAxis = (choice: XYChoice): SavedAxis => ({
  path: choice.path,
  name: choice.name,
  device: choice.device,
});

/** How a saved axis reads to a musician: "Auto Filter › Frequency". */
export const axisTitle = (axis: SavedAxis): string => `${axis.device} › ${axis.name}`;

/**
 * The choice a saved axis is now: the same parameter at the same path; else
 * the same device's parameter of that name wherever the device moved; else
 * whatever is at the path (the device was renamed). Undefined when the track
 * has none of these.
 */
export function findSaved<T extends XYChoice>(saved: SavedAxis, choices: readonly T[]): T | undefined {
  const same = (choice: T) => choice.name === saved.name && choice.device === saved.device;
  return (
    choices.find((choice) => choice.path === saved.path && same(choice)) ??
    choices.find(same) ??
    choices.find((choice) => choice.path === saved.path)
  );
}

/** A filter's cutoff and resonance, as devices name them ("Frequency", "Filter Freq", "F1 Resonance"...). */
const CUTOFF = /freq|cutoff/i;
const RESONANCE = /reso|\bres\b|\bq\b/i;

/** A parameter of a device on the track itself, not in a rack's chain. */
const ON_THE_TRACK = /^devices \d+ parameters \d+$/;

/**
 * What an XY pad starts with on a track nothing was saved for: the first
 * device on the track with a filter, its cutoff across and resonance up
 * (the classic sweep); else the first two parameters of the first device;
 * else the mixer's volume and pan. Only the track's own devices: a rack's
 * own parameters (its macros) are what its maker chose to show, and what
 * sits in its chains (one pad's sound in a kit) is for the musician to pick.
 */
export function defaultXY(choices: readonly XYChoice[]): SavedXY {
  const devices = choices.filter((choice) => ON_THE_TRACK.test(choice.path));
  for (const device of new Set(devices.map((choice) => choice.device))) {
    const own = devices.filter((choice) => choice.device === device);
    const cutoff = own.find((choice) => CUTOFF.test(choice.name));
    const resonance = own.find((choice) => RESONANCE.test(choice.name));
    if (cutoff && resonance) return { x: savedAxis(cutoff), y: savedAxis(resonance) };
  }
  const [x, y] = devices.length >= 2 ? devices : choices;
  return { x: x ? savedAxis(x) : null, y: y ? savedAxis(y) : null };
}
