/**
 * Values flowing to Live from a drag: at most one in flight per key; a newer
 * value replaces the one waiting to be sent; the last value is always sent.
 */
import { groupBy, mergeMap, Observable, type ObservableInput, type OperatorFunction, from } from 'rxjs';

/** For one key: sends with `send`, never two at once, skipping values overtaken while one was in flight. */
export function latestWins<T, R>(send: (value: T) => ObservableInput<R>): OperatorFunction<T, R> {
  return (source) =>
    new Observable<R>((subscriber) => {
      let inFlight = false;
      let waiting: { value: T } | null = null;
      let sourceDone = false;
      const start = (value: T): void => {
        inFlight = true;
        const done = (): void => {
          inFlight = false;
          if (waiting !== null) {
            const next = waiting.value;
            waiting = null;
            start(next);
          } else if (sourceDone) {
            subscriber.complete();
          }
        };
        subscriber.add(
          from(send(value)).subscribe({
            next: (result) => subscriber.next(result),
            // a failed send does not stop the key: the next value may succeed (the caller sees the error elsewhere)
            error: done,
            complete: done,
          }),
        );
      };
      subscriber.add(
        source.subscribe({
          next(value) {
            if (inFlight) waiting = { value };
            else start(value);
          },
          error: (error) => subscriber.error(error),
          complete() {
            sourceDone = true;
            if (!inFlight) subscriber.complete();
          },
        }),
      );
    });
}

/** `latestWins` for each key of a mixed stream. */
export function latestWinsByKey<T, R>(
  keyOf: (value: T) => string,
  send: (value: T) => ObservableInput<R>,
): OperatorFunction<T, R> {
  return (source) =>
    source.pipe(
      groupBy(keyOf),
      mergeMap((group) => group.pipe(latestWins(send))),
    );
}
