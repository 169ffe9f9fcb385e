/**
 * The MIDI out control on its actor: what it shows (the machine's state and
 * context as the view's props), the events its controls send, and the
 * chosen output kept in the tablet's settings (by name) so that after a
 * reload the same synth plays at once.
 */
import { useSelector } from '@xstate/react';
import type { ActorRefFrom, SnapshotFrom } from 'xstate';
import type { MidiOutputMachine } from '../../machines/midi-output';
import { sameView } from '../connect/same';
import { keptPort, portStatus, usePortCommands } from '../midi-input/use-midi-port';
import type { MidiOutputViewProps } from './MidiOutputView';

export type MidiOutputActor = ActorRefFrom<MidiOutputMachine>;

/** Where the chosen output's name is kept. */
export const MIDI_OUTPUT_SETTING = 'midi-out.output';

/** The output chosen on this tablet before, for the machine's input. */
export const keptMidiOutput = (): string | null => keptPort(MIDI_OUTPUT_SETTING);

type MidiOutputShown = Omit<MidiOutputViewProps, 'onEnable' | 'onChoose'>;

/** The view's props (but its callbacks) of a snapshot. */
export function midiOutputShown(snapshot: SnapshotFrom<MidiOutputMachine>): MidiOutputShown {
  const { context } = snapshot;
  return {
    status: portStatus(snapshot.value),
    why: context.why,
    accessError: context.accessError,
    outputs: context.ports,
    chosen: context.chosen,
    problem: context.problem,
    from: context.from,
    played: context.played,
  };
}

/** The view's props on `actor`, its choice kept. */
export function useMidiOutput(actor: MidiOutputActor): MidiOutputViewProps {
  const shown = useSelector(actor, midiOutputShown, sameView);
  return { ...shown, ...usePortCommands(actor, MIDI_OUTPUT_SETTING, shown.chosen) };
}
