/**
 * One browser (or CLI) connection: reads frames, answers each request of this
 * client only, and writes what the client should hear.
 *
 * Output goes out once per event-loop turn, as one frame. Observation changes
 * are coalesced per client (latest value per observation wins), so a client
 * that reads slowly gets fewer, fresher updates instead of a growing queue:
 * past `softBytes` unsent it is told it is slow and its updates wait; past
 * `hardBytes` it is disconnected. Other clients never wait for it.
 */
import type { z } from 'zod';
import {
  CLIENT_LIMITS,
  Midi,
  ClientRequest,
  ClientToBridge,
  PROTOCOL_VERSION,
  type BridgeHelloResult,
  type BridgeToClient,
  type ErrorInfo,
  type JsonValue,
  type LiveStatus,
  type MidiMessage,
  type PageList,
  type PresentClient,
} from '../protocol/src/index';
import type { Log } from './log';
import type { Observations, Observer } from './observations';
import type { Outcome, RequestBody } from './script-requests';
import type { PerformLock } from './perform-lock';
import type { MidiReturn } from './midi-return';
import type { Presence } from './presence';
import { answerPageRequest, type PageStore } from './saved-pages-requests';
import type { SessionBoxes } from './session-boxes';

/** The socket, as a session needs it (a `ws` WebSocket in the bridge; fakes in tests). */
export interface ClientSocket {
  send(data: string): void;
  readonly bufferedAmount: number;
  close(code: number, reason: string): void;
}

export interface SessionServices {
  request(body: RequestBody): Promise<Outcome>;
  observations: Pick<Observations, 'observe' | 'unobserve' | 'dropObserver'>;
  sendMidi(messages: readonly MidiMessage[]): void;
  hello(): BridgeHelloResult;
  log: Log;
  /** The perform lock (`perform-lock.ts`); without one, nothing is refused and `lock` is not offered. */
  lock?: Pick<PerformLock, 'locked' | 'set' | 'refusal'>;
  /** The session box Live outlines (`session-boxes.ts`); without one, a client's box is taken and ignored. */
  sessionBoxes?: Pick<SessionBoxes<ClientSession>, 'set' | 'drop'>;
  /** The saved pages (`saved-pages.ts`); without them, page requests are answered `not_found`. */
  pages?: PageStore;
  /** Presence between tablets (`presence.ts`); without it, `presence` is answered `not_found`. */
  presence?: Pick<Presence<ClientSession>, 'join' | 'say' | 'leave'>;
  /** Live's MIDI out (`midi-return.ts`); without it, `listen_midi` is answered `not_found`. */
  midiReturn?: Pick<MidiReturn, 'route' | 'listen'>;
}

export interface OutputLimits {
  /** Unsent bytes past which updates wait and the client is told it is slow. */
  softBytes: number;
  /** Unsent bytes past which the client is disconnected. */
  hardBytes: number;
  /** How often waiting updates are retried. */
  retryMs: number;
  /** Most requests one client may have waiting for Live. */
  maxInFlight: number;
}

export const DEFAULT_OUTPUT_LIMITS: OutputLimits = {
  softBytes: 512 * 1024,
  hardBytes: 8 * 1024 * 1024,
  retryMs: 25,
  maxInFlight: 10_000,
};

/** Close code for a client that could not keep up (private range). */
export const CLOSE_TOO_SLOW = 4008;

/** Close code for a client whose handling failed unexpectedly (RFC 6455 "internal error"). */
export const CLOSE_INTERNAL_ERROR = 1011;

function requestIdOf(value: unknown): number | null {
  if (typeof value !== 'object' || value === null || !('id' in value)) return null;
  const { id } = value;
  return typeof id === 'number' && Number.isSafeInteger(id) && id >= 0 ? id : null;
}

const badRequest = (message: string): ErrorInfo => ({ code: 'bad_request', message });

/** The schema of each operation, to say precisely what is wrong with a message that names one. */
const SCHEMA_OF = new Map<string, z.ZodType>([
  ...ClientRequest.options.map((option) => [option.shape.op.value, option] as const),
  ['midi', Midi],
]);

export class ClientSession implements Observer {
  private readonly outbox: BridgeToClient[] = [];
  private readonly changes = new Map<number, JsonValue>();
  private flushQueued = false;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private greeted = false;
  private closed = false;
  /** Stops this client hearing Live's MIDI out, while it listens (`listen_midi`). */
  private stopHearingMidi: (() => void) | null = null;
  private toldSlow = false;
  private inFlight = 0;

  constructor(
    readonly id: number,
    private readonly socket: ClientSocket,
    private readonly services: SessionServices,
    private readonly limits: OutputLimits = DEFAULT_OUTPUT_LIMITS,
    readonly label = `client ${id}`,
  ) {}

  // ------------------------------------------------------------ input

  /**
   * A frame from the client (text; binary frames are refused). Whatever goes
   * wrong while handling it ends this client only (1011), never the bridge.
   */
  receive(data: string | null): void {
    if (this.closed) return;
    try {
      this.receiveFrame(data);
    } catch (error) {
      this.fail(error);
    }
  }

