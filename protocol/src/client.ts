/**
 * The browser <-> bridge hop: JSON over a WebSocket.
 *
 * A frame from a client is one request or a batch (an array). Requests take
 * the same shapes as on the script hop (see script.ts), with ids the client
 * chooses; the bridge routes them and answers each client only its own
 * replies. `midi` frames are fire-and-forget. From the bridge: replies,
 * `changes` (every value that changed for this client since the last frame,
 * latest value wins), `gone`, `status` (Live online or not), `slow`, `lock`,
 * `pages` (the saved pages changed, see pages.ts), `presence` (who is
 * connected and what each holds, see presence.ts), `live_midi` (what Live's
 * tracks send to the "LiveSurface Return" port, to clients that listen).
 */
import { z } from 'zod';
import { RequestId } from './common';
import { MidiMessage } from './midi';
import { DeletePage, ListPages, PageList, PagesEvent, SavePage } from './pages';
import { Presence, PresenceEvent } from './presence';
import {
  Call,
  Changes,
  Describe,
  Gesture,
  Get,
  ObservationGone,
  Observe,
  EnvelopeParameters,
  EraseEnvelope,
  ReadEnvelope,
  Reply,
  SessionBox,
  Set,
  Unobserve,
  WriteEnvelope,
} from './script';

/** Limits the bridge enforces on each client. */
export const CLIENT_LIMITS = {
  /** Largest frame accepted, in bytes; a bigger one closes the socket (1009). */
  maxFrameBytes: 4 * 1024 * 1024,
  /** Most requests in one batch frame. */
  maxBatch: 500,
  /** Most MIDI messages in one `midi` frame. */
  maxMidiMessages: 256,
  /** Most observations one client may hold. */
  maxObservations: 20_000,
} as const;

/** MIDI to Live's tracks (the notes port), without a reply. */
export const Midi = z
  .object({ op: z.literal('midi'), messages: z.array(MidiMessage).min(1).max(CLIENT_LIMITS.maxMidiMessages) })
  .strict();
export type Midi = z.infer<typeof Midi>;

/** Opens a client's connection: its protocol version (the session token came with the WebSocket's address). */
export const ClientHello = z
  .object({ op: z.literal('hello'), id: RequestId, protocol: z.number().int().min(1), client: z.string().max(200) })
  .strict();
export type ClientHello = z.infer<typeof ClientHello>;

/** Answered by the bridge itself (Live is not asked): round-trip time, and a keep-alive for the Wi-Fi. */
export const Ping = z.object({ op: z.literal('ping'), id: RequestId }).strict();
export type Ping = z.infer<typeof Ping>;

/**
 * Locks or unlocks the surface for performance (answered by the bridge): while
 * locked, calls that create, delete, duplicate or move tracks, scenes, devices
 * and clips are refused with `forbidden`. Every client hears the change.
 */
export const Lock = z.object({ op: z.literal('lock'), id: RequestId, locked: z.boolean() }).strict();
export type Lock = z.infer<typeof Lock>;

/**
 * Starts (or stops) hearing Live's MIDI out: what Live's MIDI tracks routed
 * to the "LiveSurface Return" port send, as `live_midi` events, for a tablet
 * that plays it on a MIDI output of its own. Answered by the bridge with
 * where that MIDI comes from (`ListenMidiResult`).
 */
export const ListenMidi = z.object({ op: z.literal('listen_midi'), id: RequestId, listen: z.boolean() }).strict();
export type ListenMidi = z.infer<typeof ListenMidi>;

/** Every request a client may send. */
export const ClientRequest = z.discriminatedUnion('op', [
  ClientHello,
  Ping,
  Lock,
  Get,
  Set,
  Call,
  Observe,
  Unobserve,
  Describe,
  Gesture,
  ReadEnvelope,
  WriteEnvelope,
  EraseEnvelope,
  EnvelopeParameters,
  SessionBox,
  ListPages,
  SavePage,
  DeletePage,
  Presence,
  ListenMidi,
]);
export type ClientRequest = z.infer<typeof ClientRequest>;

