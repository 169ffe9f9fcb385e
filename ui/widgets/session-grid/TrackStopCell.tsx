/** A track's stop cell on its track actor: the thin connected form of `StopCell`. */
import { memo } from 'react';
import { useTrackStop, type TrackActor } from '../../connect/use-track';
import { StopCell, type StopCellProps } from './StopCell';

/** The track actor, and the cell's size. */
export interface TrackStopCellProps extends Pick<StopCellProps, 'size'> {
  actor: TrackActor;
}

/** A stop cell following its track actor; a press stops the track's clips. */
export const TrackStopCell = memo(function TrackStopCell({ actor, size }: TrackStopCellProps) {
  const stop = useTrackStop(actor);
  return <StopCell {...stop} size={size} />;
});
