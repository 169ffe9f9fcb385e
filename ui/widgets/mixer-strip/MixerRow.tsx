/**
 * The mixer on the session actor: a strip per track, then the returns, then
 * the master, in Live's order, scrolling sideways when they do not fit (a
 * finger swipes the row sideways anywhere, faders and knobs included, and
 * drags them up and down). The track Live has selected is outlined, and a
 * tap on a strip's name selects its track in Live (through the session's
 * selection, as the session grid does). It re-renders only when the set's
 * tracks change or Live selects another; every strip follows its own track actor.
 *
 * The row and a strip's place in it (`MixerRowFrame`, `MixerRowSlot`) are
 * the layout kit's too: its `<Mixer>` and `<Strip />` lay out the same row.
 */
import { memo, type ReactNode } from 'react';
import { useMixerStrips, type MixerRowStrip, type SessionActor } from '../../connect/use-session';
import { useTrackSelection } from '../../connect/use-track-selection';
import type { MixerStripProps } from './MixerStrip';
import { TrackStrip } from './TrackStrip';

/** The row's props: the session, and the size of its strips. */
export interface MixerRowProps {
  session: SessionActor;
  size?: MixerStripProps['size'];
}

/** The scrolling row the strips sit in, saying so while the set loads (a pure view). */
export function MixerRowFrame({
  label = 'Mixer',
  loading,
  children,
}: {
  label?: string;
  loading: boolean;
  children: ReactNode;
}) {
  return (
    <div className="ls-mixer-row" role="region" aria-label={label} aria-busy={loading || undefined}>
      {loading && (
        <div className="ls-mixer-row-status" role="status">
          Loading the set…
        </div>
      )}
      {children}
    </div>
  );
}

/** A strip's place in the row: returns and the master stand a little apart from the tracks. */
export function MixerRowSlot({ kind, children }: { kind: MixerRowStrip['kind']; children: ReactNode }) {
  return (
    <div className="ls-mixer-row-slot" data-kind={kind}>
      {children}
    </div>
  );
}

/** The session's mixer: every track's strip, then the returns, then the master. */
export const MixerRow = memo(function MixerRow({ session, size }: MixerRowProps) {
  const strips = useMixerStrips(session);
  const { selectedTrack, selectTrack } = useTrackSelection(session);
  return (
    <MixerRowFrame loading={strips.length === 0}>
      {strips.map((strip) => (
        <MixerRowSlot key={strip.actor.id} kind={strip.kind}>
          <TrackStrip
            actor={strip.actor}
            position={strip.position}
            size={size}
            selected={selectedTrack !== null && strip.actor.getSnapshot().context.track === selectedTrack}
            onSelect={selectTrack}
          />
        </MixerRowSlot>
      ))}
    </MixerRowFrame>
  );
});
