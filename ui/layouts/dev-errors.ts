/**
 * While the app runs from its sources (`npm run dev`), the mistakes Vite
 * finds in a saved layout (a syntax error, a missing import), by layout
 * file, so that layout's page shows it and the other pages go on; cleared
 * when the file is saved again and loads. Empty in a built app.
 */
import { useSyncExternalStore } from 'react';

const errors = new Map<string, string>();
const listeners = new Set<() => void>();
const changed = (): void => listeners.forEach((listener) => listener());

/** The layout file (`layouts/name.tsx`) a source path is, or null. */
export function layoutFileOf(path: string | undefined): string | null {
  const name = /[\\/]layouts[\\/]([^\\/]+\.tsx)$/.exec(path ?? '')?.[1];
  return name === undefined ? null : `layouts/${name}`;
}

if (import.meta.hot) {
  import.meta.hot.on('vite:error', ({ err }) => {
    const file = layoutFileOf(err.loc?.file ?? err.id);
    if (file === null) return;
    errors.set(file, [err.message, err.frame].filter(Boolean).join('\n\n'));
    changed();
  });
  import.meta.hot.on('vite:afterUpdate', ({ updates }) => {
    let any = false;
    for (const update of updates) any = errors.delete(layoutFileOf(update.path) ?? '') || any;
    if (any) changed();
  });
}

/** What Vite says is wrong with `file` now, or null. */
export function useLayoutDevError(file: string): string | null {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => errors.get(file) ?? null,
  );
}
