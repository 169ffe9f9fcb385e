/**
 * A level meter (`role="meter"`): one bar, or two for left and right, in
 * green, yellow then red towards the top, with a peak that holds for a
 * moment and a clip light that stays lit until tapped. Levels are Live's
 * meter values, 0 to 1. Drawn with transforms only, so a meter moving at
 * the display's rate costs no layout.
 */
import { memo, useEffect, useRef, useState, type CSSProperties } from 'react';
import { stateText, type ControlState } from '../control-state';
import { nextPeak, type Peak } from './peak-hold';
import './meter.css';

export interface MeterProps {
  label: string;
  /** One level, or left and right. */
  level: number | readonly [number, number];
  state?: ControlState;
  orientation?: 'vertical' | 'horizontal';
  size?: 'small' | 'medium' | 'large';
  /** The level at which the clip light comes on. */
  clipAt?: number;
}

const clamp01 = (value: number): number => Math.min(1, Math.max(0, Number.isFinite(value) ? value : 0));

function usePeak(level: number): number {
  const peak = useRef<Peak>({ value: 0, at: 0 });
  peak.current = nextPeak(peak.current, level, performance.now());
  return peak.current.value;
}

function Bar({ level }: { level: number }) {
  const peak = usePeak(level);
  const style = { '--ls-level': level.toFixed(4), '--ls-peak': peak.toFixed(4) } as CSSProperties;
  return (
    <div className="ls-meter-bar" style={style}>
      <div className="ls-meter-fill" />
      {peak > 0.001 && <div className="ls-meter-peak" />}
    </div>
  );
}

export const Meter = memo(function Meter({
  label,
  level,
  state = 'ready',
  orientation = 'vertical',
  size = 'medium',
  clipAt = 1,
}: MeterProps) {
  const levels = typeof level === 'number' ? [clamp01(level)] : level.map(clamp01);
  const loudest = Math.max(...levels);
  const [clipped, setClipped] = useState(false);
  useEffect(() => {
    if (loudest >= clipAt) setClipped(true);
  }, [loudest, clipAt]);
  const status = stateText(state);
  const live = state === 'ready' || state === 'touched';
  return (
    <div
      className="ls-meter"
      data-state={state}
      data-orientation={orientation}
      data-size={size}
      data-clipped={clipped || undefined}
    >
      <div
        role="meter"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={1}
        aria-valuenow={live ? Number(loudest.toFixed(3)) : 0}
        aria-valuetext={status ?? `${Math.round(loudest * 100)} %${clipped ? ', clipped' : ''}`}
        className="ls-meter-bars"
      >
        {(live ? levels : levels.map(() => 0)).map((value, index) => (
          <Bar key={index} level={value} />
        ))}
      </div>
      <button
        type="button"
        className="ls-meter-clip"
        aria-label={clipped ? `${label} clipped: reset` : `${label} clip light`}
        aria-pressed={clipped}
        onClick={() => setClipped(false)}
      />
    </div>
  );
});
