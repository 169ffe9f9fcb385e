/**
 * The `webMidi` effect on a `MIDIAccess`: the browser's (`link-effects.ts`
 * gives it `navigator.requestMIDIAccess`) or a fake one
 * (`fake-live/fake-midi-access.ts`). It says whether the page has Web MIDI,
 * asks for access when told, lists the connected inputs and follows them as
 * they are plugged in and out (`statechange`), and listens to the one input
 * it is told, again after it comes back (a replugged input may be a new
 * object under the same id). The shapes below are the parts of Web MIDI it
 * uses, so the browser's own objects fit them as they are.
 *
 * All but the listening is the same for outputs (`midi-output-access.ts`):
 * `followMidiPorts` does it for the ports of either direction.
 */
import { fromCallback, type EventObject } from 'xstate';
import type { MidiInputPort, MidiPort, WebMidiAccessReport, WebMidiCommand, WebMidiReport } from './effects';
import { errorMessage } from './retry-cycle';

/** What a `midimessage` event carries: the bytes of one message. */
export interface MidiMessageEventLike {
  readonly data: Uint8Array | null;
}

type MessageListener = (event: MidiMessageEventLike) => void;

/** A `MIDIPort` (an input or an output), as far as the effects use it. */
export interface MidiPortLike {
  readonly id: string;
  readonly name: string | null;
  readonly manufacturer: string | null;
  /** `connected` or `disconnected`. */
  readonly state: string;
  open(): Promise<unknown>;
}

/** A `MIDIInput`, as far as the effect uses it. */
export interface MidiInputLike extends MidiPortLike {
  addEventListener(type: 'midimessage', listener: MessageListener): void;
  removeEventListener(type: 'midimessage', listener: MessageListener): void;
}

/** A `MIDIOutput`, as far as the `webMidiOut` effect uses it. */
export interface MidiOutputLike extends MidiPortLike {
  /** Sends one or more whole messages; throws when the port is disconnected. */
  send(data: number[]): void;
}

/** The ports of one direction (`MIDIInputMap`, `MIDIOutputMap`). */
export interface MidiPortMapLike<TPort extends MidiPortLike> {
  values(): Iterable<TPort>;
  get(id: string): TPort | undefined;
}

/** A `MIDIAccess`, as far as the effects use it. */
export interface MidiAccessLike {
  readonly inputs: MidiPortMapLike<MidiInputLike>;
  readonly outputs: MidiPortMapLike<MidiOutputLike>;
  addEventListener(type: 'statechange', listener: () => void): void;
  removeEventListener(type: 'statechange', listener: () => void): void;
}

/** Where Web MIDI comes from. */
export interface WebMidiEnvironment {
  /** The page is a secure context (https, or localhost), where browsers offer Web MIDI. */
  secure: boolean;
  /** `navigator.requestMIDIAccess` (without sysex), or undefined where the page has none. */
  requestAccess: (() => Promise<MidiAccessLike>) | undefined;
}

/** One direction of ports, as an effect follows it: its ports, how one is used, and the reports it names its own way. */
export interface MidiDirection<P extends string, TPort extends MidiPortLike, TReport> {
  /** The prefix of the reports both directions make alike (`WebMidiAccessReport`). */
  prefix: P;
  ports(access: MidiAccessLike): MidiPortMapLike<TPort>;
  /** Starts using a connected port (before it is opened); returns how to stop. */
  use(port: TPort): () => void;
  /** The ports connected now: as access is granted (`granted`), or after one was plugged in or out. */
  listed(ports: MidiPort[], granted: boolean): TReport;
  /** A port in use that cannot be opened (another program holds it). */
  openFailed(port: string, message: string): TReport;
}

/** Access asked for when told, and the one port in use, followed as ports come and go. */
export interface MidiPorts<TPort extends MidiPortLike> {
  /** Asks for access (once: again only after a refusal); tells `granted` again when it has it. */
  request(): void;
  /** Uses the port `id` while it is connected (again after it comes back), or none. */
  use(id: string | null): void;
  /** The port in use, or null. */
  current(): TPort | null;
  /** Lets the port and the access go. */
  stop(): void;
}

const port = (midiPort: MidiPortLike): MidiPort => ({
  id: midiPort.id,
  name: midiPort.name || midiPort.id,
  manufacturer: midiPort.manufacturer ?? '',
});

/**
 * The ports of `direction` on `environment`: says whether the page has Web
 * MIDI (null where it has none: nothing more to do), then follows them as
 * told (`MidiPorts`), reporting through `report`.
 */
