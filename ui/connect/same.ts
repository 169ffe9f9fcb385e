/**
 * The equality tests selectors hand to `useSelector`: a selection that is the
 * same as the last one re-renders nothing, so each view compares what it
 * shows, not the snapshot it came from.
 */

/** Two views are the same when every field is (arrays and actors compare by identity: the machines keep them). */
export function sameView<T extends object>(a: T, b: T): boolean {
  for (const key of Object.keys(a) as (keyof T)[]) if (!Object.is(a[key], b[key])) return false;
  return true;
}

/** Two lists are the same when they hold the same items (actors, by identity) in the same order. */
export const sameList = <T>(a: readonly T[], b: readonly T[]): boolean =>
  a.length === b.length && a.every((item, index) => item === b[index]);
