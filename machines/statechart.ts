/**
 * A machine's statechart as plain data, read from its definition (XState's
 * state nodes): its states nested as they are, and its transitions with the
 * event (or delay, or `always`) and guard that take them. The inspector
 * draws it (`ui/inspector`), and machines/README.md holds it as diagrams
 * generated from the code. Transitions without a target (actions only) are
 * not edges: they change no state. Pure: no I/O.
 */
import type { AnyStateMachine, StateValue } from 'xstate';

export type ChartStateType = 'atomic' | 'compound' | 'parallel' | 'final' | 'history';

/** A state of the chart. */
export interface ChartState {
  /** XState's id of the state node (`parameter.bound.ready`, or its own `#id`). */
  id: string;
  /** Its key in its parent (`ready`); the machine's id for the root. */
  key: string;
  /** The parent state's id; null for the root (the machine). */
  parent: string | null;
  type: ChartStateType;
  /** Whether it is its parent's initial state. */
  initial: boolean;
  tags: readonly string[];
  /** What it invokes while in it (the actors' sources). */
  invokes: readonly string[];
}

/** A transition from one state to another. */
export interface ChartEdge {
  id: string;
  from: string;
  to: string;
  /** The event (`ui.touch`), `after 250 ms` or `always`, with its guard in brackets. */
  label: string;
}

export interface Chart {
  /** The machine's id. */
  machine: string;
  /** Every state, parents before their children, the root first. */
  states: readonly ChartState[];
  edges: readonly ChartEdge[];
}

/** XState's state node: the chart reads its public definition. */
type Node = AnyStateMachine['root'];

/** A guard's name: a named guard, `not(x)`, or "guard" for an inline one. */
function guardName(guard: unknown): string | null {
  if (guard === undefined || guard === null) return null;
  if (typeof guard === 'string') return guard;
  if (typeof guard === 'object' && 'type' in guard && typeof guard.type === 'string') return guard.type;
  return 'guard';
}

/** An event's name as a developer reads it: XState's done and error events of an actor by the actor's id. */
function eventText(event: string): string {
  const done = /^xstate\.done\.actor\.(.+)$/.exec(event);
  if (done) return `${done[1]} done`;
  const error = /^xstate\.error\.actor\.(.+)$/.exec(event);
  if (error) return `${error[1]} failed`;
  return event;
}

function sourceName(src: unknown): string {
  if (typeof src === 'string') return src;
  if (typeof src === 'object' && src !== null && 'id' in src && typeof src.id === 'string') return src.id;
  return 'actor';
}

function delayText(delay: unknown): string {
  if (typeof delay === 'number') return `after ${delay} ms`;
  // a named delay (the machine's `delays`), or one computed from the context
  return typeof delay === 'string' ? `after ${delay}` : 'after a delay';
}

/** The chart of `machine`. */
export function chartOf(machine: AnyStateMachine): Chart {
  const root = machine.root;
  const states: ChartState[] = [];
  const edges: ChartEdge[] = [];
  const walk = (node: Node, parent: Node | null): void => {
    const initialOf = parent?.initial.target ?? [];
    states.push({
      id: node.id,
      key: parent === null ? machine.id : node.key,
      parent: parent?.id ?? null,
      type: node.type,
      initial: initialOf.some((target) => target.id === node.id),
      tags: [...node.tags],
      invokes: node.invoke.map((definition) => sourceName(definition.src)),
    });
    const add = (transition: { target?: readonly Node[]; guard?: unknown }, label: string): void => {
      const guard = guardName(transition.guard);
      const text = guard === null ? label : `${label} [${guard}]`;
      for (const target of transition.target ?? [])
        edges.push({ id: `${node.id}→${target.id}#${edges.length}`, from: node.id, to: target.id, label: text });
    };
    for (const [event, transitions] of node.transitions) {
      // delayed transitions are listed by their delay below, not by XState's internal event name
      if (event.startsWith('xstate.after.')) continue;
      for (const transition of transitions) add(transition, eventText(event));
    }
    for (const transition of node.after) add(transition, delayText(transition.delay));
    for (const transition of node.always ?? []) add(transition, 'always');
    for (const child of Object.values(node.states)) walk(child, node);
  };
  walk(root, null);
  return { machine: machine.id, states, edges };
}

/** The ids of the states a snapshot's value is in (the root included), to light them. */
export function litStates(machine: AnyStateMachine, value: StateValue): Set<string> {
  const lit = new Set<string>();
  const visit = (node: Node, at: StateValue | undefined): void => {
    lit.add(node.id);
    if (at === undefined) return;
    if (typeof at === 'string') {
      const child = node.states[at];
      if (child) visit(child, undefined);
      return;
    }
    for (const [key, inner] of Object.entries(at)) {
      const child = node.states[key];
      if (child) visit(child, inner);
    }
  };
  visit(machine.root, value);
  return lit;
}
