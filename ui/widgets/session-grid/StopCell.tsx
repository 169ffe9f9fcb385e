/**
 * A track's stop button in the session grid: lit while a clip of the track
 * plays, blinking (on the beat, as a triggered clip) while a stop is fired
 * and waits for the next launch, dim when nothing plays (a press still
 * cancels a clip waiting to start). A pure view.
 */
import { memo, useId } from 'react';
import { StopGlyph } from './glyphs';
import type { StopCellState } from './states';
import { usePress } from './use-press';
import './clip-cell.css';

/** What a stop cell shows, and its press. */
export interface StopCellProps {
  trackName: string;
  state: StopCellState;
  size?: 'small' | 'medium' | 'large';
  onStop?: () => void;
}

const STATE_TEXT: Record<StopCellState, string> = {
  loading: 'Loading',
  stopped: 'Nothing playing',
  playing: 'A clip is playing',
  stopping: 'Stops on the next launch',
  failed: 'Failed',
  gone: 'Deleted in Live',
};

const takesPress = (state: StopCellState): boolean =>
  state === 'stopped' || state === 'playing' || state === 'stopping';

/** A track's stop button (a pure view). */
export const StopCell = memo(function StopCell({ trackName, state, size = 'medium', onStop }: StopCellProps) {
  const describedBy = useId();
  const enabled = takesPress(state) && onStop !== undefined;
  const press = usePress(onStop, enabled);
  return (
    <div className="ls-stop" data-state={state} data-size={size}>
      <button
        type="button"
        className="ls-control ls-stop-button"
        aria-label={`Stop ${trackName || 'track'}`}
        aria-describedby={describedBy}
        aria-disabled={!enabled || undefined}
        aria-busy={state === 'loading' || undefined}
        {...press.handlers}
      >
        {press.flash > 0 && <span key={press.flash} className="ls-clip-flash" aria-hidden="true" />}
        <StopGlyph />
      </button>
      <span id={describedBy} className="ls-visually-hidden">
        {STATE_TEXT[state]}
      </span>
    </div>
  );
});
