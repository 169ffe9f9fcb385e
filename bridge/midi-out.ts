/**
 * Where MIDI from the tablets goes, and the wake-up path.
 *
 * With real Live: two virtual MIDI ports (through @julusian/midi), "LiveSurface
 * Notes" that Live's tracks take as input, and "LiveSurface Control" chosen as
 * the LiveSurface control surface's input, on which the bridge sends an empty
 * sysex (F0 F7) after writing requests. With the simulator: its MIDI socket,
 * which routes sysex to the script and notes to armed tracks. Where virtual
 * ports cannot open (no ALSA sequencer, as on CI), the bridge says so once and
 * never crashes for lack of MIDI.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { midiBytes, type MidiMessage, type MidiRoute } from '../protocol/src/index';
import type { Log } from './log';
import { LoopbackLink } from './loopback-link';

export const WAKE_SYSEX = [0xf0, 0xf7] as const;
export const NOTES_PORT = 'LiveSurface Notes';
export const CONTROL_PORT = 'LiveSurface Control';

/** One MIDI destination. */
export interface MidiOut {
  send(bytes: readonly number[]): void;
  close(): void;
}

/** Opens a virtual output port, or throws why it cannot. */
export type VirtualPortOpener = (name: string) => MidiOut;

export interface MidiRouting {
  readonly route: MidiRoute;
  send(messages: readonly MidiMessage[]): void;
  /** The wake-up sysex on the control port; false when there is none. */
  wake(): boolean;
  close(): void;
}

/** Why virtual ports cannot open here, or null when they may. */
export function virtualPortsUnavailable(
  platform = process.platform,
  hasSequencer = existsSync('/dev/snd/seq'),
): string | null {
  if (platform === 'win32') return 'Windows has no virtual MIDI ports (use loopMIDI and --live, or the simulator)';
  if (platform === 'linux' && !hasSequencer) return 'there is no ALSA sequencer (/dev/snd/seq)';
  return null;
}

/** Virtual ports through @julusian/midi (loaded only when they may open). */
export const openVirtualPort: VirtualPortOpener = (name) => {
  const midi = createRequire(import.meta.url)('@julusian/midi') as {
    Output: new () => { openVirtualPort(name: string): void; sendMessage(bytes: number[]): void; closePort(): void };
  };
  const output = new midi.Output();
  output.openVirtualPort(name);
  return { send: (bytes) => output.sendMessage([...bytes]), close: () => output.closePort() };
};

/**
 * The simulator's MIDI input over TCP. It reconnects when the simulator
 * restarts; what is sent while it is away is dropped (late notes are worse
 * than none).
 */
export class SimulatorMidiOut implements MidiOut {
  private readonly link: LoopbackLink;

  constructor(port: number | (() => number), host = '127.0.0.1') {
    this.link = new LoopbackLink(port, undefined, host);
  }

  get isConnected(): boolean {
    return this.link.socket !== null;
  }

  send(bytes: readonly number[]): void {
    this.link.socket?.write(Uint8Array.from(bytes));
  }

  close(): void {
    this.link.close();
  }
}

export interface MidiOptions {
  /**
   * The simulator's MIDI socket when the bridge runs on the simulator (a port, or where to read the one
   * it binds now), else null (real Live).
   */
  simulatorPort: number | (() => number) | null;
  log: Log;
  openVirtual?: VirtualPortOpener;
  /** Why virtual ports cannot open, or null; detected when absent. */
  unavailable?: string | null;
}

function routing(route: MidiRoute, notes: MidiOut | null, control: MidiOut | null): MidiRouting {
  return {
    route,
    send(messages) {
      if (notes === null) return;
      for (const message of messages) notes.send(midiBytes(message));
    },
    wake() {
      if (control === null) return false;
      control.send(WAKE_SYSEX);
      return true;
    },
    close() {
      notes?.close();
      if (control !== notes) control?.close();
    },
  };
}

/** Opens MIDI for the bridge; says once, at start, when virtual ports cannot open. */
export function openMidi(options: MidiOptions): MidiRouting {
  const { log } = options;
  let reason = options.unavailable === undefined ? virtualPortsUnavailable() : options.unavailable;
  let virtual: { notes: MidiOut; control: MidiOut } | null = null;
  if (reason === null && options.simulatorPort === null) {
    const open = options.openVirtual ?? openVirtualPort;
    try {
      const notes = open(NOTES_PORT);
      try {
        virtual = { notes, control: open(CONTROL_PORT) };
      } catch (error) {
        notes.close();
        throw error;
      }
    } catch (error) {
      reason = error instanceof Error ? error.message : String(error);
    }
  }
  if (reason !== null) log.warn(`virtual MIDI ports cannot open: ${reason}`);
  if (options.simulatorPort !== null) {
    const port = options.simulatorPort;
    const out = new SimulatorMidiOut(port);
    const detail = `to the simulator's MIDI input, 127.0.0.1:${typeof port === 'number' ? port : port()}`;
    log.info(`MIDI goes ${detail}`);
    return routing({ mode: 'simulator', detail }, out, out);
  }
  if (virtual !== null) {
    const detail = `to virtual ports "${NOTES_PORT}" (tracks' input) and "${CONTROL_PORT}" (LiveSurface's input)`;
    log.info(`MIDI goes ${detail}`);
    return routing({ mode: 'virtual', detail }, virtual.notes, virtual.control);
  }
  const detail = `nowhere: ${reason}; Live finds requests on the script's timer`;
  log.warn(detail);
  return routing({ mode: 'none', detail }, null, null);
}
