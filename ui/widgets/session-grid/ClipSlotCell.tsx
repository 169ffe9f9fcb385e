/** A clip cell on a clip slot actor: the thin connected form of `ClipCell`. */
import { memo } from 'react';
import { useClipSlot, type ClipSlotActor } from '../../connect/use-clip-slot';
import { ClipCell, type ClipCellProps } from './ClipCell';

/** The actor, and how the grid places the cell. */
export interface ClipSlotCellProps extends Pick<ClipCellProps, 'location' | 'armed' | 'size'> {
  actor: ClipSlotActor;
}

/** A clip cell following its clip slot actor. */
export const ClipSlotCell = memo(function ClipSlotCell({ actor, ...look }: ClipSlotCellProps) {
  const slot = useClipSlot(actor);
  return <ClipCell {...slot} {...look} />;
});
