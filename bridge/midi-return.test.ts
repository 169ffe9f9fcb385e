/** Live's MIDI out back to the bridge: from the simulator's return socket, or a virtual input port. */
import { createServer, type Server, type Socket } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { MidiMessage } from '../protocol/src/index';
import { memoryLog } from './log';
import { openMidiReturn, RETURN_PORT, type MidiReturn } from './midi-return';
import { freePort, freePorts } from './net';

const opened: { midiReturn?: MidiReturn; server?: Server; sockets?: Socket[] }[] = [];
afterEach(async () => {
  for (const { midiReturn, server, sockets } of opened.splice(0)) {
    midiReturn?.close();
    for (const socket of sockets ?? []) socket.destroy();
    if (server?.listening) await new Promise((resolve) => server.close(resolve));
  }
});

/** A stand-in for the simulator's return socket: the bridge connects to it; `write` sends bytes to the bridge. */
async function returnSocket(port: number) {
  const sockets: Socket[] = [];
  const server = createServer((socket) => sockets.push(socket));
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return { server, sockets };
}

describe('openMidiReturn on the simulator', () => {
  it('hears whole messages as they come, a chunk as one batch, and drops what the protocol does not carry', async () => {
    const port = await freePort();
    const { server, sockets } = await returnSocket(port);
    const midiReturn = openMidiReturn({ simulatorPort: port, log: memoryLog() });
    opened.push({ midiReturn, server, sockets });
    expect(midiReturn.route).toEqual({ mode: 'simulator', detail: "from the simulator's MIDI out" });
    const heard: MidiMessage[][] = [];
    midiReturn.listen((messages) => heard.push(messages));
    await vi.waitFor(() => expect(sockets).toHaveLength(1));
    // a chord, the clock and a program change in one write; then a bend split over two writes
    sockets[0]?.write(Uint8Array.from([0x92, 60, 100, 0x92, 64, 90, 0xf8, 0xc2, 5, 0x82, 60, 0]));
    await vi.waitFor(() => expect(heard).toHaveLength(1));
    expect(heard[0]).toEqual([
      { type: 'note_on', channel: 2, note: 60, velocity: 100 },
      { type: 'note_on', channel: 2, note: 64, velocity: 90 },
      { type: 'note_off', channel: 2, note: 60, velocity: 0 },
    ]);
    sockets[0]?.write(Uint8Array.from([0xe0, 0]));
    await sleep(30);
    sockets[0]?.write(Uint8Array.from([0x40]));
    await vi.waitFor(() => expect(heard).toHaveLength(2));
    expect(heard[1]).toEqual([{ type: 'pitch_bend', channel: 0, value: 0 }]);
  });

  it('connects again when the simulator restarts, on the port it names then, and a listener that stopped hears nothing', async () => {
    const [firstPort, secondPort] = await freePorts(2);
    const first = await returnSocket(firstPort);
    // what the bridge knows of the simulator's port: none while it starts, then the one its ready line names
    let named: number | null = null;
    const midiReturn = openMidiReturn({ simulatorPort: () => named, log: memoryLog() });
    opened.push({ midiReturn });
    const heard: MidiMessage[][] = [];
    const stop = midiReturn.listen((messages) => heard.push(messages));
    await sleep(300);
    expect(first.sockets).toHaveLength(0);
    named = firstPort;
    await vi.waitFor(() => expect(first.sockets).toHaveLength(1), { timeout: 3000 });
    for (const socket of first.sockets) socket.destroy();
    await new Promise((resolve) => first.server.close(resolve));
    const second = await returnSocket(secondPort);
    named = secondPort;
    opened.push({ server: second.server, sockets: second.sockets });
    await vi.waitFor(() => expect(second.sockets).toHaveLength(1), { timeout: 3000 });
    second.sockets[0]?.write(Uint8Array.from([0xb0, 64, 127]));
    await vi.waitFor(() => expect(heard).toEqual([[{ type: 'cc', channel: 0, controller: 64, value: 127 }]]));
    stop();
    second.sockets[0]?.write(Uint8Array.from([0xb0, 64, 0]));
    await sleep(50);
    expect(heard).toHaveLength(1);
  });
});

describe('openMidiReturn with real Live', () => {
  it('opens the virtual input "LiveSurface Return" and hears each message it gets', async () => {
    let receive: ((bytes: number[]) => void) | null = null;
    let closed = false;
    const midiReturn = openMidiReturn({
      simulatorPort: null,
      log: memoryLog(),
      unavailable: null,
      openVirtual: (name, onBytes) => {
        expect(name).toBe(RETURN_PORT);
        receive = onBytes;
        return { close: () => (closed = true) };
      },
    });
    expect(midiReturn.route.mode).toBe('virtual');
    const heard: MidiMessage[][] = [];
    midiReturn.listen((messages) => heard.push(messages));
    receive!([0xd1, 33]);
    receive!([0xa1, 60, 12]);
    await vi.waitFor(() => expect(heard).toHaveLength(1));
    expect(heard[0]).toEqual([
      { type: 'channel_pressure', channel: 1, pressure: 33 },
      { type: 'poly_aftertouch', channel: 1, note: 60, pressure: 12 },
    ]);
    midiReturn.close();
    expect(closed).toBe(true);
  });

  it('says why nothing comes back where virtual ports cannot open, and never throws', () => {
    const log = memoryLog();
    const missing = openMidiReturn({
      simulatorPort: null,
      log,
      unavailable: 'there is no ALSA sequencer (/dev/snd/seq)',
    });
    expect(missing.route).toEqual({
      mode: 'none',
      detail: `the virtual port "${RETURN_PORT}" cannot open (there is no ALSA sequencer (/dev/snd/seq))`,
    });
    const refused = openMidiReturn({
      simulatorPort: null,
      log,
      unavailable: null,
      openVirtual: () => {
        throw new Error('MidiInWinMM: no ports');
      },
    });
    expect(refused.route.mode).toBe('none');
    expect(refused.route.detail).toContain('MidiInWinMM: no ports');
    expect(log.lines.filter((line) => line.includes("Live's MIDI out:"))).toHaveLength(2);
  });
});
