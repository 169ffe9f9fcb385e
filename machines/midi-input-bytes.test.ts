import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { midiBytes, MidiMessage } from '../protocol/src/index';
import { countDropped, droppedInWords, readMidiMessage, type DroppedCounts } from './midi-input-bytes';

describe('readMidiMessage', () => {
  it('reads each kind the protocol carries, on its channel', () => {
    expect(readMidiMessage([0x93, 60, 100])).toEqual({
      kind: 'message',
      message: { type: 'note_on', channel: 3, note: 60, velocity: 100 },
    });
    expect(readMidiMessage([0x80, 60, 40])).toEqual({
      kind: 'message',
      message: { type: 'note_off', channel: 0, note: 60, velocity: 40 },
    });
    expect(readMidiMessage([0xb1, 64, 127])).toEqual({
      kind: 'message',
      message: { type: 'cc', channel: 1, controller: 64, value: 127 },
    });
    expect(readMidiMessage([0xe0, 0, 64])).toEqual({
      kind: 'message',
      message: { type: 'pitch_bend', channel: 0, value: 0 },
    });
    expect(readMidiMessage([0xef, 0x7f, 0x7f])).toEqual({
      kind: 'message',
      message: { type: 'pitch_bend', channel: 15, value: 8191 },
    });
    expect(readMidiMessage([0xe2, 0, 0])).toEqual({
      kind: 'message',
      message: { type: 'pitch_bend', channel: 2, value: -8192 },
    });
    expect(readMidiMessage([0xd4, 90])).toEqual({
      kind: 'message',
      message: { type: 'channel_pressure', channel: 4, pressure: 90 },
    });
    expect(readMidiMessage([0xa0, 61, 33])).toEqual({
      kind: 'message',
      message: { type: 'poly_aftertouch', channel: 0, note: 61, pressure: 33 },
    });
  });

  it('reads a note on of velocity 0 as the note off it means', () => {
    expect(readMidiMessage([0x90, 60, 0])).toEqual({
      kind: 'message',
      message: { type: 'note_off', channel: 0, note: 60 },
    });
  });

  it('drops sysex, clock and transport, program changes and broken messages, saying which', () => {
    expect(readMidiMessage([0xf0, 0x7e, 0x7f, 0x06, 0x01, 0xf7])).toEqual({ kind: 'dropped', what: 'sysex' });
    for (const realTime of [0xf8, 0xfa, 0xfb, 0xfc, 0xfe, 0xff])
      expect(readMidiMessage([realTime])).toEqual({ kind: 'dropped', what: 'clock' });
    expect(readMidiMessage([0xc0, 5])).toEqual({ kind: 'dropped', what: 'program change' });
    expect(readMidiMessage([0xf2, 0, 0])).toEqual({ kind: 'dropped', what: 'other' });
    expect(readMidiMessage([])).toEqual({ kind: 'dropped', what: 'other' });
    expect(readMidiMessage([0x40, 60])).toEqual({ kind: 'dropped', what: 'other' });
    expect(readMidiMessage([0x90, 60])).toEqual({ kind: 'dropped', what: 'other' });
    expect(readMidiMessage([0x90, 0x80, 10])).toEqual({ kind: 'dropped', what: 'other' });
    expect(readMidiMessage([0xd0])).toEqual({ kind: 'dropped', what: 'other' });
  });

  it('reads back every message the bridge would write as the same message', () => {
    const seven = fc.integer({ min: 0, max: 127 });
    const channel = fc.integer({ min: 0, max: 15 });
    const messages: fc.Arbitrary<MidiMessage> = fc.oneof(
      fc.record({
        type: fc.constant('note_on' as const),
        channel,
        note: seven,
        velocity: fc.integer({ min: 1, max: 127 }),
      }),
      fc.record({ type: fc.constant('note_off' as const), channel, note: seven, velocity: seven }),
      fc.record({ type: fc.constant('cc' as const), channel, controller: seven, value: seven }),
      fc.record({ type: fc.constant('pitch_bend' as const), channel, value: fc.integer({ min: -8192, max: 8191 }) }),
      fc.record({ type: fc.constant('channel_pressure' as const), channel, pressure: seven }),
      fc.record({ type: fc.constant('poly_aftertouch' as const), channel, note: seven, pressure: seven }),
    );
    fc.assert(
      fc.property(messages, (sent) => {
        const read = readMidiMessage(midiBytes(sent));
        expect(read).toEqual({ kind: 'message', message: sent });
        if (read.kind === 'message') expect(MidiMessage.safeParse(read.message).success).toBe(true);
      }),
    );
  });
});

describe('dropped counts', () => {
  it('count by kind and say the most first', () => {
    let counts: DroppedCounts = {};
    expect(droppedInWords(counts)).toBe('');
    counts = countDropped(counts, 'sysex');
    for (let i = 0; i < 3; i += 1) counts = countDropped(counts, 'clock');
    expect(counts).toEqual({ sysex: 1, clock: 3 });
    expect(droppedInWords(counts)).toBe('3 clock, 1 sysex');
  });
});
