/**
 * Observations shared by every client: one upstream observation per
 * (target, property), reference-counted across clients, dropped when the
 * last observer leaves. The last value is cached, so a client that observes
 * something already observed gets it at once, without a round trip.
 *
 * When Live comes back after going away, every observation is made again by
 * its path (ids do not survive a new script session) and observers hear the
 * values that changed meanwhile.
 */
import { CLIENT_LIMITS, type JsonValue, type LiveRef, type ScriptEvent } from '../protocol/src/index';
import { formatPath, parsePath, PathSyntaxError } from '../protocol/src/path';
import type { Log } from './log';
import type { Outcome, RequestBody } from './script-requests';

/** A client, as observations see it. */
export interface Observer {
  readonly id: number;
  change(obs: number, value: JsonValue): void;
  gone(obs: number, message: string): void;
}

/** What observations need of the upstream link. */
export interface ObservationUpstream {
  send(body: RequestBody): { id: number | null; outcome: Promise<Outcome> };
}

interface Entry {
  key: string;
  target: string;
  prop: string;
  /** The id the upstream observation goes by (its observe request's id); null while not established. */
  upstreamObs: number | null;
  value: JsonValue;
  ref: LiveRef | null;
  ready: Promise<Outcome> | null;
  observers: Map<Observer, Set<number>>;
}

const keyOf = (target: string, prop: string): string => `${target}\u0000${prop}`;

export class Observations {
  private readonly entries = new Map<string, Entry>();
  private readonly byUpstream = new Map<number, Entry>();
  private readonly entryOf = new Map<Observer, Map<number, Entry>>();

  constructor(
    private readonly upstream: ObservationUpstream,
    private readonly log: Log,
    /** Most observations one client may hold (pending ones count). */
    private readonly maxPerObserver: number = CLIENT_LIMITS.maxObservations,
  ) {}

  /** Upstream observations held (one per key, whatever the number of observers). */
  get size(): number {
    return this.entries.size;
  }

  /** Observes for a client; settles with the current value (cached when someone observes it already). */
  async observe(observer: Observer, obs: number, target: string, prop: string): Promise<Outcome> {
    let normalized: string;
    try {
      normalized = formatPath(parsePath(target));
    } catch (error) {
      if (error instanceof PathSyntaxError)
        return { ok: false, error: { code: 'bad_request', message: error.message } };
      throw error;
    }
    const held = this.entryOf.get(observer);
    if (held?.has(obs)) {
      return { ok: false, error: { code: 'bad_request', message: `observation id ${obs} is already in use` } };
    }
    if ((held?.size ?? 0) >= this.maxPerObserver) {
      const message = `a client may hold at most ${this.maxPerObserver} observations; unobserve some first`;
      return { ok: false, error: { code: 'bad_request', message } };
    }
    const key = keyOf(normalized, prop);
    let entry = this.entries.get(key);
    if (entry === undefined) {
      entry = {
        key,
        target: normalized,
        prop,
        upstreamObs: null,
        value: null,
        ref: null,
        ready: null,
        observers: new Map(),
      };
      this.entries.set(key, entry);
      entry.ready = this.establish(entry, normalized);
    }
    this.attach(entry, observer, obs);
    const outcome = entry.ready ? await entry.ready : { ok: true as const, result: entry.value };
    if (!outcome.ok) {
      this.detach(observer, obs);
      return outcome;
    }
    return { ok: true, result: entry.value, ...(entry.ref ? { ref: entry.ref } : {}) };
  }

  /** Ends a client's observation. */
  unobserve(observer: Observer, obs: number): Outcome {
    if (!this.entryOf.get(observer)?.has(obs)) {
      return { ok: false, error: { code: 'not_found', message: `there is no observation ${obs}` } };
    }
    this.detach(observer, obs);
    return { ok: true, result: null };
  }

  /** A client left: its observations end, and upstream ones nobody else holds. */
  dropObserver(observer: Observer): void {
    for (const obs of [...(this.entryOf.get(observer)?.keys() ?? [])]) this.detach(observer, obs);
    this.entryOf.delete(observer);
  }

