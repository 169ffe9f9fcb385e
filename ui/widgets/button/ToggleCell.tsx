/**
 * A two-value parameter as a switch the size of a knob (a device's "Peak
 * Clip In", "Freeze", "Mono"): a toggle button showing Live's text for the
 * value ("On", "Off", or one of its two items), lit when on, with the
 * parameter's name beneath, so it lines up with the knobs of its bank.
 * A pure view: `on` and the text come in, presses go out.
 */
import { memo } from 'react';
import type { ControlState } from '../control-state';
import { Button } from './Button';
import './button.css';

/** A switch cell's props. */
export interface ToggleCellProps {
  /** The parameter's name: shown beneath, and the button's accessible name. */
  label: string;
  on: boolean;
  /** Live's text for the value; "On" / "Off" until Live has said it. */
  text?: string | null;
  state?: ControlState;
  /** Why it failed, when it did. */
  error?: string | null;
  /** The color when on: Live's RGB integer, or a theme variable. */
  color?: number | string | null;
  onChange?: (on: boolean) => void;
  onRetry?: () => void;
}

export const ToggleCell = memo(function ToggleCell({
  label,
  on,
  text = null,
  state = 'ready',
  error = null,
  color = null,
  onChange,
  onRetry,
}: ToggleCellProps) {
  return (
    <div className="ls-toggle-cell" data-state={state} title={error ?? undefined}>
      <Button kind="toggle" label={label} on={on} state={state} color={color} onChange={onChange} onRetry={onRetry}>
        <span className="ls-toggle-led" aria-hidden="true" />
        <span className="ls-toggle-text ls-number">{text ?? (on ? 'On' : 'Off')}</span>
      </Button>
      <div className="ls-label" title={label}>
        {label}
      </div>
    </div>
  );
});