  private receiveFrame(data: string | null): void {
    if (data === null) return this.refuse(null, badRequest('frames are JSON text, not binary'), 'binary frame');
    let frame: unknown;
    try {
      frame = JSON.parse(data);
    } catch {
      return this.refuse(null, badRequest('the frame is not valid JSON'), 'malformed JSON');
    }
    if (!Array.isArray(frame)) return this.receiveMessage(frame);
    if (frame.length === 0 || frame.length > CLIENT_LIMITS.maxBatch) {
      return this.refuse(null, badRequest(`a batch holds 1 to ${CLIENT_LIMITS.maxBatch} messages`), 'bad batch');
    }
    for (const message of frame) this.receiveMessage(message);
  }

  private receiveMessage(raw: unknown): void {
    const parsed = ClientToBridge.safeParse(raw);
    const id = requestIdOf(raw);
    if (!parsed.success) {
      const op = typeof raw === 'object' && raw !== null && 'op' in raw ? raw.op : undefined;
      if (op === undefined) return this.refuse(id, badRequest('a message needs an "op"'), 'schema');
      const schema = typeof op === 'string' ? SCHEMA_OF.get(op) : undefined;
      if (schema === undefined)
        return this.refuse(id, badRequest(`unknown operation ${JSON.stringify(op)}`), 'unknown operation');
      const issues = (schema.safeParse(raw).error?.issues ?? parsed.error.issues).slice(0, 3);
      const text = issues.map((issue) => `${issue.path.join('.') || 'message'}: ${issue.message}`).join('; ');
      return this.refuse(id, badRequest(text), 'schema');
    }
    const message = parsed.data;
    if (message.op === 'midi') {
      if (!this.greeted) return this.refuse(null, badRequest('the first message must be hello'), 'before hello');
      this.services.sendMidi(message.messages);
      return;
    }
    if (message.op === 'hello') return this.hello(message);
    if (!this.greeted) return this.refuse(message.id, badRequest('the first request must be hello'), 'before hello');
    this.answer(message).catch((error: unknown) => this.fail(error));
  }

  private hello(message: Extract<ClientRequest, { op: 'hello' }>): void {
    if (message.protocol !== PROTOCOL_VERSION) {
      return this.refuse(
        message.id,
        badRequest(`this bridge speaks protocol ${PROTOCOL_VERSION}, not ${message.protocol}`),
        'protocol',
      );
    }
    this.greeted = true;
    this.reply(message.id, { ok: true, result: this.services.hello() });
    // after the reply: the list it hears first follows its hello
    this.services.presence?.join(this);
  }

  private async answer(message: Exclude<ClientRequest, { op: 'hello' }>): Promise<void> {
    const { id, ...body } = message;
    if (message.op === 'unobserve') {
      this.reply(id, this.services.observations.unobserve(this, message.obs));
      return;
    }
    if (message.op === 'ping') {
      this.reply(id, { ok: true, result: null });
      return;
    }
    if (message.op === 'session_box') {
      this.services.sessionBoxes?.set(this, message.box);
      this.reply(id, { ok: true, result: null });
      return;
    }
    if (message.op === 'lock') {
      const lock = this.services.lock;
      if (!lock) {
        this.reply(id, { ok: false, error: { code: 'not_found', message: 'this bridge has no perform lock' } });
        return;
      }
      lock.set(message.locked);
      this.reply(id, { ok: true, result: { locked: lock.locked } });
      return;
    }
    if (message.op === 'presence') {
      const presence = this.services.presence;
      if (!presence) {
        this.reply(id, { ok: false, error: { code: 'not_found', message: 'this bridge relays no presence' } });
        return;
      }
      presence.say(this, message.state);
      this.reply(id, { ok: true, result: { client: this.id } });
      return;
    }
    if (message.op === 'listen_midi') {
      this.reply(id, this.listenToLiveMidi(message.listen));
      return;
    }
    if (message.op === 'pages' || message.op === 'save_page' || message.op === 'delete_page') {
      const outcome = await answerPageRequest(this.services.pages, message);
      if (outcome.ok && message.op !== 'pages')
        this.services.log.info(
          `${this.label}: ${message.op === 'save_page' ? 'saved' : 'deleted'} page ${message.name}`,
        );
      this.reply(id, outcome);
      return;
    }
    const refusal = this.services.lock?.refusal(body as RequestBody) ?? null;
    if (refusal) {
      this.services.log.refused('locked', `${this.label}: ${message.op} while locked`);
      this.reply(id, { ok: false, error: refusal });
      return;
    }
    if (this.inFlight >= this.limits.maxInFlight) {
      this.reply(id, {
        ok: false,
        error: badRequest(`more than ${this.limits.maxInFlight} requests are waiting; wait for replies`),
      });
      return;
    }
    this.inFlight += 1;
    try {
      const outcome =
        message.op === 'observe'
          ? await this.services.observations.observe(this, id, message.target, message.prop)
          : await this.services.request(body as RequestBody);
      this.reply(id, outcome);
    } finally {
      this.inFlight -= 1;
    }
  }

