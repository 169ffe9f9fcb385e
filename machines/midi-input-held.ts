/**
 * What a MIDI keyboard left sounding in Live: the notes it holds, the
 * sustain pedals down and the bends away from centre, so that when the
 * surface stops listening to it (unplugged, another chosen, the page left)
 * nothing hangs: each note gets its note off, each pedal is lifted, each
 * bend goes back to centre.
 */
import type { MidiMessage } from '../protocol/src/index';

/** The sustain pedal's controller. */
const SUSTAIN = 64;

export interface Sounding {
  /** Notes held, as `channel * 128 + note`. */
  notes: readonly number[];
  /** Channels whose sustain pedal is down. */
  pedals: readonly number[];
  /** Channels bent away from centre. */
  bends: readonly number[];
}

export const SILENT: Sounding = { notes: [], pedals: [], bends: [] };

const toggled = (list: readonly number[], value: number, on: boolean): readonly number[] => {
  const without = list.filter((entry) => entry !== value);
  return on ? [...without, value] : without;
};

/** What sounds after `message`. */
export function soundingAfter(sounding: Sounding, message: MidiMessage): Sounding {
  switch (message.type) {
    case 'note_on':
      return { ...sounding, notes: toggled(sounding.notes, message.channel * 128 + message.note, true) };
    case 'note_off':
      return { ...sounding, notes: toggled(sounding.notes, message.channel * 128 + message.note, false) };
    case 'cc':
      return message.controller === SUSTAIN
        ? { ...sounding, pedals: toggled(sounding.pedals, message.channel, message.value >= 64) }
        : sounding;
    case 'pitch_bend':
      return { ...sounding, bends: toggled(sounding.bends, message.channel, message.value !== 0) };
    case 'channel_pressure':
    case 'poly_aftertouch':
      return sounding;
    default:
      return message satisfies never;
  }
}

/** The messages that end all that sounds. */
export function releaseAll(sounding: Sounding): MidiMessage[] {
  return [
    ...sounding.notes.map((key): MidiMessage => ({
      type: 'note_off',
      channel: Math.floor(key / 128),
      note: key % 128,
    })),
    ...sounding.pedals.map((channel): MidiMessage => ({ type: 'cc', channel, controller: SUSTAIN, value: 0 })),
    ...sounding.bends.map((channel): MidiMessage => ({ type: 'pitch_bend', channel, value: 0 })),
  ];
}
