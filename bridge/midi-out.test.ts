import { createServer, type Server } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { freePort } from './net';
import { memoryLog } from './log';
import { openMidi, virtualPortsUnavailable, type MidiOut } from './midi-out';

function recordingPort(log: string[], name: string): MidiOut {
  return { send: (bytes) => log.push(`${name} ${bytes.join(' ')}`), close: () => log.push(`${name} closed`) };
}

describe('virtualPortsUnavailable', () => {
  it('knows Linux needs an ALSA sequencer', () => {
    expect(virtualPortsUnavailable('linux', false)).toBe('there is no ALSA sequencer (/dev/snd/seq)');
    expect(virtualPortsUnavailable('linux', true)).toBeNull();
    expect(virtualPortsUnavailable('darwin', false)).toBeNull();
  });
});

describe('openMidi', () => {
  let server: Server | undefined;
  afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

  it('uses virtual ports with real Live: notes on one, the wake-up sysex on the other', () => {
    const sent: string[] = [];
    const midi = openMidi({
      simulatorPort: null,
      log: memoryLog(),
      unavailable: null,
      openVirtual: (name) => recordingPort(sent, name),
    });
    midi.send([
      { type: 'note_on', channel: 1, note: 60, velocity: 100 },
      { type: 'pitch_bend', channel: 0, value: 0 },
    ]);
    expect(midi.wake()).toBe(true);
    midi.close();
    expect(midi.route.mode).toBe('virtual');
    expect(sent).toEqual([
      'LiveSurface Notes 145 60 100',
      'LiveSurface Notes 224 0 64',
      'LiveSurface Control 240 247',
      'LiveSurface Notes closed',
      'LiveSurface Control closed',
    ]);
  });

  it('says once why virtual ports failed, and never crashes without MIDI', () => {
    const log = memoryLog();
    const midi = openMidi({
      simulatorPort: null,
      log,
      unavailable: null,
      openVirtual: () => {
        throw new Error('Failed to initialise RtMidi');
      },
    });
    expect(midi.route.mode).toBe('none');
    expect(() => midi.send([{ type: 'cc', channel: 0, controller: 1, value: 2 }])).not.toThrow();
    expect(midi.wake()).toBe(false);
    expect(log.lines.filter((line) => line.includes('Failed to initialise RtMidi'))).toHaveLength(2);
    expect(log.lines.filter((line) => line.includes('virtual MIDI ports cannot open'))).toHaveLength(1);
  });

  it('sends to the simulator’s MIDI socket on the simulator', async () => {
    const port = await freePort();
    const received: number[] = [];
    server = createServer((socket) => socket.on('data', (chunk) => received.push(...chunk)));
    await new Promise<void>((resolve) => server?.listen(port, '127.0.0.1', resolve));
    const log = memoryLog();
    const midi = openMidi({ simulatorPort: port, log, unavailable: 'there is no ALSA sequencer (/dev/snd/seq)' });
    await expect.poll(() => (midi.wake(), received.length), { timeout: 2000 }).toBeGreaterThan(0);
    midi.send([{ type: 'note_off', channel: 2, note: 64 }]);
    await expect.poll(() => received.slice(-3)).toEqual([0x82, 64, 64]);
    expect(midi.route).toEqual({ mode: 'simulator', detail: `to the simulator's MIDI input, 127.0.0.1:${port}` });
    expect(log.lines.filter((line) => line.includes('virtual MIDI ports cannot open'))).toHaveLength(1);
    midi.close();
  });
});
