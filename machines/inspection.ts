/**
 * Every actor's life, recorded from XState's `inspect` option, for the
 * in-app inspector (`ui/inspector`) and for Stately's inspector (which takes
 * the same events: pass its `inspect` as `forward`).
 *
 * Recording starts with the inspection, before any page is shown, so every
 * actor is there from the start, not only those that changed since the
 * inspector opened. For each actor it keeps what it is (its machine, or the
 * source of an invocation: `read`, `observe`...), its parent, its state and
 * context now, and a history: each event it took with the state and context
 * after it, each invocation it started (a request to Live, for the effects)
 * with its input, and how each ended. Histories are capped (the oldest go).
 */
import { Subject, type Observable } from 'rxjs';
import { StateMachine, type AnyStateMachine, type InspectionEvent, type Observer, type StateValue } from 'xstate';

/** How many moments an actor's history keeps. */
export const HISTORY_LIMIT = 300;
/** How many stopped machine actors the record keeps (a clip slot deleted, a page left). */
export const STOPPED_KEPT = 100;

/** A moment of an actor's history. */
export type Moment =
  /** It took an event; its state and context after it. */
  | { kind: 'event'; at: number; event: string; payload: unknown; value: StateValue | null; context: unknown }
  /** It started an invocation (an effect: a request to Live, an observation), with its input. */
  | { kind: 'invoked'; at: number; child: string; childId: string; src: string; input: unknown }
  /** An invocation it started ended: its output, or its error. */
  | {
      kind: 'ended';
      at: number;
      child: string;
      childId: string;
      outcome: 'done' | 'error' | 'stopped';
      output: unknown;
    };

/** An actor as recorded. */
export interface InspectedActor {
  sessionId: string;
  /** Its id in its parent (`track:id 12`, `volume`, `load`), or the root's id. */
  id: string;
  parent: string | null;
  /** The machine it runs; null for an invocation (a promise, a callback, an observable). */
  machine: AnyStateMachine | null;
  /** The name of what it runs, when started by name (`read`, `observe`, `parameter`). */
  src: string | null;
  input: unknown;
  status: 'active' | 'done' | 'error' | 'stopped';
  value: StateValue | null;
  context: unknown;
  startedAt: number;
  /** Its state and context when it started (before the first moment of its history). */
  start: { value: StateValue | null; context: unknown };
  history: readonly Moment[];
}

/** The inspection of the surface's actors: the option to pass, and what it recorded. */
export interface Inspection {
  /** Pass as `createActor(machine, { inspect })`. */
  inspect: (event: InspectionEvent) => void;
  /** Every actor recorded, by session id: the running ones, and the latest stopped machines. */
  actors: () => ReadonlyMap<string, InspectedActor>;
  /** Something was recorded (the inspector redraws at its own pace). */
  changes$: Observable<void>;
  /** Drops stopped actors from the record. */
  forgetStopped: () => void;
}

/** The parts of XState's actor the record reads, where it has them (an inspection event gives an `ActorRefLike`). */
function parentOf(ref: object): string | null {
  if (!('_parent' in ref) || typeof ref._parent !== 'object' || ref._parent === null) return null;
  const parent = ref._parent;
  return 'sessionId' in parent && typeof parent.sessionId === 'string' ? parent.sessionId : null;
}

function machineOf(ref: object): AnyStateMachine | null {
  return 'logic' in ref && ref.logic instanceof StateMachine ? ref.logic : null;
}

function srcOf(ref: object): string | null {
  return 'src' in ref && typeof ref.src === 'string' ? ref.src : null;
}

function idOf(ref: object, fallback: string): string {
  return 'id' in ref && typeof ref.id === 'string' ? ref.id : fallback;
}

function inputOf(ref: object): unknown {
  if (!('options' in ref) || typeof ref.options !== 'object' || ref.options === null) return undefined;
  return 'input' in ref.options ? ref.options.input : undefined;
}

const STATUSES = ['active', 'done', 'error', 'stopped'] as const;
type Status = (typeof STATUSES)[number];
const statusOf = (value: unknown): Status => STATUSES.find((status) => status === value) ?? 'active';

function field(snapshot: unknown, key: 'value' | 'context' | 'status' | 'output' | 'error'): unknown {
  return typeof snapshot === 'object' && snapshot !== null ? Reflect.get(snapshot, key) : undefined;
}

const isStateValue = (value: unknown): value is StateValue =>
  typeof value === 'string' || (typeof value === 'object' && value !== null);

const appended = (history: readonly Moment[], moment: Moment): readonly Moment[] =>
  history.length >= HISTORY_LIMIT
    ? [...history.slice(history.length - HISTORY_LIMIT + 1), moment]
    : [...history, moment];