export function followMidiPorts<P extends string, TPort extends MidiPortLike, TReport>(
  environment: WebMidiEnvironment,
  direction: MidiDirection<P, TPort, TReport>,
  report: (event: WebMidiAccessReport<P> | NoInfer<TReport>) => void,
): MidiPorts<TPort> | null {
  const { prefix } = direction;
  const { secure, requestAccess } = environment;
  if (requestAccess === undefined) {
    // a browser hides Web MIDI from pages that are not secure; one that has none hides it everywhere
    report({ type: `${prefix}.unsupported`, why: secure ? 'absent' : 'insecure' });
    return null;
  }
  report({ type: `${prefix}.supported` });

  let access: MidiAccessLike | null = null;
  let asking = false;
  let stopped = false;
  let wanted: string | null = null;
  let inUse: { port: TPort; stop: () => void } | null = null;

  const connected = (): MidiPort[] =>
    access === null
      ? []
      : [...direction.ports(access).values()].filter((found) => found.state === 'connected').map(port);

  /** Uses the wanted port if it is connected, and no other. */
  const follow = (): void => {
    const found = wanted === null || access === null ? undefined : direction.ports(access).get(wanted);
    const next = found?.state === 'connected' ? found : undefined;
    if (inUse?.port === next) return;
    inUse?.stop();
    inUse = null;
    if (next === undefined) return;
    inUse = { port: next, stop: direction.use(next) };
    // another program may hold the port (Windows lets one program open it)
    next.open().catch((error: unknown) => {
      if (!stopped) report(direction.openFailed(next.id, errorMessage(error)));
    });
  };
  const changed = (): void => {
    report(direction.listed(connected(), false));
    follow();
  };

  return {
    request: () => {
      if (access !== null) report(direction.listed(connected(), true));
      if (access !== null || asking) return;
      asking = true;
      requestAccess().then(
        (granted) => {
          asking = false;
          if (stopped) return;
          access = granted;
          granted.addEventListener('statechange', changed);
          report(direction.listed(connected(), true));
          follow();
        },
        (error: unknown) => {
          asking = false;
          if (stopped) return;
          // refused by the musician or the browser's settings, or MIDI could not start (no MIDI system on the device)
          const refused =
            error instanceof Error && (error.name === 'NotAllowedError' || error.name === 'SecurityError');
          const message = errorMessage(error);
          report(refused ? { type: `${prefix}.denied`, message } : { type: `${prefix}.failed`, message });
        },
      );
    },
    use: (id) => {
      wanted = id;
      follow();
    },
    current: () => inUse?.port ?? null,
    stop: () => {
      stopped = true;
      wanted = null;
      follow();
      access?.removeEventListener('statechange', changed);
    },
  };
}

/**
 * A Web MIDI effect on `environment` (read when it starts): the ports of
 * `direction` followed, reported through `sendBack`, and each command
 * handled by `take`; where the page has no Web MIDI, it says so and does
 * nothing more.
 */
export function webMidiPortsLogic<
  P extends string,
  TPort extends MidiPortLike,
  TReport extends EventObject,
  TCommand extends EventObject,
>(
  environment: () => WebMidiEnvironment,
  direction: (report: (event: TReport) => void) => MidiDirection<P, TPort, TReport>,
  take: (command: TCommand, ports: MidiPorts<TPort>, report: (event: TReport) => void) => void,
) {
  return fromCallback<TCommand, void>(({ sendBack, receive }) => {
    const ports = followMidiPorts(environment(), direction(sendBack), sendBack);
    if (ports === null) return undefined;
    receive((command) => take(command, ports, sendBack));
    return () => ports.stop();
  });
}

/** The inputs, listened to: each message of the one in use is reported. */
function inputs(report: (event: WebMidiReport) => void): MidiDirection<'webMidi', MidiInputLike, WebMidiReport> {
  return {
    prefix: 'webMidi',
    ports: (access) => access.inputs,
    use: (input) => {
      const listener: MessageListener = (event) => {
        if (event.data !== null) report({ type: 'webMidi.message', input: input.id, data: Array.from(event.data) });
      };
      input.addEventListener('midimessage', listener);
      return () => input.removeEventListener('midimessage', listener);
    },
    listed: (ports: MidiInputPort[], granted) => ({
      type: granted ? 'webMidi.granted' : 'webMidi.inputs',
      inputs: ports,
    }),
    openFailed: (input, message) => ({ type: 'webMidi.openFailed', input, message }),
  };
}

/** The `webMidi` effect on `environment` (read when the effect starts). */
export const webMidiLogic = (environment: () => WebMidiEnvironment) =>
  webMidiPortsLogic(environment, inputs, (command: WebMidiCommand, ports) => {
    if (command.type === 'webMidi.listen') ports.use(command.input);
    else ports.request();
  });
