import { describe, expect, it } from 'vitest';
import { MidiMessage, midiBytes } from './midi';

describe('midiBytes', () => {
  it.each([
    [{ type: 'note_on', channel: 0, note: 60, velocity: 100 }, [0x90, 60, 100]],
    [{ type: 'note_off', channel: 15, note: 60 }, [0x8f, 60, 64]],
    [{ type: 'cc', channel: 2, controller: 1, value: 127 }, [0xb2, 1, 127]],
    [{ type: 'pitch_bend', channel: 0, value: 0 }, [0xe0, 0x00, 0x40]],
    [{ type: 'pitch_bend', channel: 0, value: -8192 }, [0xe0, 0x00, 0x00]],
    [{ type: 'pitch_bend', channel: 1, value: 8191 }, [0xe1, 0x7f, 0x7f]],
    [{ type: 'channel_pressure', channel: 3, pressure: 90 }, [0xd3, 90]],
    [{ type: 'poly_aftertouch', channel: 0, note: 64, pressure: 30 }, [0xa0, 64, 30]],
  ] as const)('encodes %j', (message, bytes) => {
    expect(midiBytes(MidiMessage.parse(message))).toEqual(bytes);
  });

  it.each([
    { type: 'note_on', channel: 16, note: 60, velocity: 1 },
    { type: 'note_on', channel: 0, note: 128, velocity: 1 },
    { type: 'pitch_bend', channel: 0, value: 8192 },
    { type: 'cc', channel: 0, controller: 1 },
    { type: 'sysex', data: [1, 2] },
  ])('refuses %j', (message) => {
    expect(MidiMessage.safeParse(message).success).toBe(false);
  });
});
