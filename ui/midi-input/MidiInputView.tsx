/**
 * "MIDI in": a USB keyboard plugged into the tablet, played into Live. One
 * line in the Keys page's head: where the browser has no Web MIDI it says
 * why (rather than an empty list); otherwise a button to start, the browser
 * asking, a refusal, "no MIDI inputs", or a choice of the tablet's inputs,
 * and while one plays, a dot that blinks with each message, the tracks its
 * notes reach (the armed ones) and what was dropped. A pure view.
 */
import { memo } from 'react';
import { namesInWords } from '../widgets/keyboard/NotesRoute';
import type { MidiInputPort, WebMidiMissing } from '../../machines/effects';
import './midi-input.css';

/** What the control shows: the machine's state, its `ready` states flattened. */
export type MidiInputStatus =
  'checking' | 'unsupported' | 'idle' | 'asking' | 'denied' | 'failed' | 'noInputs' | 'choosing' | 'listening';

export interface MidiInputViewProps {
  status: MidiInputStatus;
  /** Why there is no Web MIDI (`unsupported`). */
  why: WebMidiMissing | null;
  /** What the browser said when it refused (`denied`), or why MIDI could not start (`failed`). */
  accessError: string | null;
  inputs: readonly MidiInputPort[];
  /** The chosen input's name, plugged in or not. */
  chosen: string | null;
  /** Why the chosen input could not be opened. */
  problem: string | null;
  /** Messages received: the activity dot blinks at each. */
  received: number;
  /** What was dropped, in words ("96 clock, 1 sysex"), or empty. */
  dropped: string;
  /** The tracks the notes reach: the armed MIDI tracks. */
  playsOn: readonly string[];
  onEnable: () => void;
  onChoose: (name: string | null) => void;
}

/** Why there is no Web MIDI, in the musician's words. */
export function missingText(why: WebMidiMissing | null): string {
  return why === 'insecure'
    ? 'Web MIDI needs a secure page (https): start the bridge with --https (Safari on iPadOS has none even then)'
    : 'This browser has no Web MIDI (iPadOS Safari): plug the keyboard into the computer running Live instead';
}

const NONE = '';

/** The inputs to choose from, the chosen one listed even while it is unplugged. */
function InputChoice({ inputs, chosen, onChoose }: Pick<MidiInputViewProps, 'inputs' | 'chosen' | 'onChoose'>) {
  const away = chosen !== null && !inputs.some((input) => input.name === chosen);
  return (
    <select
      className="ls-tool ls-midi-in-select"
      aria-label="MIDI input"
      value={chosen ?? NONE}
      onChange={(event) => onChoose(event.target.value === NONE ? null : event.target.value)}
    >
      <option value={NONE}>None</option>
      {inputs.map((input) => (
        <option key={input.id} value={input.name}>
          {input.name}
        </option>
      ))}
      {away && <option value={chosen}>{chosen} (unplugged)</option>}
    </select>
  );
}

/** What the line says besides its controls. */
function statusText(props: MidiInputViewProps): string {
  const { status, chosen, inputs, accessError, playsOn, dropped } = props;
  const said = accessError ? ` (${accessError})` : '';
  switch (status) {
    case 'checking':
      return 'Looking for Web MIDI…';
    case 'unsupported':
      return missingText(props.why);
    case 'idle':
      return 'Play Live from a USB keyboard plugged into this tablet';
    case 'asking':
      return 'Asking the browser for MIDI…';
    case 'denied':
      return `The browser refused MIDI${said}`;
    case 'failed':
      return `No MIDI inputs: the browser could not start MIDI on this device${said}`;
    case 'noInputs':
      return chosen === null ? 'No MIDI inputs: plug in a keyboard' : `No MIDI inputs: waiting for ${chosen}`;
    case 'choosing':
      return chosen !== null && !inputs.some((input) => input.name === chosen)
        ? `${chosen} is unplugged: waiting for it`
        : 'Choose a keyboard to play Live with';
    case 'listening': {
      const reach =
        playsOn.length > 0 ? `Plays ${namesInWords(playsOn)} (armed)` : 'No track is armed: notes go nowhere';
      return dropped === '' ? reach : `${reach}; dropped ${dropped}`;
    }
    default:
      return status satisfies never;
  }
}

export const MidiInputView = memo(function MidiInputView(props: MidiInputViewProps) {
  const { status, inputs, chosen, problem, received, onEnable, onChoose } = props;
  const choosable = status === 'choosing' || status === 'listening';
  return (
    <div className="ls-midi-in" role="group" aria-label="MIDI in" data-state={status}>
      <span className="ls-label ls-midi-in-label">MIDI in</span>
      {choosable && <InputChoice inputs={inputs} chosen={chosen} onChoose={onChoose} />}
      {status === 'listening' && (
        // re-made at each message, so its blink starts again
        <span key={received} className="ls-midi-in-dot" data-blink={received > 0 || undefined} aria-hidden="true" />
      )}
      <span className="ls-midi-in-text" role="status" aria-label="MIDI in status">
        {statusText(props)}
      </span>
      {(status === 'idle' || status === 'denied' || status === 'failed') && (
        <button type="button" className="ls-tool" onClick={onEnable}>
          {status === 'idle' ? 'Use a MIDI keyboard' : status === 'denied' ? 'Ask again' : 'Try again'}
        </button>
      )}
      {problem && status === 'listening' && (
        <span className="ls-midi-in-problem" role="alert">
          {`${chosen ?? 'The input'} cannot be opened: ${problem}`}
        </span>
      )}
    </div>
  );
});
