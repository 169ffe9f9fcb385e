/**
 * A track's column of the session grid: its name in its color (a tap
 * selects the track in Live, and Live's selected track is marked), its clip
 * cells, its stop cell. It follows only the track's name, color, arm and
 * kind (an armed track's empty slots offer to record; a MIDI clip moves
 * only to MIDI tracks); each cell follows its own actor. A group track's
 * cells are its group slots (`GroupSlotCell`), which show and launch the
 * clips of the tracks it holds (`members`).
 */
import { memo, useContext, useId, useMemo, type CSSProperties } from 'react';
import type { ClipSlotActor } from '../../connect/use-clip-slot';
import type { SessionColumn } from '../../connect/use-session';
import { useTrackHeader, type TrackActor } from '../../connect/use-track';
import { cssColor } from '../../theme/live-colors';
import { ClipSlotCell } from './ClipSlotCell';
import type { ClipCellProps } from './ClipCell';
import { GridContext } from './grid-context';
import { GroupSlotCell } from './GroupSlotCell';
import { TrackStopCell } from './TrackStopCell';

/** A track's actor and its slots' actors, in scene order. */
export interface TrackColumnProps {
  track: TrackActor;
  slots: readonly ClipSlotActor[];
  size?: ClipCellProps['size'];
  onEditSlot?: (slot: string) => void;
  /** For a group track: the columns of the tracks it holds. */
  members?: readonly SessionColumn[];
}

const NO_MEMBERS: readonly SessionColumn[] = [];
const NO_SLOTS: readonly ClipSlotActor[] = [];

/** A track's column of the grid. */
export const TrackColumn = memo(function TrackColumn({
  track,
  slots,
  size,
  onEditSlot,
  members = NO_MEMBERS,
}: TrackColumnProps) {
  const header = useTrackHeader(track);
  // each scene's slots of the tracks a group holds (a row's list stays the same while the members do)
  const rows = useMemo(
    () =>
      slots.map((_, index) =>
        members.map((member) => member.slots[index]).filter((slot): slot is ClipSlotActor => slot !== undefined),
      ),
    [slots, members],
  );
  const grid = useContext(GridContext);
  const describedBy = useId();
  const name = header.name || 'Track';
  const target = track.getSnapshot().context.track;
  const selected = grid?.selectedTrack === target;
  const style = header.color !== null ? ({ '--ls-track-color': cssColor(header.color) } as CSSProperties) : undefined;
  return (
    <div className="ls-session-column" role="group" aria-label={name} style={style}>
      <button
        type="button"
        className="ls-session-head ls-session-track"
        data-armed={header.armed || undefined}
        data-selected={selected || undefined}
        aria-current={selected || undefined}
        aria-describedby={describedBy}
        title={name}
        onClick={() => grid?.selectTrack(target)}
      >
        {header.name}
      </button>
      <span id={describedBy} className="ls-visually-hidden">
        {selected ? 'Selected in Live' : 'Tap to select in Live'}
      </span>
      {slots.map((slot, index) =>
        header.group ? (
          <GroupSlotCell
            key={slot.id}
            actor={slot}
            row={rows[index] ?? NO_SLOTS}
            location={`${name}, slot ${index + 1}`}
            size={size}
          />
        ) : (
          <ClipSlotCell
            key={slot.id}
            actor={slot}
            location={`${name}, slot ${index + 1}`}
            armed={header.armed}
            size={size}
            onEditSlot={onEditSlot}
            track={track}
            midi={header.midi}
            row={index}
          />
        ),
      )}
      <TrackStopCell actor={track} size={size} />
    </div>
  );
});
