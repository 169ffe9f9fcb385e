/**
 * A layout's widgets, bound to Live by a target (a path, an id, or one
 * relative to the `<Track>` or `<Device>` around them) and nothing else:
 * `<Knob target="devices 0 parameters 3" />`. Each binding takes the
 * parameter's shared actor (`layout-context.tsx`). A binding not resolved
 * yet (its track not in the set) shows unassigned and binds when it is; a
 * mistaken target shows failed, with what is wrong, on that widget alone.
 */
import type { ReactNode } from 'react';
import type { ParameterActor } from '../connect/use-parameter';
import { ToggleCell } from '../widgets/button/ToggleCell';
import { ParameterToggle } from '../widgets/button/ParameterToggle';
import { Fader as FaderView } from '../widgets/fader/Fader';
import { ParameterFader } from '../widgets/fader/ParameterFader';
import { Knob as KnobView } from '../widgets/knob/Knob';
import { ParameterKnob } from '../widgets/knob/ParameterKnob';
import { ParameterDisplay } from '../widgets/value-display/ParameterDisplay';
import { ValueDisplay } from '../widgets/value-display/ValueDisplay';
import { ParameterXYPad } from '../widgets/xy-pad/ParameterXYPad';
import { XYPad as XYPadView } from '../widgets/xy-pad/XYPad';
import { useParameterAt, useScope } from './layout-context';
import { bindTarget, type BoundTarget } from './targets';

/** What every bound widget takes: its target, and a label in place of the parameter's name. */
export interface BoundProps {
  target: string;
  label?: string;
  size?: 'small' | 'medium' | 'large';
}

/** A binding's actor, or how it stands when it has none: unbound (waiting), or invalid (a mistake). */
export function useBinding(target: string): { actor: ParameterActor | null; bound: BoundTarget } {
  const bound = bindTarget(useScope(), target);
  const actor = useParameterAt(bound.kind === 'bound' ? bound.target : null);
  return { actor, bound };
}

/** The view's props while a binding has no actor: unassigned while it waits, failed for a mistake. */
export function standIn(bound: BoundTarget, label: string | undefined, target: string) {
  return {
    label: label ?? target,
    value: 0,
    state:
      bound.kind === 'invalid'
        ? ('failed' as const)
        : bound.kind === 'bound'
          ? ('loading' as const)
          : ('idle' as const),
    error: bound.kind === 'invalid' ? bound.message : bound.kind === 'unbound' ? bound.why : null,
  };
}

/** Where a stand-in says why it has no parameter (its title says it too). */
export function Why({ bound, children }: { bound: BoundTarget; children: ReactNode }) {
  if (bound.kind === 'bound') return children;
  return (
    <div className="ls-layout-binding" data-binding={bound.kind}>
      {children}
      <p className="ls-layout-why" role={bound.kind === 'invalid' ? 'alert' : undefined}>
        {bound.kind === 'invalid' ? bound.message : bound.why}
      </p>
    </div>
  );
}

export function Knob({ target, label, size }: BoundProps) {
  const { actor, bound } = useBinding(target);
  if (actor) return <ParameterKnob actor={actor} label={label} size={size} />;
  return (
    <Why bound={bound}>
      <KnobView {...standIn(bound, label, target)} size={size} />
    </Why>
  );
}

export function Fader({ target, label, size }: BoundProps) {
  const { actor, bound } = useBinding(target);
  if (actor) return <ParameterFader actor={actor} label={label} size={size} />;
  return (
    <Why bound={bound}>
      <FaderView {...standIn(bound, label, target)} size={size} />
    </Why>
  );
}

/** A two-value parameter (on/off) as a switch. */
export function Toggle({ target, label }: Omit<BoundProps, 'size'>) {
  const { actor, bound } = useBinding(target);
  if (actor) return <ParameterToggle actor={actor} label={label} />;
  const stand = standIn(bound, label, target);
  return (
    <Why bound={bound}>
      <ToggleCell label={stand.label} on={false} state={stand.state} error={stand.error} />
    </Why>
  );
}

/** A parameter's value in Live's words. */
export function Display({ target, label, size }: BoundProps) {
  const { actor, bound } = useBinding(target);
  if (actor) return <ParameterDisplay actor={actor} label={label} size={size} />;
  const stand = standIn(bound, label, target);
  return (
    <Why bound={bound}>
      <ValueDisplay label={stand.label} value={0} state={stand.state} size={size} />
    </Why>
  );
}

/** Two parameters under one finger. */
export function XYPad({ x, y, label, size }: { x: string; y: string; label: string; size?: BoundProps['size'] }) {
  const xBinding = useBinding(x);
  const yBinding = useBinding(y);
  if (xBinding.actor && yBinding.actor)
    return <ParameterXYPad label={label} x={xBinding.actor} y={yBinding.actor} size={size} />;
  const missing = xBinding.actor ? yBinding.bound : xBinding.bound;
  const stand = standIn(missing, undefined, x);
  return (
    <Why bound={missing}>
      <XYPadView
        label={label}
        x={{ label: x, value: 0, state: stand.state }}
        y={{ label: y, value: 0, state: stand.state }}
        size={size}
      />
    </Why>
  );
}
