/** A clip cell on a clip slot actor: the thin connected form of `ClipCell`. */
import { memo, useMemo } from 'react';
import { useClipSlot, type ClipSlotActor } from '../../connect/use-clip-slot';
import { ClipCell, type ClipCellProps } from './ClipCell';

/** The actor, and how the grid places the cell. */
export interface ClipSlotCellProps extends Pick<ClipCellProps, 'location' | 'armed' | 'size'> {
  actor: ClipSlotActor;
  /** Opens a slot in the clip editor, by its target. */
  onEditSlot?: (slot: string) => void;
}

/** A clip cell following its clip slot actor. */
export const ClipSlotCell = memo(function ClipSlotCell({ actor, onEditSlot, ...look }: ClipSlotCellProps) {
  const slot = useClipSlot(actor);
  const onEdit = useMemo(
    () => (onEditSlot ? () => onEditSlot(actor.getSnapshot().context.slot) : undefined),
    [actor, onEditSlot],
  );
  return <ClipCell {...slot} {...look} onEdit={onEdit} />;
});
