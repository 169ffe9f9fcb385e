/**
 * Live's MIDI out, back to the tablets: what Live's MIDI tracks send to the
 * "LiveSurface Return" port (a track's "MIDI To"), for a tablet that plays it
 * on a MIDI output of its own (a synth plugged into the tablet).
 *
 * With real Live: a virtual MIDI input of the bridge's, "LiveSurface Return",
 * which Live lists among its MIDI outputs (through @julusian/midi). With the
 * simulator: its return socket, to which it writes what its tracks send
 * there (reconnected when it restarts). Where virtual ports cannot open, the
 * bridge says so and tablets are told why nothing comes back.
 * Only what the protocol carries goes on (notes, CC, bend, pressure);
 * clock, sysex and program changes are dropped.
 */
import { createRequire } from 'node:module';
import { readMidiMessage, type MidiMessage, type MidiRoute } from '../protocol/src/index';
import type { Log } from './log';
import { LoopbackLink } from './loopback-link';
import { virtualPortsUnavailable } from './midi-out';
import { MidiStreamReader } from './midi-stream';

export const RETURN_PORT = 'LiveSurface Return';

export type MidiListener = (messages: MidiMessage[]) => void;

export interface MidiReturn {
  /** Where Live's MIDI out comes from (`none`, with why, when it cannot). */
  readonly route: MidiRoute;
  /** How many listen now (tablets that play Live's MIDI out). */
  readonly listeners: number;
  /** Calls `listener` with each batch of messages from Live; returns how to stop. */
  listen(listener: MidiListener): () => void;
  close(): void;
}

/** A MIDI source: raw messages (each a whole message's bytes) until closed. */
export interface MidiSource {
  close(): void;
}

/** Opens the virtual input port `name`, handing each message's bytes to `receive`; throws why it cannot. */
export type VirtualInputOpener = (name: string, receive: (bytes: number[]) => void) => MidiSource;

/** A virtual input through @julusian/midi (loaded only when virtual ports may open). */
export const openVirtualInput: VirtualInputOpener = (name, receive) => {
  const midi = createRequire(import.meta.url)('@julusian/midi') as {
    Input: new () => {
      on(event: 'message', listener: (deltaTime: number, bytes: number[]) => void): void;
      openVirtualPort(name: string): void;
      closePort(): void;
    };
  };
  const input = new midi.Input();
  input.on('message', (_deltaTime, bytes) => receive(bytes));
  input.openVirtualPort(name);
  return { close: () => input.closePort() };
};

/**
 * The simulator's return socket over TCP: the bytes it writes, cut into
 * messages. It connects again (every 250 ms) while the simulator is away.
 */
export class SimulatorMidiReturn implements MidiSource {
  private readonly link: LoopbackLink;

  constructor(port: number | (() => number | null), receive: (bytes: number[]) => void, host = '127.0.0.1') {
    this.link = new LoopbackLink(
      port,
      (socket) => {
        // a new connection is a new stream: nothing half-read carries over
        const reader = new MidiStreamReader();
        socket.on('data', (chunk: Buffer) => {
          for (const message of reader.push(chunk)) receive(message);
        });
      },
      host,
    );
  }

  close(): void {
    this.link.close();
  }
}

export interface MidiReturnOptions {
  /**
   * The simulator's return socket when the bridge runs on the simulator (a port, or where to read the
   * one it binds now: null until it is ready), else null (real Live).
   */
  simulatorPort: number | (() => number | null) | null;
  log: Log;
  openVirtual?: VirtualInputOpener;
  /** Why virtual ports cannot open, or null; detected when absent. */
  unavailable?: string | null;
}

/**
 * Opens the way back from Live. Messages that arrive together (one socket
 * read, one port callback) go to listeners as one batch, after the
 * current turn, so a chord is one event to a tablet, not four.
 */
export function openMidiReturn(options: MidiReturnOptions): MidiReturn {
  const listeners = new Set<MidiListener>();
  let pending: MidiMessage[] = [];
  const deliver = (): void => {
    const batch = pending;
    pending = [];
    for (const listener of listeners) listener(batch);
  };
  const receive = (bytes: number[]): void => {
    const read = readMidiMessage(bytes);
    if (read.kind !== 'message' || listeners.size === 0) return;
    if (pending.length === 0) setImmediate(deliver);
    pending.push(read.message);
  };

  let source: MidiSource | null = null;
  let route: MidiRoute;
  if (options.simulatorPort !== null) {
    source = new SimulatorMidiReturn(options.simulatorPort, receive);
    route = { mode: 'simulator', detail: "from the simulator's MIDI out" };
  } else {
    let reason = options.unavailable === undefined ? virtualPortsUnavailable() : options.unavailable;
    if (reason === null) {
      try {
        source = (options.openVirtual ?? openVirtualInput)(RETURN_PORT, receive);
      } catch (error) {
        reason = error instanceof Error ? error.message : String(error);
      }
    }
    route =
      source === null
        ? { mode: 'none', detail: `the virtual port "${RETURN_PORT}" cannot open (${reason})` }
        : { mode: 'virtual', detail: `from the virtual port "${RETURN_PORT}" (a MIDI track's "MIDI To" in Live)` };
  }
  options.log.info(`Live's MIDI out: ${route.detail}`);
  return {
    route,
    get listeners() {
      return listeners.size;
    },
    listen(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close() {
      listeners.clear();
      source?.close();
    },
  };
}