/** An inspection, forwarding every event to `forward` too (Stately's inspector) when given. */
export function createInspection(
  forward?: Observer<InspectionEvent> | ((event: InspectionEvent) => void),
  now: () => number = () => performance.now(),
): Inspection {
  const actors = new Map<string, InspectedActor>();
  const refs = new Map<string, { getSnapshot: () => unknown }>();
  const changes = new Subject<void>();

  const update = (sessionId: string, change: (actor: InspectedActor) => InspectedActor): void => {
    const actor = actors.get(sessionId);
    if (actor) actors.set(sessionId, change(actor));
  };

  const born = (ref: object & { sessionId: string; getSnapshot: () => unknown }): void => {
    if (actors.has(ref.sessionId)) return;
    const machine = machineOf(ref);
    const parent = parentOf(ref);
    const actor: InspectedActor = {
      sessionId: ref.sessionId,
      id: idOf(ref, machine?.id ?? ref.sessionId),
      parent,
      machine,
      src: srcOf(ref),
      input: inputOf(ref),
      status: 'active',
      value: null,
      context: undefined,
      startedAt: now(),
      start: { value: null, context: undefined },
      history: [],
    };
    actors.set(ref.sessionId, actor);
    refs.set(ref.sessionId, ref);
    // an invocation is what its parent asked for: a moment of the parent's history
    if (machine === null && parent !== null)
      update(parent, (owner) => ({
        ...owner,
        history: appended(owner.history, {
          kind: 'invoked',
          at: actor.startedAt,
          child: actor.sessionId,
          childId: actor.id,
          src: actor.src ?? actor.id,
          input: actor.input,
        }),
      }));
  };

  const snapshot = (event: Extract<InspectionEvent, { type: '@xstate.snapshot' }>): void => {
    const { actorRef } = event;
    born(actorRef);
    const actor = actors.get(actorRef.sessionId);
    if (!actor) return;
    const status = statusOf(field(event.snapshot, 'status'));
    const value = field(event.snapshot, 'value');
    const at = now();
    if (actor.machine !== null) {
      const next = {
        ...actor,
        status,
        value: isStateValue(value) ? value : null,
        context: field(event.snapshot, 'context'),
      };
      // the first snapshot (the actor's start) is its state, not a moment of its history
      const started = event.event.type === 'xstate.init';
      actors.set(actor.sessionId, {
        ...next,
        start: started ? { value: next.value, context: next.context } : actor.start,
        history: started
          ? actor.history
          : appended(actor.history, {
              kind: 'event',
              at,
              event: event.event.type,
              payload: event.event,
              value: next.value,
              context: next.context,
            }),
      });
      return;
    }
    ended(actor, status, status === 'error' ? field(event.snapshot, 'error') : field(event.snapshot, 'output'));
  };

  /** An invocation's end, told to its parent's history once. */
  const ended = (actor: InspectedActor, status: Status, output: unknown): void => {
    actors.set(actor.sessionId, { ...actor, status });
    if (status === 'active' || actor.status !== 'active' || actor.parent === null || actor.machine !== null) return;
    update(actor.parent, (owner) => ({
      ...owner,
      history: appended(owner.history, {
        kind: 'ended',
        at: now(),
        child: actor.sessionId,
        childId: actor.id,
        outcome: status === 'error' ? 'error' : status === 'done' ? 'done' : 'stopped',
        output,
      }),
    }));
  };

  /**
   * Stopping an actor reports no snapshot: an actor still marked active
   * whose own snapshot says stopped is marked so here. Ended invocations
   * are dropped (their parents' histories hold them), and all but the
   * latest STOPPED_KEPT stopped machines.
   */
  const sweep = (): void => {
    const stoppedMachines: string[] = [];
    for (const [id, actor] of actors) {
      if (actor.status === 'active' && field(refs.get(id)?.getSnapshot(), 'status') === 'stopped')
        ended(actor, 'stopped', undefined);
      const swept = actors.get(id);
      if (!swept || swept.status === 'active') continue;
      if (swept.machine === null) forget(id);
      else stoppedMachines.push(id);
    }
    for (const id of stoppedMachines.slice(0, Math.max(0, stoppedMachines.length - STOPPED_KEPT))) forget(id);
  };

  const forget = (id: string): void => {
    actors.delete(id);
    refs.delete(id);
  };

  return {
    inspect: (event) => {
      if (event.type === '@xstate.actor') born(event.actorRef);
      else if (event.type === '@xstate.snapshot') snapshot(event);
      if (event.type === '@xstate.actor' || event.type === '@xstate.snapshot') changes.next();
      if (typeof forward === 'function') forward(event);
      else forward?.next?.(event);
    },
    actors: () => {
      sweep();
      return actors;
    },
    changes$: changes.asObservable(),
    forgetStopped: () => {
      sweep();
      for (const [id, actor] of actors) if (actor.status !== 'active') forget(id);
      changes.next();
    },
  };
}
