/**
 * An XY pad: two parameters under one finger, x to the right, y upwards.
 * The finger's place is the value; a second finger nudges finely; with
 * `springBack` both return to their defaults on release (a performance
 * effect). With `fill` it takes the space it is given, square or not. For keyboards and screen readers it is two sliders, one per axis
 * (visually they are the pad; focus shows on it). A pure view.
 */
import { memo, type CSSProperties } from 'react';
import { cssColor } from '../../theme/live-colors';
import { ratioOf } from '../../touch/drag-math';
import { useXYDrag } from '../../touch/use-xy-drag';
import { fallbackText, stateText, takesInput, type ControlState } from '../control-state';
import { sliderProps } from '../slider-props';
import './xy-pad.css';

export interface XYAxis {
  label: string;
  value: number;
  min?: number;
  max?: number;
  defaultValue?: number;
  /** The value in Live's own units. */
  display?: string | null;
  state?: ControlState;
}

export interface XYPadProps {
  /** The pad's own name (e.g. the device's). */
  label: string;
  x: XYAxis;
  y: XYAxis;
  springBack?: boolean;
  size?: 'small' | 'medium' | 'large';
  /** Fill the space the pad is given (a page's) rather than a square of the size's. */
  fill?: boolean;
  color?: number | null;
  onStart?: () => void;
  onChange?: (x: number, y: number) => void;
  onCommit?: (x: number, y: number) => void;
  onReset?: () => void;
  onRetry?: () => void;
}

/** The pad is as usable as its less usable axis. */
function padState(x: ControlState, y: ControlState): ControlState {
  for (const state of ['gone', 'failed', 'idle', 'loading', 'touched'] as const)
    if (x === state || y === state) return state;
  return 'ready';
}

function AxisSlider({
  axis,
  orientation,
  live,
  onChange,
}: {
  axis: Required<Omit<XYAxis, 'display'>> & { display: string | null };
  orientation: 'horizontal' | 'vertical';
  live: boolean;
  onChange: (value: number) => void;
}) {
  // the axis's state in words, but not busy or invalid: the pad as a whole says those (`data-state`)
  const text = stateText(axis.state) ?? axis.display ?? fallbackText(axis.value, axis);
  return (
    <div
      {...sliderProps({
        label: axis.label,
        orientation,
        value: axis.value,
        min: axis.min,
        max: axis.max,
        text,
        live,
        onChange,
      })}
      className="ls-visually-hidden ls-xy-axis"
      data-axis={orientation === 'horizontal' ? 'x' : 'y'}
    />
  );
}

const complete = (axis: XYAxis) => ({
  min: 0,
  max: 1,
  defaultValue: axis.min ?? 0,
  display: null,
  state: 'ready' as ControlState,
  ...axis,
});

export const XYPad = memo(function XYPad({
  label,
  x: xAxis,
  y: yAxis,
  springBack = false,
  size = 'medium',
  fill = false,
  color = null,
  onStart,
  onChange,
  onCommit,
  onReset,
  onRetry,
}: XYPadProps) {
  const x = complete(xAxis);
  const y = complete(yAxis);
  const state = padState(x.state, y.state);
  const live = takesInput(state);
  const drag = useXYDrag({
    x: x.value,
    y: y.value,
    xRange: x,
    yRange: y,
    defaults: { x: x.defaultValue, y: y.defaultValue },
    springBack,
    disabled: !live,
    onStart,
    onChange,
    onCommit,
    onReset: onReset ?? (onChange ? () => onChange(x.defaultValue, y.defaultValue) : undefined),
  });
  const touched = drag.dragging || state === 'touched';
  const style = {
    '--ls-x': ratioOf(x.value, x).toFixed(4),
    '--ls-y': ratioOf(y.value, y).toFixed(4),
    ...(color !== null ? { '--ls-xy-color': cssColor(color) } : {}),
  } as CSSProperties;
  const textOf = (axis: typeof x): string => axis.display ?? fallbackText(axis.value, axis);
  return (
    <div
      className="ls-xy"
      role="group"
      aria-label={label}
      data-state={state}
      data-size={size}
      data-fill={fill || undefined}
      data-touched={touched || undefined}
      data-spring={springBack || undefined}
      style={style}
    >
      <div className="ls-control ls-xy-surface" {...drag.handlers}>
        <div className="ls-xy-grid" aria-hidden="true" />
        {live && (
          <>
            <div className="ls-xy-crosshair" aria-hidden="true" />
            <div className="ls-xy-thumb" aria-hidden="true" />
          </>
        )}
        {!live && (
          <div className="ls-xy-status" aria-hidden="true">
            {stateText(state)}
          </div>
        )}
        {touched && (
          <span className="ls-readout ls-xy-readout" aria-hidden="true">
            {textOf(x)} · {textOf(y)}
            {drag.fine && <span className="ls-fine"> fine</span>}
          </span>
        )}
        <AxisSlider axis={x} orientation="horizontal" live={live} onChange={(value) => onChange?.(value, y.value)} />
        <AxisSlider axis={y} orientation="vertical" live={live} onChange={(value) => onChange?.(x.value, value)} />
        {state === 'failed' && onRetry && (
          <button type="button" className="ls-retry ls-xy-retry" onClick={onRetry} aria-label={`Retry ${label}`}>
            Retry
          </button>
        )}
      </div>
      <div className="ls-xy-legend ls-number" aria-hidden="true">
        <span>
          {x.label} <strong>{live ? textOf(x) : '—'}</strong>
        </span>
        <span>
          {y.label} <strong>{live ? textOf(y) : '—'}</strong>
        </span>
      </div>
    </div>
  );
});
