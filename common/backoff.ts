/**
 * Exponential backoff: the one rule every retry in LiveSurface follows (the
 * bridge reconnecting to the script, the supervisor restarting the
 * simulator, LiveLink reconnecting to the bridge, an actor loading again).
 * Pure: no timers, no I/O, so the browser, Node and the machines share it.
 */

export interface BackoffPolicy {
  /** The first wait, ms. */
  firstMs: number;
  /** The ceiling, ms. */
  maxMs: number;
  /**
   * How much each wait may stray, as a fraction (0.2: within 20% either
   * side), so many clients do not retry in step. 0 for none.
   */
  jitter: number;
}

/** The wait before retry number `attempt` (0 for the first retry); `random` in [0, 1]. */
export function backoffDelay(attempt: number, policy: BackoffPolicy, random: () => number = Math.random): number {
  const base = Math.min(policy.maxMs, policy.firstMs * 2 ** Math.max(0, attempt));
  if (policy.jitter === 0) return base;
  return Math.round(base * (1 - policy.jitter + 2 * policy.jitter * random()));
}

/** The same rule with its count kept: `next()` for each failure, `reset()` on success. */
export class Backoff {
  private attempt = 0;
  private readonly policy: BackoffPolicy;

  constructor(
    firstMs = 100,
    maxMs = 2000,
    private readonly random: () => number = Math.random,
  ) {
    this.policy = { firstMs, maxMs, jitter: 0.2 };
  }

  /** The wait before the next attempt. */
  next(): number {
    const wait = backoffDelay(this.attempt, this.policy, this.random);
    this.attempt += 1;
    return wait;
  }

  reset(): void {
    this.attempt = 0;
  }
}
