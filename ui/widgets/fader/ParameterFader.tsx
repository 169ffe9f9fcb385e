/** A fader on a parameter actor: the thin connected form of `Fader`. */
import { memo } from 'react';
import { useHeld } from '../../connect/use-held';
import { useParameter, type ParameterActor } from '../../connect/use-parameter';
import { Held } from '../held/Held';
import { Fader, type FaderProps } from './Fader';

export interface ParameterFaderProps extends Pick<
  FaderProps,
  'orientation' | 'size' | 'color' | 'marks' | 'bare' | 'children'
> {
  actor: ParameterActor;
  /** Shown instead of the parameter's name from Live. */
  label?: string;
}

export const ParameterFader = memo(function ParameterFader({ actor, label, ...look }: ParameterFaderProps) {
  const { name, error, ...parameter } = useParameter(actor);
  const { heldBy, onTakeover } = useHeld(actor);
  return (
    <Held heldBy={heldBy} onTakeover={onTakeover}>
      <Fader {...parameter} {...look} label={label ?? name} error={error} />
    </Held>
  );
});
