/**
 * Live's MIDI out played on a synth plugged into the tablet: the tablet's
 * Web MIDI outputs (the `webMidiOut` effect), the one chosen (kept by name,
 * so it is found again after a reload or once plugged back in), and what
 * Live's MIDI tracks send to the "LiveSurface Return" port (the `liveMidi`
 * effect, invoked only while an output plays, so the bridge sends Live's
 * MIDI to the tablets that play it) sent to it as bytes.
 *
 * States:
 * - checking: the effect has not said yet whether the page has Web MIDI;
 * - unsupported: none (`why`: not a secure page, or a browser without it);
 * - idle: Web MIDI is there, not asked for yet (asking may prompt the musician);
 * - asking: `requestMIDIAccess` pending (entered at once when a choice was kept);
 * - denied: the browser or the musician refused (`ui.enable` asks again);
 * - failed: MIDI could not start on the device (Chromium without a MIDI
 *   system: "Platform dependent initialization failed"): no outputs to offer;
 * - ready: noOutputs, choosing (outputs, none chosen or the chosen one
 *   unplugged), playing (Live's MIDI goes to the chosen output; `from`, where
 *   the bridge says it comes from; `played`, how many messages).
 * All but `playing` is the chart MIDI in shares (`midi-ports.ts`); `ports`
 * are the outputs, `inUse` the one played on.
 *
 * Events: `ui.enable`, `ui.choose` {name | null}, `ui.release` (what Live
 * left sounding on the synth ends: the view sends it as it goes, since a
 * stopped actor runs no exit actions); from the effects `webMidiOut.*`
 * (`webMidiOut.supported` again, from an effect restarted with the actor
 * restored from a snapshot, asks for access again) and `liveMidi.route`,
 * `liveMidi.messages`.
 *
 * Never a note left hanging on the synth: leaving `playing` ends every note
 * Live left on, lifts the sustain pedal and centres the bend; so does a new
 * bridge session (a `liveMidi.route`: the note offs of the last one may be
 * lost). An output unplugged cannot hear that: what it left sounding is
 * owed to it (by name) and ended first when it plays again.
 */
import { assign, enqueueActions, sendTo, setup } from 'xstate';
import { midiBytes, type MidiMessage, type MidiRoute } from '../protocol/src/index';
import { effects, WEB_MIDI_OUT_NAMES, type LiveMidiEvent, type WebMidiOutReport } from './effects';
import { releaseAll, SILENT, soundingAfter, type Sounding } from './midi-input-held';
import { chosenPort, inUseAmong, inUseChange, noPortYet, portGuards, portChart } from './midi-ports';
import type { MidiPortsContext, PortChange } from './midi-ports';

export interface MidiOutputContext extends MidiPortsContext {
  /** Where Live's MIDI out comes from, as the bridge said (while playing). */
  from: MidiRoute | null;
  /** Messages from Live played on the output: each one makes the view's activity dot blink. */
  played: number;
  /** What Live left sounding on the output, to end when playing stops. */
  sounding: Sounding;
  /** What outputs unplugged while playing were left sounding, by name: ended when each plays again. */
  owed: Readonly<Record<string, Sounding>>;
}

export interface MidiOutputInput {
  /** The output chosen before (its name), from the tablet's settings (access is then asked for at once), or null. */
  chosen: string | null;
}

export type MidiOutputEvent =
  | { type: 'ui.enable' }
  | { type: 'ui.choose'; name: string | null }
  | { type: 'ui.release' }
  | WebMidiOutReport
  | LiveMidiEvent;

const bytesOf = (messages: readonly MidiMessage[]): number[] => messages.flatMap(midiBytes);

