/** Exponential backoff with a ceiling and a little jitter (so many bridges do not retry in step). */
export class Backoff {
  private attempt = 0;

  constructor(
    private readonly firstMs = 100,
    private readonly maxMs = 2000,
    private readonly random: () => number = Math.random,
  ) {}

  /** The wait before the next attempt. */
  next(): number {
    const base = Math.min(this.maxMs, this.firstMs * 2 ** this.attempt);
    this.attempt += 1;
    return Math.round(base * (0.8 + 0.4 * this.random()));
  }

  reset(): void {
    this.attempt = 0;
  }
}
