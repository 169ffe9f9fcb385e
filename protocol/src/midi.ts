/**
 * MIDI as it travels from a browser to the bridge: one object per message,
 * each with its channel (0-15). Pitch bend is 14-bit, centred on 0.
 */
import { z } from 'zod';

const Channel = z.number().int().min(0).max(15);
const Seven = z.number().int().min(0).max(127);

export const NoteOn = z.object({ type: z.literal('note_on'), channel: Channel, note: Seven, velocity: Seven }).strict();
export const NoteOff = z
  .object({ type: z.literal('note_off'), channel: Channel, note: Seven, velocity: Seven.optional() })
  .strict();
export const ControlChange = z
  .object({ type: z.literal('cc'), channel: Channel, controller: Seven, value: Seven })
  .strict();
/** -8192 (down) .. 0 (centre) .. 8191 (up). */
export const PitchBend = z
  .object({ type: z.literal('pitch_bend'), channel: Channel, value: z.number().int().min(-8192).max(8191) })
  .strict();
export const ChannelPressure = z
  .object({ type: z.literal('channel_pressure'), channel: Channel, pressure: Seven })
  .strict();
export const PolyAftertouch = z
  .object({ type: z.literal('poly_aftertouch'), channel: Channel, note: Seven, pressure: Seven })
  .strict();

/** Every MIDI message a client may send. */
export const MidiMessage = z.discriminatedUnion('type', [
  NoteOn,
  NoteOff,
  ControlChange,
  PitchBend,
  ChannelPressure,
  PolyAftertouch,
]);
export type MidiMessage = z.infer<typeof MidiMessage>;

/** The bytes of a message on the wire (running status is not used). */
export function midiBytes(message: MidiMessage): number[] {
  const { channel } = message;
  switch (message.type) {
    case 'note_on':
      return [0x90 | channel, message.note, message.velocity];
    case 'note_off':
      return [0x80 | channel, message.note, message.velocity ?? 64];
    case 'cc':
      return [0xb0 | channel, message.controller, message.value];
    case 'pitch_bend': {
      const value = message.value + 8192;
      return [0xe0 | channel, value & 0x7f, value >> 7];
    }
    case 'channel_pressure':
      return [0xd0 | channel, message.pressure];
    case 'poly_aftertouch':
      return [0xa0 | channel, message.note, message.pressure];
    default:
      return message satisfies never;
  }
}

/**
 * The bytes of one message (a Web MIDI `midimessage` event, one message of a
 * MIDI stream) as a `MidiMessage`, or what kind of message it was when the
 * protocol does not carry it: it carries notes, CC, pitch bend, channel
 * pressure and poly aftertouch, which is what a keyboard plays and a synth
 * takes; Live's tracks have no use for the rest through the notes port
 * (sysex, clock and transport, program changes, bytes that are not a whole
 * message).
 */
/** What a dropped message was, counted by kind so the musician can see what the keyboard sends that Live does not get. */
export type DroppedKind = 'sysex' | 'clock' | 'program change' | 'other';

export type ReadMessage = { kind: 'message'; message: MidiMessage } | { kind: 'dropped'; what: DroppedKind };

const dropped = (what: DroppedKind): ReadMessage => ({ kind: 'dropped', what });
const message = (value: MidiMessage): ReadMessage => ({ kind: 'message', message: value });
const isData = (byte: number | undefined): byte is number => byte !== undefined && byte >= 0 && byte <= 0x7f;

/** Timing clock, start, continue, stop, active sensing, reset: the real-time messages a keyboard may stream. */
const REAL_TIME = new Set([0xf8, 0xfa, 0xfb, 0xfc, 0xfe, 0xff]);

/** One message's bytes, as the protocol's message or what was dropped. */
export function readMidiMessage(data: ArrayLike<number>): ReadMessage {
  const status = data[0];
  if (status === undefined || status < 0x80 || status > 0xff) return dropped('other');
  if (status === 0xf0) return dropped('sysex');
  if (REAL_TIME.has(status)) return dropped('clock');
  if (status >= 0xf0) return dropped('other'); // MIDI time code, song position and select, tune request
  const kind = status & 0xf0;
  const channel = status & 0x0f;
  const [first, second] = [data[1], data[2]];
  if (kind === 0xc0) return dropped('program change');
  if (kind === 0xd0)
    return isData(first) ? message({ type: 'channel_pressure', channel, pressure: first }) : dropped('other');
  if (!isData(first) || !isData(second)) return dropped('other');
  switch (kind) {
    case 0x80:
      return message({ type: 'note_off', channel, note: first, velocity: second });
    case 0x90:
      // a note on of velocity 0 is a note off, as every keyboard with running status sends it
      return message(
        second === 0
          ? { type: 'note_off', channel, note: first }
          : { type: 'note_on', channel, note: first, velocity: second },
      );
    case 0xa0:
      return message({ type: 'poly_aftertouch', channel, note: first, pressure: second });
    case 0xb0:
      return message({ type: 'cc', channel, controller: first, value: second });
    default:
      // 0xe0: the 14-bit bend, least significant 7 bits first, centred on 8192
      return message({ type: 'pitch_bend', channel, value: (second << 7) + first - 8192 });
  }
}
