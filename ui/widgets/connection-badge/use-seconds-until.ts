/** A countdown for "trying again in N s": whole seconds until a moment, re-rendered as they pass. */
import { useEffect, useState } from 'react';

const secondsUntil = (at: number, now: number): number => Math.max(0, Math.ceil((at - now) / 1000));

/** Whole seconds from now until `at` (ms since the epoch), 0 once it passed; null for no moment. */
export function useSecondsUntil(at: number | null, now: () => number = Date.now): number | null {
  const [, setTick] = useState(0);
  useEffect(() => {
    if (at === null) return undefined;
    // four times a second: the number turns within a quarter second of the true one
    const timer = setInterval(() => setTick((tick) => tick + 1), 250);
    return () => clearInterval(timer);
  }, [at]);
  return at === null ? null : secondsUntil(at, now());
}
