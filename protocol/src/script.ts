/**
 * The bridge <-> live-script hop: newline-delimited JSON over TCP on 127.0.0.1.
 *
 * Each line the bridge sends is one request or a batch (a JSON array of
 * requests). Each line the script sends is one reply or one event. Replies
 * carry the request's id and may come out of order. The first request on a
 * connection must be `hello`.
 *
 * The Python side (`live-script/LiveSurface/protocol.py`) validates requests
 * with tables generated from these schemas (`npm run gen:protocol`), and both
 * sides are tested against `protocol/fixtures/script/`.
 */
import { z } from 'zod';
import { ErrorInfo, JsonValue, LiveRef, MAX_JSON_DEPTH, MemberName, RequestId, Target } from './common';

/**
 * Limits the script enforces; a frame over them gets `bad_request` naming the
 * limit. They keep every request short on Live's main thread (which also draws
 * Live's UI): about 20 ms at most in the simulator (`npm run bench:script`), so
 * clients split bigger work (the clip editor sends notes `maxNotesPerCall` at a
 * time).
 */
export const SCRIPT_LIMITS = {
  /** Longest line accepted, in bytes: one line is parsed in one go (`maxNotesPerCall` notes fit). */
  maxLineBytes: 256 * 1024,
  /** Most requests in one batch line (a batch runs across drains, its replies in order). */
  maxBatch: 1000,
  /** Most arguments of a `call`. */
  maxArgs: 64,
  /** How deep a JSON value may nest (as `JsonValue` on the bridge). */
  maxJsonDepth: MAX_JSON_DEPTH,
  /** Most notes (or note ids) one notes call takes: `add_new_notes`, `apply_note_modifications`, `*_by_id`. */
  maxNotesPerCall: 500,
  /** Most samples a `read_envelope` returns. */
  maxEnvelopeSamples: 4096,
  /** Most events a `read_envelope` returns (Live 12): a denser range is read in shorter ranges. */
  maxEnvelopeEvents: 16384,
  /** Most steps one `write_envelope` inserts. */
  maxEnvelopeSteps: 1024,
  /** Seconds a connection may take to say `hello` before the script closes it. */
  helloTimeoutSeconds: 5,
} as const;

/**
 * The secret that proves a client runs as the same OS user as Live: 32 random
 * bytes in hex, made by the script at each start and written, readable by that
 * user only, where `bridge/script-secret.ts` (and `LiveSurface/secret.py`) find
 * it for the script's port.
 */
export const ScriptSecret = z.string().regex(/^[0-9a-f]{64}$/);
export type ScriptSecret = z.infer<typeof ScriptSecret>;

/**
 * Opens a connection: the bridge's protocol version and the script's secret;
 * the script answers with `HelloResult`. Any other first line, or a wrong
 * secret, is refused (`forbidden`) and the connection closed.
 */
export const Hello = z
  .object({
    op: z.literal('hello'),
    id: RequestId,
    protocol: z.number().int().min(1),
    client: z.string().max(200),
    secret: ScriptSecret,
  })
  .strict();
export type Hello = z.infer<typeof Hello>;

/** Reads a property; without `prop`, resolves the target to its reference. */
export const Get = z
  .object({ op: z.literal('get'), id: RequestId, target: Target, prop: MemberName.optional() })
  .strict();
export type Get = z.infer<typeof Get>;

/** Writes a settable property. */
export const Set = z
  .object({ op: z.literal('set'), id: RequestId, target: Target, prop: MemberName, value: JsonValue })
  .strict();
export type Set = z.infer<typeof Set>;

/** Calls a public function; arguments are JSON, Live objects as `{"$ref": id}`. */
export const Call = z
  .object({
    op: z.literal('call'),
    id: RequestId,
    target: Target,
    fn: MemberName,
    args: z.array(JsonValue).max(SCRIPT_LIMITS.maxArgs).optional(),
  })
  .strict();
export type Call = z.infer<typeof Call>;

