/**
 * "MIDI in": a USB keyboard plugged into the tablet, played into Live. One
 * line in the Keys page's head (`MidiPortLine`): where the browser has no
 * Web MIDI it says why (rather than an empty list); otherwise a button to
 * start, the browser asking, a refusal, "no MIDI inputs", or a choice of the
 * tablet's inputs, and while one plays, a dot that blinks with each message,
 * the tracks its notes reach (the armed ones) and what was dropped. A pure
 * view.
 */
import { memo } from 'react';
import { namesInWords } from '../widgets/keyboard/NotesRoute';
import type { MidiInputPort } from '../../machines/effects';
import { accessAction, MidiPortLine, portText, refused, type PortViewProps, type PortWords } from './MidiPortLine';

/** What the control shows: the machine's state, its `ready` states flattened. */
export type MidiInputStatus =
  'checking' | 'unsupported' | 'idle' | 'asking' | 'denied' | 'failed' | 'noInputs' | 'choosing' | 'listening';

export interface MidiInputViewProps extends PortViewProps {
  status: MidiInputStatus;
  inputs: readonly MidiInputPort[];
  /** Messages received: the activity dot blinks at each. */
  received: number;
  /** What was dropped, in words ("96 clock, 1 sysex"), or empty. */
  dropped: string;
  /** The tracks the notes reach: the armed MIDI tracks. */
  playsOn: readonly string[];
}

const WORDS: PortWords = {
  none: 'noInputs',
  ports: 'inputs',
  device: 'a keyboard',
  instead: 'plug the keyboard into the computer running Live instead',
  choose: 'Choose a keyboard to play Live with',
};

/** What the line says besides its controls. */
function statusText(props: MidiInputViewProps): string {
  const { status, playsOn, dropped } = props;
  if (status === 'idle') return 'Play Live from a USB keyboard plugged into this tablet';
  if (status !== 'listening') return portText(status, WORDS, { ...props, ports: props.inputs }) ?? '';
  const reach = playsOn.length > 0 ? `Plays ${namesInWords(playsOn)} (armed)` : 'No track is armed: notes go nowhere';
  return dropped === '' ? reach : `${reach}; dropped ${dropped}`;
}

export const MidiInputView = memo(function MidiInputView(props: MidiInputViewProps) {
  const { status, inputs, chosen, problem, received, onEnable, onChoose } = props;
  const listening = status === 'listening';
  return (
    <MidiPortLine
      name="MIDI in"
      state={status}
      tone={listening ? 'active' : refused(status) ? 'warn' : 'dim'}
      choice={listening || status === 'choosing' ? { label: 'MIDI input', ports: inputs, chosen, onChoose } : null}
      activity={listening ? received : null}
      text={statusText(props)}
      action={accessAction(status, 'Use a MIDI keyboard', onEnable)}
      problem={problem && listening ? `${chosen ?? 'The input'} cannot be opened: ${problem}` : null}
    />
  );
});
