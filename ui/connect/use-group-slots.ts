/**
 * What the session grid shows of group tracks. A group's slots hold no clips
 * of their own: Live shows in each what the clips of the group's tracks in
 * that scene do (launched, playing, the first clip's color) and launches
 * them all from it. Both come from actors the grid already has (the tracks'
 * `group` and `groupTrack`, the member slots' clip views): no observation of
 * its own.
 */
import { useCallback, useMemo, useSyncExternalStore } from 'react';
import type { AnyActorRef } from 'xstate';
import type { ClipCellState } from '../widgets/session-grid/states';
import { clipCellView, type ClipSlotActor } from './use-clip-slot';
import type { SessionColumn } from './use-session';

/** Calls `changed` on every change of any of the actors (for `useSyncExternalStore`). */
function useSubscribeAll(actors: readonly AnyActorRef[]): (changed: () => void) => () => void {
  return useCallback(
    (changed: () => void) => {
      const subscriptions = actors.map((actor) => actor.subscribe(changed));
      return () => subscriptions.forEach((subscription) => subscription.unsubscribe());
    },
    [actors],
  );
}

/** What a track says of its grouping: whether it is a group, and the group that holds it. */
export interface TrackGrouping {
  track: string;
  group: boolean;
  groupTrack: string | null;
}

/**
 * The columns each group holds, by the group's column index: every track after
 * it whose group is it or a group inside it (Live lists a group's tracks right
 * after it). A column that is no group holds none.
 */
export function groupMembers(
  columns: readonly SessionColumn[],
  grouping: readonly TrackGrouping[],
): Map<number, SessionColumn[]> {
  const members = new Map<number, SessionColumn[]>();
  grouping.forEach((column, index) => {
    if (!column.group) return;
    const inside = new Set([column.track]);
    const held: SessionColumn[] = [];
    for (let next = index + 1; next < grouping.length; next += 1) {
      const { track, groupTrack } = grouping[next] as TrackGrouping;
      const nextColumn = columns[next];
      if (groupTrack === null || !inside.has(groupTrack) || !nextColumn) break;
      inside.add(track);
      held.push(nextColumn);
    }
    members.set(index, held);
  });
  return members;
}

/** The grid's tracks' grouping as one string (a snapshot `useSyncExternalStore` compares). */
const groupingKey = (columns: readonly SessionColumn[]): string =>
  JSON.stringify(
    columns.map((column): TrackGrouping => {
      const { track, group, groupTrack } = column.track.getSnapshot().context;
      return { track, group, groupTrack };
    }),
  );

/** The columns each group of the grid holds (see `groupMembers`), anew only when the grouping changes. */
export function useGroupMembers(columns: readonly SessionColumn[]): Map<number, SessionColumn[]> {
  const tracks = useMemo(() => columns.map((column) => column.track), [columns]);
  const key = useSyncExternalStore(
    useSubscribeAll(tracks),
    useCallback(() => groupingKey(columns), [columns]),
  );
  return useMemo(() => groupMembers(columns, JSON.parse(key) as TrackGrouping[]), [columns, key]);
}

/** What a group's slot shows: how the clips below it in its scene play, and the first one's color. */
export interface GroupSlotView {
  /** `empty` when no track of the group has a clip in the scene. */
  state: ClipCellState;
  color: number | null;
}

/** The most telling state of the clips below wins. */
const PLAY_ORDER: readonly ClipCellState[] = ['recording', 'triggered', 'playing', 'stopped'];

/** A group slot's view from the slots of its tracks in its scene. */
export function groupSlotView(row: readonly ClipSlotActor[]): GroupSlotView {
  const views = row.map((actor) => clipCellView(actor.getSnapshot()));
  const clips = views.filter((view) => view.color !== null);
  const state = PLAY_ORDER.find((played) => clips.some((view) => view.state === played)) ?? 'empty';
  return { state, color: clips[0]?.color ?? null };
}

/** A group slot's view (see `groupSlotView`), following the slots of its tracks. */
export function useGroupSlot(row: readonly ClipSlotActor[]): GroupSlotView {
  const key = useSyncExternalStore(
    useSubscribeAll(row),
    useCallback(() => JSON.stringify(groupSlotView(row)), [row]),
  );
  return useMemo(() => JSON.parse(key) as GroupSlotView, [key]);
}
