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

export function useParameter(actor: ParameterActor): ParameterView & ParameterCallbacks {
  const view = useSelector(actor, parameterView, sameView);
  const callbacks = useMemo(() => parameterCallbacks(actor), [actor]);
  return { ...view, ...callbacks };
}