/** Every message a client may send. */
export const ClientToBridge = z.union([ClientRequest, Midi]);
export type ClientToBridge = z.infer<typeof ClientToBridge>;

/** One frame from a client: a message or a batch of them. */
export const ClientFrame = z.union([ClientToBridge, z.array(ClientToBridge).min(1).max(CLIENT_LIMITS.maxBatch)]);
export type ClientFrame = z.infer<typeof ClientFrame>;

/** Which Live the bridge talks to, and whether it answers now. */
export const LiveStatus = z
  .object({
    state: z.enum(['online', 'offline']),
    host: z.enum(['live', 'simulator']).nullable(),
    live_version: z.string().nullable(),
    set_name: z.string().nullable(),
  })
  .strict();
export type LiveStatus = z.infer<typeof LiveStatus>;

/** Where MIDI from clients goes (or, for `listen_midi`, where Live's MIDI out comes from). */
export const MidiRoute = z.object({ mode: z.enum(['virtual', 'simulator', 'none']), detail: z.string() }).strict();
export type MidiRoute = z.infer<typeof MidiRoute>;

/** The answer to `listen_midi`: whether this client now hears Live's MIDI out, and where it comes from. */
export const ListenMidiResult = z.object({ listening: z.boolean(), from: MidiRoute }).strict();
export type ListenMidiResult = z.infer<typeof ListenMidiResult>;

/** The answer to a client's `hello`. */
export const BridgeHelloResult = z
  .object({
    protocol: z.number().int(),
    bridge_version: z.string(),
    live: LiveStatus,
    midi: MidiRoute,
    /** The surface is locked for performance (see `Lock`); a bridge that says nothing has no lock. */
    locked: z.boolean().default(false),
    /** The pages saved in the layouts folder (see pages.ts); a bridge that says nothing has none. */
    pages: PageList.default([]),
  })
  .strict();
export type BridgeHelloResult = z.infer<typeof BridgeHelloResult>;

/** Live went offline or came back (or a different Live answers). */
export const StatusEvent = z.object({ ev: z.literal('status'), live: LiveStatus }).strict();
export type StatusEvent = z.infer<typeof StatusEvent>;

/** The surface was locked or unlocked for performance (by a tablet, or at start). */
export const LockEvent = z.object({ ev: z.literal('lock'), locked: z.boolean() }).strict();
export type LockEvent = z.infer<typeof LockEvent>;

/** The client does not read fast enough: its updates are held back; past a limit it is disconnected. */
export const SlowEvent = z.object({ ev: z.literal('slow'), message: z.string() }).strict();
export type SlowEvent = z.infer<typeof SlowEvent>;

/** Messages Live's tracks sent to the "LiveSurface Return" port, in order, to a client that listens. */
export const LiveMidiEvent = z.object({ ev: z.literal('live_midi'), messages: z.array(MidiMessage).min(1) }).strict();
export type LiveMidiEvent = z.infer<typeof LiveMidiEvent>;

/** Everything the bridge sends unasked. */
export const BridgeEvent = z.discriminatedUnion('ev', [
  Changes,
  ObservationGone,
  StatusEvent,
  LockEvent,
  SlowEvent,
  PagesEvent,
  PresenceEvent,
  LiveMidiEvent,
]);
export type BridgeEvent = z.infer<typeof BridgeEvent>;

/** One message to a client. */
export const BridgeToClient = z.union([Reply, BridgeEvent]);
export type BridgeToClient = z.infer<typeof BridgeToClient>;

/** One frame to a client: a message or several. */
export const BridgeFrame = z.union([BridgeToClient, z.array(BridgeToClient).min(1)]);
export type BridgeFrame = z.infer<typeof BridgeFrame>;
