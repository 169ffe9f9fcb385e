/** A knob on a parameter actor: the thin connected form of `Knob`. */
import { memo } from 'react';
import { useParameter, type ParameterActor } from '../../connect/use-parameter';
import { Knob, type KnobProps } from './Knob';

export interface ParameterKnobProps extends Pick<KnobProps, 'mode' | 'size' | 'color'> {
  actor: ParameterActor;
  /** Shown instead of the parameter's name from Live. */
  label?: string;
}

export const ParameterKnob = memo(function ParameterKnob({ actor, label, ...look }: ParameterKnobProps) {
  const { name, error, ...parameter } = useParameter(actor);
  return <Knob {...parameter} {...look} label={label ?? name} error={error} />;
});