/**
 * Observes a property: the reply holds the current value and, whatever the
 * target's form, the object's reference (so an observation can be restored
 * by path when the script restarts); then `changes` events follow, keyed by
 * this request's id, until `unobserve` or `gone`.
 */
export const Observe = z.object({ op: z.literal('observe'), id: RequestId, target: Target, prop: MemberName }).strict();
export type Observe = z.infer<typeof Observe>;

/** Ends an observation, named by the id of the `observe` request that began it. */
export const Unobserve = z.object({ op: z.literal('unobserve'), id: RequestId, obs: RequestId }).strict();
export type Unobserve = z.infer<typeof Unobserve>;

/** Describes an object: its type, properties (with values), children and functions. */
export const Describe = z.object({ op: z.literal('describe'), id: RequestId, target: Target }).strict();
export type Describe = z.infer<typeof Describe>;

/** Tells Live a control is touched (`begin`) or released (`end`); target is a DeviceParameter. */
export const Gesture = z
  .object({ op: z.literal('gesture'), id: RequestId, target: Target, phase: z.enum(['begin', 'end']) })
  .strict();
export type Gesture = z.infer<typeof Gesture>;

/**
 * Reads a clip's automation of one parameter by sampling `value_at_time`
 * from `start` to `end` (beats) every `step`, plus the envelope's events
 * where the Live version has `events_in_range`.
 */
export const ReadEnvelope = z
  .object({
    op: z.literal('read_envelope'),
    id: RequestId,
    target: Target,
    parameter: Target,
    start: z.number().min(0),
    end: z.number().min(0),
    step: z.number().positive(),
  })
  .strict();
export type ReadEnvelope = z.infer<typeof ReadEnvelope>;

/** One step of automation: `value` held from `time` for `length` beats. */
export const EnvelopeStep = z
  .object({ time: z.number().min(0), length: z.number().min(0), value: z.number() })
  .strict();
export type EnvelopeStep = z.infer<typeof EnvelopeStep>;

/**
 * Writes steps into a clip's automation of one parameter with `insert_step`,
 * creating the envelope when there is none. Existing automation outside the
 * steps is kept. Values outside the parameter's range are refused before
 * anything is written.
 */
export const WriteEnvelope = z
  .object({
    op: z.literal('write_envelope'),
    id: RequestId,
    target: Target,
    parameter: Target,
    steps: z.array(EnvelopeStep).min(1).max(SCRIPT_LIMITS.maxEnvelopeSteps),
  })
  .strict();
export type WriteEnvelope = z.infer<typeof WriteEnvelope>;

/**
 * Erases a clip's automation of one parameter. With `start` and `end` (beats)
 * only the events in that range go, with Live's `delete_events_in_range`
 * (Live 12; Live 11 has none and answers `not_found`, saying so). Without them
 * the whole envelope goes (`clear_envelope`): a destructive act a client asks
 * only after the musician confirmed it. `erased` is false when there was no
 * envelope.
 */
export const EraseEnvelope = z
  .object({
    op: z.literal('erase_envelope'),
    id: RequestId,
    target: Target,
    parameter: Target,
    start: z.number().min(0).optional(),
    end: z.number().min(0).optional(),
  })
  .strict()
  .refine((request) => (request.start === undefined) === (request.end === undefined), {
    message: 'start and end come together (or neither, to clear the whole envelope)',
  });
export type EraseEnvelope = z.infer<typeof EraseEnvelope>;

/**
 * Lists every parameter a clip can automate: its track's mixer (volume, pan,
 * sends) and the parameters of each device on the track, racks' chains
 * included, in Live's order, each marked when the clip has automation of it.
 */
export const EnvelopeParameters = z
  .object({ op: z.literal('envelope_parameters'), id: RequestId, target: Target })
  .strict();
export type EnvelopeParameters = z.infer<typeof EnvelopeParameters>;

/**
 * The part of the session a tablet shows, outlined in Live's Session view as
 * hardware controllers' session boxes are (the control surface's
 * `set_session_highlight`): `track_offset` counts `live_set tracks`, return
 * tracks are never included. `box: null` hides the outline. The bridge sends
 * the box of the tablet that moved last (see bridge/session-boxes.ts).
 */
