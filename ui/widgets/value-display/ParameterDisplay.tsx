/** A parameter's value in Live's units, on its parameter actor. */
import { memo } from 'react';
import { useParameter, type ParameterActor } from '../../connect/use-parameter';
import { ValueDisplay, type ValueDisplayProps } from './ValueDisplay';

export interface ParameterDisplayProps extends Pick<ValueDisplayProps, 'size' | 'color' | 'width'> {
  actor: ParameterActor;
  label?: string;
}

export const ParameterDisplay = memo(function ParameterDisplay({ actor, label, ...look }: ParameterDisplayProps) {
  const { name, state, value, min, max, items, display } = useParameter(actor);
  return (
    <ValueDisplay
      {...look}
      label={label ?? name}
      state={state}
      value={value}
      min={min}
      max={max}
      items={items}
      display={display}
    />
  );
});
