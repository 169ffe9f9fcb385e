/**
 * Collects what a source emits during one turn of the event loop into one
 * array (one WebSocket frame for all requests made in the same tick).
 */
import { asapScheduler, Observable, type OperatorFunction, type SchedulerLike } from 'rxjs';

/** Everything emitted before `scheduler` runs next, as one array; what is pending goes out before an error or the end. */
export function batchPerTick<T>(scheduler: SchedulerLike = asapScheduler): OperatorFunction<T, T[]> {
  return (source) =>
    new Observable<T[]>((subscriber) => {
      let batch: T[] = [];
      let scheduled = false;
      const flush = (): void => {
        scheduled = false;
        if (batch.length === 0) return;
        const full = batch;
        batch = [];
        subscriber.next(full);
      };
      const subscription = source.subscribe({
        next(value) {
          batch.push(value);
          if (!scheduled) {
            scheduled = true;
            subscriber.add(scheduler.schedule(flush));
          }
        },
        error(error) {
          flush();
          subscriber.error(error);
        },
        complete() {
          flush();
          subscriber.complete();
        },
      });
      return subscription;
    });
}
