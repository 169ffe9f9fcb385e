/**
 * A tablet's Web MIDI in memory, for tests and stories: a `MIDIAccess` with
 * inputs and outputs a test plugs in and unplugs (each firing `statechange`,
 * as a browser does), inputs it plays messages on, outputs that record what
 * they were sent, and the environment the `webMidi` and `webMidiOut` effects
 * read (a secure page or not, access granted, refused, or pending).
 */
import type {
  MidiAccessLike,
  MidiInputLike,
  MidiMessageEventLike,
  MidiOutputLike,
  MidiPortLike,
  WebMidiEnvironment,
} from '../machines/midi-input-access';
import type { WebMidiAccessReport } from '../machines/effects';

type MessageListener = (event: MidiMessageEventLike) => void;

/** What inputs and outputs have alike: plugged in or not, and opened (or not, when another program holds it). */
abstract class FakeMidiPort implements MidiPortLike {
  state: 'connected' | 'disconnected' = 'connected';
  /** How often the effect opened it. */
  opened = 0;
  /** Why `open()` fails, when it should (another program holds the port). */
  openError: Error | null = null;

  constructor(
    readonly id: string,
    readonly name: string,
    readonly manufacturer = '',
  ) {}

  open(): Promise<unknown> {
    this.opened += 1;
    return this.openError === null ? Promise.resolve(this) : Promise.reject(this.openError);
  }
}

/** One input: a USB keyboard, plugged in or not. */
export class FakeMidiInput extends FakeMidiPort implements MidiInputLike {
  private readonly listeners = new Set<MessageListener>();

  addEventListener(_type: 'midimessage', listener: MessageListener): void {
    this.listeners.add(listener);
  }

  removeEventListener(_type: 'midimessage', listener: MessageListener): void {
    this.listeners.delete(listener);
  }

  /** How many listen to it now. */
  get listenerCount(): number {
    return this.listeners.size;
  }

  /** A message played on the keyboard (only a connected input sends). */
  emit(...bytes: number[]): void {
    if (this.state !== 'connected') return;
    const event = { data: Uint8Array.from(bytes) };
    for (const listener of [...this.listeners]) listener(event);
  }
}

/** One output: a synth, plugged in or not, keeping what it was sent. */
export class FakeMidiOutput extends FakeMidiPort implements MidiOutputLike {
  /** The bytes of each `send()`, in order. */
  readonly sent: number[][] = [];
  /** Why `send()` fails, when it should (a port another program holds, on some systems). */
  sendError: Error | null = null;

  /** Sends as a browser does: a disconnected port throws (an `InvalidStateError`). */
  send(data: number[]): void {
    if (this.state !== 'connected') throw named('InvalidStateError', `${this.name} is disconnected`);
    if (this.sendError !== null) throw this.sendError;
    this.sent.push([...data]);
  }

  /** Every byte it was sent, in order. */
  get bytes(): number[] {
    return this.sent.flat();
  }
}

/** A `MIDIAccess` whose inputs and outputs a test plugs in and unplugs. */
export class FakeMidiAccess implements MidiAccessLike {
  readonly inputs = new Map<string, FakeMidiInput>();
  readonly outputs = new Map<string, FakeMidiOutput>();
  private readonly watchers = new Set<() => void>();

  constructor(inputs: readonly FakeMidiInput[] = [], outputs: readonly FakeMidiOutput[] = []) {
    for (const input of inputs) this.inputs.set(input.id, input);
    for (const output of outputs) this.outputs.set(output.id, output);
  }

  addEventListener(_type: 'statechange', listener: () => void): void {
    this.watchers.add(listener);
  }

  removeEventListener(_type: 'statechange', listener: () => void): void {
    this.watchers.delete(listener);
  }

  /** How many follow its ports now. */
  get watcherCount(): number {
    return this.watchers.size;
  }

  /** A port plugged in (again): the same object back, or a new one under its id. */
  plug<TPort extends FakeMidiInput | FakeMidiOutput>(port: TPort): TPort {
    port.state = 'connected';
    if (port instanceof FakeMidiOutput) this.outputs.set(port.id, port);
    else this.inputs.set(port.id, port);
    this.changed();
    return port;
  }

  /** A port unplugged (an input, an output, or both of a device under one id): browsers keep listing it, as disconnected. */
  unplug(id: string): void {
    const ports = [this.inputs.get(id), this.outputs.get(id)].filter((port) => port !== undefined);
    if (ports.length === 0) return;
    for (const port of ports) port.state = 'disconnected';
    this.changed();
  }

  private changed(): void {
    for (const watcher of [...this.watchers]) watcher();
  }
}

/**
 * What asking for access does: grant this access, refuse (a `NotAllowedError`), fail as Chromium does
 * without a MIDI system (an `InvalidStateError`), or never answer (a permission prompt left open).
 */
export type FakeAccessAnswer = FakeMidiAccess | { refuse: string } | { fail: string } | 'pending';

/** An error as the browser names it (a `DOMException`'s name). */
function named(name: string, message: string): Error {
  const error = new Error(message);
  error.name = name;
  return error;
}

/** A page with Web MIDI that answers `answer` (and counts the asks in `asked`). */
export function fakeWebMidi(answer: FakeAccessAnswer): WebMidiEnvironment & { asked: number } {
  const environment = {
    secure: true,
    asked: 0,
    requestAccess: (): Promise<MidiAccessLike> => {
      environment.asked += 1;
      if (answer === 'pending') return new Promise<MidiAccessLike>(() => {});
      if (answer instanceof FakeMidiAccess) return Promise.resolve(answer);
      return Promise.reject(
        'refuse' in answer ? named('NotAllowedError', answer.refuse) : named('InvalidStateError', answer.fail),
      );
    },
  };
  return environment;
}

/** A page without Web MIDI: not secure (plain HTTP on a network address), or a browser that has none. */
export function noWebMidi(why: 'insecure' | 'absent'): WebMidiEnvironment {
  return { secure: why === 'absent', requestAccess: undefined };
}

/** What a Web MIDI effect may report of access, under its prefix (`webMidi`, `webMidiOut`): for path coverage. */
export function accessReports<P extends string>(prefix: P): WebMidiAccessReport<P>[] {
  return [
    { type: `${prefix}.unsupported`, why: 'insecure' },
    { type: `${prefix}.supported` },
    { type: `${prefix}.denied`, message: 'Permission denied.' },
    { type: `${prefix}.failed`, message: 'Platform dependent initialization failed.' },
  ];
}