  /** Events of the script: new values to every observer, gone objects. */
  handle(event: ScriptEvent): void {
    if (event.ev === 'changes') {
      for (const { obs, value } of event.changes) {
        const entry = this.byUpstream.get(obs);
        if (entry === undefined) continue;
        entry.value = value;
        for (const [observer, ids] of entry.observers) for (const id of ids) observer.change(id, value);
      }
      return;
    }
    const entry = this.byUpstream.get(event.obs);
    if (entry !== undefined) this.end(entry, event.message);
  }

  /** A new script session: the old upstream ids are void; observe everything again by path. */
  restore(): Promise<void> {
    this.byUpstream.clear();
    const restoring = [...this.entries.values()].map(async (entry) => {
      const before = entry.value;
      const path = entry.ref?.path ?? (entry.target.startsWith('id ') ? null : entry.target);
      entry.upstreamObs = null;
      if (path === null) {
        this.end(entry, 'the object cannot be found again after Live came back');
        return;
      }
      entry.ready = this.establish(entry, path);
      const outcome = await entry.ready;
      if (!outcome.ok) {
        this.end(entry, `after Live came back: ${outcome.error.message}`);
        return;
      }
      if (JSON.stringify(entry.value) !== JSON.stringify(before)) {
        for (const [observer, ids] of entry.observers) for (const id of ids) observer.change(id, entry.value);
      }
    });
    return Promise.all(restoring).then(() => undefined);
  }

  private async establish(entry: Entry, target: string): Promise<Outcome> {
    const { id, outcome } = this.upstream.send({ op: 'observe', target, prop: entry.prop });
    if (id !== null) this.byUpstream.set(id, entry);
    entry.upstreamObs = id;
    const settled = await outcome;
    entry.ready = null;
    if (settled.ok) {
      entry.value = settled.result;
      entry.ref = settled.ref ?? entry.ref;
    } else if (id !== null) {
      this.byUpstream.delete(id);
    }
    if (!settled.ok && entry.observers.size === 0) this.entries.delete(entry.key);
    return settled;
  }

  private attach(entry: Entry, observer: Observer, obs: number): void {
    let ids = entry.observers.get(observer);
    if (ids === undefined) entry.observers.set(observer, (ids = new Set()));
    ids.add(obs);
    let mine = this.entryOf.get(observer);
    if (mine === undefined) this.entryOf.set(observer, (mine = new Map<number, Entry>()));
    mine.set(obs, entry);
  }

  private detach(observer: Observer, obs: number): void {
    const entry = this.entryOf.get(observer)?.get(obs);
    if (entry === undefined) return;
    this.entryOf.get(observer)?.delete(obs);
    const ids = entry.observers.get(observer);
    ids?.delete(obs);
    if (ids?.size === 0) entry.observers.delete(observer);
    if (entry.observers.size === 0 && this.entries.get(entry.key) === entry) this.release(entry);
  }

  /** Nobody observes it any more: let the script drop its listener. */
  private release(entry: Entry): void {
    this.entries.delete(entry.key);
    if (entry.upstreamObs === null) return;
    this.byUpstream.delete(entry.upstreamObs);
    const upstreamObs = entry.upstreamObs;
    const drop = (): void => {
      void this.upstream.send({ op: 'unobserve', obs: upstreamObs }).outcome.then((outcome) => {
        if (!outcome.ok && outcome.error.code !== 'unavailable' && outcome.error.code !== 'not_found') {
          this.log.warn(`could not end an upstream observation: ${outcome.error.message}`);
        }
      });
    };
    // an observation still being established is dropped once the script has it
    if (entry.ready) void entry.ready.then(drop);
    else drop();
  }

  private end(entry: Entry, message: string): void {
    this.entries.delete(entry.key);
    if (entry.upstreamObs !== null) this.byUpstream.delete(entry.upstreamObs);
    for (const [observer, ids] of entry.observers) {
      for (const id of ids) {
        this.entryOf.get(observer)?.delete(id);
        observer.gone(id, message);
      }
    }
    entry.observers.clear();
  }
}
