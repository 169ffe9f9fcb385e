/**
 * A fader, vertical or horizontal. The thumb follows the finger one to one
 * from wherever it was touched (relative: touching never makes it jump),
 * finer with a second finger or Shift. A range across zero fills from the
 * middle. `marks` draw ticks (unity gain on a volume). `children` sit beside
 * the groove (a mixer strip puts its meter there). A pure view.
 */
import { memo, type CSSProperties, type ReactNode } from 'react';
import { cssColor } from '../../theme/live-colors';
import { ratioOf } from '../../touch/drag-math';
import type { ParameterControlProps } from '../control-state';
import { useParameterControl } from '../use-parameter-control';
import './fader.css';

/** A fader's props: a parameter control's (`color` tints the fill), and its groove. */
export interface FaderProps extends ParameterControlProps {
  orientation?: 'vertical' | 'horizontal';
  /** Values to mark along the groove. */
  marks?: readonly number[];
  /** Hide the label and value lines (a strip that shows them itself). */
  bare?: boolean;
  children?: ReactNode;
}

const ratioStyle = (name: string, ratio: number): Record<string, string> => ({ [name]: ratio.toFixed(4) });

export const Fader = memo(function Fader(props: FaderProps) {
  const { label, min = 0, max = 1, state = 'ready', orientation = 'vertical', size = 'medium', color = null } = props;
  const { marks = [], bare = false, error = null, children, onRetry } = props;
  const vertical = orientation === 'vertical';
  const { live, text, status, ratio, origin, touched, fine, slider } = useParameterControl(props, {
    axis: vertical ? 'vertical' : 'horizontal',
    // the groove's own length: the thumb stays under the finger
    rangePixels: (element) => (vertical ? element.clientHeight : element.clientWidth) * 0.9,
    orientation,
  });
  const style = {
    ...ratioStyle('--ls-ratio', ratio),
    // the fill spans origin..value (from the middle for a range across zero)
    ...ratioStyle('--ls-fill-start', Math.min(origin, ratio)),
    ...ratioStyle('--ls-fill-size', Math.max(0.0001, Math.abs(ratio - origin))),
    ...(color !== null ? { '--ls-fader-color': cssColor(color) } : {}),
  } as CSSProperties;

  return (
    <div
      className="ls-fader"
      data-state={state}
      data-orientation={orientation}
      data-size={size}
      data-touched={touched || undefined}
      style={style}
    >
      {!bare && (
        <div className="ls-label" title={label}>
          {label}
        </div>
      )}
      <div className="ls-fader-body">
        <div {...slider} className="ls-control ls-fader-track">
          <div className="ls-fader-groove" aria-hidden="true">
            {marks.map((mark) => (
              <span
                key={mark}
                className="ls-fader-mark"
                style={ratioStyle('--ls-mark', ratioOf(mark, { min, max })) as CSSProperties}
              />
            ))}
            {live && <div className="ls-fader-fill" />}
          </div>
          {live && <div className="ls-fader-thumb" aria-hidden="true" />}
          {touched && (
            <span className="ls-readout ls-fader-readout" aria-hidden="true">
              {text}
              {fine && <span className="ls-fine"> fine</span>}
            </span>
          )}
        </div>
        {children}
        {state === 'failed' && onRetry && (
          <button type="button" className="ls-retry ls-fader-retry" onClick={onRetry} aria-label={`Retry ${label}`}>
            Retry
          </button>
        )}
      </div>
      {!bare && (
        <div className="ls-fader-value ls-number" aria-hidden="true" title={error ?? undefined}>
          {live ? text : status}
        </div>
      )}
    </div>
  );
});
