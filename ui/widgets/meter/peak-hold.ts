/** A meter's peak: it jumps up with the level, holds, then falls. Pure, for the meter and its tests. */

export const PEAK_HOLD_MS = 1500;
/** How fast a held peak falls once the hold is over (range per second). */
export const PEAK_FALL_PER_S = 0.6;

export interface Peak {
  value: number;
  /** When it was last raised (ms). */
  at: number;
}

export function nextPeak(peak: Peak, level: number, now: number): Peak {
  if (level >= peak.value) return { value: level, at: now };
  const falling = now - peak.at - PEAK_HOLD_MS;
  if (falling <= 0) return peak;
  return { value: Math.max(level, peak.value - (falling / 1000) * PEAK_FALL_PER_S), at: peak.at };
}
