/**
 * `<Tracks>`: every track of the set, in Live's order, each a scope for
 * what it holds (as a `<Track>` is, without a frame: a strip says its own
 * name), so one line binds a widget to every track: `<Tracks><Strip
 * /></Tracks>` is a mixer. The returns and the master follow when asked.
 * A track added, moved or deleted in Live is added, moved or dropped here;
 * each scope stands on the session's own actor of its track.
 */
import { useMemo, type ReactNode } from 'react';
import { useMixerStrips, type MixerRowStrip } from '../connect/use-session';
import type { TrackActor } from '../connect/use-track';
import { Scope, useLayoutServices } from './layout-context';
import type { ScopeTarget } from './targets';
import { useTrackNames } from './use-tracks';

/** Which of the set's tracks besides its tracks: the returns, the master. */
export interface TracksWanted {
  /** The return tracks too, after the tracks. */
  returns?: boolean;
  /** The master too, last. */
  master?: boolean;
}

/** The Live object a track actor stands for (`id 3`): fixed for the actor's life. */
export const trackOf = (actor: TrackActor): string => actor.getSnapshot().context.track;

/** The session's tracks (and the returns and master when wanted) with their kind and place, in Live's order. */
export function useSetStrips({ returns = false, master = false }: TracksWanted): readonly MixerRowStrip[] {
  const { session } = useLayoutServices();
  const strips = useMixerStrips(session);
  return useMemo(
    () =>
      strips.filter(
        (strip) =>
          strip.kind === 'track' || (strip.kind === 'return' && returns) || (strip.kind === 'master' && master),
      ),
    [strips, returns, master],
  );
}

const NO_TRACKS: readonly TrackActor[] = [];

export function Tracks({
  returns,
  master,
  children,
}: TracksWanted & {
  /** What each track holds (bound relative to it), or a function of the track's name. */
  children: ReactNode | ((track: string) => ReactNode);
}) {
  const strips = useSetStrips({ returns, master });
  const actors = useMemo(() => strips.map((strip) => strip.actor), [strips]);
  // the names only when they are asked for: a strip follows its own track, and a row of them need not
  const names = useTrackNames(typeof children === 'function' ? actors : NO_TRACKS);
  return strips.map((strip, index) => {
    const scope: ScopeTarget = { kind: 'object', target: trackOf(strip.actor) };
    return (
      <Scope key={strip.actor.id} target={scope}>
        {typeof children === 'function' ? children(names[index] ?? '') : children}
      </Scope>
    );
  });
}
