/**
 * A tablet's Web MIDI in memory, for tests and stories: a `MIDIAccess` with
 * inputs a test plugs in and unplugs (each firing `statechange`, as a
 * browser does) and plays messages on, and the environment the `webMidi`
 * effect reads (a secure page or not, access granted, refused, or pending).
 */
import type {
  MidiAccessLike,
  MidiInputLike,
  MidiMessageEventLike,
  WebMidiEnvironment,
} from '../machines/midi-input-access';

type MessageListener = (event: MidiMessageEventLike) => void;

/** One input: a USB keyboard, plugged in or not. */
export class FakeMidiInput implements MidiInputLike {
  state: 'connected' | 'disconnected' = 'connected';
  /** How often the effect opened it. */
  opened = 0;
  /** Why `open()` fails, when it should (another program holds the port). */
  openError: Error | null = null;
  private readonly listeners = new Set<MessageListener>();

  constructor(
    readonly id: string,
    readonly name: string,
    readonly manufacturer = '',
  ) {}

  open(): Promise<unknown> {
    this.opened += 1;
    return this.openError === null ? Promise.resolve(this) : Promise.reject(this.openError);
  }

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

/** A `MIDIAccess` whose inputs a test plugs in and unplugs. */
export class FakeMidiAccess implements MidiAccessLike {
  readonly inputs = new Map<string, FakeMidiInput>();
  private readonly watchers = new Set<() => void>();

  constructor(inputs: readonly FakeMidiInput[] = []) {
    for (const input of inputs) this.inputs.set(input.id, input);
  }

  addEventListener(_type: 'statechange', listener: () => void): void {
    this.watchers.add(listener);
  }

  removeEventListener(_type: 'statechange', listener: () => void): void {
    this.watchers.delete(listener);
  }

  /** How many follow its inputs now. */
  get watcherCount(): number {
    return this.watchers.size;
  }

  /** An input plugged in (again): the same object back, or a new one under its id. */
  plug(input: FakeMidiInput): FakeMidiInput {
    input.state = 'connected';
    this.inputs.set(input.id, input);
    this.changed();
    return input;
  }

  /** An input unplugged: browsers keep listing it, as disconnected. */
  unplug(id: string): void {
    const input = this.inputs.get(id);
    if (input === undefined) return;
    input.state = 'disconnected';
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
