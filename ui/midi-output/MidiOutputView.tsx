/**
 * "MIDI out": what Live's MIDI tracks send to "LiveSurface Return" (a
 * track's "MIDI To" in Live), played on a synth plugged into the tablet. One
 * line in the Keys page's head (`MidiPortLine`), beside MIDI in: where the
 * browser has no Web MIDI it says why; otherwise a button to start, the
 * browser asking, a refusal, "no MIDI outputs", or a choice of the tablet's
 * outputs, and while one plays, a dot that blinks with each message from
 * Live, where Live's MIDI comes from (or why nothing comes back) and how to
 * route a track to it. A pure view.
 */
import { memo } from 'react';
import type { MidiOutputPort } from '../../machines/effects';
import type { MidiRoute } from '../../protocol/src/index';
import {
  accessAction,
  MidiPortLine,
  portText,
  refused,
  type PortViewProps,
  type PortWords,
} from '../midi-input/MidiPortLine';

/** What the control shows: the machine's state, its `ready` states flattened. */
export type MidiOutputStatus =
  'checking' | 'unsupported' | 'idle' | 'asking' | 'denied' | 'failed' | 'noOutputs' | 'choosing' | 'playing';

export interface MidiOutputViewProps extends PortViewProps {
  status: MidiOutputStatus;
  outputs: readonly MidiOutputPort[];
  /** Where Live's MIDI comes from, as the bridge said (null: not said yet). */
  from: MidiRoute | null;
  /** Messages from Live played: the activity dot blinks at each. */
  played: number;
}

/** How a track's MIDI reaches the surface, in Live's words. */
export const ROUTING_HINT = 'In Live, set a MIDI track’s MIDI To to LiveSurface Return';

const WORDS: PortWords = {
  none: 'noOutputs',
  ports: 'outputs',
  device: 'a synth',
  instead: 'plug the synth into the computer running Live instead',
  choose: 'Choose a synth to play Live’s MIDI on',
};

/** What the line says besides its controls. */
function statusText(props: MidiOutputViewProps): string {
  const { status, from } = props;
  if (status === 'idle') return 'Play Live’s MIDI tracks on a synth plugged into this tablet';
  if (status !== 'playing') return portText(status, WORDS, { ...props, ports: props.outputs }) ?? '';
  if (from === null) return 'Asking the bridge for Live’s MIDI…';
  return from.mode === 'none' ? `Nothing comes back from Live: ${from.detail}` : `Plays Live’s MIDI ${from.detail}`;
}

export const MidiOutputView = memo(function MidiOutputView(props: MidiOutputViewProps) {
  const { status, outputs, chosen, problem, played, from, onEnable, onChoose } = props;
  const playing = status === 'playing';
  const silent = playing && from?.mode === 'none';
  return (
    <MidiPortLine
      name="MIDI out"
      state={status}
      tone={refused(status) || silent ? 'warn' : playing ? 'active' : 'dim'}
      choice={playing || status === 'choosing' ? { label: 'MIDI output', ports: outputs, chosen, onChoose } : null}
      activity={playing ? played : null}
      text={statusText(props)}
      action={accessAction(status, 'Use a MIDI synth', onEnable)}
      problem={problem && playing ? `${chosen ?? 'The output'} cannot be opened: ${problem}` : null}
    >
      {playing && (
        <span className="ls-midi-port-hint" aria-label="How to route Live’s MIDI here" title={ROUTING_HINT}>
          {ROUTING_HINT}
        </span>
      )}
    </MidiPortLine>
  );
});
