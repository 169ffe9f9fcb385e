/**
 * The mixer on the session actor: a strip per track, then the returns, then
 * the master, in Live's order, scrolling sideways when they do not fit (a
 * finger swipes the row sideways anywhere, faders and knobs included, and
 * drags them up and down). The track Live has selected is outlined, and a
 * tap on a strip's name selects its track in Live (through the session's
 * selection, as the session grid does). It re-renders only when the set's
 * tracks change or Live selects another; every strip follows its own track actor.
 */
import { memo } from 'react';
import { useMixerStrips, type SessionActor } from '../../connect/use-session';
import { useTrackSelection } from '../../connect/use-track-selection';
import type { MixerStripProps } from './MixerStrip';
import { TrackStrip } from './TrackStrip';

/** The row's props: the session, and the size of its strips. */
export interface MixerRowProps {
  session: SessionActor;
  size?: MixerStripProps['size'];
}

/** The session's mixer: every track's strip, then the returns, then the master. */
export const MixerRow = memo(function MixerRow({ session, size }: MixerRowProps) {
  const strips = useMixerStrips(session);
  const { selectedTrack, selectTrack } = useTrackSelection(session);
  return (
    <div className="ls-mixer-row" role="region" aria-label="Mixer" aria-busy={strips.length === 0 || undefined}>
      {strips.length === 0 && (
        <div className="ls-mixer-row-status" role="status">
          Loading the set…
        </div>
      )}
      {strips.map((strip) => (
        <div key={strip.actor.id} className="ls-mixer-row-slot" data-kind={strip.kind}>
          <TrackStrip
            actor={strip.actor}
            position={strip.position}
            size={size}
            selected={selectedTrack !== null && strip.actor.getSnapshot().context.track === selectedTrack}
            onSelect={selectTrack}
          />
        </div>
      ))}
    </div>
  );
});
