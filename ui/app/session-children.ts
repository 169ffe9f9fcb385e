/** The session actor's children, selected for the app's pages. */
import { useSelector } from '@xstate/react';
import { createContext, useContext } from 'react';
import type { ActorRefFrom, InspectionEvent } from 'xstate';
import type { SessionMachine } from '../../machines/session';
import { trackId } from '../../machines/session';
import type { TransportMachine } from '../../machines/transport';
import type { TrackActor } from '../connect/use-track';

export type SessionActor = ActorRefFrom<SessionMachine>;
export type TransportActor = ActorRefFrom<TransportMachine>;

const sameList = <T>(a: readonly T[], b: readonly T[]): boolean =>
  a.length === b.length && a.every((item, index) => item === b[index]);

/** The track actors of the set's tracks (not returns or master), in order. */
export function useTrackActors(session: SessionActor): TrackActor[] {
  return useSelector(
    session,
    (snapshot) =>
      snapshot.context.tracks
        .map((track) => snapshot.children[trackId(track)] as TrackActor | undefined)
        .filter((actor): actor is TrackActor => actor !== undefined),
    sameList,
  );
}

export function useTransportActor(session: SessionActor): TransportActor | undefined {
  return useSelector(session, (snapshot) => snapshot.children.transport as TransportActor | undefined);
}

/** XState's inspect option for actors the pages start, so the developers' page sees them too. */
export const InspectContext = createContext<((event: InspectionEvent) => void) | undefined>(undefined);
export const useInspect = (): ((event: InspectionEvent) => void) | undefined => useContext(InspectContext);
