/**
 * A fake actor for connected components: it holds a snapshot the test sets
 * (made by the real machine's `resolveState`, so selectors see true
 * snapshots) and records what the component sends.
 */
import type { AnyActorRef, EventObject } from 'xstate';

export interface FakeActor<TSnapshot> {
  actor: AnyActorRef;
  /** Every event the component sent, in order. */
  sent: EventObject[];
  /** The actor moves to a new snapshot; subscribers hear of it. */
  emit: (snapshot: TSnapshot) => void;
}

export function fakeActor<TSnapshot>(initial: TSnapshot): FakeActor<TSnapshot> {
  let snapshot = initial;
  const listeners = new Set<(snapshot: TSnapshot) => void>();
  const sent: EventObject[] = [];
  const actor = {
    id: 'fake',
    sessionId: 'fake',
    getSnapshot: () => snapshot,
    subscribe: (listener: ((snapshot: TSnapshot) => void) | { next?: (snapshot: TSnapshot) => void }) => {
      const next = typeof listener === 'function' ? listener : (value: TSnapshot) => listener.next?.(value);
      listeners.add(next);
      return { unsubscribe: () => listeners.delete(next) };
    },
    send: (event: EventObject) => {
      sent.push(event);
    },
  };
  return {
    actor: actor as unknown as AnyActorRef,
    sent,
    emit: (next) => {
      snapshot = next;
      for (const listener of listeners) listener(next);
    },
  };
}
