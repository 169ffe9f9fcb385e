/**
 * A level meter (`role="meter"`): one bar, or two for left and right, in
 * green, yellow then red towards the top, with a peak that holds for a
 * moment and a clip light that stays lit until tapped. Levels are Live's
 * meter values, 0 to 1. Drawn with transforms only, so a meter moving at
 * the display's rate costs no layout.
 */
import { memo, useLayoutEffect, useRef, useState, type CSSProperties } from 'react';
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

/**
 * One bar. The level is the render's; the peak depends on time too (it
 * holds, then falls), so it is worked out once per commit, after render, and
 * written on the bar as `--ls-peak`, with `data-peak` while there is one.
 */
function Bar({ level }: { level: number }) {
  const bar = useRef<HTMLDivElement>(null);
  const peak = useRef<Peak>({ value: 0, at: 0 });
  // every commit, as every render did: a bar re-rendered at the same level lets its peak fall on
  useLayoutEffect(() => {
    peak.current = nextPeak(peak.current, level, performance.now());
    const element = bar.current;
    if (!element) return;
    const { value } = peak.current;
    element.style.setProperty('--ls-peak', value.toFixed(4));
    element.toggleAttribute('data-peak', value > 0.001);
  });
  return (
    <div ref={bar} className="ls-meter-bar" style={{ '--ls-level': level.toFixed(4) } as CSSProperties}>
      <div className="ls-meter-fill" />
      <div className="ls-meter-peak" />
    </div>
  );
}

/**
 * Whether the clip light is on: it comes on when the loudest level reaches
 * `clipAt` and stays on until reset. Only a new level (or threshold) can
 * light it again, so a reset holds while the level stays where it was.
 */
function useClipLight(loudest: number, clipAt: number): [boolean, () => void] {
  const [light, setLight] = useState({ on: loudest >= clipAt, loudest, clipAt });
  if (light.loudest !== loudest || light.clipAt !== clipAt)
    setLight({ on: light.on || loudest >= clipAt, loudest, clipAt });
  return [light.on, () => setLight((last) => ({ ...last, on: false }))];
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
  const [clipped, resetClip] = useClipLight(loudest, clipAt);
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
        onClick={resetClip}
      />
    </div>
  );
});
