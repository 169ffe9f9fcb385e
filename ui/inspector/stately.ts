/**
 * Stately's inspector for developers who prefer it (`?inspect=stately`):
 * the same inspection events go to its window (stately.ai/inspect, opened
 * by `@statelyai/inspect`). Its module loads only with the flag; events
 * before it has loaded wait for it (the latest STATELY_QUEUE of them).
 */
import type { InspectionEvent } from 'xstate';

const STATELY_QUEUE = 2000;

/** The Stately inspector's module, as far as this uses it (a test gives its own). */
export interface StatelyModule {
  createBrowserInspector: () => { inspect: { next?: (event: InspectionEvent) => void } };
}

/** A forward for `createInspection` that hands every event to Stately's inspector once it has loaded. */
export function statelyForward(
  load: () => Promise<StatelyModule> = () => import('@statelyai/inspect'),
): (event: InspectionEvent) => void {
  let queued: InspectionEvent[] = [];
  let send: ((event: InspectionEvent) => void) | null = null;
  load().then(
    ({ createBrowserInspector }) => {
      const { inspect } = createBrowserInspector();
      send = (event) => inspect.next?.(event);
      for (const event of queued) send(event);
      queued = [];
    },
    (error: unknown) => {
      console.error('LiveSurface: Stately’s inspector did not load', error);
      queued = [];
      send = () => {};
    },
  );
  return (event) => {
    if (send) send(event);
    else if (queued.push(event) > STATELY_QUEUE) queued.shift();
  };
}
