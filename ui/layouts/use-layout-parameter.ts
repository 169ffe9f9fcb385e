/**
 * A layout's hook for a widget of its own: the parameter at `target`
 * (absolute, or relative to the `<Track>` or `<Device>` around it), as the
 * kit's widgets bind it (the same shared actor), with its value, Live's
 * words for it, and callbacks to move it (`onStart`, `onChange`,
 * `onCommit`: Live's gesture around a change). While unbound or mistaken
 * its state says so (`idle` with why, `failed` with what is wrong) and the
 * callbacks do nothing.
 */
import { useSelector } from '@xstate/react';
import { useMemo } from 'react';
import {
  parameterCallbacks,
  parameterView,
  type ParameterCallbacks,
  type ParameterView,
} from '../connect/use-parameter';
import { sameView } from '../connect/same';
import { useParameterAt, useScope } from './layout-context';
import { bindTarget, type BoundTarget } from './targets';

export interface LayoutParameter extends ParameterView, ParameterCallbacks {
  /** Where it is bound: the full target, or why it is not. */
  bound: BoundTarget;
}

const idle = (): void => undefined;
const NO_CALLBACKS: ParameterCallbacks = {
  onStart: idle,
  onChange: idle,
  onCommit: idle,
  onReset: idle,
  onRetry: idle,
};

export function useParameter(target: string): LayoutParameter {
  const bound = bindTarget(useScope(), target);
  const actor = useParameterAt(bound.kind === 'bound' ? bound.target : null);
  const view = useSelector(
    actor ?? undefined,
    (snapshot) => (snapshot ? parameterView(snapshot) : null),
    (a, b) => a === b || (a !== null && b !== null && sameView(a, b)),
  );
  const callbacks = useMemo(() => (actor ? parameterCallbacks(actor) : NO_CALLBACKS), [actor]);
  const standIn: ParameterView = {
    state: bound.kind === 'invalid' ? 'failed' : bound.kind === 'bound' ? 'loading' : 'idle',
    name: target,
    value: 0,
    min: 0,
    max: 1,
    defaultValue: 0,
    items: undefined,
    display: null,
    error: bound.kind === 'invalid' ? bound.message : bound.kind === 'unbound' ? bound.why : null,
  };
  return { ...(view ?? standIn), ...callbacks, bound };
}
