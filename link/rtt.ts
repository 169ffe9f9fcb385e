/** Round-trip time and jitter, smoothed (EWMA), from keep-alive pings. */
export interface RttStats {
  /** The last round trip, ms. */
  last: number;
  /** Smoothed round trip, ms. */
  mean: number;
  /** Smoothed variation between consecutive round trips, ms. */
  jitter: number;
  samples: number;
}

/** Smooths round-trip samples into `RttStats`; `weight` is how much each new sample counts. */
export class RttMeter {
  private stats: RttStats | null = null;

  constructor(private readonly weight = 0.2) {}

  /** Adds a round trip, in ms, and gives the figures with it. */
  add(sample: number): RttStats {
    const previous = this.stats;
    this.stats =
      previous === null
        ? { last: sample, mean: sample, jitter: 0, samples: 1 }
        : {
            last: sample,
            mean: previous.mean + this.weight * (sample - previous.mean),
            jitter: previous.jitter + this.weight * (Math.abs(sample - previous.last) - previous.jitter),
            samples: previous.samples + 1,
          };
    return this.stats;
  }

  /** The figures so far; null before the first sample. */
  get current(): RttStats | null {
    return this.stats;
  }
}
