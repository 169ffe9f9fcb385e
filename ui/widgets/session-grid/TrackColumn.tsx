/**
 * A track's column of the session grid: its name in its color, its clip
 * cells, its stop cell. It follows only the track's name, color and arm
 * (an armed track's empty slots offer to record); each cell follows its own
 * actor.
 */
import { memo, type CSSProperties } from 'react';
import type { ClipSlotActor } from '../../connect/use-clip-slot';
import { useTrackHeader, type TrackActor } from '../../connect/use-track';
import { cssColor } from '../../theme/live-colors';
import { ClipSlotCell } from './ClipSlotCell';
import type { ClipCellProps } from './ClipCell';
import { TrackStopCell } from './TrackStopCell';

/** A track's actor and its slots' actors, in scene order. */
export interface TrackColumnProps {
  track: TrackActor;
  slots: readonly ClipSlotActor[];
  size?: ClipCellProps['size'];
  onEditSlot?: (slot: string) => void;
}

/** A track's column of the grid. */
export const TrackColumn = memo(function TrackColumn({ track, slots, size, onEditSlot }: TrackColumnProps) {
  const header = useTrackHeader(track);
  const name = header.name || 'Track';
  const style = header.color !== null ? ({ '--ls-track-color': cssColor(header.color) } as CSSProperties) : undefined;
  return (
    <div className="ls-session-column" role="group" aria-label={name} style={style}>
      <div className="ls-session-head ls-session-track" data-armed={header.armed || undefined} title={name}>
        {header.name}
      </div>
      {slots.map((slot, index) => (
        <ClipSlotCell
          key={slot.id}
          actor={slot}
          location={`${name}, slot ${index + 1}`}
          armed={header.armed}
          size={size}
          onEditSlot={onEditSlot}
        />
      ))}
      <TrackStopCell actor={track} size={size} />
    </div>
  );
});
