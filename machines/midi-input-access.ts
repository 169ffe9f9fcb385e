/**
 * The `webMidi` effect on a `MIDIAccess`: the browser's (`link-effects.ts`
 * gives it `navigator.requestMIDIAccess`) or a fake one
 * (`fake-live/fake-midi-access.ts`). It says whether the page has Web MIDI,
 * asks for access when told, lists the connected inputs and follows them as
 * they are plugged in and out (`statechange`), and listens to the one input
 * it is told, again after it comes back (a replugged input may be a new
 * object under the same id). The shapes below are the parts of Web MIDI it
 * uses, so the browser's own objects fit them as they are.
 */
import { fromCallback } from 'xstate';
import type { MidiInputPort, WebMidiCommand, WebMidiReport } from './effects';
import { errorMessage } from './retry-cycle';

/** What a `midimessage` event carries: the bytes of one message. */
export interface MidiMessageEventLike {
  readonly data: Uint8Array | null;
}

type MessageListener = (event: MidiMessageEventLike) => void;

/** A `MIDIInput`, as far as the effect uses it. */
export interface MidiInputLike {
  readonly id: string;
  readonly name: string | null;
  readonly manufacturer: string | null;
  /** `connected` or `disconnected`. */
  readonly state: string;
  open(): Promise<unknown>;
  addEventListener(type: 'midimessage', listener: MessageListener): void;
  removeEventListener(type: 'midimessage', listener: MessageListener): void;
}

/** A `MIDIAccess`, as far as the effect uses it. */
export interface MidiAccessLike {
  readonly inputs: { values(): Iterable<MidiInputLike>; get(id: string): MidiInputLike | undefined };
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

const port = (input: MidiInputLike): MidiInputPort => ({
  id: input.id,
  name: input.name || input.id,
  manufacturer: input.manufacturer ?? '',
});

/** The `webMidi` effect on `environment` (read when the effect starts). */
export function webMidiLogic(environment: () => WebMidiEnvironment) {
  return fromCallback<WebMidiCommand, void>(({ sendBack, receive }) => {
    const report = (event: WebMidiReport): void => sendBack(event);
    const { secure, requestAccess } = environment();
    if (requestAccess === undefined) {
      // a browser hides Web MIDI from pages that are not secure; one that has none hides it everywhere
      report({ type: 'webMidi.unsupported', why: secure ? 'absent' : 'insecure' });
      return undefined;
    }
    report({ type: 'webMidi.supported' });

    let access: MidiAccessLike | null = null;
    let asking = false;
    let stopped = false;
    let wanted: string | null = null;
    let listening: { input: MidiInputLike; listener: MessageListener } | null = null;

    const connected = (): MidiInputPort[] =>
      access === null ? [] : [...access.inputs.values()].filter((input) => input.state === 'connected').map(port);

    /** Listens to the wanted input if it is connected, and to nothing else. */
    const follow = (): void => {
      const found = wanted === null ? undefined : access?.inputs.get(wanted);
      const input = found?.state === 'connected' ? found : undefined;
      if (listening?.input === input) return;
      if (listening !== null) listening.input.removeEventListener('midimessage', listening.listener);
      listening = null;
      if (input === undefined) return;
      const listener: MessageListener = (event) => {
        if (event.data !== null) report({ type: 'webMidi.message', input: input.id, data: Array.from(event.data) });
      };
      input.addEventListener('midimessage', listener);
      listening = { input, listener };
      // another program may hold the port (Windows lets one program open it)
      input.open().catch((error: unknown) => {
        if (!stopped) report({ type: 'webMidi.openFailed', input: input.id, message: errorMessage(error) });
      });
    };
    const changed = (): void => {
      report({ type: 'webMidi.inputs', inputs: connected() });
      follow();
    };

    receive((command) => {
      if (command.type === 'webMidi.listen') {
        wanted = command.input;
        follow();
        return;
      }
      if (access !== null) report({ type: 'webMidi.granted', inputs: connected() });
      if (access !== null || asking) return;
      asking = true;
      requestAccess().then(
        (granted) => {
          asking = false;
          if (stopped) return;
          access = granted;
          granted.addEventListener('statechange', changed);
          report({ type: 'webMidi.granted', inputs: connected() });
          follow();
        },
        (error: unknown) => {
          asking = false;
          if (stopped) return;
          // refused by the musician or the browser's settings, or MIDI could not start (no MIDI system on the device)
          const refused =
            error instanceof Error && (error.name === 'NotAllowedError' || error.name === 'SecurityError');
          report({ type: refused ? 'webMidi.denied' : 'webMidi.failed', message: errorMessage(error) });
        },
      );
    });
    return () => {
      stopped = true;
      wanted = null;
      follow();
      access?.removeEventListener('statechange', changed);
    };
  });
}
