/**
 * The `webMidiOut` effect on a `MIDIAccess` (the browser's, or
 * `fake-live/fake-midi-access.ts`'s): the `webMidi` effect's access and
 * ports (`followMidiPorts`), for outputs. It lists the connected outputs and
 * follows them as they are plugged in and out, opens the one it is told to
 * use (again after it comes back), and sends it the bytes it is given;
 * while none is in use, or the one in use is unplugged, they go nowhere.
 */
import type { MidiOutputPort, WebMidiOutCommand, WebMidiOutReport } from './effects';
import {
  webMidiPortsLogic,
  type MidiDirection,
  type MidiOutputLike,
  type WebMidiEnvironment,
} from './midi-input-access';
import { errorMessage } from './retry-cycle';

const outputs = (): MidiDirection<'webMidiOut', MidiOutputLike, WebMidiOutReport> => ({
  prefix: 'webMidiOut',
  ports: (access) => access.outputs,
  // an output needs nothing but opening: what to send comes with `webMidiOut.send`
  use: () => () => {},
  listed: (ports: MidiOutputPort[], granted) => ({
    type: granted ? 'webMidiOut.granted' : 'webMidiOut.outputs',
    outputs: ports,
  }),
  openFailed: (output, message) => ({ type: 'webMidiOut.openFailed', output, message }),
});

/** Sends to the output in use, if any: while none is, or it is unplugged, the bytes go nowhere. */
function send(output: MidiOutputLike | null, data: number[], report: (event: WebMidiOutReport) => void): void {
  // an output unplugged a moment ago is still in use until the ports are followed again
  if (output === null || output.state !== 'connected' || data.length === 0) return;
  try {
    output.send(data);
  } catch (error) {
    // a port another program holds may refuse at the first send rather than at `open()`
    report({ type: 'webMidiOut.openFailed', output: output.id, message: errorMessage(error) });
  }
}

/** The `webMidiOut` effect on `environment` (read when the effect starts). */
export const webMidiOutLogic = (environment: () => WebMidiEnvironment) =>
  webMidiPortsLogic(environment, outputs, (command: WebMidiOutCommand, ports, report) => {
    switch (command.type) {
      case 'webMidiOut.request':
        return ports.request();
      case 'webMidiOut.use':
        return ports.use(command.output);
      case 'webMidiOut.send':
        return send(ports.current(), command.data, report);
      default:
        return command satisfies never;
    }
  });