  /** Starts or stops hearing Live's MIDI out (`live_midi` events); says where it comes from. */
  private listenToLiveMidi(listen: boolean): Outcome {
    const midiReturn = this.services.midiReturn;
    if (!midiReturn) return { ok: false, error: { code: 'not_found', message: 'this bridge hears no MIDI from Live' } };
    if (listen && this.stopHearingMidi === null) {
      this.stopHearingMidi = midiReturn.listen((messages) => {
        if (!this.closed) this.send({ ev: 'live_midi', messages });
      });
    } else if (!listen && this.stopHearingMidi !== null) {
      this.stopHearingMidi();
      this.stopHearingMidi = null;
    }
    return { ok: true, result: { listening: this.stopHearingMidi !== null, from: midiReturn.route } };
  }

  /** A failure of the bridge's own while serving this client: it is closed (1011) and the bridge goes on. */
  private fail(error: unknown): void {
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    this.services.log.refused('internal error', `${this.label}: closed (1011) after ${detail}`);
    if (this.closed) return;
    this.socket.close(CLOSE_INTERNAL_ERROR, 'internal error');
    this.closeSession();
  }

  private refuse(id: number | null, error: ErrorInfo, reason: string): void {
    this.services.log.refused(reason, `${this.label}: ${error.message}`);
    this.send({ id, ok: false, error });
  }

  private reply(id: number, outcome: Outcome): void {
    this.send(outcome.ok ? { id, ...outcome } : { id, ok: false, error: outcome.error });
  }

  // ------------------------------------------------------------ what the hub and the bridge tell

  change(obs: number, value: JsonValue): void {
    this.changes.delete(obs); // re-insert: the latest change goes last
    this.changes.set(obs, value);
    this.queueFlush();
  }

  gone(obs: number, message: string): void {
    this.changes.delete(obs);
    this.send({ ev: 'gone', obs, message });
  }

  status(live: LiveStatus): void {
    if (this.greeted) this.send({ ev: 'status', live });
  }

  /** The surface was locked or unlocked (by any tablet): every greeted client hears it. */
  lockChanged(locked: boolean): void {
    if (this.greeted) this.send({ ev: 'lock', locked });
  }

  /** The saved pages changed (a save, a delete, the folder edited): every greeted client hears the new list. */
  pagesChanged(pages: PageList): void {
    if (this.greeted) this.send({ ev: 'pages', pages });
  }

  /** Who is connected and what each holds (`presence.ts` says when): every greeted client hears it. */
  presenceChanged(clients: PresentClient[]): void {
    if (this.greeted) this.send({ ev: 'presence', clients });
  }

  /** The connection ended (either side): its observations go too, and its presence (its holds released). */
  closeSession(): void {
    if (this.closed) return;
    this.closed = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.services.observations.dropObserver(this);
    this.services.sessionBoxes?.drop(this);
    this.services.presence?.leave(this);
    this.stopHearingMidi?.();
    this.stopHearingMidi = null;
  }

  // ------------------------------------------------------------ output

  private send(message: BridgeToClient): void {
    this.outbox.push(message);
    this.queueFlush();
  }

  private queueFlush(): void {
    if (this.flushQueued || this.closed) return;
    this.flushQueued = true;
    setImmediate(() => {
      this.flushQueued = false;
      this.guarded(() => this.flush());
    });
  }

  private guarded(work: () => void): void {
    try {
      work();
    } catch (error) {
      this.fail(error);
    }
  }

  private flush(): void {
    if (this.closed) return;
    const backlog = this.socket.bufferedAmount;
    if (backlog > this.limits.hardBytes) {
      this.services.log.refused('too slow', `${this.label}: ${backlog} bytes unsent; disconnected`);
      this.socket.close(CLOSE_TOO_SLOW, 'too slow: the client did not read its updates');
      this.closeSession();
      return;
    }
    const congested = backlog > this.limits.softBytes;
    if (congested && !this.toldSlow) {
      this.toldSlow = true;
      this.outbox.push({ ev: 'slow', message: 'updates are held back: this client reads slower than Live changes' });
    }
    if (!congested) this.toldSlow = false;
    if (this.changes.size > 0 && !congested) {
      this.outbox.push({ ev: 'changes', changes: [...this.changes].map(([obs, value]) => ({ obs, value })) });
      this.changes.clear();
    }
    if (this.outbox.length > 0) {
      const messages = this.outbox.splice(0);
      this.socket.send(JSON.stringify(messages.length === 1 ? messages[0] : messages));
    }
    if (this.changes.size > 0 && this.retryTimer === null) {
      this.retryTimer = setTimeout(() => {
        this.retryTimer = null;
        this.guarded(() => this.flush());
      }, this.limits.retryMs);
    }
  }
}
