/**
 * Every actor's life as a stream, from XState's `inspect` option: for an
 * in-app inspector (`actors$`: each actor's latest state, context and last
 * event), and for Stately's inspector, which takes the same events (pass
 * `createBrowserInspector().inspect` as `forward`).
 */
import { Observable, Subject, map, scan, share, startWith } from 'rxjs';
import type { InspectionEvent, Observer } from 'xstate';

/** An actor as the in-app inspector shows it. */
export interface ActorView {
  id: string;
  /** The parent's id, if any. */
  parent: string | null;
  value: unknown;
  context: unknown;
  status: string;
  lastEvent: string | null;
}

/** The inspection of one actor system: the option to pass, and its streams. */
export interface Inspection {
  /** Pass as `createActor(machine, { inspect })`. */
  inspect: (event: InspectionEvent) => void;
  events$: Observable<InspectionEvent>;
  /** Every live actor, by session id. */
  actors$: Observable<ReadonlyMap<string, ActorView>>;
}

/** An inspection, forwarding every event to `forward` too (Stately's inspector) when given. */
export function createInspection(forward?: Observer<InspectionEvent> | ((event: InspectionEvent) => void)): Inspection {
  const events = new Subject<InspectionEvent>();
  const actors$ = events.pipe(
    scan(
      (actors, event) => {
        const id = event.actorRef.sessionId;
        const previous = actors.get(id);
        const parent = (event.actorRef as { _parent?: { sessionId: string } })._parent?.sessionId ?? null;
        if (event.type === '@xstate.snapshot') {
          const snapshot = event.snapshot as { value?: unknown; context?: unknown; status: string };
          const next = new Map(actors);
          next.set(id, {
            id,
            parent,
            value: snapshot.value,
            context: snapshot.context,
            status: snapshot.status,
            lastEvent: previous?.lastEvent ?? null,
          });
          return next;
        }
        if (event.type === '@xstate.event' && previous) {
          const next = new Map(actors);
          next.set(id, { ...previous, lastEvent: event.event.type });
          return next;
        }
        return actors;
      },
      new Map<string, ActorView>() as ReadonlyMap<string, ActorView>,
    ),
    startWith(new Map<string, ActorView>() as ReadonlyMap<string, ActorView>),
    share(),
  );
  return {
    inspect: (event) => {
      events.next(event);
      if (typeof forward === 'function') forward(event);
      else forward?.next?.(event);
    },
    events$: events.asObservable(),
    actors$: actors$.pipe(map((actors) => actors)),
  };
}
