/** Whether another tablet holds a parameter (its name and color), and the long press that takes it over. */
import { useSelector } from '@xstate/react';
import { useCallback } from 'react';
import type { Holder } from '../widgets/held/Held';
import type { ParameterActor } from './use-parameter';

const sameHolder = (a: Holder | null, b: Holder | null): boolean =>
  a === b || (a !== null && b !== null && a.name === b.name && a.color === b.color);

/**
 * `tap`: a control that acts in one tap (a switch, a choice). Its long press
 * only takes the parameter back, letting go at once, so the next tap acts;
 * a dragged control keeps holding it until the drag ends.
 */
export function useHeld(
  actor: ParameterActor,
  { tap = false }: { tap?: boolean } = {},
): { heldBy: Holder | null; onTakeover: () => void } {
  const heldBy = useSelector(actor, (snapshot) => snapshot.context.heldBy, sameHolder);
  const onTakeover = useCallback(() => {
    actor.send({ type: 'ui.takeover' });
    if (tap) actor.send({ type: 'ui.release' });
  }, [actor, tap]);
  return { heldBy, onTakeover };
}
