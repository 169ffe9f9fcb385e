/**
 * Presence between tablets, kept by the bridge and never sent to Live: each
 * greeted client's latest `PresenceState` (its name, color, page, round
 * trip, what it holds and selects), relayed to every greeted client as
 * `{ ev: 'presence', clients }` whenever anything changes, each receiver
 * seeing itself marked `self` (protocol/src/presence.ts).
 *
 * A hold is stamped with `since`, a bridge-wide count, the first time a
 * client's state lists its object; the stamp stays while the client keeps
 * listing it, and a listing after a gap is a new hold with a new stamp. So
 * every tablet orders two holds of one parameter alike (the later wins).
 * A client is listed from its hello (nothing said yet: null fields, holding
 * nothing) until it leaves, which releases its holds.
 */
import { PRESENCE_LIMITS, type Hold, type PresenceState, type PresentClient } from '../protocol/src/index';
import type { Log } from './log';
import { PresenceRelay, type RelayTimers } from './presence-relay';

/** A connected client as presence needs it (a `ClientSession` in the bridge). */
export interface PresenceMember {
  /** Its number, as the bridge counts connections. */
  readonly id: number;
  /** How the log names it (`client 3 (192.168.1.20)`). */
  readonly label: string;
  /** Sends it the list (its own entry marked `self`). */
  presenceChanged(clients: PresentClient[]): void;
}

/** One line of `/health`: who is connected, on which page, with which round trip. */
export interface PresenceSummary {
  client: number;
  name: string | null;
  page: string | null;
  rtt_ms: number | null;
}

export interface PresenceOptions {
  log: Pick<Log, 'info'>;
  /** The shortest time between two lists to one client (default `RELAY_EVERY_MS`). */
  relayEveryMs?: number;
  timers?: RelayTimers;
}

/** About two frames of a display: a held fader shows on the other tablets at once, a burst costs one list. */
export const RELAY_EVERY_MS = 30;

interface Entry {
  state: PresenceState | null;
  /** Each held object's stamp, in the order the client listed them. */
  holds: Map<number, number>;
  relay: PresenceRelay;
}

const NOTHING_SAID = { name: null, color: null, page: null, rtt_ms: null, selection: null } as const;

const sameState = (a: PresenceState | null, b: PresenceState): boolean =>
  a !== null && JSON.stringify(a) === JSON.stringify(b);

export class Presence<Member extends PresenceMember> {
  /** Every greeted client, in the order they said hello (a Map keeps insertion order). */
  private readonly entries = new Map<Member, Entry>();
  private lastSince = 0;
  private readonly relayEveryMs: number;

  constructor(private readonly options: PresenceOptions) {
    this.relayEveryMs = options.relayEveryMs ?? RELAY_EVERY_MS;
  }

  /** A client said hello: it is listed (nothing said yet), and everyone hears of it. */
  join(member: Member): void {
    if (this.entries.has(member)) return;
    const relay = new PresenceRelay(
      () => member.presenceChanged(this.listFor(member)),
      this.relayEveryMs,
      this.options.timers,
    );
    this.entries.set(member, { state: null, holds: new Map(), relay });
    this.changed();
  }

  /** A client's latest state replaces the one before; holds it kept listing keep their stamps. */
  say(member: Member, state: PresenceState): void {
    const entry = this.entries.get(member);
    if (!entry || sameState(entry.state, state)) return;
    const holds = new Map<number, number>();
    for (const object of state.holding) {
      if (!holds.has(object)) holds.set(object, entry.holds.get(object) ?? ++this.lastSince);
    }
    this.logName(member, entry.state?.name ?? null, state.name);
    entry.state = state;
    entry.holds = holds;
    this.changed();
  }

  /** A client left: its entry and holds go, and everyone else hears of it. */
  leave(member: Member): void {
    const entry = this.entries.get(member);
    if (!entry) return;
    entry.relay.stop();
    this.entries.delete(member);
    if (entry.state !== null) this.options.log.info(`tablet "${entry.state.name}" left (${member.label})`);
    this.changed();
  }

  /** The list as `member` hears it. */
  listFor(member: Member): PresentClient[] {
    const clients: PresentClient[] = [];
    for (const [listed, entry] of this.entries) {
      if (clients.length === PRESENCE_LIMITS.maxClients) break;
      const said = entry.state ?? NOTHING_SAID;
      const holding: Hold[] = [...entry.holds].map(([object, since]) => ({ object, since }));
      clients.push({
        client: listed.id,
        self: listed === member,
        name: said.name,
        color: said.color,
        page: said.page,
        rtt_ms: said.rtt_ms,
        holding,
        selection: said.selection,
      });
    }
    return clients;
  }

  /** Who is connected, for `/health`. */
  summary(): PresenceSummary[] {
    return [...this.entries].map(([member, { state }]) => ({
      client: member.id,
      name: state?.name ?? null,
      page: state?.page ?? null,
      rtt_ms: state?.rtt_ms ?? null,
    }));
  }

  /** How many clients are listed. */
  get size(): number {
    return this.entries.size;
  }

  private changed(): void {
    for (const entry of this.entries.values()) entry.relay.poke();
  }

  private logName(member: Member, before: string | null, name: string): void {
    if (before === null) this.options.log.info(`tablet "${name}" connected from ${member.label}`);
    else if (before !== name) this.options.log.info(`tablet "${before}" is now "${name}" (${member.label})`);
  }
}
