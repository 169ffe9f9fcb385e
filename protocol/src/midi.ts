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
