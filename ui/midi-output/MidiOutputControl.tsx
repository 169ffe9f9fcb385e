/**
 * The MIDI out control on its actor, and the Keys page's (`MidiOut`): an
 * actor of its own, started with the output chosen before, ending what Live
 * left sounding on the synth when the page goes.
 */
import { useActorRef } from '@xstate/react';
import { memo } from 'react';
import { useInspect } from '../app/inspect';
import { useLayoutServices } from '../layouts/layout-context';
import { useReleaseOnUnmount } from '../midi-input/use-midi-port';
import { MidiOutputView } from './MidiOutputView';
import { keptMidiOutput, useMidiOutput, type MidiOutputActor } from './use-midi-output';

/** The control on `actor`. */
export const MidiOutputControl = memo(function MidiOutputControl({ actor }: { actor: MidiOutputActor }) {
  useReleaseOnUnmount(actor);
  return <MidiOutputView {...useMidiOutput(actor)} />;
});

/** "MIDI out" for a page of the app: what Live's tracks send to "LiveSurface Return", on the tablet's synth. */
export function MidiOut() {
  const { machines } = useLayoutServices();
  const actor = useActorRef(machines.midiOutput, { input: { chosen: keptMidiOutput() }, inspect: useInspect() });
  return <MidiOutputControl actor={actor} />;
}
