/**
 * LiveLink: the client's one WebSocket to the bridge, as RxJS.
 *
 * - `get`/`set`/`call`/`describe`/... return Promises that settle with the
 *   value or a `LinkError` (typed), each within a timeout (30 s by default).
 *   Everything sent in the same tick goes out as one batch frame.
 * - `observe(target, prop)` is an Observable: the current value first, then
 *   changes. One observation per key however many subscribers; the last
 *   unsubscribe ends it; it is made again after a reconnect; it ends with a
 *   `gone` error when the object dies.
 * - `setLatest` is for values from a drag: at most one `set` in flight per
 *   parameter, the newest replacing the unsent one, the last always sent.
 * - `state$`: connecting, online, Live offline, reconnecting, failed auth;
 *   reconnects with backoff; round-trip time and jitter from keep-alive pings
 *   (more often while a control is touched, which also keeps Wi-Fi awake).
 * - `midi(...)`: sent without waiting for anything.
 */
import {
  BehaviorSubject,
  defer,
  filter,
  firstValueFrom,
  from,
  map,
  Observable,
  ReplaySubject,
  share,
  Subject,
  take,
  asapScheduler,
  asyncScheduler,
  type SchedulerLike,
  type Subscriber,
} from 'rxjs';
import { Backoff } from '../common/backoff';
import {
  BridgeHelloResult,
  BridgeToClient,
  CLIENT_LIMITS,
  PROTOCOL_VERSION,
  type BridgeEvent,
  type ClientRequest,
  type ClientToBridge,
  type JsonValue,
  type LiveStatus,
  type MidiMessage,
  type MidiRoute,
  type Reply,
} from '../protocol/src/index';
import { formatPath, parsePath } from '../protocol/src/path';
import { LinkError } from './errors';
import { batchPerTick } from './operators/batch-per-tick';
import { latestWinsByKey } from './operators/latest-wins';
import { replyWithin } from './operators/reply-within';
import { RttMeter, type RttStats } from './rtt';
import { bridgeSocketUrl, browserSocket, type SocketFactory, type SocketLike } from './socket';

export type LinkStatus = 'connecting' | 'online' | 'live-offline' | 'reconnecting' | 'auth-failed' | 'closed';

export interface LinkState {
  status: LinkStatus;
  /** Which Live, as the bridge last said. */
  live: LiveStatus | null;
  midi: MidiRoute | null;
  /** How many times the link has been greeted; object ids from the script are valid within one Live session. */
  sessions: number;
  rtt: RttStats | null;
  /** The bridge said this client reads too slowly (updates held back). */
  slow: boolean;
}

export interface LiveLinkOptions {
  /** The bridge, e.g. `http://192.168.1.20:9400`. */
  url: string;
  token: string;
  socket?: SocketFactory;
  /** Whether the token is accepted (a refused WebSocket does not say why); default asks `/session`. */
  checkToken?: () => Promise<boolean>;
  timeoutMs?: number;
  pingEveryMs?: number;
  pingWhileTouchedMs?: number;
  client?: string;
  /** Where batching and timeouts are scheduled (tests pass a virtual one). */
  batchScheduler?: SchedulerLike;
  timerScheduler?: SchedulerLike;
  backoff?: Backoff;
}

/** A request as callers write it: without the id the link chooses. */
export type LinkRequest = ClientRequest extends infer R ? (R extends { id: number } ? Omit<R, 'id'> : never) : never;

type Settled = { id: number; reply: Reply };

interface Observation {
  target: string;
  prop: string;
  subscriber: Subscriber<JsonValue>;
  obs: number | null;
}

interface LatestItem {
  key: string;
  target: string;
  prop: string;
  value: JsonValue;
  seq: number;
}

export class LiveLink {
  readonly state$: BehaviorSubject<LinkState>;
  /** Frames that did not parse (counted, never thrown into streams). */
  invalidFrames = 0;

