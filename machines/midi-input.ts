/**
 * A MIDI keyboard plugged into the tablet, played into Live: the tablet's
 * Web MIDI inputs (the `webMidi` effect), the one chosen (kept by name, so
 * it is found again after a reload or once plugged back in), and each of
 * its notes, controllers, bends and pressures sent to Live with the `midi`
 * effect, as the on-screen keys send theirs (to the armed tracks, through
 * the bridge's notes port). What the protocol does not carry (sysex, clock,
 * program changes) is dropped and counted.
 *
 * States:
 * - checking: the effect has not said yet whether the page has Web MIDI;
 * - unsupported: none (`why`: not a secure page, or a browser without it);
 * - idle: Web MIDI is there, not asked for yet (asking may prompt the musician);
 * - asking: `requestMIDIAccess` pending (entered at once when a choice was kept);
 * - denied: the browser or the musician refused (`ui.enable` asks again);
 * - failed: MIDI could not start on the device (Chromium without a MIDI
 *   system: "Platform dependent initialization failed"): no inputs to offer;
 * - ready: noInputs, choosing (inputs, none chosen or the chosen one
 *   unplugged), listening (the chosen input's messages go to Live).
 * All but `listening` is the chart MIDI out shares (`midi-ports.ts`);
 * `ports` are the inputs, `inUse` the one listened to.
 *
 * Events: `ui.enable`, `ui.choose` {name | null}, `ui.release` (what the
 * keyboard left sounding ends: the view sends it as it goes, since a
 * stopped actor runs no exit actions); from the effect `webMidi.*`
 * (`webMidi.supported` again, from an effect restarted with the actor
 * restored from a snapshot, asks for access again).
 * Leaving `listening` ends every note it left on, lifts the sustain pedal
 * and centres the bend.
 */
import { assign, enqueueActions, sendTo, setup } from 'xstate';
import { effects, WEB_MIDI_NAMES, type WebMidiReport } from './effects';
import { countDropped, readMidiMessage, type DroppedCounts } from './midi-input-bytes';
import { releaseAll, SILENT, soundingAfter, type Sounding } from './midi-input-held';
import { chosenPort, inUseChange, noPortYet, portGuards, portChart } from './midi-ports';
import type { MidiPortsContext, PortChange } from './midi-ports';

export interface MidiInputContext extends MidiPortsContext {
  /** Messages sent to Live. */
  forwarded: number;
  /** Messages dropped, by kind. */
  dropped: DroppedCounts;
  /** Messages received, forwarded or dropped: each one makes the view's activity dot blink. */
  received: number;
  /** What the keyboard left sounding, to end when listening stops. */
  sounding: Sounding;
}

export interface MidiInputInput {
  /** The input chosen before (its name), from the tablet's settings: access is asked for at once. */
  chosen?: string | null;
}

export type MidiInputEvent =
  { type: 'ui.enable' } | { type: 'ui.choose'; name: string | null } | { type: 'ui.release' } | WebMidiReport;

const DEFAULTS: MidiInputInput = {};

const inputSetup = setup({
  types: {
    context: {} as MidiInputContext,
    input: DEFAULTS,
    events: {} as MidiInputEvent,
    children: {} as { webMidi: 'webMidi'; midi: 'midi' },
  },
  actors: { webMidi: effects.webMidi, midi: effects.midi },
  actions: {
    listen: sendTo('webMidi', ({ context }) => ({ type: 'webMidi.listen', input: chosenPort(context)?.id ?? null })),
    unlisten: sendTo('webMidi', { type: 'webMidi.listen', input: null }),
    forward: enqueueActions(({ context, enqueue }, params: { input: string; data: number[] }) => {
      if (params.input !== context.inUse) return;
      const read = readMidiMessage(params.data);
      if (read.kind === 'dropped') {
        enqueue.assign({ dropped: countDropped(context.dropped, read.what), received: context.received + 1 });
        return;
      }
      enqueue.assign({
        forwarded: context.forwarded + 1,
        received: context.received + 1,
        sounding: soundingAfter(context.sounding, read.message),
      });
      enqueue.sendTo('midi', { type: 'midi.send', messages: [read.message] });
    }),
    release: enqueueActions(({ context, enqueue }) => {
      const messages = releaseAll(context.sounding);
      if (messages.length > 0) enqueue.sendTo('midi', { type: 'midi.send', messages });
      enqueue.assign({ sounding: SILENT });
    }),
    // the chart's (midi-ports.ts)
    request: sendTo('webMidi', { type: 'webMidi.request' }),
    port: assign((_, params: PortChange) => params),
  },
  guards: portGuards,
});

/** The chosen input's messages to Live, while it is there. */
const listening = inputSetup.createStateConfig({
  entry: [{ type: 'port', params: inUseChange }, 'listen'],
  exit: ['release', 'unlisten', { type: 'port', params: { inUse: null } }],
  on: {
    'webMidi.message': {
      actions: { type: 'forward', params: ({ event }) => ({ input: event.input, data: event.data }) },
    },
  },
});

export const midiInputMachine = inputSetup.createMachine({
  id: 'midiInput',
  context: ({ input }) => ({
    ...noPortYet(input.chosen),
    forwarded: 0,
    dropped: {},
    received: 0,
    sounding: SILENT,
  }),
  invoke: [
    { id: 'webMidi', src: 'webMidi' },
    { id: 'midi', src: 'midi' },
  ],
  on: { 'ui.release': { actions: 'release' } },
  ...portChart(WEB_MIDI_NAMES, { none: 'noInputs', using: 'listening', states: { noInputs: {}, listening } }),
});

export type MidiInputMachine = typeof midiInputMachine;
