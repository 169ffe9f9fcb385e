/**
 * The effects machines use, as named actor logic. Machines import no I/O:
 * these placeholders fail loudly when not provided; the app provides them
 * from LiveLink (`link-effects.ts`), tests provide fakes.
 */
import { fromCallback, fromEventObservable, fromPromise, type EventObject } from 'xstate';
import type { LinkState } from '../link/live-link';
import type {
  DeletePage,
  EnvelopeParameters,
  EraseEnvelope,
  JsonValue,
  MidiMessage,
  MidiRoute,
  PresenceState,
  PresentClient,
  ReadEnvelope,
  SavePage,
  SessionBoxArea,
  WriteEnvelope,
} from '../protocol/src/index';

/** A value of an observed property, as an event to the machine that observes it. */
export interface LiveValue {
  type: 'live.value';
  /** Which observation (the machine chooses, e.g. `name`). */
  key: string;
  value: JsonValue;
}

/**
 * An observation of an `observeMany` actor that ended with an error (`gone`
 * when its object was deleted); the actor's other observations go on.
 */
export interface LiveFailed {
  type: 'live.failed';
  /** Which observation (as in `live.value`). */
  key: string;
  error: unknown;
}

/** The observations an `observeMany` actor should make now: new ones start, those left out stop. */
export interface ObserveManyRequest {
  type: 'observe.many';
  observations: readonly ObserveInput[];
}

/** Whether Live can be used, and its epoch: ids of Live objects hold within one epoch. */
export interface LiveStatusEvent {
  type: 'live.status';
  usable: boolean;
  epoch: number;
}

/** A value to show in Live's own units (asked of the display effect). */
export interface DisplayRequest {
  type: 'display.value';
  value: number;
}

/** A value in Live's own units (`str_for_value`), sent back by the display effect. */
export interface DisplayText {
  type: 'live.display';
  value: number;
  text: string;
}

/** MIDI to play (notes, bends, pressure), sent without waiting for an answer. */
export interface MidiSend {
  type: 'midi.send';
  messages: MidiMessage[];
}

/** The part of the session grid a tablet shows, for Live to outline (`null`: this tablet shows none). */
export interface SessionBoxMoved {
  type: 'session.box';
  box: SessionBoxArea | null;
}

/** A frame of the display: the moment to send what a gesture changed since the last one. */
export interface FrameEvent {
  type: 'frame';
}

/** A MIDI port of the tablet's, as Web MIDI lists it. */
export interface MidiPort {
  /** The browser's id for it, while it stays plugged in. */
  id: string;
  /** Its name, by which a choice is kept across reloads. */
  name: string;
  manufacturer: string;
}

/** A MIDI input of the tablet's (a USB keyboard). */
export type MidiInputPort = MidiPort;

/** A MIDI output of the tablet's (a synth, through USB or a MIDI interface). */
export type MidiOutputPort = MidiPort;

/** Why a browser offers no Web MIDI: the page is not secure (plain HTTP on a network address), or the browser has none. */
export type WebMidiMissing = 'insecure' | 'absent';

/**
 * What the Web MIDI effects of both directions tell alike, each under its own prefix (`webMidi`, `webMidiOut`):
 * whether there is Web MIDI, and access refused or MIDI that could not start.
 */
export type WebMidiAccessReport<P extends string> =
  | { type: `${P}.unsupported`; why: WebMidiMissing }
  | { type: `${P}.supported` }
  | { type: `${P}.denied`; message: string }
  | { type: `${P}.failed`; message: string };

/** How the `webMidi` effect names what both Web MIDI effects tell (`machines/midi-ports.ts` charts it). */
export const WEB_MIDI_NAMES = { prefix: 'webMidi', list: 'inputs', port: 'input' } as const;

/** How the `webMidiOut` effect names what both Web MIDI effects tell. */
export const WEB_MIDI_OUT_NAMES = { prefix: 'webMidiOut', list: 'outputs', port: 'output' } as const;

/** What the `webMidi` effect tells: whether there is Web MIDI, access, the inputs, and each message of the one listened to. */
export type WebMidiReport =
  | WebMidiAccessReport<'webMidi'>
  | { type: 'webMidi.granted'; inputs: MidiInputPort[] }
  | { type: 'webMidi.inputs'; inputs: MidiInputPort[] }
  | { type: 'webMidi.message'; input: string; data: number[] }
  | { type: 'webMidi.openFailed'; input: string; message: string };

/** What the `webMidi` effect takes: ask for access, and listen to one input (by id) or none. */
export type WebMidiCommand = { type: 'webMidi.request' } | { type: 'webMidi.listen'; input: string | null };

