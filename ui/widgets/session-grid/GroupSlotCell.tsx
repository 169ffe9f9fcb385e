/**
 * A group track's slot in the grid. It holds no clip: it shows how the clips
 * of the group's tracks in its scene play (in the first one's color), and a
 * tap launches them all, as Live's group slot does. Nothing else is offered
 * there: no new clip, no editor, no clip placed or dropped (Live keeps clips
 * out of a group's slots). A scene where the group's tracks have no clip
 * shows an empty cell that does nothing.
 */
import { memo, useCallback, useContext } from 'react';
import type { ClipSlotActor } from '../../connect/use-clip-slot';
import { useGroupSlot } from '../../connect/use-group-slots';
import { ClipCell, type ClipCellProps } from './ClipCell';
import { GridContext } from './grid-context';

/** The group's slot, the slots of the group's tracks in its scene, and where it is. */
export interface GroupSlotCellProps extends Pick<ClipCellProps, 'size'> {
  actor: ClipSlotActor;
  /** The slots of the group's tracks in this scene, in track order. */
  row: readonly ClipSlotActor[];
  /** Where the slot is, e.g. `Atmos, slot 4`. */
  location: string;
}

/** A group track's slot (connected). */
export const GroupSlotCell = memo(function GroupSlotCell({ actor, row, location, size }: GroupSlotCellProps) {
  const view = useGroupSlot(row);
  const grid = useContext(GridContext);
  // the slot's target is the actor's input: it never changes
  const target = actor.getSnapshot().context.slot;
  // a group slot fired in Live launches its tracks' clips in its scene
  const onLaunch = useCallback(() => actor.send({ type: 'ui.fire' }), [actor]);
  const placing = grid?.placing ?? null;
  return (
    <ClipCell
      state={view.state}
      color={view.color}
      location={location}
      size={size}
      onLaunch={onLaunch}
      placing={placing && { verb: placing.verb, role: 'unfit' }}
      highlighted={grid?.highlighted === target}
      label={view.state === 'empty' ? location : `Launch ${location}`}
    />
  );
});
