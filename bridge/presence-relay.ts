/**
 * How often one client hears the presence list: at once after a quiet
 * spell, then at most once per period while things keep changing. What
 * changes within a period goes out at its end, read then (latest wins), so
 * the final state always arrives and a burst of changes costs one frame.
 */

/** The timers a relay runs on (Node's, or a test's fakes). */
export interface RelayTimers {
  setTimeout(work: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const nodeTimers: RelayTimers = {
  setTimeout: (work, ms) => setTimeout(work, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** One client's relay: `poke` says something changed; `send` reads and sends the latest. */
export class PresenceRelay {
  private timer: unknown = null;
  private due = false;

  constructor(
    private readonly send: () => void,
    private readonly everyMs: number,
    private readonly timers: RelayTimers = nodeTimers,
  ) {}

  /** Something changed: sent now if the last send is older than the period, else at the period's end. */
  poke(): void {
    if (this.timer !== null) {
      this.due = true;
      return;
    }
    this.send();
    this.rest();
  }

  /** The client left: nothing more is sent. */
  stop(): void {
    if (this.timer !== null) this.timers.clearTimeout(this.timer);
    this.timer = null;
    this.due = false;
  }

  private rest(): void {
    this.timer = this.timers.setTimeout(() => {
      this.timer = null;
      if (!this.due) return;
      this.due = false;
      this.send();
      this.rest();
    }, this.everyMs);
  }
}
