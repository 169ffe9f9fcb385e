/**
 * A keyboard's wheel: a vertical strip dragged up and down from where the
 * finger lands (no jump), for pitch bend, modulation and aftertouch. A
 * springing wheel (pitch bend, aftertouch) goes back to its rest value when
 * released: a finger lifting, a cancel, or the arrow key let go. A pure view.
 */
import { memo, type KeyboardEvent } from 'react';
import { ratioOf } from '../../touch/drag-math';
import { useValueDrag } from '../../touch/use-value-drag';
import { sliderProps } from '../slider-props';

/** A wheel's value, range, text and rest, and its callbacks. */
export interface WheelProps {
  label: string;
  /** What the wheel shows under itself where its label would not fit (the label stays its name). */
  shortLabel?: string;
  value: number;
  min: number;
  max: number;
  /** What the value reads as (a readout and `aria-valuetext`). */
  text: string;
  /** Where the wheel rests; with `springs`, where it goes back on release. */
  rest: number;
  springs?: boolean;
  /** Held by a finger (the machine says so), besides by a drag of its own. */
  held?: boolean;
  /** Pixels of drag for the whole range. */
  rangePixels?: number;
  onChange?: (value: number) => void;
  /** The wheel was let go (springing wheels go back to rest here). */
  onRelease?: () => void;
}

const SLIDER_KEYS = new Set(['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight', 'PageUp', 'PageDown', 'Home', 'End']);

/** A vertical wheel: a slider dragged relatively, that may spring back to rest. */
export const Wheel = memo(function Wheel({
  label,
  shortLabel,
  value,
  min,
  max,
  text,
  rest,
  springs = false,
  held = false,
  rangePixels = 180,
  onChange,
  onRelease,
}: WheelProps) {
  const reset = !springs && onChange ? () => onChange(rest) : undefined;
  const drag = useValueDrag({
    value,
    min,
    max,
    axis: 'vertical',
    rangePixels,
    onChange,
    onCommit: () => onRelease?.(),
    onReset: reset,
  });
  const ratio = ratioOf(value, { min, max });
  const restRatio = ratioOf(rest, { min, max });
  const step = Math.max(1, Math.round((max - min) / 32));

  // a springing wheel stays out while its key is held and goes back when the key is let go
  const onKeyUp = (event: KeyboardEvent<HTMLElement>): void => {
    if (springs && SLIDER_KEYS.has(event.key)) onRelease?.();
  };

  return (
    <div className="ls-wheel" data-springs={springs || undefined} data-touched={drag.dragging || held || undefined}>
      <div
        {...sliderProps({
          label,
          orientation: 'vertical',
          value,
          min,
          max,
          text,
          live: true,
          step,
          onChange: (next) => onChange?.(Math.round(next)),
          onReset: reset,
        })}
        className="ls-control ls-wheel-track"
        {...drag.handlers}
        onKeyUp={onKeyUp}
      >
        <span className="ls-wheel-rest" style={{ bottom: `${restRatio * 100}%` }} aria-hidden="true" />
        <span
          className="ls-wheel-fill"
          style={{ bottom: `${Math.min(ratio, restRatio) * 100}%`, height: `${Math.abs(ratio - restRatio) * 100}%` }}
          aria-hidden="true"
        />
        <span className="ls-wheel-thumb" style={{ bottom: `${ratio * 100}%` }} aria-hidden="true" />
      </div>
      <div className="ls-wheel-value ls-number" aria-hidden="true">
        {text}
        {drag.fine && <span className="ls-fine"> fine</span>}
      </div>
      <div className="ls-label" title={label} aria-hidden="true">
        {shortLabel ?? label}
      </div>
    </div>
  );
});
