/**
 * Path coverage of a machine with `xstate/graph`: every state node must be
 * reachable by the given events (invoke outcomes included, as
 * `xstate.done.actor.<id>` / `xstate.error.actor.<id>`), and every shortest
 * path must replay on a real actor to the same state.
 */
import { createActor, type AnyStateMachine, type EventObject } from 'xstate';
import { getShortestPaths, getStateNodes } from 'xstate/graph';

export interface Coverage {
  paths: number;
  stateNodes: string[];
  reached: string[];
  unreached: string[];
}

/** Every state node id a snapshot is in (with its ancestors). */
function activeNodes(snapshot: { _nodes: { id: string }[] }): string[] {
  return snapshot._nodes.map((node) => node.id);
}

/**
 * `summary` picks what of the context makes a state different (the default,
 * the whole context, makes the graph explode).
 */
export function coverage(
  machine: AnyStateMachine,
  events: EventObject[],
  input: unknown,
  replayWith: AnyStateMachine,
  summary: (context: never) => unknown = () => null,
): Coverage {
  const paths = getShortestPaths(machine, {
    events,
    input,
    serializeState: (state: { value: unknown; context: never }) =>
      JSON.stringify([state.value, summary(state.context)]),
  } as never);
  const reached = new Set<string>();
  for (const path of paths) {
    for (const id of activeNodes(path.state as never)) reached.add(id);
    // replay on a real actor: the same events lead to the same state
    const actor = createActor(replayWith, { input } as never).start();
    for (const step of path.steps) actor.send(step.event);
    const replayed = JSON.stringify(actor.getSnapshot().value);
    actor.stop();
    if (replayed !== JSON.stringify((path.state as { value: unknown }).value)) {
      throw new Error(`a path does not replay: ${path.steps.map((s) => s.event.type).join(' > ')} gave ${replayed}`);
    }
  }
  // a transient node (an unguarded `always` leaves it at once) is never a state an actor rests in
  const transient = (node: { always?: { guard?: unknown }[] }): boolean =>
    (node.always ?? []).some((transition) => !transition.guard);
  const stateNodes = getStateNodes(machine)
    .filter((node) => !transient(node as never))
    .map((node) => node.id);
  return {
    paths: paths.length,
    stateNodes,
    reached: [...reached],
    unreached: stateNodes.filter((id) => !reached.has(id)),
  };
}