  private socket: SocketLike | null = null;
  private greeted = false;
  private closed = false;
  private everOpened = false;
  private nextId = 1;
  private readonly out$ = new Subject<ClientToBridge>();
  private readonly replies$ = new Subject<Settled>();
  private readonly pending = new Set<number>();
  private readonly observations = new Map<string, Observation>();
  private readonly byObs = new Map<number, Observation>();
  private readonly shared = new Map<string, Observable<JsonValue>>();
  private readonly latest$ = new Subject<LatestItem>();
  private readonly latestWaiters = new Map<
    string,
    { seq: number; resolve: () => void; reject: (error: unknown) => void }[]
  >();
  private latestSeq = 0;
  private readonly rtt = new RttMeter();
  private touching = 0;
  private pingTimer: ReturnType<typeof setTimeout> | undefined;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly backoff: Backoff;
  private readonly options: Required<Omit<LiveLinkOptions, 'checkToken' | 'backoff'>> &
    Pick<LiveLinkOptions, 'checkToken'>;

  constructor(options: LiveLinkOptions) {
    this.options = {
      socket: browserSocket,
      timeoutMs: 30_000,
      pingEveryMs: 5000,
      pingWhileTouchedMs: 1000,
      client: 'livesurface-app',
      batchScheduler: asapScheduler,
      timerScheduler: asyncScheduler,
      ...options,
    };
    this.backoff = options.backoff ?? new Backoff(250, 5000);
    this.state$ = new BehaviorSubject<LinkState>({
      status: 'connecting',
      live: null,
      midi: null,
      sessions: 0,
      rtt: null,
      slow: false,
    });
    this.out$.pipe(batchPerTick(this.options.batchScheduler)).subscribe((batch) => {
      if (this.socket?.readyState !== 1) return;
      // one frame per tick, split at the bridge's limit
      for (let start = 0; start < batch.length; start += CLIENT_LIMITS.maxBatch) {
        const frame = batch.slice(start, start + CLIENT_LIMITS.maxBatch);
        this.socket.send(JSON.stringify(frame.length === 1 ? frame[0] : frame));
      }
    });
    this.latest$
      .pipe(
        latestWinsByKey(
          (item) => item.key,
          (item) =>
            defer(() =>
              from(
                this.request({ op: 'set', target: item.target, prop: item.prop, value: item.value }).then(
                  () => item,
                  (error: unknown) => ({ item, error }),
                ),
              ),
            ),
        ),
      )
      .subscribe((outcome) => this.settleLatest(outcome));
    this.open();
  }

  get state(): LinkState {
    return this.state$.value;
  }

  /** Resolves once the bridge greeted this link (Live online or not). */
  ready(): Promise<LinkState> {
    return firstValueFrom(
      this.state$.pipe(
        filter(
          (state) => state.status === 'online' || state.status === 'live-offline' || state.status === 'auth-failed',
        ),
      ),
    );
  }

  // ------------------------------------------------------------ requests

  /** Any request; settles with its result or a LinkError. */
  request(body: LinkRequest, timeoutMs = this.options.timeoutMs): Promise<JsonValue> {
    if (!this.greeted) return Promise.reject(new LinkError('unavailable', 'not connected to the bridge'));
    const id = this.nextId++;
    this.pending.add(id);
    const settled = firstValueFrom(
      this.replies$.pipe(
        filter((settledReply) => settledReply.id === id),
        map((settledReply) => settledReply.reply),
        replyWithin(timeoutMs, this.options.timerScheduler),
      ),
    ).then(
      (reply) => {
        this.pending.delete(id);
        if (reply.ok) return reply.result;
        throw LinkError.from(reply.error);
      },
      (error: unknown) => {
        this.pending.delete(id);
        throw error;
      },
    );
    this.out$.next({ ...body, id } as ClientToBridge);
    return settled;
  }

  get(target: string, prop?: string): Promise<JsonValue> {
    return this.request(prop === undefined ? { op: 'get', target } : { op: 'get', target, prop });
  }

  set(target: string, prop: string, value: JsonValue): Promise<JsonValue> {
    return this.request({ op: 'set', target, prop, value });
  }

  call(target: string, fn: string, args: JsonValue[] = []): Promise<JsonValue> {
    return this.request({ op: 'call', target, fn, args });
  }

  describe(target: string): Promise<JsonValue> {
    return this.request({ op: 'describe', target });
  }

  gesture(target: string, phase: 'begin' | 'end'): Promise<JsonValue> {
    return this.request({ op: 'gesture', target, phase });
  }

  /** Several properties of one object, asked in one frame. */
  async read(target: string, props: readonly string[]): Promise<Record<string, JsonValue>> {
    const values = await Promise.all(props.map((prop) => this.get(target, prop)));
    return Object.fromEntries(props.map((prop, index) => [prop, values[index] as JsonValue]));
  }

