/**
 * A beat whose pace follows a state: a tick at once when the state changes,
 * then one every `periodOf(state)` ms (keep-alive pings, faster while a
 * control is touched). The tick at once makes a change of pace felt now,
 * not after the old period runs out.
 */
import { asyncScheduler, map, switchMap, timer, type OperatorFunction, type SchedulerLike } from 'rxjs';

/** For each source value: that value at once (scheduled), then again every `periodOf(value)` ms, until the next. */
export function pulse<T>(
  periodOf: (value: T) => number,
  scheduler: SchedulerLike = asyncScheduler,
): OperatorFunction<T, T> {
  return (source) => source.pipe(switchMap((value) => timer(0, periodOf(value), scheduler).pipe(map(() => value))));
}
