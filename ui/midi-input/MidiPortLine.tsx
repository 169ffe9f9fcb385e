/**
 * One line of a Keys page's head for a MIDI port of the tablet's (MIDI in's
 * keyboards, MIDI out's synths): its name, the choice of ports while there
 * is one to make, an activity dot that blinks with each message, what it
 * says (why there is nothing to choose, or where the MIDI goes), a button to
 * start or ask again, and a port that would not open. A pure view, laid out
 * by `MidiInputView` and `MidiOutputView`.
 */
import { memo, type ReactNode } from 'react';
import type { MidiPort, WebMidiMissing } from '../../machines/effects';
import './midi-input.css';

/** The choice of ports. */
export interface PortChoiceProps {
  /** The select's name (`MIDI input`). */
  label: string;
  ports: readonly MidiPort[];
  /** The chosen port's name, plugged in or not. */
  chosen: string | null;
  onChoose: (name: string | null) => void;
}

export interface MidiPortLineProps {
  /** What the line is (`MIDI in`): its group's name and its label; its status is `<name> status`. */
  name: string;
  /** The machine's state, as `data-state`. */
  state: string;
  /** How its words read: dim until MIDI flows (`active`), `warn` where there is no MIDI and why. */
  tone: 'dim' | 'active' | 'warn';
  /** The choice of ports, while there is one to make. */
  choice: PortChoiceProps | null;
  /** Messages so far, while MIDI flows: the dot blinks at each (null: no dot). */
  activity: number | null;
  /** What it says. */
  text: string;
  /** The button to start, or to ask again. */
  action: { label: string; onClick: () => void } | null;
  /** Why the chosen port could not be opened, in words. */
  problem: string | null;
  /** More to say, after the text (how to route Live's MIDI). */
  children?: ReactNode;
}

/** What both lines' views take alike, besides their state, their ports and what flows. */
export interface PortViewProps {
  /** Why there is no Web MIDI (`unsupported`). */
  why: WebMidiMissing | null;
  /** What the browser said when it refused (`denied`), or why MIDI could not start (`failed`). */
  accessError: string | null;
  /** The chosen port's name, plugged in or not. */
  chosen: string | null;
  /** Why the chosen port could not be opened. */
  problem: string | null;
  onEnable: () => void;
  onChoose: (name: string | null) => void;
}

/** How a line names its ports and what plugs into them. */
export interface PortWords {
  /** Its state while no port is connected (`noInputs`). */
  none: string;
  /** The ports (`inputs`). */
  ports: string;
  /** One device to plug in (`a keyboard`). */
  device: string;
  /** What to do where the browser has no Web MIDI. */
  instead: string;
  /** What it asks to choose. */
  choose: string;
}

/** What a line shows of its machine, for what it says. */
export interface PortShown extends Pick<PortViewProps, 'why' | 'accessError' | 'chosen'> {
  ports: readonly MidiPort[];
}

/** Why there is no Web MIDI, in the musician's words; `instead`, what to do with the device instead. */
function missingText(why: WebMidiMissing | null, instead: string): string {
  return why === 'insecure'
    ? 'Web MIDI needs a secure page (https): start the bridge with --https (Safari on iPadOS has none even then)'
    : `This browser has no Web MIDI (iPadOS Safari): ${instead}`;
}

/** What a line says in the states both lines share, in its words; null in those it says its own way. */
export function portText(state: string, words: PortWords, shown: PortShown): string | null {
  const { chosen } = shown;
  const said = shown.accessError ? ` (${shown.accessError})` : '';
  switch (state) {
    case 'checking':
      return 'Looking for Web MIDI…';
    case 'unsupported':
      return missingText(shown.why, words.instead);
    case 'asking':
      return 'Asking the browser for MIDI…';
    case 'denied':
      return `The browser refused MIDI${said}`;
    case 'failed':
      return `No MIDI ${words.ports}: the browser could not start MIDI on this device${said}`;
    case words.none:
      return `No MIDI ${words.ports}: ${chosen === null ? `plug in ${words.device}` : `waiting for ${chosen}`}`;
    case 'choosing':
      return chosen !== null && !shown.ports.some((port) => port.name === chosen)
        ? `${chosen} is unplugged: waiting for it`
        : words.choose;
    default:
      return null;
  }
}

/** Whether a line's words warn: there is no Web MIDI, or no access to it. */
export const refused = (state: string): boolean => state === 'unsupported' || state === 'denied' || state === 'failed';

/** The button that starts a port's line, or asks again after a refusal or a failure. */
export function accessAction(
  state: string,
  start: string,
  onEnable: () => void,
): { label: string; onClick: () => void } | null {
  const label = state === 'idle' ? start : state === 'denied' ? 'Ask again' : state === 'failed' ? 'Try again' : null;
  return label === null ? null : { label, onClick: onEnable };
}

const NONE = '';

/** The ports to choose from, the chosen one listed even while it is unplugged. */
function PortChoice({ label, ports, chosen, onChoose }: PortChoiceProps) {
  const away = chosen !== null && !ports.some((port) => port.name === chosen);
  return (
    <select
      className="ls-tool ls-midi-port-select"
      aria-label={label}
      value={chosen ?? NONE}
      onChange={(event) => onChoose(event.target.value === NONE ? null : event.target.value)}
    >
      <option value={NONE}>None</option>
      {ports.map((port) => (
        <option key={port.id} value={port.name}>
          {port.name}
        </option>
      ))}
      {away && <option value={chosen}>{chosen} (unplugged)</option>}
    </select>
  );
}

export const MidiPortLine = memo(function MidiPortLine(props: MidiPortLineProps) {
  const { name, state, tone, choice, activity, text, action, problem, children } = props;
  return (
    <div className="ls-midi-port" role="group" aria-label={name} data-state={state} data-tone={tone}>
      <span className="ls-label ls-midi-port-label">{name}</span>
      {choice !== null && <PortChoice {...choice} />}
      {activity !== null && (
        // re-made at each message, so its blink starts again
        <span key={activity} className="ls-midi-port-dot" data-blink={activity > 0 || undefined} aria-hidden="true" />
      )}
      <span className="ls-midi-port-text" role="status" aria-label={`${name} status`} title={text}>
        {text}
      </span>
      {children}
      {action !== null && (
        <button type="button" className="ls-tool" onClick={action.onClick}>
          {action.label}
        </button>
      )}
      {problem !== null && (
        <span className="ls-midi-port-problem" role="alert">
          {problem}
        </span>
      )}
    </div>
  );
});
