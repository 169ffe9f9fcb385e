/**
 * What the session grid shows of a track actor: its stop cell's state (from
 * the playing and fired slot indexes), and its column's header.
 */
import type { SnapshotFrom } from 'xstate';
import type { TrackMachine } from '../../../machines/track';

/** `stopping`: Live has a stop fired for the track (fired_slot_index -2), done on the next launch. */
export type StopCellState = 'loading' | 'stopped' | 'playing' | 'stopping' | 'failed' | 'gone';

/** Every state, in the order the stories show them. */
export const STOP_CELL_STATES: readonly StopCellState[] = [
  'loading',
  'stopped',
  'playing',
  'stopping',
  'failed',
  'gone',
];

/** The props of `StopCell` that come from the track actor. */
export interface StopCellView {
  state: StopCellState;
  trackName: string;
}

/** The stop cell's state for a track snapshot. */
export function stopCellStateOf(snapshot: SnapshotFrom<TrackMachine>): StopCellState {
  for (const state of ['loading', 'failed', 'gone'] as const) if (snapshot.hasTag(state)) return state;
  const { firedSlot, playingSlot } = snapshot.context;
  if (firedSlot === -2) return 'stopping';
  return playingSlot >= 0 ? 'playing' : 'stopped';
}

/** The selector `TrackStopCell` uses. */
export function stopCellView(snapshot: SnapshotFrom<TrackMachine>): StopCellView {
  return { state: stopCellStateOf(snapshot), trackName: snapshot.context.name };
}

/** What a track's column shows of it, and passes to its cells. */
export interface TrackHeaderView {
  name: string;
  /** Live's RGB integer; null until Live has said it. */
  color: number | null;
  armed: boolean;
}

/** The selector `TrackColumn` uses. */
export function trackHeaderView(snapshot: SnapshotFrom<TrackMachine>): TrackHeaderView {
  const { context } = snapshot;
  return { name: context.name, color: context.received.includes('color') ? context.color : null, armed: context.arm };
}
