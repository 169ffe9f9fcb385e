/**
 * Note repeat's rates and how long each lasts at a tempo. Live counts its
 * tempo in quarter notes whatever the time signature, so a rate is a number
 * of quarter notes; a triplet fits three in the time of two.
 */

/** The rates a drum pad repeats at, longest first. */
export const REPEAT_RATES = ['1/4', '1/4t', '1/8', '1/8t', '1/16', '1/16t', '1/32', '1/32t'] as const;

/** A rate note repeat strikes at (`t`: triplets). */
export type RepeatRate = (typeof REPEAT_RATES)[number];

/** The rate a drum pads machine starts with. */
export const DEFAULT_RATE: RepeatRate = '1/16';

/** Live's tempo range (BPM). */
export const TEMPO_LIMITS = { min: 20, max: 999 } as const;

/** Whether a value (from the UI, a saved setting) is a rate note repeat knows. */
export const isRepeatRate = (value: unknown): value is RepeatRate =>
  (REPEAT_RATES as readonly unknown[]).includes(value);

/** How a rate reads: `1/16`, `1/16T`. */
export const rateLabel = (rate: RepeatRate): string => rate.replace('t', 'T');

/** A rate's length in quarter notes. */
export function quarterNotes(rate: RepeatRate): number {
  const triplet = rate.endsWith('t');
  const division = Number(rate.slice(2, triplet ? -1 : undefined));
  return (4 / division) * (triplet ? 2 / 3 : 1);
}

/** A tempo Live could have: out-of-range or missing values fall back to the nearest (or 120). */
export function usableTempo(bpm: number): number {
  if (!Number.isFinite(bpm) || bpm <= 0) return 120;
  return Math.min(TEMPO_LIMITS.max, Math.max(TEMPO_LIMITS.min, bpm));
}

/** Milliseconds between two repeats of a held pad. */
export function repeatIntervalMs(rate: RepeatRate, bpm: number): number {
  return (60_000 / usableTempo(bpm)) * quarterNotes(rate);
}
