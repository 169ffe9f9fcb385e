/**
 * The MIDI in control on its actor: what it shows (the machine's state and
 * context as the view's props), the events its controls send, and the
 * chosen input kept in the tablet's settings (by name) so that after a
 * reload the same keyboard plays at once.
 */
import { useSelector } from '@xstate/react';
import type { ActorRefFrom, SnapshotFrom } from 'xstate';
import { droppedInWords } from '../../machines/midi-input-bytes';
import type { MidiInputMachine } from '../../machines/midi-input';
import { sameView } from '../connect/same';
import { keptPort, portStatus, usePortCommands } from './use-midi-port';
import type { MidiInputStatus, MidiInputViewProps } from './MidiInputView';

export type MidiInputActor = ActorRefFrom<MidiInputMachine>;

/** Where the chosen input's name is kept. */
export const MIDI_INPUT_SETTING = 'midi-in.input';

/** The input chosen on this tablet before, for the machine's input. */
export const keptMidiInput = (): string | null => keptPort(MIDI_INPUT_SETTING);

type MidiInputShown = Omit<MidiInputViewProps, 'playsOn' | 'onEnable' | 'onChoose'>;

export const midiInputStatus = (snapshot: SnapshotFrom<MidiInputMachine>): MidiInputStatus =>
  portStatus(snapshot.value);

export function midiInputShown(snapshot: SnapshotFrom<MidiInputMachine>): MidiInputShown {
  const { context } = snapshot;
  return {
    status: midiInputStatus(snapshot),
    why: context.why,
    accessError: context.accessError,
    inputs: context.ports,
    chosen: context.chosen,
    problem: context.problem,
    received: context.received,
    dropped: droppedInWords(context.dropped),
  };
}

/** The view's props on `actor` (but where the notes go, which the page knows), its choice kept. */
export function useMidiInput(actor: MidiInputActor): Omit<MidiInputViewProps, 'playsOn'> {
  const shown = useSelector(actor, midiInputShown, sameView);
  return { ...shown, ...usePortCommands(actor, MIDI_INPUT_SETTING, shown.chosen) };
}
