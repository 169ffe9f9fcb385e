/** Invoking an observation, shared by the machines: an `observe` actor with an explicit id and an error route. */
import type { JsonValue } from '../protocol/src/index';

export interface ObservedProperty<TContext> {
  /** The invoke id and the `live.value` key. */
  key: string;
  prop: string;
  target: (context: TContext) => string;
}

export function observeInvoke<TContext>(observed: ObservedProperty<TContext>, onError: object) {
  return {
    id: `observe.${observed.key}`,
    src: 'observe' as const,
    input: ({ context }: { context: TContext }) => ({
      target: observed.target(context),
      prop: observed.prop,
      key: observed.key,
    }),
    onError,
  };
}

export const asNumber = (value: JsonValue, fallback = 0): number => (typeof value === 'number' ? value : fallback);
export const asString = (value: JsonValue, fallback = ''): string => (typeof value === 'string' ? value : fallback);
export const asBoolean = (value: JsonValue): boolean => value === true;

/** The target of a Live object from its reference (`{"$ref": 12}` -> `id 12`). */
export function refTarget(value: JsonValue): string | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && typeof value.$ref === 'number'
    ? `id ${value.$ref}`
    : null;
}
