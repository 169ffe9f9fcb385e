/**
 * A knob: an endless-encoder feel for a parameter. A vertical drag moves it
 * relative to where it was (no jump where the finger lands); the circular
 * mode follows the finger around the knob instead. Ranges that straddle zero
 * (a pan) draw their arc from the middle. A pure view: the value, Live's text
 * for it and the state come in as props; gestures go out as callbacks.
 */
import { memo, useRef, type CSSProperties } from 'react';
import { cssColor } from '../../theme/live-colors';
import type { ParameterControlProps } from '../control-state';
import { useParameterControl } from '../use-parameter-control';
import { angleAt, arcPath, pointAt } from './arc';
import { ratioOf } from '../../touch/drag-math';
import { fallbackText } from '../control-state';
import { useDialPaint, useDialPainter, type DialFeed } from './dial-layer';
import './knob.css';

/** A knob's props: a parameter control's (`color` tints the arc), and how it turns. */
export interface KnobProps extends ParameterControlProps {
  /** `relative`: drag up and down; `circular`: turn around the knob. */
  mode?: 'relative' | 'circular';
}

const FULL_ARC = arcPath(50, 50, 40, 0, 1);

export const Knob = memo(function Knob(props: KnobProps) {
  const {
    label,
    items,
    state = 'ready',
    mode = 'relative',
    size = 'medium',
    color = null,
    error = null,
    onRetry,
    feed,
  } = props;
  const steps = items?.length ?? 0;
  const { live, text, status, ratio, origin, touched, fine, slider } = useParameterControl(props, {
    axis: mode === 'circular' ? 'circular' : 'vertical',
    // a quantized knob clicks through its items every 28 px
    rangePixels: steps > 0 ? Math.max(120, steps * 28) : 220,
    roleDescription: 'knob',
  });
  const colorValue = color !== null ? cssColor(color) : null;
  // in a dial layer a live knob's dial and value are painted on the layer's canvas (many
  // moving knobs change one bitmap); otherwise, and while it is not live, it draws its SVG
  const painter = useDialPainter();
  const painted = painter !== null && live;
  const face = useRef<HTMLDivElement>(null);
  const valueBox = useRef<HTMLSpanElement>(null);
  const sliderElement = useRef<HTMLDivElement>(null);
  // at rest, a fed knob paints each value from its feed without rendering (`value-feed.ts`)
  const range = { min: props.min ?? 0, max: props.max ?? 1, items };
  const fed: DialFeed | null =
    painted && feed && state === 'ready' && !touched
      ? {
          feed,
          show: (sample) => {
            const words = sample.display ?? fallbackText(sample.value, range);
            const dial = {
              ratio: ratioOf(sample.value, range),
              origin,
              touched: false,
              text: words,
              color: colorValue,
            };
            return { dial, now: sample.value, text: words };
          },
        }
      : null;
  useDialPaint(
    painter,
    painted,
    { face, value: valueBox, slider: sliderElement },
    { ratio, origin, touched, text, color: colorValue },
    fed,
  );
  // a new value restyles the arc and the pointer alone (a custom property on
  // the knob would restyle everything inside it: measurably slower with hundreds moving)
  const style = colorValue !== null ? ({ '--ls-knob-color': colorValue } as CSSProperties) : undefined;
  const arc: CSSProperties = {
    strokeDasharray: `${Math.abs(ratio - origin).toFixed(4)} 2`,
    strokeDashoffset: (-Math.min(origin, ratio)).toFixed(4),
  };
  // the pointer's end moves (a transform would add a paint property node per knob: slower to layerize)
  const tip = pointAt(50, 50, 30, angleAt(ratio));

  return (
    <div
      className="ls-knob"
      data-state={state}
      data-size={size}
      data-touched={touched || undefined}
      data-painted={painted || undefined}
      style={style}
    >
      <div {...slider} ref={sliderElement} className="ls-control ls-knob-dial">
        <div className="ls-knob-face" ref={face}>
          {!painted && (
            <svg viewBox="0 0 100 100" aria-hidden="true">
              <path className="ls-knob-track" d={FULL_ARC} />
              {live && <path className="ls-knob-arc" d={FULL_ARC} pathLength={1} style={arc} />}
              <circle className="ls-knob-cap" cx="50" cy="50" r="30" />
              {live && <line className="ls-knob-pointer" x1="50" y1="50" x2={tip.x.toFixed(1)} y2={tip.y.toFixed(1)} />}
            </svg>
          )}
        </div>
        {touched && (
          <span className="ls-readout ls-knob-readout" aria-hidden="true">
            {text}
            {fine && <span className="ls-fine"> fine</span>}
          </span>
        )}
      </div>
      <div className="ls-label" title={label}>
        {label}
      </div>
      <div className="ls-knob-value ls-number" aria-hidden="true" title={error ?? undefined}>
        <span className="ls-knob-value-text" ref={valueBox}>
          {painted ? null : live ? text : status}
        </span>
      </div>
      {state === 'failed' && onRetry && (
        <button type="button" className="ls-retry" onClick={onRetry} aria-label={`Retry ${label}`}>
          Retry
        </button>
      )}
    </div>
  );
});
