/**
 * What the session grid shows of the session actor: its state, and the
 * actors of its columns (a track and its slots), its scenes and its
 * transport. The selection keeps its identity while those actors stay, so
 * the grid re-renders only when the set's shape or the session's state
 * changes, never for a value inside a cell.
 */
import type { SnapshotFrom } from 'xstate';
import type { SessionMachine } from '../../../machines/session';
import { sceneId, slotId, trackId } from '../../../machines/session';
import type { ClipSlotActor } from './ClipSlotCell';
import type { SceneActor } from './SceneLaunchButton';
import type { TrackActor } from './TrackStopCell';
import type { TransportActor } from './BeatSync';

/** The session's state as the grid shows it. */
export type SessionGridState = 'waiting' | 'loading' | 'settling' | 'ready' | 'offline' | 'failed';

/** A track's column: its actor and its slots' actors, in scene order. */
export interface SessionColumn {
  track: TrackActor;
  slots: ClipSlotActor[];
}

/** What the grid shows of the session. */
export interface SessionGridView {
  state: SessionGridState;
  columns: SessionColumn[];
  scenes: SceneActor[];
  transport: TransportActor | null;
  error: string | null;
}

/** The grid's state for a session snapshot. */
export function sessionGridStateOf(snapshot: SnapshotFrom<SessionMachine>): SessionGridState {
  for (const state of ['offline', 'failed', 'loading', 'settling', 'ready'] as const)
    if (snapshot.hasTag(state)) return state;
  return 'waiting';
}

/** The selector `SessionGrid` uses (compare with `sameGrid`). */
export function sessionGridView(snapshot: SnapshotFrom<SessionMachine>): SessionGridView {
  const { context } = snapshot;
  const children = snapshot.children as Record<string, unknown>;
  const child = <T>(id: string): T | undefined => children[id] as T | undefined;
  const columns: SessionColumn[] = [];
  for (const target of context.tracks) {
    const track = child<TrackActor>(trackId(target));
    const slots = (context.slots[target] ?? []).map((slot) => child<ClipSlotActor>(slotId(slot)));
    // a column shows once its actors exist (the session spawns them with the shape)
    if (track && slots.every((slot) => slot !== undefined)) columns.push({ track, slots: slots as ClipSlotActor[] });
  }
  return {
    state: sessionGridStateOf(snapshot),
    columns,
    scenes: context.scenes
      .map((scene) => child<SceneActor>(sceneId(scene)))
      .filter((scene): scene is SceneActor => scene !== undefined),
    transport: child<TransportActor>('transport') ?? null,
    error: context.error?.message ?? null,
  };
}

const sameList = <T>(a: readonly T[], b: readonly T[]): boolean =>
  a.length === b.length && a.every((item, index) => item === b[index]);

/** Two selections show the same grid when the state and every actor are the same. */
export function sameGrid(a: SessionGridView, b: SessionGridView): boolean {
  return (
    a.state === b.state &&
    a.error === b.error &&
    a.transport === b.transport &&
    sameList(a.scenes, b.scenes) &&
    a.columns.length === b.columns.length &&
    a.columns.every(
      (column, index) =>
        column.track === b.columns[index]?.track && sameList(column.slots, b.columns[index]?.slots ?? []),
    )
  );
}
