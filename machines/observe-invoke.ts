/** Invoking an observation, shared by the machines: an `observe` actor with an explicit id and an error route. */
import type {
  ErrorActorEvent,
  EventObject,
  MachineContext,
  MetaObject,
  ParameterizedObject,
  ProvidedActor,
  TransitionConfigOrTarget,
} from 'xstate';
import type { JsonValue } from '../protocol/src/index';
import { letGo } from './retry-cycle';

/** A property a machine observes, and the observation's key in its `live.value` events. */
export interface ObservedProperty<TContext> {
  /** The invoke id and the `live.value` key. */
  key: string;
  prop: string;
  target: (context: TContext) => string;
}

/** The id of an observation's invoke: `observe.<key>`. */
export type ObserveId = `observe.${string}`;

/** An observation that ended with an error, as its machine hears it. */
export type ObservationError = ErrorActorEvent<unknown, ObserveId>;

/**
 * What an observation's `onError` may be: XState's transition config for its
 * error event (the machine checks the names it uses against its own setup).
 */
export type ObservationOnError<TContext extends MachineContext> = TransitionConfigOrTarget<
  TContext,
  ObservationError,
  EventObject,
  ProvidedActor,
  ParameterizedObject,
  ParameterizedObject,
  string,
  EventObject,
  MetaObject
>;

/** The invoke of an observation: id `observe.<key>`, its input from the context, and where its error goes. */
export function observeInvoke<TContext extends MachineContext, const TOnError extends ObservationOnError<TContext>>(
  observed: ObservedProperty<TContext>,
  onError: TOnError,
) {
  return {
    id: `observe.${observed.key}` satisfies ObserveId,
    src: 'observe' as const,
    input: ({ context }: { context: TContext }) => ({
      target: observed.target(context),
      prop: observed.prop,
      key: observed.key,
    }),
    onError,
  };
}

/**
 * Root handlers, by name, for errors of these observations that arrive after
 * their state was left: observations that fail as they start (an object
 * already gone) queue their errors together, the first leaves the state, and
 * the others find no state to take them. They are let go: the state that
 * made them already went elsewhere.
 */
export function lateObservationErrors(observed: readonly { key: string }[]) {
  return letGo(observed.map(({ key }): ObserveId => `observe.${key}`));
}

/** A number, or `fallback` for anything else Live sent. */
export const asNumber = (value: JsonValue, fallback = 0): number => (typeof value === 'number' ? value : fallback);
/** A string, or `fallback` for anything else Live sent. */
export const asString = (value: JsonValue, fallback = ''): string => (typeof value === 'string' ? value : fallback);
/** True only for `true`. */
export const asBoolean = (value: JsonValue): boolean => value === true;

/** The keys whose first value arrived, with `key` (the same list when it was there already). */
export function withReceived(received: string[], key: string): string[] {
  return received.includes(key) ? received : [...received, key];
}

/** The target of a Live object from its reference (`{"$ref": 12}` -> `id 12`). */
export function refTarget(value: JsonValue): string | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && typeof value.$ref === 'number'
    ? `id ${value.$ref}`
    : null;
}

/** The targets of a list of Live object references (a track's devices, the set's tracks); anything else is none. */
export function refTargets(value: JsonValue): string[] {
  return Array.isArray(value) ? value.map(refTarget).filter((target): target is string => target !== null) : [];
}
