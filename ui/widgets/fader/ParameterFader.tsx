/** A fader on a parameter actor: the thin connected form of `Fader`. */
import { memo } from 'react';
import { useParameter, type ParameterActor } from '../../connect/use-parameter';
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
  return <Fader {...parameter} {...look} label={label ?? name} error={error} />;
});
