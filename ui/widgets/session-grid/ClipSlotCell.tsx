/**
 * A clip cell on a clip slot actor: the thin connected form of `ClipCell`.
 * In a grid (`GridContext`), a tap on an empty slot selects it in Live, a
 * hold asks for the slot's actions, a held clip drags, and while a clip is
 * placed the cell says whether it takes it (empty, or a clip it replaces).
 */
import { memo, useContext, useMemo } from 'react';
import { useClipSlot, type ClipSlotActor } from '../../connect/use-clip-slot';
import type { TrackActor } from '../../connect/use-track';
import { contentOf, placeRole } from '../clip-actions/grid-places';
import { ClipCell, type CellPlacing, type ClipCellProps } from './ClipCell';
import { GridContext } from './grid-context';

/** The actor, and how the grid places the cell. */
export interface ClipSlotCellProps extends Pick<ClipCellProps, 'location' | 'armed' | 'size'> {
  actor: ClipSlotActor;
  /** Opens a slot in the clip editor, by its target. */
  onEditSlot?: (slot: string) => void;
  /** Its track's actor and kind, and its scene's index (in a grid). */
  track?: TrackActor;
  midi?: boolean;
  row?: number;
}

/** A clip cell following its clip slot actor. */
export const ClipSlotCell = memo(function ClipSlotCell({
  actor,
  onEditSlot,
  track,
  midi = true,
  row = 0,
  ...look
}: ClipSlotCellProps) {
  const slot = useClipSlot(actor);
  const grid = useContext(GridContext);
  // the slot's target is the actor's input: it never changes
  const target = actor.getSnapshot().context.slot;
  const onEdit = useMemo(() => (onEditSlot ? () => onEditSlot(target) : undefined), [target, onEditSlot]);
  const placing = grid?.placing ?? null;
  const role: CellPlacing['role'] | null =
    placing === null
      ? null
      : placeRole({ slot: target, midi, content: contentOf(slot.state) }, { slot: placing.source, midi: placing.midi });
  const verb = placing?.verb ?? 'Move';
  const cellPlacing = useMemo(() => (role === null ? null : { verb, role }), [role, verb]);
  const place = useMemo(() => (track ? { slot: actor, track, row } : null), [actor, track, row]);
  const callbacks = useMemo(
    () =>
      grid === null || place === null
        ? {}
        : {
            onSelect: () => grid.select(target),
            onHold: () => grid.hold(place),
            onPlace: () => grid.place(target),
            drag: grid.drag(place, midi),
          },
    [grid, place, target, midi],
  );
  return (
    <ClipCell
      {...slot}
      {...look}
      {...callbacks}
      onEdit={onEdit}
      placing={cellPlacing}
      highlighted={grid?.highlighted === target}
      slotId={target}
    />
  );
});
