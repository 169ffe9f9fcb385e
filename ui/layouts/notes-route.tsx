/**
 * Where the notes of a layout's keys and pads go. Live plays the surface's
 * notes on the armed tracks, so `<Keys>` and `<Pads>` say where the notes
 * go now and arm their track in one tap, in the words the app's playing
 * pages use (`TrackNotesRoute`). It is said once: a `<TrackChooser notes>`
 * says it beside its chips for the track it gives its widgets, and the
 * keys and pads under it leave it to the chooser.
 */
import { createContext, useContext } from 'react';
import { TrackNotesRoute } from '../app/ArmChips';
import { useTrackSummaries } from '../app/TrackPicker';
import { useTrackActors } from '../connect/use-session';
import type { TrackActor } from '../connect/use-track';
import { useLayoutServices } from './layout-context';

/** The track a chooser above says the route of (null while it has none); undefined where none does. */
const RouteSaid = createContext<{ target: string | null } | undefined>(undefined);

/** Tells the keys and pads inside that the route of `target` is said already. */
export const RouteSaidFor = RouteSaid.Provider;

/** Whether a chooser above says the route of the track `target` (the scope's, null outside a track). */
export function useRouteSaid(target: string | null): boolean {
  const said = useContext(RouteSaid);
  return said !== undefined && said.target === target;
}

/** Where the notes go, for `track`, among all the set's tracks (the others armed too take them). */
export function ScopeNotesRoute({ track }: { track: TrackActor }) {
  const { session } = useLayoutServices();
  const summaries = useTrackSummaries(useTrackActors(session));
  return <TrackNotesRoute tracks={summaries} chosen={summaries.find((summary) => summary.actor === track)} />;
}
