/**
 * The inspector's actor tree as rows (`ActorTree`): every recorded actor
 * under its parent, in the order they started, by the names Live gives them
 * (`machines/actor-names.ts`). Invocations (the effects' promises, callbacks
 * and observations) are left out unless asked for; a filter keeps the actors
 * whose name, kind or state hold its words, with their parents so each still
 * shows where it sits. Pure.
 */
import type { StateValue } from 'xstate';
import type { InspectedActor } from '../../machines/inspection';

export interface ActorRow {
  sessionId: string;
  name: string;
  /** How deep it sits: 0 for a root. */
  depth: number;
  /** Its machine's id, or an invocation's source (`read`, `observe`). */
  kind: string;
  /** Its state as text (`bound.ready`); an invocation's status. */
  state: string;
  status: InspectedActor['status'];
  invocation: boolean;
  /** It matched the filter itself (not only as a parent of one that did). */
  matched: boolean;
}

/** A state value as text: `bound.ready`, parallel regions joined by ` | `. */
export function stateText(value: StateValue | null): string {
  if (value === null) return '';
  if (typeof value === 'string') return value;
  return Object.entries(value)
    .map(([key, inner]) => {
      const rest = stateText(inner ?? null);
      return rest === '' ? key : `${key}.${rest}`;
    })
    .join(' | ');
}

export interface RowOptions {
  showInvocations: boolean;
  /** Words each shown actor's name, kind or state holds (any case); empty: all. */
  filter: string;
}

export function actorRows(
  actors: ReadonlyMap<string, InspectedActor>,
  names: ReadonlyMap<string, string>,
  { showInvocations, filter }: RowOptions,
): ActorRow[] {
  const shown = [...actors.values()].filter((actor) => showInvocations || actor.machine !== null);
  const shownIds = new Set(shown.map((actor) => actor.sessionId));
  const children = new Map<string | null, InspectedActor[]>();
  for (const actor of shown) {
    // a parent not shown (or not recorded) leaves its child a root
    const parent = actor.parent !== null && shownIds.has(actor.parent) ? actor.parent : null;
    children.set(parent, [...(children.get(parent) ?? []), actor]);
  }
  const words = filter.trim().toLowerCase().split(/\s+/).filter(Boolean);
  const rowOf = (actor: InspectedActor, depth: number): ActorRow => {
    const name = names.get(actor.sessionId) ?? actor.id;
    const kind = actor.machine?.id ?? actor.src ?? actor.id;
    const state = actor.machine === null ? actor.status : stateText(actor.value);
    const haystack = `${name} ${kind} ${state}`.toLowerCase();
    return {
      sessionId: actor.sessionId,
      name,
      depth,
      kind,
      state,
      status: actor.status,
      invocation: actor.machine === null,
      matched: words.every((word) => haystack.includes(word)),
    };
  };
  const rows: ActorRow[] = [];
  /** Adds the subtree of `actor`; whether anything in it matched. */
  const add = (actor: InspectedActor, depth: number): boolean => {
    const row = rowOf(actor, depth);
    const at = rows.length;
    rows.push(row);
    let any = row.matched;
    const ordered = [...(children.get(actor.sessionId) ?? [])].sort((a, b) => a.startedAt - b.startedAt);
    for (const child of ordered) any = add(child, depth + 1) || any;
    if (!any) rows.splice(at);
    return any;
  };
  for (const root of [...(children.get(null) ?? [])].sort((a, b) => a.startedAt - b.startedAt)) add(root, 0);
  return rows;
}
