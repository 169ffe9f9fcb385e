/**
 * What the mixer's views show of a track actor, selected field by field so a
 * strip re-renders only for its own track's changes, and the meter apart
 * from the rest (it moves at the display's rate; the name does not).
 */
import { useSelector } from '@xstate/react';
import { useMemo } from 'react';
import type { ActorRefFrom, SnapshotFrom } from 'xstate';
import type { TrackMachine } from '../../machines/track';
import type { ControlState } from '../widgets/control-state';
import { sameView, type ParameterActor } from './use-parameter';

export type TrackActor = ActorRefFrom<TrackMachine>;
type TrackSnapshot = SnapshotFrom<TrackMachine>;

/** What a strip shows of a track: the machine's own fields, its state, and what follows from its kind. */
export interface TrackView extends Pick<
  TrackSnapshot['context'],
  'kind' | 'name' | 'color' | 'arm' | 'mute' | 'solo' | 'canBeArmed' | 'sends'
> {
  state: ControlState;
  /** Whether the track has mute and solo (the master has not). */
  hasStrip: boolean;
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
    hasStrip: context.kind !== 'master',
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

/** One of the track's mixer parameters (`volume`, `panning`, `send-0`...), once the track has spawned it. */
export function useMixerParameter(actor: TrackActor, id: string): ParameterActor | undefined {
  return useSelector(actor, (snapshot) => snapshot.children[id] as ParameterActor | undefined);
}
