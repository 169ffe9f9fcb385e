/**
 * The MIDI in control on its actor, and the Keys page's (`MidiIn`): an actor
 * of its own, started with the input chosen before, saying which armed
 * tracks the keyboard's notes reach, and ending what the keyboard left
 * sounding when the page goes.
 */
import { useActorRef } from '@xstate/react';
import { memo, useMemo } from 'react';
import { useInspect } from '../app/inspect';
import { useTrackSummaries } from '../app/TrackPicker';
import { useTrackActors } from '../connect/use-session';
import { useLayoutServices } from '../layouts/layout-context';
import { useReleaseOnUnmount } from './use-midi-port';
import { MidiInputView } from './MidiInputView';
import { keptMidiInput, useMidiInput, type MidiInputActor } from './use-midi-input';

/** The control on `actor`; `playsOn`, the armed tracks its notes reach. */
export const MidiInputControl = memo(function MidiInputControl({
  actor,
  playsOn,
}: {
  actor: MidiInputActor;
  playsOn: readonly string[];
}) {
  useReleaseOnUnmount(actor);
  return <MidiInputView {...useMidiInput(actor)} playsOn={playsOn} />;
});

/** "MIDI in" for a page of the app: the tablet's keyboard into the armed tracks, as the on-screen keys play. */
export function MidiIn() {
  const { machines, session } = useLayoutServices();
  const actor = useActorRef(machines.midiInput, { input: { chosen: keptMidiInput() }, inspect: useInspect() });
  const tracks = useTrackSummaries(useTrackActors(session));
  // Live plays the surface's notes on the armed MIDI tracks (the summaries change only with a name or an arm)
  const playsOn = useMemo(
    () => tracks.filter((track) => track.armed && track.midi).map((track) => track.name),
    [tracks],
  );
  return <MidiInputControl actor={actor} playsOn={playsOn} />;
}