  /**
   * A value from a drag: sent latest-wins per (target, prop). Resolves when
   * this value, or a newer one for the same key, is in Live.
   */
  setLatest(target: string, prop: string, value: JsonValue): Promise<void> {
    const key = `${target}\u0000${prop}`;
    const seq = ++this.latestSeq;
    const done = new Promise<void>((resolve, reject) => {
      const waiters = this.latestWaiters.get(key) ?? [];
      waiters.push({ seq, resolve, reject });
      this.latestWaiters.set(key, waiters);
    });
    this.latest$.next({ key, target, prop, value, seq });
    return done;
  }

  private settleLatest(outcome: LatestItem | { item: LatestItem; error: unknown }): void {
    const item = 'error' in outcome ? outcome.item : outcome;
    const waiters = this.latestWaiters.get(item.key) ?? [];
    const settled = waiters.filter((waiter) => waiter.seq <= item.seq);
    const rest = waiters.filter((waiter) => waiter.seq > item.seq);
    if (rest.length > 0) this.latestWaiters.set(item.key, rest);
    else this.latestWaiters.delete(item.key);
    for (const waiter of settled) {
      if ('error' in outcome && waiter.seq === item.seq) waiter.reject(outcome.error);
      else waiter.resolve();
    }
  }

  // ------------------------------------------------------------ observations

  /** The current value, then changes; shared per (target, prop). */
  observe(target: string, prop: string): Observable<JsonValue> {
    const key = `${formatPath(parsePath(target))}\u0000${prop}`;
    let observable = this.shared.get(key);
    if (observable === undefined) {
      observable = new Observable<JsonValue>((subscriber) => {
        const observation: Observation = { target, prop, subscriber, obs: null };
        this.observations.set(key, observation);
        if (this.greeted) this.startObservation(observation);
        return () => {
          this.observations.delete(key);
          this.shared.delete(key);
          if (observation.obs !== null) {
            this.byObs.delete(observation.obs);
            if (this.greeted) this.out$.next({ op: 'unobserve', id: this.nextId++, obs: observation.obs });
          }
        };
      }).pipe(
        share({
          connector: () => new ReplaySubject(1),
          resetOnError: true,
          resetOnComplete: true,
          resetOnRefCountZero: true,
        }),
      );
      this.shared.set(key, observable);
    }
    return observable;
  }

  private startObservation(observation: Observation): void {
    const id = this.nextId++;
    if (observation.obs !== null) this.byObs.delete(observation.obs);
    observation.obs = id;
    this.byObs.set(id, observation);
    this.pending.add(id);
    // Handled synchronously: a `changes` event in the same frame as the reply must come after the first value.
    this.replies$
      .pipe(
        filter((settled) => settled.id === id),
        take(1),
        map((settled) => settled.reply),
      )
      .subscribe((reply) => {
        this.pending.delete(id);
        if (observation.obs !== id) return;
        if (reply.ok) {
          observation.subscriber.next(reply.result);
        } else if (reply.error.code !== 'unavailable' && reply.error.code !== 'timeout') {
          this.byObs.delete(id);
          observation.obs = null;
          observation.subscriber.error(LinkError.from(reply.error));
        }
        // unavailable or timeout: made again on the next session
      });
    this.out$.next({ op: 'observe', id, target: observation.target, prop: observation.prop });
  }

  // ------------------------------------------------------------ MIDI, touch

  midi(messages: readonly MidiMessage[]): void {
    if (this.greeted && messages.length > 0) this.out$.next({ op: 'midi', messages: [...messages] });
  }

  /** A control is touched (true) or released (false): pings come more often meanwhile. */
  touch(active: boolean): void {
    const before = this.touching;
    this.touching = Math.max(0, this.touching + (active ? 1 : -1));
    if ((before === 0) !== (this.touching === 0) && this.greeted) this.schedulePing(0);
  }

  close(): void {
    this.closed = true;
    clearTimeout(this.pingTimer);
    clearTimeout(this.retryTimer);
    this.socket?.close(1000, 'closed');
    this.update({ status: 'closed' });
  }

  // ------------------------------------------------------------ the connection

  private update(change: Partial<LinkState>): void {
    this.state$.next({ ...this.state$.value, ...change });
  }

