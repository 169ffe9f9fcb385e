/**
 * A two-value parameter on its actor as a switch cell: on when above its
 * minimum, its face Live's text for the value. Each press is framed by the
 * parameter's touch and release, so Live's touch automation records it.
 */
import { memo } from 'react';
import { useHeld } from '../../connect/use-held';
import { useParameter, type ParameterActor } from '../../connect/use-parameter';
import { Held } from '../held/Held';
import { ToggleCell, type ToggleCellProps } from './ToggleCell';

export interface ParameterToggleProps extends Pick<ToggleCellProps, 'color'> {
  actor: ParameterActor;
  /** Shown instead of the parameter's name from Live. */
  label?: string;
}

export const ParameterToggle = memo(function ParameterToggle({ actor, label, color }: ParameterToggleProps) {
  const { name, value, min, max, items, display, state, error, onStart, onChange, onCommit, onRetry } =
    useParameter(actor);
  const { heldBy, onTakeover } = useHeld(actor, { tap: true });
  const on = value > min;
  const set = (next: boolean): void => {
    onStart();
    onChange(next ? max : min);
    onCommit();
  };
  return (
    <Held heldBy={heldBy} onTakeover={onTakeover}>
      <ToggleCell
        label={label ?? name}
        on={on}
        // Live's own text; its item (or On / Off) while it is asked
        text={display ?? items?.[Math.round(value - min)] ?? null}
        state={state}
        error={error}
        color={color}
        onChange={set}
        onRetry={onRetry}
      />
    </Held>
  );
});
