/** A knob on a parameter actor: the thin connected form of `Knob`. */
import { memo } from 'react';
import { useHeld } from '../../connect/use-held';
import { useParameter, type ParameterActor } from '../../connect/use-parameter';
import { Held } from '../held/Held';
import { useDialPainter } from './dial-layer';
import { Knob, type KnobProps } from './Knob';

export interface ParameterKnobProps extends Pick<KnobProps, 'mode' | 'size' | 'color'> {
  actor: ParameterActor;
  /** Shown instead of the parameter's name from Live. */
  label?: string;
}

export const ParameterKnob = memo(function ParameterKnob({ actor, label, ...look }: ParameterKnobProps) {
  // in a dial layer the knob paints each value from the actor without rendering
  const { name, error, ...parameter } = useParameter(actor, useDialPainter() !== null);
  const { heldBy, onTakeover } = useHeld(actor);
  return (
    <Held heldBy={heldBy} onTakeover={onTakeover}>
      <Knob {...parameter} {...look} label={label ?? name} error={error} />
    </Held>
  );
});
