/**
 * A value control on a parameter actor: what the view shows (selected so a
 * control re-renders only when its own parameter changes) and the callbacks
 * that become the parameter machine's events. Every drag is framed by
 * `ui.touch` / `ui.release` (Live's begin/end gesture); a reset is too, so
 * touch automation records it. A drag's start tells the envelope editor
 * which parameter was last moved here (`touched-parameter.ts`).
 */
import { useSelector } from '@xstate/react';
import { useMemo } from 'react';
import type { ActorRefFrom, SnapshotFrom } from 'xstate';
import type { ParameterMachine } from '../../machines/parameter';
import type { ControlState } from '../widgets/control-state';
import type { ValueFeed } from '../widgets/value-feed';
import { sameView } from './same';
import { parameterMoved } from './touched-parameter';

export type ParameterActor = ActorRefFrom<ParameterMachine>;

export interface ParameterView {
  state: ControlState;
  name: string;
  value: number;
  min: number;
  max: number;
  defaultValue: number;
  items: readonly string[] | undefined;
  display: string | null;
  error: string | null;
}

export function controlStateOf(snapshot: SnapshotFrom<ParameterMachine>): ControlState {
  for (const state of ['touched', 'ready', 'loading', 'failed', 'gone'] as const)
    if (snapshot.hasTag(state)) return state;
  return 'idle';
}

export function parameterView(snapshot: SnapshotFrom<ParameterMachine>): ParameterView {
  const { context } = snapshot;
  return {
    state: controlStateOf(snapshot),
    name: context.name,
    value: context.value,
    min: context.min,
    max: context.max,
    defaultValue: context.defaultValue,
    items: context.quantized && context.items.length > 0 ? context.items : undefined,
    display: context.display,
    error: context.error?.message ?? null,
  };
}

export interface ParameterCallbacks {
  onStart: () => void;
  onChange: (value: number) => void;
  onCommit: () => void;
  onReset: () => void;
  onRetry: () => void;
}

export function parameterCallbacks(actor: ParameterActor): ParameterCallbacks {
  return {
    onStart: () => {
      parameterMoved(actor.getSnapshot().context.parameter);
      actor.send({ type: 'ui.touch' });
    },
    onChange: (value) => actor.send({ type: 'ui.change', value }),
    onCommit: () => actor.send({ type: 'ui.release' }),
    onReset: () => {
      actor.send({ type: 'ui.touch' });
      actor.send({ type: 'ui.reset' });
      actor.send({ type: 'ui.release' });
    },
    onRetry: () => actor.send({ type: 'ui.retry' }),
  };
}

/**
 * Two views a control fed its values (`parameterFeed`) shows alike: at rest
 * (ready, on both sides) the value and its words come from the feed, so
 * only the rest counts. A touched control renders each value: its readout
 * shows them.
 */
export function sameAtRest(a: ParameterView, b: ParameterView): boolean {
  if (a.state !== 'ready' || b.state !== 'ready') return sameView(a, b);
  for (const key of Object.keys(a) as (keyof ParameterView)[])
    if (key !== 'value' && key !== 'display' && !Object.is(a[key], b[key])) return false;
  return true;
}

/** The parameter's value and words as they change, read straight from its actor. */
export function parameterFeed(actor: ParameterActor): ValueFeed {
  return {
    read: () => {
      const { value, display } = actor.getSnapshot().context;
      return { value, display };
    },
    subscribe: (listener) => {
      const subscription = actor.subscribe(() => listener());
      return () => subscription.unsubscribe();
    },
  };
}

/**
 * The parameter's view and callbacks. `fed`: the control takes its values
 * from the feed between renders (it is re-rendered for each value only
 * while touched) and the feed comes with the view.
 */
export function useParameter(
  actor: ParameterActor,
  fed = false,
): ParameterView & ParameterCallbacks & { feed?: ValueFeed } {
  const view = useSelector(actor, parameterView, fed ? sameAtRest : sameView);
  const callbacks = useMemo(() => parameterCallbacks(actor), [actor]);
  const feed = useMemo(() => (fed ? parameterFeed(actor) : undefined), [actor, fed]);
  return { ...view, ...callbacks, feed };
}