/** What the `webMidiOut` effect tells: whether there is Web MIDI, access, the outputs, and an output that would not open. */
export type WebMidiOutReport =
  | WebMidiAccessReport<'webMidiOut'>
  | { type: 'webMidiOut.granted'; outputs: MidiOutputPort[] }
  | { type: 'webMidiOut.outputs'; outputs: MidiOutputPort[] }
  | { type: 'webMidiOut.openFailed'; output: string; message: string };

/**
 * What the `webMidiOut` effect takes: ask for access, use one output (by id) or none, and send bytes (one or
 * more whole messages) to the output in use.
 */
export type WebMidiOutCommand =
  | { type: 'webMidiOut.request' }
  | { type: 'webMidiOut.use'; output: string | null }
  | { type: 'webMidiOut.send'; data: number[] };

/**
 * Live's MIDI out (what its tracks send to the "LiveSurface Return" port): where it comes from, told at each
 * new bridge session, and each batch of messages as it arrives.
 */
export type LiveMidiEvent =
  { type: 'liveMidi.route'; route: MidiRoute } | { type: 'liveMidi.messages'; messages: MidiMessage[] };

/**
 * Who is connected to the bridge and what each said of itself (this tablet
 * among them, `self`; `holderOf` in protocol/src/presence.ts tells who holds
 * a parameter): the current list, then each new one.
 */
export interface PresenceClients {
  type: 'presence.clients';
  clients: readonly PresentClient[];
}

/** This tablet's presence (its name and color, page, round trip, holds, selection), for the bridge to relay. */
export interface PresenceStateEvent {
  type: 'presence.state';
  state: PresenceState;
}

/** What `hold` holds while invoked: a parameter this tablet touches, by its Live object id. */
export interface HoldInput {
  object: number;
}

/** The parameters this tablet holds now (by Live object id), for its presence. */
export interface HoldingEvent {
  type: 'presence.holding';
  objects: readonly number[];
}

/** The link's state, whenever it changes. */
export interface LinkStateEvent {
  type: 'link.state';
  state: LinkState;
}

/** What `get` reads: a property of a Live object (a path or `id 12`), or without `prop` its reference. */
export interface GetInput {
  target: string;
  prop?: string;
}
/** What `read` reads: several properties of one object. */
export interface ReadInput {
  target: string;
  props: readonly string[];
}
/** What `readEach` reads: one property of several objects. */
export interface ReadEachInput {
  targets: readonly string[];
  prop: string;
}
/** What `set` and `setLatest` change. */
export interface SetInput {
  target: string;
  prop: string;
  value: JsonValue;
}
/** What `call` calls: a function of a Live object. */
export interface CallInput {
  target: string;
  fn: string;
  args?: JsonValue[];
}
/** A touch automation gesture on a parameter begins or ends. */
export interface GestureInput {
  target: string;
  phase: 'begin' | 'end';
}
/** A request on a clip's automation (protocol/src/script.ts), without its id: what `envelope` asks. */
export type EnvelopeInput =
  Omit<ReadEnvelope, 'id'> | Omit<WriteEnvelope, 'id'> | Omit<EraseEnvelope, 'id'> | Omit<EnvelopeParameters, 'id'>;
/** Lock or unlock the surface for performance (the bridge refuses structural edits while locked). */
export interface LockInput {
  locked: boolean;
}
/** A saved page written or deleted on the bridge (see protocol/src/pages.ts), without its id. */
export type PagesInput = Omit<SavePage, 'id'> | Omit<DeletePage, 'id'>;
/** What `describe` describes: a Live object's type, properties and children. */
export interface DescribeInput {
  target: string;
}
/** What `observe` observes, and the key its `live.value` events carry. */
export interface ObserveInput {
  target: string;
  prop: string;
  key: string;
}

function notProvided(name: string): () => never {
  return () => {
    throw new Error(`the effect "${name}" was not provided to this machine`);
  };
}

