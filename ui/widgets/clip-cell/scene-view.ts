/** What a scene launch button shows of a scene actor. */
import type { SnapshotFrom } from 'xstate';
import type { SceneMachine } from '../../../machines/scene';

/** The states a scene launch button shows: the scene machine's, flattened to one word. */
export type SceneLaunchState = 'loading' | 'idle' | 'triggered' | 'failed' | 'gone';

/** Every state, in the order the stories show them. */
export const SCENE_LAUNCH_STATES: readonly SceneLaunchState[] = ['loading', 'idle', 'triggered', 'failed', 'gone'];

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
