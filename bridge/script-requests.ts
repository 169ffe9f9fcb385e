/**
 * Requests to the script with promises: ids chosen here, replies matched by
 * id (they may come out of order), a timeout on each (nothing waits forever),
 * and every pending request settled with `unavailable` when the script goes
 * away. A request whose line would be longer than the script reads
 * (`SCRIPT_LIMITS.maxLineBytes`) is answered `bad_request` here at once: the
 * script could not tell its id, and the requester would wait for nothing.
 */
import {
  SCRIPT_LIMITS,
  type ErrorInfo,
  type JsonValue,
  type LiveRef,
  type LiveToBridge,
  type ScriptEvent,
} from '../protocol/src/index';
import type { BridgeToLive } from '../protocol/src/script';
import type { ScriptSocket } from './script-socket';

/** What a request settles with: the result, or a typed error. */
export type Outcome = { ok: true; result: JsonValue; ref?: LiveRef } | { ok: false; error: ErrorInfo };

/** A request without its id; the requester numbers it. */
export type RequestBody = BridgeToLive extends infer R ? (R extends { id: number } ? Omit<R, 'id'> : never) : never;

export const DEFAULT_TIMEOUT_MS = 30_000;

function tooLong(bytes: number): Outcome {
  const limit = SCRIPT_LIMITS.maxLineBytes;
  return {
    ok: false,
    error: {
      code: 'bad_request',
      message: `the request is ${bytes} bytes; the script reads lines of at most ${limit} bytes (maxLineBytes): split it`,
    },
  };
}

interface Pending {
  settle: (outcome: Outcome) => void;
  timer: ReturnType<typeof setTimeout>;
}

export class ScriptRequests {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly eventListeners = new Set<(event: ScriptEvent) => void>();
  private closed = false;

  constructor(
    private readonly socket: ScriptSocket,
    private readonly timeoutMs = DEFAULT_TIMEOUT_MS,
  ) {
    socket.onMessage((message) => this.receive(message));
    socket.onClose(() => this.settleAll({ code: 'unavailable', message: 'the script closed the connection' }));
  }

  /** How many requests wait for a reply. */
  get inFlight(): number {
    return this.pending.size;
  }

  /** Sends one request; settles with its reply, `timeout`, or `unavailable`. */
  request(body: RequestBody, timeoutMs = this.timeoutMs): Promise<Outcome> {
    return this.send(body, timeoutMs).outcome;
  }

  /** Sends one request and tells the id it went with (an `observe`'s id names its events). */
  send(body: RequestBody, timeoutMs = this.timeoutMs): { id: number; outcome: Promise<Outcome> } {
    const id = this.nextId;
    return { id, outcome: this.requestMany([body], timeoutMs)[0] as Promise<Outcome> };
  }

  /** Sends requests in one write (one line each); each settles on its own. */
  requestMany(bodies: readonly RequestBody[], timeoutMs = this.timeoutMs): Promise<Outcome>[] {
    const promises: Promise<Outcome>[] = [];
    const lines: string[] = [];
    for (const body of bodies) {
      const id = this.nextId++;
      const line = JSON.stringify({ ...body, id } satisfies BridgeToLive);
      const bytes = Buffer.byteLength(line);
      if (bytes > SCRIPT_LIMITS.maxLineBytes) {
        promises.push(Promise.resolve(tooLong(bytes)));
        continue;
      }
      promises.push(this.track(id, timeoutMs));
      lines.push(line);
    }
    if (!this.closed && lines.length > 0) this.socket.sendLines(lines);
    return promises;
  }

  onEvent(listener: (event: ScriptEvent) => void): () => void {
    this.eventListeners.add(listener);
    return () => this.eventListeners.delete(listener);
  }

  private track(id: number, timeoutMs: number): Promise<Outcome> {
    if (this.closed)
      return Promise.resolve({ ok: false, error: { code: 'unavailable', message: 'the script is not connected' } });
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        resolve({ ok: false, error: { code: 'timeout', message: `no reply from the script within ${timeoutMs} ms` } });
      }, timeoutMs);
      this.pending.set(id, { settle: resolve, timer });
    });
  }

  private receive(message: LiveToBridge): void {
    if ('ev' in message) {
      for (const listener of this.eventListeners) listener(message);
      return;
    }
    if (message.id === null) return; // a line the script could not read; nothing to settle
    const pending = this.pending.get(message.id);
    if (pending === undefined) return; // timed out already
    this.pending.delete(message.id);
    clearTimeout(pending.timer);
    pending.settle(
      message.ok
        ? { ok: true, result: message.result, ...(message.ref ? { ref: message.ref } : {}) }
        : { ok: false, error: message.error },
    );
  }

  private settleAll(error: ErrorInfo): void {
    this.closed = true;
    for (const [id, pending] of this.pending) {
      clearTimeout(pending.timer);
      pending.settle({ ok: false, error });
      this.pending.delete(id);
    }
  }
}
