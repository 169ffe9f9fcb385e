/**
 * The mixer on the session actor: a strip per track, then the returns, then
 * the master, in Live's order, scrolling sideways when they do not fit. It
 * re-renders only when the set's tracks change; every strip follows its own
 * track actor.
 */
import { useSelector } from '@xstate/react';
import { memo } from 'react';
import type { ActorRefFrom, SnapshotFrom } from 'xstate';
import { trackId, type SessionMachine } from '../../../machines/session';
import type { TrackActor } from '../../connect/use-track';
import type { MixerStripProps } from './MixerStrip';
import { TrackStrip } from './TrackStrip';

/** The session actor whose `track:<target>` children the row lays out. */
export type SessionActor = ActorRefFrom<SessionMachine>;

/** One strip of the row: its track actor, its kind and its activator's face. */
export interface MixerRowStrip {
  actor: TrackActor;
  kind: 'track' | 'return' | 'master';
  /** The activator's face: the track's number, the return's letter. */
  position: string | undefined;
}

/** The strips the session has actors for, in Live's order. */
export function mixerStrips(snapshot: SnapshotFrom<SessionMachine>): MixerRowStrip[] {
  const { tracks, returns, master } = snapshot.context;
  const children = snapshot.children as Record<string, TrackActor | undefined>;
  const strips: MixerRowStrip[] = [];
  const add = (target: string, kind: MixerRowStrip['kind'], position: string | undefined): void => {
    const actor = children[trackId(target)];
    if (actor) strips.push({ actor, kind, position });
  };
  tracks.forEach((target, index) => add(target, 'track', String(index + 1)));
  returns.forEach((target, index) => add(target, 'return', String.fromCharCode(65 + index)));
  if (master) add(master, 'master', undefined);
  return strips;
}

const sameStrips = (a: MixerRowStrip[], b: MixerRowStrip[]): boolean =>
  a.length === b.length &&
  a.every((strip, index) => strip.actor === b[index]?.actor && strip.position === b[index]?.position);

/** The row's props: the session, and the size of its strips. */
export interface MixerRowProps {
  session: SessionActor;
  size?: MixerStripProps['size'];
}

/** The session's mixer: every track's strip, then the returns, then the master. */
export const MixerRow = memo(function MixerRow({ session, size }: MixerRowProps) {
  const strips = useSelector(session, mixerStrips, sameStrips);
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