const outputSetup = setup({
  types: {
    context: {} as MidiOutputContext,
    input: {} as MidiOutputInput,
    events: {} as MidiOutputEvent,
    children: {} as { webMidiOut: 'webMidiOut'; liveMidi: 'liveMidi' },
  },
  actors: { webMidiOut: effects.webMidiOut, liveMidi: effects.liveMidi },
  actions: {
    /** The effect's one command for the output to play on (`output`, its id) or none. */
    use: sendTo('webMidiOut', (_, params: { output: string | null }) => ({ type: 'webMidiOut.use', ...params })),
    play: enqueueActions(({ context, enqueue }, params: { messages: MidiMessage[] }) => {
      if (params.messages.length === 0) return;
      enqueue.sendTo('webMidiOut', { type: 'webMidiOut.send', data: bytesOf(params.messages) });
      enqueue.assign({
        played: context.played + params.messages.length,
        sounding: params.messages.reduce(soundingAfter, context.sounding),
      });
    }),
    /**
     * What Live left sounding ends on the output; one unplugged cannot hear
     * it, so it is owed to it (by name) until it plays again.
     */
    release: enqueueActions(({ context, enqueue }, params: { unplugged: boolean }) => {
      enqueue.assign({ sounding: SILENT });
      const data = bytesOf(releaseAll(context.sounding));
      if (data.length === 0) return;
      if (params.unplugged && context.chosen !== null) {
        enqueue.assign({ owed: { ...context.owed, [context.chosen]: context.sounding } });
      } else {
        enqueue.sendTo('webMidiOut', { type: 'webMidiOut.send', data });
      }
    }),
    /** The chosen output plays again: what it was left sounding when it was unplugged ends first. */
    payOwed: enqueueActions(({ context, enqueue }) => {
      const owed = context.chosen === null ? undefined : context.owed[context.chosen];
      if (owed === undefined) return;
      const data = bytesOf(releaseAll(owed));
      if (data.length > 0) enqueue.sendTo('webMidiOut', { type: 'webMidiOut.send', data });
      enqueue.assign({
        owed: Object.fromEntries(Object.entries(context.owed).filter(([name]) => name !== context.chosen)),
      });
    }),
    // the chart's (midi-ports.ts)
    request: sendTo('webMidiOut', { type: 'webMidiOut.request' }),
    port: assign((_, params: PortChange) => params),
  },
  guards: portGuards,
});

const stillPlugged = { type: 'release', params: { unplugged: false } } as const;

/** Live's MIDI to the chosen output, while it is there. */
const playing = outputSetup.createStateConfig({
  entry: [
    { type: 'port', params: inUseChange },
    { type: 'use', params: ({ context }) => ({ output: chosenPort(context)?.id ?? null }) },
    'payOwed',
  ],
  exit: [
    {
      type: 'release',
      // the output in use unplugged: it can hear nothing now
      params: ({ context, event }) => ({
        unplugged: event.type === 'webMidiOut.outputs' && !inUseAmong(event.outputs, context),
      }),
    },
    { type: 'use', params: { output: null } },
    { type: 'port', params: { inUse: null } },
    assign({ from: null }),
  ],
  invoke: { id: 'liveMidi', src: 'liveMidi' },
  on: {
    'liveMidi.messages': { actions: { type: 'play', params: ({ event }) => ({ messages: event.messages }) } },
    // a new bridge session: the last one's note offs may never come
    'liveMidi.route': { actions: [stillPlugged, assign(({ event }) => ({ from: event.route }))] },
  },
});

export const midiOutputMachine = outputSetup.createMachine({
  id: 'midiOutput',
  context: ({ input }) => ({
    ...noPortYet(input.chosen),
    from: null,
    played: 0,
    sounding: SILENT,
    owed: {},
  }),
  invoke: { id: 'webMidiOut', src: 'webMidiOut' },
  on: { 'ui.release': { actions: stillPlugged } },
  ...portChart(WEB_MIDI_OUT_NAMES, { none: 'noOutputs', using: 'playing', states: { noOutputs: {}, playing } }),
});

export type MidiOutputMachine = typeof midiOutputMachine;
