/**
 * Splits each array into arrays of at most `size`, in order: one tick's
 * requests become frames the bridge accepts (it refuses a batch over its limit).
 */
import { concatMap, type OperatorFunction } from 'rxjs';

/** Each array as consecutive pieces of at most `size` items (an empty array gives none). */
export function inChunksOf<T>(size: number): OperatorFunction<readonly T[], T[]> {
  if (!Number.isInteger(size) || size < 1) throw new RangeError(`a chunk holds at least one item, not ${size}`);
  return (source) =>
    source.pipe(
      concatMap((items) =>
        Array.from({ length: Math.ceil(items.length / size) }, (_, index) =>
          items.slice(index * size, (index + 1) * size),
        ),
      ),
    );
}
