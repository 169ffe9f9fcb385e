/**
 * The session's tracks as a layout's widgets find them: every track's name
 * as its actor says it now (one subscription to them all, for a track by
 * name and a chooser's chips), and the track actor of the scope a widget
 * sits in (for its meter, clips, devices, keyboard).
 */
import { useMemo, useSyncExternalStore } from 'react';
import { useMixerStrips, type SessionActor } from '../connect/use-session';
import type { TrackActor } from '../connect/use-track';
import { useLayoutServices, useScope } from './layout-context';
import type { ScopeTarget } from './targets';

/** The tracks' names, in the order of `actors`, re-read when any track changes. */
export function useTrackNames(actors: readonly TrackActor[]): readonly string[] {
  const store = useMemo(
    () => ({
      subscribe: (changed: () => void) => {
        const subscriptions = actors.map((actor) => actor.subscribe(changed));
        return () => subscriptions.forEach((subscription) => subscription.unsubscribe());
      },
      // one string: the same names are the same snapshot
      snapshot: () => actors.map((actor) => actor.getSnapshot().context.name).join('\n'),
    }),
    [actors],
  );
  const joined = useSyncExternalStore(store.subscribe, store.snapshot);
  return useMemo(() => joined.split('\n'), [joined]);
}

/** The track actor standing for `target` (its track's id), if the session runs one. */
export const trackActorOf = (actors: readonly TrackActor[], target: string | null): TrackActor | undefined =>
  target === null ? undefined : actors.find((actor) => actor.getSnapshot().context.track === target);

/** Every track actor the session runs, in Live's order: the tracks, the returns, the master (a scope may stand for any). */
export function useEveryTrackActor(session: SessionActor): readonly TrackActor[] {
  const strips = useMixerStrips(session);
  return useMemo(() => strips.map((strip) => strip.actor), [strips]);
}

/** The scope a widget sits in, and its track's actor when the scope is a track the session runs. */
export function useScopeTrack(): {
  scope: ScopeTarget;
  session: SessionActor;
  target: string | null;
  actor: TrackActor | undefined;
} {
  const scope = useScope();
  const { session } = useLayoutServices();
  const actors = useEveryTrackActor(session);
  const target = scope.kind === 'object' ? scope.target : null;
  return { scope, session, target, actor: trackActorOf(actors, target) };
}
