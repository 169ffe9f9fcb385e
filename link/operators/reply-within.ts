/**
 * The first value of a reply stream, or a `timeout` error after `ms`:
 * nothing waits forever.
 */
import { asyncScheduler, take, throwError, timeout, type MonoTypeOperatorFunction, type SchedulerLike } from 'rxjs';
import { LinkError } from '../errors';

/** The first value, or a `LinkError('timeout')` when none came within `ms` on `scheduler`. */
export function replyWithin<T>(ms: number, scheduler: SchedulerLike = asyncScheduler): MonoTypeOperatorFunction<T> {
  return (source) =>
    source.pipe(
      take(1),
      timeout({
        first: ms,
        scheduler,
        with: () => throwError(() => new LinkError('timeout', `no reply within ${ms} ms`)),
      }),
    );
}
