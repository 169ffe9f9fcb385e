/**
 * Values from a drag: sent latest-wins per (target, prop), at most one `set`
 * in flight per key, the newest replacing the unsent one, the last always sent.
 * Each caller learns when its value, or a newer one for the same key, is in Live.
 */
import { defer, from, Subject } from 'rxjs';
import type { JsonValue } from '../protocol/src/index';
import { latestWinsByKey } from './operators/latest-wins';

interface Item {
  key: string;
  target: string;
  prop: string;
  value: JsonValue;
  seq: number;
}

type Outcome = { item: Item } | { item: Item; error: unknown };

interface Waiter {
  seq: number;
  resolve: () => void;
  reject: (error: unknown) => void;
}

/** How a value is set in Live. */
export type SetValue = (target: string, prop: string, value: JsonValue) => Promise<unknown>;

/** The latest-wins sets of one link. */
export class LatestSets {
  private readonly items$ = new Subject<Item>();
  private readonly waiters = new Map<string, Waiter[]>();
  private lastSeq = 0;

  constructor(set: SetValue) {
    this.items$
      .pipe(
        latestWinsByKey(
          (item) => item.key,
          (item) =>
            defer(() =>
              from(
                set(item.target, item.prop, item.value).then(
                  (): Outcome => ({ item }),
                  (error: unknown): Outcome => ({ item, error }),
                ),
              ),
            ),
        ),
      )
      .subscribe((outcome) => this.settle(outcome));
  }

  /** Resolves when this value, or a newer one for the same key, is in Live; rejects if this very value failed. */
  set(target: string, prop: string, value: JsonValue): Promise<void> {
    const key = `${target}\u0000${prop}`;
    this.lastSeq += 1;
    const seq = this.lastSeq;
    const done = new Promise<void>((resolve, reject) => {
      const waiters = this.waiters.get(key) ?? [];
      waiters.push({ seq, resolve, reject });
      this.waiters.set(key, waiters);
    });
    this.items$.next({ key, target, prop, value, seq });
    return done;
  }

  private settle(outcome: Outcome): void {
    const { item } = outcome;
    const waiters = this.waiters.get(item.key) ?? [];
    const rest = waiters.filter((waiter) => waiter.seq > item.seq);
    if (rest.length > 0) this.waiters.set(item.key, rest);
    else this.waiters.delete(item.key);
    for (const waiter of waiters) {
      if (waiter.seq > item.seq) continue;
      // an overtaken value never went out: the newer one that did answers for it
      if ('error' in outcome && waiter.seq === item.seq) waiter.reject(outcome.error);
      else waiter.resolve();
    }
  }
}
