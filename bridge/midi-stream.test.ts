import { describe, expect, it } from 'vitest';
import { MidiStreamReader } from './midi-stream';

describe('MidiStreamReader', () => {
  it('cuts whole messages, across chunks, with running status', () => {
    const reader = new MidiStreamReader();
    expect(reader.push([0x90, 60, 100, 0x80])).toEqual([[0x90, 60, 100]]);
    expect(reader.push([60, 0, 62])).toEqual([[0x80, 60, 0]]);
    expect(reader.push([5])).toEqual([[0x80, 62, 5]]);
    expect(reader.push([0xc1, 7, 8, 0xd2, 40])).toEqual([
      [0xc1, 7],
      [0xc1, 8],
      [0xd2, 40],
    ]);
  });

  it('passes real-time bytes between the bytes of a message, and keeps a sysex whole', () => {
    const reader = new MidiStreamReader();
    expect(reader.push([0x90, 0xf8, 60, 0xfa, 1])).toEqual([[0xf8], [0xfa], [0x90, 60, 1]]);
    expect(reader.push([0xf0, 0x7e, 0x01])).toEqual([]);
    expect(reader.push([0x02, 0xf7, 64, 1])).toEqual([[0xf0, 0x7e, 0x01, 0x02, 0xf7]]);
  });

  it('drops a sysex cut short by a status, and data bytes with no status', () => {
    const reader = new MidiStreamReader();
    expect(reader.push([1, 2, 0xf0, 9, 0xb0, 7, 100, 0xf6, 3])).toEqual([[0xb0, 7, 100], [0xf6]]);
    expect(reader.push([0xf2, 1, 2, 3])).toEqual([[0xf2, 1, 2]]);
  });
});
