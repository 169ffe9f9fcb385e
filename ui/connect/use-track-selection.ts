/**
 * Live's selected track through the session's selection child
 * (`machines/session-selection.ts`, invoked as `selection` while Live is
 * there), for the mixer: which track is selected, and selecting one. Before
 * the session has the child (loading, offline), nothing is selected and a
 * selection goes nowhere.
 */
import { useSelector } from '@xstate/react';
import { useCallback } from 'react';
import type { ActorRefFrom } from 'xstate';
import type { SessionSelectionMachine } from '../../machines/session-selection';
import type { SessionActor } from './use-session';

/** The session's selection actor. */
export type SessionSelectionActor = ActorRefFrom<SessionSelectionMachine>;

/** Live's selected track (`id 3`, or null), and a selection to make. */
export interface TrackSelection {
  selectedTrack: string | null;
  selectTrack: (track: string) => void;
}

/** The session's selection child, once the session runs it. */
export function useSessionSelectionActor(session: SessionActor): SessionSelectionActor | undefined {
  // the session invokes it by this id (its children are not typed by id)
  return useSelector(session, (snapshot) => snapshot.children.selection as SessionSelectionActor | undefined);
}

/** Live's selected track as the session follows it, and selecting a track in Live. */
export function useTrackSelection(session: SessionActor): TrackSelection {
  const actor = useSessionSelectionActor(session);
  const selectedTrack = useSelector(actor, (snapshot) => snapshot?.context.track ?? null);
  const selectTrack = useCallback((track: string) => actor?.send({ type: 'ui.selectTrack', track }), [actor]);
  return { selectedTrack, selectTrack };
}