export const SessionBoxArea = z
  .object({
    track_offset: z.number().int().min(0).max(9999),
    scene_offset: z.number().int().min(0).max(9999),
    width: z.number().int().min(1).max(9999),
    height: z.number().int().min(1).max(9999),
  })
  .strict();
export type SessionBoxArea = z.infer<typeof SessionBoxArea>;

export const SessionBox = z
  .object({ op: z.literal('session_box'), id: RequestId, box: SessionBoxArea.nullable() })
  .strict();
export type SessionBox = z.infer<typeof SessionBox>;

/** Every request the bridge may send to the script. */
export const BridgeToLive = z.discriminatedUnion('op', [
  Hello,
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
]);
export type BridgeToLive = z.infer<typeof BridgeToLive>;
export type ScriptOp = BridgeToLive['op'];

/** One line from the bridge: a request or a batch of them. */
export const BridgeToLiveLine = z.union([BridgeToLive, z.array(BridgeToLive).min(1).max(SCRIPT_LIMITS.maxBatch)]);
export type BridgeToLiveLine = z.infer<typeof BridgeToLiveLine>;

/** A request that succeeded. `ref` tells the object's id and path: present when the target was a path, and for `observe`. */
export const ReplyOk = z
  .object({ id: RequestId, ok: z.literal(true), result: JsonValue, ref: LiveRef.optional() })
  .strict();
export type ReplyOk = z.infer<typeof ReplyOk>;

/** A request that failed; `id` is null when the line could not be read far enough to find it. */
export const ReplyError = z.object({ id: RequestId.nullable(), ok: z.literal(false), error: ErrorInfo }).strict();
export type ReplyError = z.infer<typeof ReplyError>;

/** The answer to one request. */
export const Reply = z.discriminatedUnion('ok', [ReplyOk, ReplyError]);
export type Reply = z.infer<typeof Reply>;

/** New values of observed properties since the last flush, latest value per observation. */
export const Changes = z
  .object({
    ev: z.literal('changes'),
    changes: z.array(z.object({ obs: RequestId, value: JsonValue }).strict()).min(1),
  })
  .strict();
export type Changes = z.infer<typeof Changes>;

/** The observed object was deleted in Live; the observation has ended. */
export const ObservationGone = z.object({ ev: z.literal('gone'), obs: RequestId, message: z.string() }).strict();
export type ObservationGone = z.infer<typeof ObservationGone>;

/** Every event the script sends unasked. */
export const ScriptEvent = z.discriminatedUnion('ev', [Changes, ObservationGone]);
export type ScriptEvent = z.infer<typeof ScriptEvent>;

/** One line from the script: a reply or an event. */
export const LiveToBridge = z.union([Reply, ScriptEvent]);
export type LiveToBridge = z.infer<typeof LiveToBridge>;

/** The facts the script tells in answer to `hello`. */
export const HelloResult = z
  .object({
    protocol: z.number().int(),
    script: z.string(),
    script_version: z.string(),
    host: z.enum(['live', 'simulator']),
    live_version: z.string(),
    set_name: z.string(),
  })
  .strict();
export type HelloResult = z.infer<typeof HelloResult>;

/**
 * A curved segment's shape, from Live 12's `EnvelopeEvent.control_coefficients`:
 * the two inner control points of a cubic Bézier from this event to the next,
 * each coordinate a fraction (0..1) of the segment's time and value span.
 */
export const EnvelopeCurve = z.object({ x1: z.number(), y1: z.number(), x2: z.number(), y2: z.number() }).strict();
export type EnvelopeCurve = z.infer<typeof EnvelopeCurve>;

/**
 * One breakpoint of a Live 12 envelope. `value` is in the parameter's own
 * range (min..max), read with `value_at_time` (Live's events hold some
 * parameters, the mixer's volume, in an internal unit); two events at one time
 * make a vertical step, the first holding the value before it and the last the
 * value after it (any between them hold `value_at_time` there and are never
 * heard). `curve` is null for a straight segment to the next event. A new
 * envelope lists no events: its first value is in an event Live never lists,
 * and `samples` tell it.
 */
