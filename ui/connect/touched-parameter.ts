/**
 * The parameter last moved on this tablet (a knob's, a fader's, a pad's
 * drag): the envelope editor offers it first, as Live offers the control
 * last touched. One per page, kept in memory only.
 */
import { useSyncExternalStore } from 'react';

let last: string | null = null;
const listeners = new Set<() => void>();

/** A control of `target` (a parameter's id or path) began to move. */
export function parameterMoved(target: string | null): void {
  if (target === null || target === '' || target === last) return;
  last = target;
  for (const listener of [...listeners]) listener();
}

/** The parameter last moved here, or null. */
export function lastMovedParameter(): string | null {
  return last;
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The parameter last moved on this tablet, re-rendering when another moves. */
export function useLastMovedParameter(): string | null {
  return useSyncExternalStore(subscribe, lastMovedParameter, lastMovedParameter);
}
