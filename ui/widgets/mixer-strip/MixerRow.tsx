/**
 * The mixer on the session actor: a strip per track, then the returns, then
 * the master, in Live's order, scrolling sideways when they do not fit. It
 * re-renders only when the set's tracks change; every strip follows its own
 * track actor.
 */
import { memo } from 'react';
import { useMixerStrips, type SessionActor } from '../../connect/use-session';
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
  return (
    <div className="ls-mixer-row" role="region" aria-label="Mixer" aria-busy={strips.length === 0 || undefined}>
      {strips.length === 0 && (
        <div className="ls-mixer-row-status" role="status">
          Loading the set…
        </div>
      )}
      {strips.map((strip) => (
        <div key={strip.actor.id} className="ls-mixer-row-slot" data-kind={strip.kind}>
          <TrackStrip actor={strip.actor} position={strip.position} size={size} />
        </div>
      ))}
    </div>
  );
});
