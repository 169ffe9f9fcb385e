/**
 * Presence: tablets that know about each other. Each client tells the
 * bridge who it is (a name and a color, chosen once on the tablet), which
 * page it shows, its round trip, which parameters it holds (between its
 * begin and end gesture) and which notes it has selected; the bridge keeps
 * the latest of each and relays the whole list to every client. Nothing of
 * it goes to Live.
 *
 * Holds are by Live object id, so two tablets that address one parameter
 * differently (`id 12`, a path) still meet. The bridge stamps each hold
 * with `since`, the order in which it first heard of it: when two tablets
 * hold one parameter (a deliberate takeover, or two touches crossing on the
 * network), the later hold wins on every tablet alike.
 */
import { z } from 'zod';
import { ObjectId, RequestId } from './common';
import { NoteId } from './notes';

export const PRESENCE_LIMITS = {
  /** A tablet's name. */
  maxName: 40,
  /** Parameters one tablet holds at once (ten fingers and an XY pad's two). */
  maxHolding: 24,
  /** Notes of a selection told to the others. */
  maxSelectedNotes: 2000,
  /** Clients listed (the bridge's own limit on connections is lower). */
  maxClients: 64,
} as const;

/** A tablet's color: `#rrggbb`. */
export const TabletColor = z.string().regex(/^#[0-9a-f]{6}$/, 'a color as #rrggbb, lower case');

/** The notes a tablet has selected in a clip's editor. */
export const NoteSelection = z
  .object({ clip: ObjectId, notes: z.array(NoteId).max(PRESENCE_LIMITS.maxSelectedNotes) })
  .strict();
export type NoteSelection = z.infer<typeof NoteSelection>;

/** What a client says of itself. */
export const PresenceState = z
  .object({
    name: z.string().trim().min(1).max(PRESENCE_LIMITS.maxName),
    color: TabletColor,
    /** The page it shows (its tab's id), or null. */
    page: z.string().max(100).nullable(),
    /** Its round trip to the bridge, in ms, as it measures it; null before the first. */
    rtt_ms: z.number().min(0).max(600_000).nullable(),
    /** The parameters it holds now, by Live object id. */
    holding: z.array(ObjectId).max(PRESENCE_LIMITS.maxHolding),
    selection: NoteSelection.nullable(),
  })
  .strict();
export type PresenceState = z.infer<typeof PresenceState>;

/** Tells the bridge this client's presence (its latest replaces the one before). Answered `{ client }`: its number. */
export const Presence = z.object({ op: z.literal('presence'), id: RequestId, state: PresenceState }).strict();
export type Presence = z.infer<typeof Presence>;

/** A parameter held, and when the bridge first heard of the hold (a later hold wins). */
export const Hold = z.object({ object: ObjectId, since: z.number().int().min(0) }).strict();
export type Hold = z.infer<typeof Hold>;

/** A client as the bridge relays it: its number, and what it said (null: connected, nothing said yet). */
export const PresentClient = z
  .object({
    client: z.number().int().min(1),
    /** This is the client the event is sent to. */
    self: z.boolean(),
    name: z.string().nullable(),
    color: TabletColor.nullable(),
    page: z.string().nullable(),
    rtt_ms: z.number().nullable(),
    holding: z.array(Hold).max(PRESENCE_LIMITS.maxHolding),
    selection: NoteSelection.nullable(),
  })
  .strict();
export type PresentClient = z.infer<typeof PresentClient>;

/** Who is connected, and what each said: sent to every client when anything changes. */
export const PresenceEvent = z
  .object({ ev: z.literal('presence'), clients: z.array(PresentClient).max(PRESENCE_LIMITS.maxClients) })
  .strict();
export type PresenceEvent = z.infer<typeof PresenceEvent>;

/** Who holds `object` now, of `clients` other than this one: the latest hold wins. */
export function holderOf(clients: readonly PresentClient[], object: number): PresentClient | null {
  let holder: PresentClient | null = null;
  let latest = -1;
  for (const client of clients)
    for (const hold of client.holding)
      if (hold.object === object && hold.since > latest) {
        holder = client;
        latest = hold.since;
      }
  return holder;
}
