/**
 * The MIDI in control on its actor: what it shows (the machine's state and
 * context as the view's props), the events its controls send, and the
 * chosen input kept in the tablet's settings (by name) so that after a
 * reload the same keyboard plays at once.
 */
import { useSelector } from '@xstate/react';
import { useEffect, useMemo } from 'react';
import type { ActorRefFrom, SnapshotFrom } from 'xstate';
import { z } from 'zod';
import { droppedInWords } from '../../machines/midi-input-bytes';
import type { MidiInputMachine } from '../../machines/midi-input';
import { sameView } from '../connect/same';
import { readSetting, writeSetting } from '../settings/stored-state';
import type { MidiInputStatus, MidiInputViewProps } from './MidiInputView';

export type MidiInputActor = ActorRefFrom<MidiInputMachine>;

/** Where the chosen input's name is kept. */
export const MIDI_INPUT_SETTING = 'midi-in.input';
const ChosenName = z.string().nullable();

/** The input chosen on this tablet before, for the machine's input. */
export const keptMidiInput = (): string | null => readSetting(MIDI_INPUT_SETTING, ChosenName, null);

type MidiInputShown = Omit<MidiInputViewProps, 'playsOn' | 'onEnable' | 'onChoose'>;

export function midiInputStatus(snapshot: SnapshotFrom<MidiInputMachine>): MidiInputStatus {
  const { value } = snapshot;
  if (typeof value === 'string') return value;
  return value.ready === 'placing' ? 'choosing' : value.ready;
}

export function midiInputShown(snapshot: SnapshotFrom<MidiInputMachine>): MidiInputShown {
  const { context } = snapshot;
  return {
    status: midiInputStatus(snapshot),
    why: context.why,
    accessError: context.accessError,
    inputs: context.inputs,
    chosen: context.chosen,
    problem: context.problem,
    received: context.received,
    dropped: droppedInWords(context.dropped),
  };
}

/** The view's props on `actor` (but where the notes go, which the page knows), its choice kept. */
export function useMidiInput(actor: MidiInputActor): Omit<MidiInputViewProps, 'playsOn'> {
  const shown = useSelector(actor, midiInputShown, sameView);
  const { chosen } = shown;
  useEffect(() => writeSetting(MIDI_INPUT_SETTING, chosen), [chosen]);
  const commands = useMemo(
    () => ({
      onEnable: () => actor.send({ type: 'ui.enable' }),
      onChoose: (name: string | null) => actor.send({ type: 'ui.choose', name }),
    }),
    [actor],
  );
  return { ...shown, ...commands };
}
