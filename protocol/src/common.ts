/**
 * Building blocks shared by both hops of the protocol (browser <-> bridge <-> script).
 */
import { z } from 'zod';

/** Version of the wire protocol, exchanged in the `hello` handshake. */
export const PROTOCOL_VERSION = 1;

/** A request id chosen by the sender; replies carry it back. */
export const RequestId = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
export type RequestId = z.infer<typeof RequestId>;

/** The stable id of a Live object: survives reordering of tracks, scenes and devices. */
export const ObjectId = z.number().int().min(1).max(Number.MAX_SAFE_INTEGER);
export type ObjectId = z.infer<typeof ObjectId>;

/**
 * Where a request points: a path from the song or the application
 * (`live_set tracks 0 clip_slots 2 clip`, `live_app view`) or an object id
 * followed by an optional path (`id 12`, `id 12 mixer_device volume`).
 * The grammar lives in `path.ts`.
 */
export const Target = z.string().min(1).max(2048);
export type Target = z.infer<typeof Target>;

/** A public Live API name: a property or a function of a Live object. */
/** Syntax only: whether the name is public Live API is for the script to say (`forbidden`). */
export const MemberName = z
  .string()
  .regex(/^[A-Za-z_][A-Za-z0-9_]*$/)
  .max(128);
export type MemberName = z.infer<typeof MemberName>;

/** How deep JSON values may nest: Live's values are shallow (a clip's notes are three levels). */
export const MAX_JSON_DEPTH = 64;

/**
 * Whether a value is JSON (what `JSON.parse` gives: null, booleans, finite
 * numbers, strings, arrays, plain objects) nested at most `maxDepth` deep.
 * Walked with a stack of its own, not by recursion: no nesting can exhaust
 * the call stack; and fast, as a clip's thousands of notes pass here on each
 * hop.
 */
export function isJsonValue(value: unknown, maxDepth = MAX_JSON_DEPTH): boolean {
  const pending: [unknown, number][] = [[value, 0]];
  while (pending.length > 0) {
    const [item, depth] = pending.pop() as [unknown, number];
    if (item === null || typeof item === 'string' || typeof item === 'boolean') continue;
    if (typeof item === 'number') {
      if (!Number.isFinite(item)) return false;
      continue;
    }
    if (typeof item !== 'object' || depth >= maxDepth) return false;
    if (Array.isArray(item)) {
      for (const element of item) pending.push([element, depth + 1]);
      continue;
    }
    const prototype: unknown = Object.getPrototypeOf(item);
    if (prototype !== Object.prototype && prototype !== null) return false;
    for (const key in item) pending.push([(item as Record<string, unknown>)[key], depth + 1]);
  }
  return true;
}

/** Any JSON value (nested at most `MAX_JSON_DEPTH` deep). */
export const JsonValue = z.custom<z.core.util.JSONType>((value) => isJsonValue(value), {
  message: `expected a JSON value nested at most ${MAX_JSON_DEPTH} deep`,
});
export type JsonValue = z.infer<typeof JsonValue>;

/** Every error a request can end with, on either hop. */
export const ErrorCode = z.enum([
  'bad_request', // the frame or its arguments are malformed
  'not_found', // no such object, index or member in this Live version
  'forbidden', // not public Live API (private names, Python internals)
  'gone', // the object was deleted in Live
  'live_error', // Live refused or raised
  'timeout', // no reply in time (bridge and client only)
  'unavailable', // Live is not reachable (bridge and client only)
  'conflict', // changed by someone else since the client read it (bridge only: saved pages)
]);
export type ErrorCode = z.infer<typeof ErrorCode>;

/** A typed error with a message for humans. */
export const ErrorInfo = z.object({ code: ErrorCode, message: z.string() }).strict();
export type ErrorInfo = z.infer<typeof ErrorInfo>;

/**
 * A Live object as a value: its stable id, its type as Live names it
 * (`Track`, `Song.View`, `RackDevice`) and its current path, when it has one.
 */
export const LiveRef = z.object({ $ref: ObjectId, type: z.string(), path: z.string().nullable() }).strict();
export type LiveRef = z.infer<typeof LiveRef>;

/** A reference passed as an argument: only the id is needed. */
export const RefArg = z.object({ $ref: ObjectId }).loose();
export type RefArg = z.infer<typeof RefArg>;
