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
import { effects, type MidiInputPort, type WebMidiMissing, type WebMidiReport } from './effects';
import { countDropped, readMidiMessage, type DroppedCounts } from './midi-input-bytes';
import { releaseAll, SILENT, soundingAfter, type Sounding } from './midi-input-held';

export interface MidiInputContext {
  /** The connected inputs. */
  inputs: MidiInputPort[];
  /** The chosen input's name (kept across reloads), or null for none. */
  chosen: string | null;
  /** The id of the input listened to, while listening. */
  listeningTo: string | null;
  /** Why there is no Web MIDI, when there is none. */
  why: WebMidiMissing | null;
  /** What the browser said when it refused access, or why MIDI could not start. */
  accessError: string | null;
  /** Why the chosen input could not be opened (another program holds it), if it could not. */
  problem: string | null;
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

const chosenPort = (context: Pick<MidiInputContext, 'inputs' | 'chosen'>): MidiInputPort | undefined =>
  context.chosen === null ? undefined : context.inputs.find((input) => input.name === context.chosen);

export const midiInputMachine = setup({
  types: {
    context: {} as MidiInputContext,
    input: DEFAULTS,
    events: {} as MidiInputEvent,
    children: {} as { webMidi: 'webMidi'; midi: 'midi' },
  },
  actors: { webMidi: effects.webMidi, midi: effects.midi },
  guards: {
    hasChoice: ({ context }) => context.chosen !== null,
    chosenPresent: ({ context }) => chosenPort(context) !== undefined,
    noInputs: ({ context }) => context.inputs.length === 0,
    /** The input listened to is still there, by the same id and the chosen name. */
    stillThere: (_, params: { inputs: MidiInputPort[]; chosen: string | null; listeningTo: string | null }) =>
      params.inputs.some((input) => input.id === params.listeningTo && input.name === params.chosen),
  },
  actions: {
    request: sendTo('webMidi', { type: 'webMidi.request' }),
    listen: sendTo('webMidi', ({ context }) => ({ type: 'webMidi.listen', input: chosenPort(context)?.id ?? null })),
    unlisten: sendTo('webMidi', { type: 'webMidi.listen', input: null }),
    storeInputs: assign((_, params: { inputs: MidiInputPort[] }) => ({ inputs: params.inputs })),
    choose: assign((_, params: { name: string | null }) => ({ chosen: params.name, problem: null })),
    markListening: assign(({ context }) => ({ listeningTo: chosenPort(context)?.id ?? null, problem: null })),
    forward: enqueueActions(({ context, enqueue }, params: { input: string; data: number[] }) => {
      if (params.input !== context.listeningTo) return;
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
  },
}).createMachine({
  id: 'midiInput',
  context: ({ input }) => ({
    inputs: [],
    chosen: input.chosen ?? null,
    listeningTo: null,
    why: null,
    accessError: null,
    problem: null,
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
  initial: 'checking',
  states: {
    checking: {
      on: {
        'webMidi.unsupported': {
          target: 'unsupported',
          actions: assign(({ event }) => ({ why: event.why })),
        },
        'webMidi.supported': [{ guard: 'hasChoice', target: 'asking' }, { target: 'idle' }],
      },
    },
    unsupported: {},
    idle: { on: { 'ui.enable': 'asking' } },
    asking: {
      entry: 'request',
      on: {
        // the effect started again (an actor restored from a snapshot restarts its effects): ask it again
        'webMidi.supported': { actions: 'request' },
        'webMidi.granted': {
          target: 'ready',
          actions: [
            { type: 'storeInputs', params: ({ event }) => ({ inputs: event.inputs }) },
            assign({ accessError: null }),
          ],
        },
        'webMidi.denied': { target: 'denied', actions: assign(({ event }) => ({ accessError: event.message })) },
        'webMidi.failed': { target: 'failed', actions: assign(({ event }) => ({ accessError: event.message })) },
      },
    },
    denied: { on: { 'ui.enable': 'asking' } },
    failed: { on: { 'ui.enable': 'asking' } },
    ready: {
      initial: 'placing',
      on: {
        // the effect started again without the access it had: it is asked for again
        'webMidi.supported': '#midiInput.asking',
        'webMidi.inputs': {
          target: '.placing',
          actions: { type: 'storeInputs', params: ({ event }) => ({ inputs: event.inputs }) },
        },
        'ui.choose': { target: '.placing', actions: { type: 'choose', params: ({ event }) => ({ name: event.name }) } },
      },
      states: {
        placing: {
          always: [
            { guard: 'chosenPresent', target: 'listening' },
            { guard: 'noInputs', target: 'noInputs' },
            { target: 'choosing' },
          ],
        },
        noInputs: {},
        choosing: {},
        listening: {
          entry: ['markListening', 'listen'],
          exit: ['release', 'unlisten', assign({ listeningTo: null })],
          on: {
            'webMidi.message': {
              actions: { type: 'forward', params: ({ event }) => ({ input: event.input, data: event.data }) },
            },
            'webMidi.openFailed': {
              actions: assign(({ context, event }) =>
                event.input === context.listeningTo ? { problem: event.message } : {},
              ),
            },
            // another input plugged in or out: this one plays on without a break
            'webMidi.inputs': [
              {
                guard: {
                  type: 'stillThere',
                  params: ({ context, event }) => ({
                    inputs: event.inputs,
                    chosen: context.chosen,
                    listeningTo: context.listeningTo,
                  }),
                },
                actions: { type: 'storeInputs', params: ({ event }) => ({ inputs: event.inputs }) },
              },
              {
                target: 'placing',
                actions: { type: 'storeInputs', params: ({ event }) => ({ inputs: event.inputs }) },
              },
            ],
          },
        },
      },
    },
  },
});

export type MidiInputMachine = typeof midiInputMachine;