  private open(): void {
    if (this.closed) return;
    let socket: SocketLike;
    try {
      socket = this.options.socket(bridgeSocketUrl(this.options.url, this.options.token));
    } catch {
      this.lost(false);
      return;
    }
    this.socket = socket;
    let opened = false;
    socket.onopen = () => {
      opened = true;
      this.everOpened = true;
      this.hello(socket);
    };
    socket.onmessage = (event) => this.receive(String(event.data));
    socket.onerror = () => {};
    socket.onclose = () => {
      if (this.socket === socket) this.lost(opened);
    };
  }

  private hello(socket: SocketLike): void {
    const id = this.nextId++;
    firstValueFrom(this.replies$.pipe(filter((settled) => settled.id === id))).then(({ reply }) => {
      const facts = reply.ok ? BridgeHelloResult.safeParse(reply.result) : null;
      if (!facts?.success || this.socket !== socket) {
        socket.close(1002, 'hello refused');
        return;
      }
      this.greeted = true;
      this.backoff.reset();
      const { live, midi } = facts.data;
      this.update({
        status: live.state === 'online' ? 'online' : 'live-offline',
        live,
        midi,
        sessions: this.state.sessions + 1,
        slow: false,
      });
      for (const observation of this.observations.values()) this.startObservation(observation);
      this.schedulePing(0);
    });
    socket.send(JSON.stringify({ op: 'hello', id, protocol: PROTOCOL_VERSION, client: this.options.client }));
  }

  private lost(wasOpen: boolean): void {
    this.greeted = false;
    this.socket = null;
    clearTimeout(this.pingTimer);
    for (const id of [...this.pending]) {
      this.replies$.next({
        id,
        reply: { id, ok: false, error: { code: 'unavailable', message: 'the connection to the bridge was lost' } },
      });
    }
    if (this.closed) return;
    if (wasOpen) {
      this.retry();
      return;
    }
    // The handshake failed: a wrong token, or no bridge. Only the bridge can say which.
    void this.tokenRefused().then((refused) => (refused ? this.update({ status: 'auth-failed' }) : this.retry()));
  }

  private retry(): void {
    if (this.closed) return;
    this.update({ status: this.everOpened ? 'reconnecting' : 'connecting' });
    this.retryTimer = setTimeout(() => this.open(), this.backoff.next());
  }

  private async tokenRefused(): Promise<boolean> {
    try {
      if (this.options.checkToken) return !(await this.options.checkToken());
      const response = await fetch(
        new URL(`/session?token=${encodeURIComponent(this.options.token)}`, this.options.url),
      );
      return response.status === 401;
    } catch {
      return false; // the bridge is not reachable: keep trying
    }
  }

  private receive(text: string): void {
    let frame: unknown;
    try {
      frame = JSON.parse(text);
    } catch {
      this.invalidFrames += 1;
      return;
    }
    for (const raw of Array.isArray(frame) ? frame : [frame]) {
      const parsed = BridgeToClient.safeParse(raw);
      if (!parsed.success) {
        this.invalidFrames += 1;
        continue;
      }
      const message = parsed.data;
      if ('ev' in message) this.handleEvent(message);
      else if (message.id !== null) this.replies$.next({ id: message.id, reply: message });
    }
  }

  private handleEvent(event: BridgeEvent): void {
    switch (event.ev) {
      case 'changes':
        for (const { obs, value } of event.changes) this.byObs.get(obs)?.subscriber.next(value);
        if (this.state.slow) this.update({ slow: false });
        return;
      case 'gone': {
        const observation = this.byObs.get(event.obs);
        if (observation === undefined) return;
        this.byObs.delete(event.obs);
        observation.obs = null;
        observation.subscriber.error(new LinkError('gone', event.message));
        return;
      }
      case 'status':
        this.update({ live: event.live, status: event.live.state === 'online' ? 'online' : 'live-offline' });
        return;
      case 'slow':
        this.update({ slow: true });
        return;
      default:
        return event satisfies never;
    }
  }

  private schedulePing(delayMs: number): void {
    clearTimeout(this.pingTimer);
    this.pingTimer = setTimeout(() => {
      const started = performance.now();
      this.request({ op: 'ping' }, 10_000).then(
        () => this.update({ rtt: this.rtt.add(performance.now() - started) }),
        () => {},
      );
      this.schedulePing(this.touching > 0 ? this.options.pingWhileTouchedMs : this.options.pingEveryMs);
    }, delayMs);
  }
}
