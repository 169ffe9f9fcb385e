/**
 * The song position readout, bars.beats.sixteenths, in a box of fixed width
 * and tabular figures: it changes many times a second and moves nothing.
 * A `timer`, so screen readers read it when asked and do not chatter.
 */
import { memo } from 'react';
import type { TransportState } from './states';

/** The readout's props: the position as text, and the transport's state. */
export interface SongPositionProps {
  /** bars.beats.sixteenths, as `formatSongPosition` writes it. */
  text: string;
  state: TransportState;
}

/** The song position readout (a pure view). */
export const SongPosition = memo(function SongPosition({ text, state }: SongPositionProps) {
  const known = state === 'stopped' || state === 'playing';
  return (
    <div className="ls-song-position" data-state={state}>
      <span className="ls-label" aria-hidden="true">
        Position
      </span>
      <div role="timer" aria-label="Song position" className="ls-song-position-value ls-number">
        {known ? text : '–.–.–'}
      </div>
    </div>
  );
});
