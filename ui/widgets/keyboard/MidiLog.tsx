/**
 * Beside an interactive story: the MIDI the fake studio received, newest
 * first, so a designer sees what each touch plays. It re-reads the log on
 * every update of the actor that plays. Each entry carries the
 * message itself (`data-message`) for tests that read the log.
 */
import { useEffect, useReducer } from 'react';
import type { AnyActorRef } from 'xstate';
import { noteName } from '../../../machines/scales';
import type { MidiMessage } from '../../../protocol/src/index';
import { useStudio } from '../../fake-studio/studio-react';

/** How a message reads in the log. */
export function describeMidi(message: MidiMessage): string {
  switch (message.type) {
    case 'note_on':
      return `note on ${noteName(message.note)} velocity ${message.velocity}`;
    case 'note_off':
      return `note off ${noteName(message.note)}`;
    case 'cc':
      return `CC ${message.controller} ${message.value}`;
    case 'pitch_bend':
      return `pitch bend ${message.value}`;
    case 'channel_pressure':
      return `channel pressure ${message.pressure}`;
    case 'poly_aftertouch':
      return `aftertouch ${noteName(message.note)} ${message.pressure}`;
    default:
      return message satisfies never;
  }
}

const SHOWN = 400;

/** The log, re-read on every snapshot of the actor that plays. */
export function MidiLog({ actor }: { actor: AnyActorRef }) {
  const studio = useStudio();
  // every update of the actor that plays, even one that leaves its snapshot as it was (note repeat's beat)
  const [, heard] = useReducer((count: number) => count + 1, 0);
  useEffect(() => {
    const subscription = actor.subscribe(heard);
    return () => subscription.unsubscribe();
  }, [actor]);
  const messages = studio.live.midi.slice(-SHOWN).reverse();
  return (
    <aside className="ls-state-panel ls-midi-log" aria-label="MIDI sent">
      <div>
        MIDI sent: <strong data-testid="midi-count">{studio.live.midi.length}</strong>
      </div>
      <ol data-testid="midi-log" style={{ maxHeight: 180, overflowY: 'auto', listStyle: 'none', paddingLeft: 0 }}>
        {messages.map((message, index) => (
          <li key={studio.live.midi.length - index} data-message={JSON.stringify(message)}>
            {describeMidi(message)} <span className="ls-midi-channel">ch {message.channel + 1}</span>
          </li>
        ))}
      </ol>
    </aside>
  );
}
