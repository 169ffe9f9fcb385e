/**
 * Keep-alive pings while the link is online, with round-trip time and jitter:
 * one at once after each hello, then every `everyMs`, or every
 * `whileTouchedMs` while a control is touched (which also keeps a tablet's
 * Wi-Fi awake when it matters). A change of touch pings at once.
 */
import {
  asyncScheduler,
  BehaviorSubject,
  catchError,
  distinctUntilChanged,
  EMPTY,
  from,
  map,
  mergeMap,
  switchMap,
  type Observable,
  type SchedulerLike,
} from 'rxjs';
import { pulse } from './operators/pulse';
import { RttMeter, type RttStats } from './rtt';

/** What keep-alive needs of the link and the clock. */
export interface KeepAliveOptions {
  /** Whether the bridge has greeted the current socket. */
  online$: Observable<boolean>;
  /** One ping; settles when the bridge answers (or fails, which is no sample). */
  ping: () => Promise<unknown>;
  everyMs: number;
  whileTouchedMs: number;
  /** Where the pings are scheduled. */
  scheduler?: SchedulerLike;
  /** A clock for round trips, in ms. */
  now?: () => number;
}

/** The keep-alive of one link. */
export class KeepAlive {
  /** Round-trip figures after each answered ping (pinging only while subscribed). */
  readonly rtt$: Observable<RttStats>;
  private touching = 0;
  private readonly touched$ = new BehaviorSubject(false);

  constructor(options: KeepAliveOptions) {
    const { everyMs, whileTouchedMs, scheduler = asyncScheduler, now = () => performance.now() } = options;
    const meter = new RttMeter();
    this.rtt$ = options.online$.pipe(
      switchMap((online) =>
        online
          ? this.touched$.pipe(
              distinctUntilChanged(),
              pulse((touched) => (touched ? whileTouchedMs : everyMs), scheduler),
            )
          : EMPTY,
      ),
      mergeMap(() => {
        const started = now();
        return from(options.ping()).pipe(
          map(() => meter.add(now() - started)),
          catchError(() => EMPTY),
        );
      }),
    );
  }

  /** A control is touched (true) or released (false); touches from several controls add up. */
  touch(active: boolean): void {
    this.touching = Math.max(0, this.touching + (active ? 1 : -1));
    this.touched$.next(this.touching > 0);
  }
}
