/**
 * What the views show of a track actor: the mixer's strip, selected field by
 * field so a strip re-renders only for its own track's changes, and the
 * meter apart from the rest (it moves at the display's rate; the name does
 * not); the session grid's column header and stop cell.
 */
import { useSelector } from '@xstate/react';
import { useCallback, useEffect, useMemo } from 'react';
import type { ActorRefFrom, SnapshotFrom } from 'xstate';
import type { TrackMachine } from '../../machines/track';
import type { ControlState } from '../widgets/control-state';
import type { StopCellState } from '../widgets/session-grid/states';
import { sameView } from './same';
import type { ParameterActor } from './use-parameter';

export type TrackActor = ActorRefFrom<TrackMachine>;
type TrackSnapshot = SnapshotFrom<TrackMachine>;

/** What a strip shows of a track: the machine's own fields and its state. */
export interface TrackView extends Pick<
  TrackSnapshot['context'],
  'kind' | 'name' | 'color' | 'arm' | 'mute' | 'solo' | 'canBeArmed' | 'sends'
> {
  state: ControlState;
  error: string | null;
}

export function trackStateOf(snapshot: TrackSnapshot): ControlState {
  if (snapshot.hasTag('failed')) return 'failed';
  if (snapshot.hasTag('gone')) return 'gone';
  if (snapshot.hasTag('loading')) return 'loading';
  return 'ready';
}

export function trackView(snapshot: TrackSnapshot): TrackView {
  const { context } = snapshot;
  return {
    state: trackStateOf(snapshot),
    kind: context.kind,
    name: context.name,
    color: context.color,
    arm: context.arm,
    mute: context.mute,
    solo: context.solo,
    canBeArmed: context.canBeArmed,
    sends: context.sends,
    error: context.error?.message ?? null,
  };
}

export function useTrack(actor: TrackActor): TrackView & { toggle: (what: 'arm' | 'mute' | 'solo') => void } {
  const view = useSelector(actor, trackView, sameView);
  const toggle = useMemo(() => (what: 'arm' | 'mute' | 'solo') => actor.send({ type: `ui.${what}` }), [actor]);
  return { ...view, toggle };
}

const sameMeter = (a: readonly [number, number], b: readonly [number, number]): boolean =>
  a[0] === b[0] && a[1] === b[1];

/** The track's output meter, left and right. */
export function useTrackMeter(actor: TrackActor): readonly [number, number] {
  return useSelector(actor, (snapshot) => snapshot.context.meter, sameMeter);
}

/**
 * Shows the track's mixer while the calling view is mounted: the track loads
 * its mixer parameters and follows its meters only while some view shows them.
 */
export function useMixerWatch(actor: TrackActor): void {
  useEffect(() => {
    actor.send({ type: 'ui.watchMixer' });
    return () => actor.send({ type: 'ui.unwatchMixer' });
  }, [actor]);
}

/** One of the track's mixer parameters (`volume`, `panning`, `send-0`...), once the track has spawned it. */
export function useMixerParameter(actor: TrackActor, id: string): ParameterActor | undefined {
  return useSelector(actor, (snapshot) => snapshot.children[id] as ParameterActor | undefined);
}

/** The track's color once Live has said it; null before (the context's 0 would paint the name black). */
export const knownColor = (snapshot: TrackSnapshot): number | null =>
  snapshot.context.received.includes('color') ? snapshot.context.color : null;

/** The props of `StopCell` that come from the track actor. */
export interface StopCellView {
  state: StopCellState;
  trackName: string;
}

/** The stop cell's state for a track snapshot. */
export function stopCellStateOf(snapshot: TrackSnapshot): StopCellState {
  for (const state of ['loading', 'failed', 'gone'] as const) if (snapshot.hasTag(state)) return state;
  const { firedSlot, playingSlot } = snapshot.context;
  if (firedSlot === -2) return 'stopping';
  return playingSlot >= 0 ? 'playing' : 'stopped';
}

/** The selector `TrackStopCell` uses. */
export function stopCellView(snapshot: TrackSnapshot): StopCellView {
  return { state: stopCellStateOf(snapshot), trackName: snapshot.context.name };
}

/** The stop cell's view of a track actor, and its press: stop the track's clips. */
export function useTrackStop(actor: TrackActor): StopCellView & { onStop: () => void } {
  const view = useSelector(actor, stopCellView, sameView);
  const onStop = useCallback(() => actor.send({ type: 'ui.stopClips' }), [actor]);
  return { ...view, onStop };
}

/** What a track's column shows of it, and passes to its cells. */
export interface TrackHeaderView {
  name: string;
  /** Live's RGB integer; null until Live has said it. */
  color: number | null;
  armed: boolean;
  /** A MIDI track: Live creates empty clips only here, and its clips move only to MIDI tracks. */
  midi: boolean;
  /** A group track: its slots launch its tracks' clips and hold none. */
  group: boolean;
}

/** The selector `TrackColumn` uses. */
export function trackHeaderView(snapshot: TrackSnapshot): TrackHeaderView {
  const { name, arm, midi, group } = snapshot.context;
  return { name, color: knownColor(snapshot), armed: arm, midi, group };
}

/** A track's column header: its name, color and arm. */
export function useTrackHeader(actor: TrackActor): TrackHeaderView {
  return useSelector(actor, trackHeaderView, sameView);
}
