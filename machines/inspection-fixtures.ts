/**
 * Recorded actors made by hand, for the tests and stories of what shows
 * them (names, the inspector's tree): a machine actor of a given kind (a
 * machine of that id, nothing inside it), or an invocation (`kind` null).
 * Its start time is its session id's number, so they start in that order.
 */
import { createMachine } from 'xstate';
import type { InspectedActor } from './inspection';

export interface InspectedActorSpec {
  sessionId: string;
  parent?: string | null;
  /** The machine's id; null for an invocation. */
  kind: string | null;
  value?: InspectedActor['value'];
  context?: object;
  /** An invocation's source (default `observe`). */
  src?: string;
  status?: InspectedActor['status'];
}

export function inspectedActor(spec: InspectedActorSpec): InspectedActor {
  const { sessionId, parent = null, kind, value = null, context = {}, src = 'observe', status = 'active' } = spec;
  return {
    sessionId,
    id: sessionId,
    parent,
    machine: kind === null ? null : createMachine({ id: kind }),
    src: kind === null ? src : null,
    input: undefined,
    status,
    value,
    context,
    startedAt: Number(sessionId.replace(/^\D+/, '')),
    start: { value: null, context },
    history: [],
  };
}

/** A record of these actors, by session id. */
export const recordOf = (actors: readonly InspectedActor[]): Map<string, InspectedActor> =>
  new Map(actors.map((actor) => [actor.sessionId, actor]));
