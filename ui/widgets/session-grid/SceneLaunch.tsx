/**
 * A scene launch button at the end of a row of the grid: the scene's color
 * and name (its number when Live's name is empty), blinking while triggered
 * as a clip does, marked when it is Live's selected scene. A pure view.
 */
import { memo, useId, type CSSProperties } from 'react';
import { cssColor } from '../../theme/live-colors';
import { LaunchGlyph } from './glyphs';
import type { SceneLaunchState } from './states';
import { usePress } from './use-press';
import './clip-cell.css';

/** What a scene launch button shows, and its presses. */
export interface SceneLaunchProps {
  state: SceneLaunchState;
  /** Empty when Live shows the scene's number. */
  name?: string;
  /** 1 for the first scene. */
  number: number;
  /** Live's RGB integer. */
  color?: number | null;
  /** Why it failed, or the last launch Live refused. */
  error?: string | null;
  size?: 'small' | 'medium' | 'large';
  /** Live's selected scene. */
  selected?: boolean;
  onLaunch?: () => void;
  onRetry?: () => void;
}

const STATE_TEXT: Record<SceneLaunchState, string> = {
  loading: 'Loading',
  idle: 'Ready to launch',
  triggered: 'Triggered, starts on the next launch',
  failed: 'Failed',
  gone: 'Deleted in Live',
};

/** A scene launch button (a pure view). */
export const SceneLaunch = memo(function SceneLaunch({
  state,
  name = '',
  number,
  color = null,
  error = null,
  size = 'medium',
  selected = false,
  onLaunch,
  onRetry,
}: SceneLaunchProps) {
  const describedBy = useId();
  const enabled = (state === 'idle' || state === 'triggered') && onLaunch !== undefined;
  const press = usePress(onLaunch, enabled);
  const title = name || `Scene ${number}`;
  const style = color !== null ? ({ '--ls-scene-color': cssColor(color) } as CSSProperties) : undefined;
  return (
    <div className="ls-scene" data-state={state} data-size={size} data-selected={selected || undefined} style={style}>
      <button
        type="button"
        className="ls-control ls-scene-launch"
        aria-label={name ? `Launch scene ${name}` : `Launch scene ${number}`}
        aria-describedby={describedBy}
        aria-disabled={!enabled || undefined}
        aria-busy={state === 'loading' || undefined}
        aria-invalid={state === 'failed' || undefined}
        {...press.handlers}
      >
        {press.flash > 0 && <span key={press.flash} className="ls-clip-flash" aria-hidden="true" />}
        <span className="ls-clip-glyph">
          <LaunchGlyph />
        </span>
        <span className="ls-clip-name">{state === 'loading' ? '' : title}</span>
      </button>
      <span id={describedBy} className="ls-visually-hidden">
        {STATE_TEXT[state]}
        {error !== null && `: ${error}`}
        {selected && '. Selected in Live'}
      </span>
      {state !== 'failed' && error !== null && <span className="ls-clip-notice" title={error} aria-hidden="true" />}
      {state === 'failed' && onRetry && (
        <button
          type="button"
          className="ls-retry ls-clip-retry"
          onClick={onRetry}
          aria-label={`Retry scene ${title}`}
          title={error ?? undefined}
        >
          Retry
        </button>
      )}
    </div>
  );
});