export const EnvelopeEvent = z
  .object({ time: z.number(), value: z.number(), curve: EnvelopeCurve.nullable() })
  .strict();
export type EnvelopeEvent = z.infer<typeof EnvelopeEvent>;

/**
 * The result of `read_envelope`: `samples` every `step` from `value_at_time`;
 * `events` from `events_in_range`, or null where Live has none (Live 11, which
 * also has no `delete_events_in_range`).
 */
export const EnvelopeReading = z
  .object({
    exists: z.boolean(),
    samples: z.array(z.object({ time: z.number(), value: z.number() }).strict()),
    events: z.array(EnvelopeEvent).nullable(),
  })
  .strict();
export type EnvelopeReading = z.infer<typeof EnvelopeReading>;

/** The result of `erase_envelope`. */
export const EnvelopeErased = z.object({ erased: z.boolean() }).strict();
export type EnvelopeErased = z.infer<typeof EnvelopeErased>;

/** A parameter a clip can automate, as `envelope_parameters` lists it. */
export const AutomatableParameter = z
  .object({
    ref: LiveRef,
    name: z.string(),
    /** The clip has an envelope for it (`automation_envelope(parameter)` is not None). */
    automated: z.boolean(),
    min: z.number(),
    max: z.number(),
    value: z.number(),
    /** Quantized parameters take only whole steps from min; `items` names them (`value_items`). */
    quantized: z.boolean(),
    items: z.array(z.string()),
  })
  .strict();
export type AutomatableParameter = z.infer<typeof AutomatableParameter>;

/**
 * A group of parameters: the track's mixer, or one device. `path` names the
 * device and the racks and chains it sits in, outermost first
 * (["Drum Rack", "Kick", "Simpler"]); the mixer's path is empty.
 */
export const AutomatableGroup = z
  .object({
    kind: z.enum(['mixer', 'device']),
    name: z.string(),
    path: z.array(z.string()),
    parameters: z.array(AutomatableParameter),
  })
  .strict();
export type AutomatableGroup = z.infer<typeof AutomatableGroup>;

/** The result of `envelope_parameters`. */
export const AutomatableParameters = z.object({ groups: z.array(AutomatableGroup) }).strict();
export type AutomatableParameters = z.infer<typeof AutomatableParameters>;

/**
 * The script's own observable property of a Clip (Live has no listener for an
 * envelope's contents): a count that changes after every change the script
 * makes to the clip's envelopes (`write_envelope`, `erase_envelope`, envelope
 * calls), when Live says the clip got its first envelope or lost its last, and
 * after `undo` or `redo` asked through the script, so every client showing the
 * clip's automation reads it again. Compare it for a change, not for order: a
 * restarted script counts from 0 again. An edit made in Live's own envelope
 * editor does not change it (clients look again every so often).
 */
export const ENVELOPE_REVISION = 'envelope_revision';

/** One property in a `describe` result; `value` or `error` tells what reading it gave. */
export const DescribedProperty = z
  .object({
    name: z.string(),
    type: z.string().nullable(),
    settable: z.boolean(),
    observable: z.boolean(),
    value: JsonValue.optional(),
    error: ErrorInfo.optional(),
  })
  .strict();

/** The result of `describe`: what an explorer or an inspector needs. */
export const Description = z
  .object({
    ref: LiveRef,
    type: z.string(),
    properties: z.array(DescribedProperty),
    children: z.array(
      z
        .object({
          name: z.string(),
          type: z.string().nullable(),
          kind: z.enum(['object', 'list']),
          count: z.number().int().nullable(),
        })
        .strict(),
    ),
    functions: z.array(
      z
        .object({
          name: z.string(),
          args: z.array(z.object({ name: z.string(), type: z.string(), optional: z.boolean() }).strict()),
          returns: z.string().nullable(),
        })
        .strict(),
    ),
    events: z.array(z.string()),
  })
  .strict();
export type Description = z.infer<typeof Description>;
