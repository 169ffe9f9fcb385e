/**
 * Virtual time for LiveLink's tests: one RxJS VirtualTimeScheduler for every
 * timer (batching, timeouts, pings, retry waits), moved forward by the test,
 * with promises let through between timers, so what takes seconds on a
 * tablet takes no real time and happens in a fixed order.
 */
import { VirtualTimeScheduler } from 'rxjs';

/** Enough turns for the longest promise chain in the link (socket, hello, reply, state) to settle. */
const MICROTASK_TURNS = 50;

async function letPromisesRun(): Promise<void> {
  for (let turn = 0; turn < MICROTASK_TURNS; turn += 1) await Promise.resolve();
}

/** A clock the test moves. */
export class VirtualTime {
  /** Give it to the link as its batch and timer scheduler. */
  readonly scheduler = new VirtualTimeScheduler();

  /** Virtual ms since the start. */
  get now(): number {
    return this.scheduler.now();
  }

  /** Lets promises settle and runs whatever is due now. */
  tick(): Promise<void> {
    return this.advance(0);
  }

  /** Moves `ms` forward, running each timer at its time, with promises settled between them. */
  async advance(ms: number): Promise<void> {
    const until = this.scheduler.frame + ms;
    for (;;) {
      await letPromisesRun();
      const next = this.scheduler.actions[0];
      if (next === undefined || next.delay > until) break;
      // only what is due at that moment: promises it starts settle before the next timer
      this.scheduler.maxFrames = next.delay;
      this.scheduler.flush();
    }
    this.scheduler.frame = until;
  }

  /** Moves forward until `promise` settles (at most `limitMs`), and gives its outcome. */
  async until<T>(promise: Promise<T>, limitMs = 60_000): Promise<T> {
    let settled = false;
    const watched = promise.finally(() => {
      settled = true;
    });
    // a rejection is the caller's to see when it awaits, not an unhandled one if the limit comes first
    watched.catch(() => undefined);
    const limit = this.scheduler.frame + limitMs;
    await letPromisesRun();
    while (!settled) {
      const next = this.scheduler.actions[0];
      if (next === undefined || next.delay > limit) throw new Error(`nothing settled within ${limitMs} virtual ms`);
      await this.advance(next.delay - this.scheduler.frame);
    }
    return watched;
  }
}
