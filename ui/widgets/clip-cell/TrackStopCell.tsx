/** A track's stop cell on its track actor: the thin connected form of `StopCell`. */
import { useSelector } from '@xstate/react';
import { memo, useCallback } from 'react';
import type { ActorRefFrom } from 'xstate';
import type { TrackMachine } from '../../../machines/track';
import { sameView } from '../../connect/use-parameter';
import { StopCell, type StopCellProps } from './StopCell';
import { stopCellView } from './track-view';

/** A track actor the session spawns. */
export type TrackActor = ActorRefFrom<TrackMachine>;

/** The track actor, and the cell's size. */
export interface TrackStopCellProps extends Pick<StopCellProps, 'size'> {
  actor: TrackActor;
}

/** A stop cell following its track actor; a press stops the track's clips. */
export const TrackStopCell = memo(function TrackStopCell({ actor, size }: TrackStopCellProps) {
  const view = useSelector(actor, stopCellView, sameView);
  const onStop = useCallback(() => actor.send({ type: 'ui.stopClips' }), [actor]);
  return <StopCell {...view} size={size} onStop={onStop} />;
});
