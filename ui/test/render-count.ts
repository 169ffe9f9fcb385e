/**
 * Which parts of a composed widget rendered: `counted` wraps a view so each
 * render of it (not of what it contains) is counted under a name. Tests put
 * it in place of a view module with `vi.mock`, then change one actor and
 * see which views rendered for it; React's Profiler around the whole widget
 * counts the commits.
 */
import { createElement, memo, type ComponentType } from 'react';

export type RenderCounts = Map<string, number>;

/** The view as it was (memoized the same way), counting its renders in `counts`. */
export function counted<P extends object>(
  View: ComponentType<P>,
  name: string,
  counts: RenderCounts,
): ComponentType<P> {
  return memo(function Counted(props: P) {
    counts.set(name, (counts.get(name) ?? 0) + 1);
    return createElement(View, props);
  });
}

/** The counts as a plain object, every name present (0 when it did not render). */
export function rendered(counts: RenderCounts, names: readonly string[]): Record<string, number> {
  return Object.fromEntries(names.map((name) => [name, counts.get(name) ?? 0]));
}
