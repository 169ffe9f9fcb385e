/**
 * Observations that come and go in one actor, for a machine that observes a
 * changing set of objects (the pads a Drum Rack shows as it scrolls): the
 * machine says which observations it wants now; new ones start, those left
 * out stop, and those kept go on untouched (Live is not asked again for
 * them). One child with one id, so the machine hears its values and failures
 * by name, not a family of children by prefix.
 */
import {
  catchError,
  filter,
  map,
  mergeMap,
  of,
  pairwise,
  share,
  startWith,
  Subject,
  takeUntil,
  type Observable,
  type OperatorFunction,
} from 'rxjs';
import { fromCallback } from 'xstate';
import type { JsonValue } from '../protocol/src/index';
import type { LiveFailed, LiveValue, ObserveInput, ObserveManyRequest } from './effects';

/** One observation: the current value, then changes; an error when it ends (as LiveLink's `observe`). */
export type ObserveOne = (input: ObserveInput) => Observable<JsonValue>;

const wants = (set: readonly ObserveInput[], key: string): boolean => set.some((wanted) => wanted.key === key);

/**
 * From the sets of observations wanted, one after another: the values of
 * each, by key, and a `live.failed` for one that ends with an error (the
 * others go on). An observation is made once while it stays in the sets.
 */
export function observeMany(observe: ObserveOne): OperatorFunction<readonly ObserveInput[], LiveValue | LiveFailed> {
  return (source) => {
    const sets = source.pipe(share());
    return sets.pipe(
      startWith<readonly ObserveInput[]>([]),
      pairwise(),
      mergeMap(([before, now]) => now.filter((wanted) => !wants(before, wanted.key))),
      mergeMap((input) =>
        observe(input).pipe(
          map((value): LiveValue => ({ type: 'live.value', key: input.key, value })),
          catchError((error: unknown) => of<LiveFailed>({ type: 'live.failed', key: input.key, error })),
          takeUntil(sets.pipe(filter((set) => !wants(set, input.key)))),
        ),
      ),
    );
  };
}

/** The `observeMany` effect, from a way to observe one property. */
export function observeManyLogic(observe: ObserveOne) {
  return fromCallback<ObserveManyRequest, void>(({ receive, sendBack }) => {
    const sets = new Subject<readonly ObserveInput[]>();
    const subscription = sets.pipe(observeMany(observe)).subscribe(sendBack);
    receive((event) => sets.next(event.observations));
    return () => subscription.unsubscribe();
  });
}
