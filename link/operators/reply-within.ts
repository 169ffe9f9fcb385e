/**
 * The first value of a reply stream, or a `timeout` error after `ms`:
 * nothing waits forever.
 */
import { asyncScheduler, take, throwError, timeout, type MonoTypeOperatorFunction, type SchedulerLike } from 'rxjs';
import { LinkError } from '../errors';

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