/** The effects by name, as placeholders a machine's setup lists (and the app replaces with `.provide()`). */
export const effects = {
  /** One property (or, without `prop`, the object's reference). */
  get: fromPromise<JsonValue, GetInput>(notProvided('get')),
  /** Several properties of one object, in one frame. */
  read: fromPromise<Record<string, JsonValue>, ReadInput>(notProvided('read')),
  /** One property of several objects, in one frame. */
  readEach: fromPromise<JsonValue[], ReadEachInput>(notProvided('readEach')),
  /** One property changed; answers Live's value. */
  set: fromPromise<JsonValue, SetInput>(notProvided('set')),
  /** A value from a drag: latest wins per target and property. */
  setLatest: fromPromise<void, SetInput>(notProvided('setLatest')),
  /** A function of a Live object called; answers what it returned. */
  call: fromPromise<JsonValue, CallInput>(notProvided('call')),
  /** A clip's automation read, written, erased, or its automatable parameters listed; answers the result. */
  envelope: fromPromise<JsonValue, EnvelopeInput>(notProvided('envelope')),
  /** Locks or unlocks the surface for performance (every tablet hears it through the link's state). */
  lock: fromPromise<JsonValue, LockInput>(notProvided('lock')),
  /** A saved page written or deleted by the bridge; answers `{ name, revision }` or null. */
  pages: fromPromise<JsonValue, PagesInput>(notProvided('pages')),
  /** A Live object described: its type, properties, children and functions (the object browser). */
  describe: fromPromise<JsonValue, DescribeInput>(notProvided('describe')),
  /** Touch automation: `begin` as a control is touched, `end` as it is let go. */
  gesture: fromPromise<JsonValue, GestureInput>(notProvided('gesture')),
  /** `live.value` events: the current value, then changes; errors with `gone` when the object dies. */
  observe: fromEventObservable<LiveValue, ObserveInput>(notProvided('observe')),
  /** Takes `observe.many` events; sends back `live.value` events, and `live.failed` for an observation that ended with an error. */
  observeMany: fromCallback<ObserveManyRequest, void>(notProvided('observeMany')),
  /** `live.status` events whenever Live becomes usable or not. */
  liveStatus: fromEventObservable<LiveStatusEvent, void>(notProvided('liveStatus')),
  /** Takes `display.value` events, sends back `live.display` (one question in flight, the latest waits). */
  display: fromCallback<DisplayRequest, { target: string }>(notProvided('display')),
  /** Takes `session.box` events: Live outlines the latest box; when stopped, this tablet's box is hidden. */
  sessionBox: fromCallback<SessionBoxMoved, void>(notProvided('sessionBox')),
  /** Takes `midi.send` events and plays them (fire and forget). */
  midi: fromCallback<MidiSend, void>(notProvided('midi')),
  /** `link.state` events: the link's life. */
  linkState: fromEventObservable<LinkStateEvent, void>(notProvided('linkState')),
  /**
   * The tablet's Web MIDI: says at once whether there is any (`webMidi.supported` or `.unsupported`); takes
   * `webMidi.request` (sends `.granted`, `.denied` (refused), or `.failed` (MIDI could not start), then `.inputs`
   * as inputs come and go) and
   * `webMidi.listen` (sends `.message` for each message of that input).
   */
  webMidi: fromCallback<WebMidiCommand, void>(notProvided('webMidi')),
  /**
   * The tablet's Web MIDI outputs: says at once whether there is any (`webMidiOut.supported` or `.unsupported`);
   * takes `webMidiOut.request` (sends `.granted`, `.denied` or `.failed`, then `.outputs` as outputs come and go),
   * `webMidiOut.use` (opens that output: `.openFailed` when it cannot) and `webMidiOut.send` (bytes to it).
   */
  webMidiOut: fromCallback<WebMidiOutCommand, void>(notProvided('webMidiOut')),
  /**
   * `liveMidi.route` and `liveMidi.messages` events: Live's MIDI out, while invoked (the bridge sends it only to
   * the tablets that listen).
   */
  liveMidi: fromEventObservable<LiveMidiEvent, void>(notProvided('liveMidi')),
  /** `presence.clients` events: who is connected to the bridge and what each holds, now and at each change. */
  presence: fromEventObservable<PresenceClients, void>(notProvided('presence')),
  /** Takes `presence.state` events and tells the bridge (the latest wins; sent again after a reconnect). */
  present: fromCallback<PresenceStateEvent, void>(notProvided('present')),
  /** Holds a parameter for this tablet while invoked (its touch), so the other tablets see it held. */
  hold: fromCallback<EventObject, HoldInput>(notProvided('hold')),
  /** `presence.holding` events: the parameters this tablet holds, now and at each change. */
  holding: fromEventObservable<HoldingEvent, void>(notProvided('holding')),
  /** `frame` events, one per frame of the display (`requestAnimationFrame`), while invoked. */
  frames: fromCallback<EventObject, void>(notProvided('frames')),
};

/** The effects' actor logic, as the app (`link-effects.ts`) and the tests (`fake-live.ts`) provide it. */
export type Effects = typeof effects;
