/**
 * Path coverage of a machine with `xstate/graph`: every state node must be
 * reachable by the given events (invoke outcomes included, as
 * `xstate.done.actor.<id>` / `xstate.error.actor.<id>`, built with `done` and
 * `failure`; timers as `after`), and every shortest path must replay on a
 * real actor to the same state.
 */
import {
  createActor,
  getNextSnapshot,
  type AnyStateMachine,
  type ContextFrom,
  type DoneActorEvent,
  type ErrorActorEvent,
  type EventFromLogic,
  type InputFrom,
  type SnapshotFrom,
} from 'xstate';
import { getShortestPaths, getStateNodes } from 'xstate/graph';

/** What coverage found: how many paths, every state node, those reached and those not. */
export interface Coverage {
  paths: number;
  stateNodes: string[];
  reached: string[];
  unreached: string[];
}

/** A delay that elapsed in a state. */
export interface AfterEvent {
  type: `xstate.after.${string}`;
}

/** What XState raises for a machine besides the events it declares: an invoke done or failed, a delay elapsed. */
export type Outcome = DoneActorEvent<unknown, string> | ErrorActorEvent<unknown, string> | AfterEvent;

/** The events a path may take: the machine's own, and the outcomes of its invokes and delays. */
export type PathEvent<TMachine extends AnyStateMachine> = EventFromLogic<TMachine> | Outcome;

/** `xstate.done.actor.<id>`: the invoke or child `id` answered `output`. */
export function done<const TId extends string>(id: TId, output: unknown): DoneActorEvent<unknown, TId> {
  return { type: `xstate.done.actor.${id}`, output, actorId: id };
}

/** `xstate.error.actor.<id>`: the invoke or child `id` failed with `error`. */
export function failure<const TId extends string>(id: TId, error: unknown): ErrorActorEvent<unknown, TId> {
  return { type: `xstate.error.actor.${id}`, error, actorId: id };
}

/** `xstate.after.<delay>.<state id>`: the named delay elapsed in the state (e.g. `after('retryDelay', 'scene.failed')`). */
export function after(delay: string, stateId: string): AfterEvent {
  return { type: `xstate.after.${delay}.${stateId}` };
}

/**
 * An outcome as one of the machine's events: XState raises outcomes itself
 * and types a machine's events without them, while its graph and transition
 * functions take them all the same. The one place the two are joined.
 */
function asMachineEvent<TMachine extends AnyStateMachine>(event: PathEvent<TMachine>): EventFromLogic<TMachine> {
  return event as EventFromLogic<TMachine>;
}

/** Every state node id a snapshot is in (with its ancestors). */
function activeNodes(snapshot: { _nodes: readonly { id: string }[] }): string[] {
  return snapshot._nodes.map((node) => node.id);
}

/** A transient node (an unguarded `always` leaves it at once) is never a state an actor rests in. */
const transient = (node: { always?: readonly { guard?: unknown }[] }): boolean =>
  (node.always ?? []).some((transition) => !transition.guard);

/**
 * `summary` picks what of the context makes a state different (the default,
 * the whole context, makes the graph explode).
 */
export function coverage<TMachine extends AnyStateMachine>(
  machine: TMachine,
  events: readonly PathEvent<TMachine>[],
  input: InputFrom<TMachine>,
  replayWith: TMachine,
  summary: (context: ContextFrom<TMachine>) => unknown = () => null,
): Coverage {
  const paths = getShortestPaths(machine, {
    events: events.map((event) => asMachineEvent<TMachine>(event)),
    input,
    serializeState: (state: { value: unknown; context: ContextFrom<TMachine> }) =>
      JSON.stringify([state.value, summary(state.context)]),
  });
  const reached = new Set<string>();
  for (const path of paths) {
    for (const id of activeNodes(path.state)) reached.add(id);
    // replay on a real actor: the same events lead to the same state
    const actor = createActor<AnyStateMachine>(replayWith, { input }).start();
    for (const step of path.steps) actor.send(step.event);
    const replayed = JSON.stringify(actor.getSnapshot().value);
    actor.stop();
    if (replayed !== JSON.stringify(path.state.value)) {
      throw new Error(
        `a path does not replay: ${path.steps.map((step: { event: { type: string } }) => step.event.type).join(' > ')} gave ${replayed}`,
      );
    }
  }
  const stateNodes = getStateNodes(machine)
    .filter((node) => !transient(node))
    .map((node) => node.id);
  return {
    paths: paths.length,
    stateNodes,
    reached: [...reached],
    unreached: stateNodes.filter((id) => !reached.has(id)),
  };
}

/** The snapshot after one event, the outcomes of invokes and delays included (for pure transition tests). */
export function nextSnapshot<TMachine extends AnyStateMachine>(
  machine: TMachine,
  snapshot: SnapshotFrom<TMachine>,
  event: PathEvent<TMachine>,
): SnapshotFrom<TMachine> {
  return getNextSnapshot(machine, snapshot, asMachineEvent(event));
}
