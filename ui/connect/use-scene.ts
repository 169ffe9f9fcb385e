/** A scene launch button on a scene actor: what it shows of the scene, and the presses that become its events. */
import { useSelector } from '@xstate/react';
import { useMemo } from 'react';
import type { ActorRefFrom, SnapshotFrom } from 'xstate';
import type { SceneMachine } from '../../machines/scene';
import type { SceneLaunchState } from '../widgets/session-grid/states';
import { sameView } from './same';

/** A scene actor the session spawns. */
export type SceneActor = ActorRefFrom<SceneMachine>;

/** The props of `SceneLaunch` that come from the scene actor. */
export interface SceneLaunchView {
  state: SceneLaunchState;
  name: string;
  /** Live's RGB integer; null until it has been read. */
  color: number | null;
  /** Why it failed, or the last launch Live refused. */
  error: string | null;
}

/** The button's state for a scene snapshot. */
export function sceneLaunchStateOf(snapshot: SnapshotFrom<SceneMachine>): SceneLaunchState {
  for (const state of ['loading', 'failed', 'gone', 'triggered'] as const) if (snapshot.hasTag(state)) return state;
  return 'idle';
}

/** The selector `SceneLaunchButton` uses. */
export function sceneLaunchView(snapshot: SnapshotFrom<SceneMachine>): SceneLaunchView {
  const { context } = snapshot;
  const state = sceneLaunchStateOf(snapshot);
  return {
    state,
    name: context.name,
    color: state === 'loading' ? null : context.color,
    error: state === 'failed' ? (context.error?.message ?? null) : context.commandError,
  };
}

/** The button's presses. */
export interface SceneCallbacks {
  onLaunch: () => void;
  onRetry: () => void;
}

/** The view of a scene actor and the presses that send to it, for `SceneLaunch`. */
export function useScene(actor: SceneActor): SceneLaunchView & SceneCallbacks {
  const view = useSelector(actor, sceneLaunchView, sameView);
  const callbacks = useMemo(
    () => ({ onLaunch: () => actor.send({ type: 'ui.fire' }), onRetry: () => actor.send({ type: 'ui.retry' }) }),
    [actor],
  );
  return { ...view, ...callbacks };
}
