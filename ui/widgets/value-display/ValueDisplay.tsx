/**
 * A parameter's value as Live writes it (`str_for_value`), large enough to
 * read from a music stand, under its name. Read-only: an `<output>` that
 * screen readers announce politely when it changes, in a box whose size
 * does not follow the text (no layout shift when "9.9 dB" becomes "10.0 dB").
 */
import { memo, useId, type CSSProperties } from 'react';
import { cssColor } from '../../theme/live-colors';
import { fallbackText, stateText, takesInput, type ParameterShownProps } from '../control-state';
import './value-display.css';

/** A value display's props: what a control shows of a parameter (`color` edges the box). */
export interface ValueDisplayProps extends ParameterShownProps {
  /** How many characters wide the value's box is. */
  width?: number;
}

export const ValueDisplay = memo(function ValueDisplay({
  label,
  value,
  min = 0,
  max = 1,
  items,
  display = null,
  state = 'ready',
  size = 'medium',
  color = null,
  width = 8,
}: ValueDisplayProps) {
  const id = useId();
  const live = takesInput(state);
  const text = live ? (display ?? fallbackText(value, { min, max, items })) : (stateText(state) ?? '');
  const style = {
    '--ls-value-width': `${width}ch`,
    ...(color !== null ? { '--ls-value-color': cssColor(color) } : {}),
  } as CSSProperties;
  return (
    <div
      className="ls-value-display"
      role="group"
      aria-labelledby={id}
      data-state={state}
      data-size={size}
      data-touched={state === 'touched' || undefined}
      style={style}
    >
      <div className="ls-label" id={id}>
        {label}
      </div>
      <output className="ls-value-display-text ls-number" aria-live="polite">
        <span>{text}</span>
      </output>
    </div>
  );
});
