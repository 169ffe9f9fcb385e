/** An XY pad on two parameter actors: each gesture touches and releases both, so Live records both. */
import { memo, useCallback, useMemo } from 'react';
import { parameterMoved } from '../../connect/touched-parameter';
import { useHeld } from '../../connect/use-held';
import { useParameter, type ParameterActor } from '../../connect/use-parameter';
import { Held } from '../held/Held';
import { XYPad, type XYPadProps } from './XYPad';

export interface ParameterXYPadProps extends Pick<XYPadProps, 'springBack' | 'size' | 'color' | 'fill'> {
  label: string;
  x: ParameterActor;
  y: ParameterActor;
}

export const ParameterXYPad = memo(function ParameterXYPad({
  label,
  x: xActor,
  y: yActor,
  ...look
}: ParameterXYPadProps) {
  const x = useParameter(xActor);
  const y = useParameter(yActor);
  // held when either axis is: a long press takes both
  const xHeld = useHeld(xActor);
  const yHeld = useHeld(yActor);
  const onTakeover = useCallback(() => {
    xHeld.onTakeover();
    yHeld.onTakeover();
  }, [xHeld, yHeld]);
  const callbacks = useMemo(
    () => ({
      onStart: () =>
        [xActor, yActor].forEach((actor) => {
          // as every control does: the envelope editor offers what was last moved here
          parameterMoved(actor.getSnapshot().context.parameter);
          actor.send({ type: 'ui.touch' });
        }),
      onChange: (xValue: number, yValue: number) => {
        xActor.send({ type: 'ui.change', value: xValue });
        yActor.send({ type: 'ui.change', value: yValue });
      },
      onCommit: () => [xActor, yActor].forEach((actor) => actor.send({ type: 'ui.release' })),
      onReset: () => {
        for (const actor of [xActor, yActor]) {
          actor.send({ type: 'ui.touch' });
          actor.send({ type: 'ui.reset' });
          actor.send({ type: 'ui.release' });
        }
      },
      onRetry: () => [xActor, yActor].forEach((actor) => actor.send({ type: 'ui.retry' })),
    }),
    [xActor, yActor],
  );
  const axis = ({ name, value, min, max, defaultValue, display, state }: typeof x) => ({
    label: name,
    value,
    min,
    max,
    defaultValue,
    display,
    state,
  });
  return (
    <Held heldBy={xHeld.heldBy ?? yHeld.heldBy} onTakeover={onTakeover}>
      <XYPad {...look} {...callbacks} label={label} x={axis(x)} y={axis(y)} />
    </Held>
  );
});
