/** A clip cell on a clip slot actor: the thin connected form of `ClipCell`. */
import { useSelector } from '@xstate/react';
import { memo, useMemo } from 'react';
import type { ActorRefFrom } from 'xstate';
import type { ClipSlotMachine } from '../../../machines/clip-slot';
import { sameView } from '../../connect/use-parameter';
import { ClipCell, type ClipCellProps } from './ClipCell';
import { clipCellView } from './clip-view';

/** A clip slot actor the session spawns. */
export type ClipSlotActor = ActorRefFrom<ClipSlotMachine>;

/** Beats of the clip an empty slot creates (one bar of 4/4). */
export const NEW_CLIP_BEATS = 4;

/** The actor, and how the grid places the cell. */
export interface ClipSlotCellProps extends Pick<ClipCellProps, 'location' | 'armed' | 'size'> {
  actor: ClipSlotActor;
}

/** The cell's presses as the clip slot machine's events. */
export function clipSlotCallbacks(
  actor: ClipSlotActor,
): Required<Pick<ClipCellProps, 'onLaunch' | 'onCreate' | 'onRecord' | 'onRetry'>> {
  return {
    onLaunch: () => actor.send({ type: 'ui.fire' }),
    onCreate: () => actor.send({ type: 'ui.create', length: NEW_CLIP_BEATS }),
    // an empty slot of an armed track fired records into it, as in Live
    onRecord: () => actor.send({ type: 'ui.fire' }),
    onRetry: () => actor.send({ type: 'ui.retry' }),
  };
}

/** A clip cell following its clip slot actor. */
export const ClipSlotCell = memo(function ClipSlotCell({ actor, ...look }: ClipSlotCellProps) {
  const view = useSelector(actor, clipCellView, sameView);
  const callbacks = useMemo(() => clipSlotCallbacks(actor), [actor]);
  return <ClipCell {...view} {...look} {...callbacks} />;
});
