/**
 * A button on a parameter actor: on when the parameter is above its minimum
 * (a device's on/off, a quantized switch). Each press is framed by the
 * parameter's touch and release, so Live's touch automation records it.
 */
import { memo } from 'react';
import { useHeld } from '../../connect/use-held';
import { useParameter, type ParameterActor } from '../../connect/use-parameter';
import { Held } from '../held/Held';
import { Button, type ButtonProps } from './Button';

export interface ParameterButtonProps extends Pick<ButtonProps, 'kind' | 'color' | 'size' | 'children'> {
  actor: ParameterActor;
  /** Shown instead of the parameter's name from Live. */
  label?: string;
}

export const ParameterButton = memo(function ParameterButton({
  actor,
  label,
  kind = 'toggle',
  ...look
}: ParameterButtonProps) {
  const { name, value, min, max, state, onStart, onChange, onCommit, onRetry } = useParameter(actor);
  const { heldBy, onTakeover } = useHeld(actor, { tap: true });
  const set = (on: boolean): void => {
    onStart();
    onChange(on ? max : min);
    onCommit();
  };
  return (
    <Held heldBy={heldBy} onTakeover={onTakeover}>
      <Button
        {...look}
        kind={kind}
        label={label ?? name}
        on={value > min}
        state={state}
        onChange={set}
        onTrigger={() => set(value <= min)}
        onRetry={onRetry}
      />
    </Held>
  );
});
