/**
 * LiveLink: the client's one WebSocket to the bridge, as RxJS. A facade: the
 * work is done by the connection (connection.ts, its life a statechart),
 * requests (requests.ts), observations (observations.ts), keep-alive pings
 * (keep-alive.ts) and latest-wins sets (set-latest.ts); this file composes
 * them and routes what the bridge sends.
 */
import {
  asapScheduler,
  asyncScheduler,
  BehaviorSubject,
  combineLatest,
  distinctUntilChanged,
  filter,
  firstValueFrom,
  from,
  map,
  Observable,
  share,
  shareReplay,
  Subject,
  switchMap,
  type SchedulerLike,
} from 'rxjs';
import type { BackoffPolicy } from '../common/backoff';
import type {
  BridgeEvent,
  JsonValue,
  MidiMessage,
  MidiRoute,
  PageList,
  PresenceState,
  PresentClient,
  SavedPage,
} from '../protocol/src/index';
import { Connection, type ConnectionChange, type ConnectionOptions } from './connection';
import { readFrame } from './frames';
import { KeepAlive } from './keep-alive';
import { initialLinkState, nextLinkState, type LinkState, type LinkStateEvent } from './link-state';
import { Observations } from './observations';
import { ListenMidiResult } from '../protocol/src/index';
import { checkedReply, PagesReply, SavedPageReply } from './page-replies';
import { Requests, type LinkRequest } from './requests';
import { latestWins } from './operators/latest-wins';
import { LatestSets } from './set-latest';
import { browserSocket, type SocketFactory } from './socket';

export type { LinkRetry, LinkState, LinkStatus, RetryReason } from './link-state';
export type { LinkRequest } from './requests';

/** How to reach the bridge, and the link's timings. */
export interface LiveLinkOptions {
  /** The bridge, e.g. `http://192.168.1.20:9400`. */
  url: string;
  token: string;
  socket?: SocketFactory;
  /** Whether the token is accepted (a refused WebSocket does not say why); default asks `/session`. */
  checkToken?: ConnectionOptions['checkToken'];
  timeoutMs?: number;
  pingEveryMs?: number;
  pingWhileTouchedMs?: number;
  client?: string;
  /** Where batching and timers (timeouts, pings, retries) are scheduled (tests pass a virtual one). */
  batchScheduler?: SchedulerLike;
  timerScheduler?: SchedulerLike;
  /** The waits between sockets (250 ms doubling to 5 s, 20% jitter by default). */
  backoff?: BackoffPolicy;
}

/** Pings get a shorter timeout than requests: a lost ping is only a missing sample. */
const PING_TIMEOUT_MS = 10_000;

/** What `liveMidi$` tells: where Live's MIDI out comes from (at each new bridge session), then what it sends. */
export type LiveMidiNews = { type: 'route'; route: MidiRoute } | { type: 'messages'; messages: MidiMessage[] };

const samePresence = (a: PresenceState, b: PresenceState): boolean => JSON.stringify(a) === JSON.stringify(b);

/**
 * The link to the bridge. Requests return Promises that settle with the value
 * or a typed `LinkError` within a timeout; `observe` is an Observable shared
 * per key; `state$` says how the link is.
 */
export class LiveLink {
  /** The link as the UI shows it. */
  readonly state$ = new BehaviorSubject<LinkState>(initialLinkState);
  /**
   * Who is connected to the bridge and what each holds (`state.presence`):
   * the current list, then each new one; shared, so many subscribers (an
   * actor per parameter following its holder) cost one subscription.
   */
  readonly presence$: Observable<readonly PresentClient[]>;
  /**
   * Live's MIDI out (what its tracks send to "LiveSurface Return"): while
   * subscribed, the bridge is asked to send it (again at each new session,
   * which answers where it comes from) and each batch comes as it arrives;
   * after the last subscriber leaves, the bridge is told to stop. Shared.
   */
  readonly liveMidi$: Observable<LiveMidiNews>;
  /** Frames that did not parse (counted, never thrown into streams). */
  invalidFrames = 0;

  private readonly connection: Connection;
  private readonly requests: Requests;
  private readonly observations: Observations;
  private readonly latest: LatestSets;
  private readonly keepAlive: KeepAlive;
  private readonly timerScheduler: SchedulerLike;
  /** This tablet's presence, as last given to `present` (null: nothing said yet). */
  private readonly presenceState$ = new BehaviorSubject<PresenceState | null>(null);
  /** `live_midi` events, as they come. */
  private readonly heardMidi$ = new Subject<MidiMessage[]>();

  constructor(options: LiveLinkOptions) {
    const timerScheduler = options.timerScheduler ?? asyncScheduler;
    this.timerScheduler = timerScheduler;
    const online = (): boolean => this.connection.online;
    this.requests = new Requests({
      transmit: (frame) => this.connection.send(frame),
      online,
      timeoutMs: options.timeoutMs ?? 30_000,
      batchScheduler: options.batchScheduler ?? asapScheduler,
      timerScheduler,
    });
    this.observations = new Observations(this.requests, online);
    this.latest = new LatestSets((target, prop, value) => this.set(target, prop, value));
    this.connection = new Connection({
      url: options.url,
      token: options.token,
      socket: options.socket ?? browserSocket,
      checkToken: options.checkToken,
      client: options.client ?? 'livesurface-app',
      backoff: options.backoff ?? { firstMs: 250, maxMs: 5000, jitter: 0.2 },
      scheduler: timerScheduler,
      exchange: (hello) => this.requests.exchange(hello),
      receive: (text) => this.receive(text),
    });
    this.keepAlive = new KeepAlive({
      online$: this.connection.online$,
      ping: () => this.requests.request({ op: 'ping' }, PING_TIMEOUT_MS),
      everyMs: options.pingEveryMs ?? 5000,
      whileTouchedMs: options.pingWhileTouchedMs ?? 1000,
      scheduler: timerScheduler,
    });
    this.connection.changes$.subscribe((change) => this.follow(change));
    this.keepAlive.rtt$.subscribe((rtt) => this.update({ type: 'rtt', rtt }));
    this.presence$ = this.state$.pipe(
      map((state) => state.presence),
      distinctUntilChanged(),
      shareReplay({ bufferSize: 1, refCount: true }),
    );
    this.publishPresence();
    this.liveMidi$ = this.hearLiveMidi().pipe(share());
    this.connection.start();
  }

  /** The link now. */
  get state(): LinkState {
    return this.state$.value;
  }

  /** Resolves once the bridge greeted this link (Live online or not), or refused its token. */
  ready(): Promise<LinkState> {
    return firstValueFrom(
      this.state$.pipe(
        filter(
          (state) => state.status === 'online' || state.status === 'live-offline' || state.status === 'auth-failed',
        ),
      ),
    );
  }

  /** Any request; settles with its result or a LinkError. */
  request(body: LinkRequest, timeoutMs?: number): Promise<JsonValue> {
    return this.requests.request(body, timeoutMs);
  }

  /** A property, or without `prop` the target's reference. */
  get(target: string, prop?: string): Promise<JsonValue> {
    return this.request(prop === undefined ? { op: 'get', target } : { op: 'get', target, prop });
  }

  /** Sets a property; resolves with the value Live took. */
  set(target: string, prop: string, value: JsonValue): Promise<JsonValue> {
    return this.request({ op: 'set', target, prop, value });
  }

  /** Calls a function of a Live object; resolves with what it returns. */
  call(target: string, fn: string, args: JsonValue[] = []): Promise<JsonValue> {
    return this.request({ op: 'call', target, fn, args });
  }

  /** What a Live object offers: a `Description` (properties, children, functions, events). */
  describe(target: string): Promise<JsonValue> {
    return this.request({ op: 'describe', target });
  }

  /** Begins or ends a gesture on a parameter (one undo step in Live). */
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
    return this.latest.set(target, prop, value);
  }

  /** The current value, then changes; shared per (target, prop); made again after a reconnect; `gone` ends it. */
  observe(target: string, prop: string): Observable<JsonValue> {
    return this.observations.observe(target, prop);
  }

  /** The saved pages as the bridge lists them now (the link's state keeps the list too: `state.pages`). */
  async listPages(): Promise<PageList> {
    return checkedReply(PagesReply, await this.request({ op: 'pages' }), 'pages').pages;
  }

  /**
   * Saves `page` as `name` on the bridge, over the revision this client read
   * (null for a new page). Resolves with the new revision; a page changed or
   * created since rejects with a `conflict` LinkError. Every tablet hears the
   * new list (`state.pages`).
   */
  async savePage(name: string, revision: string | null, page: SavedPage): Promise<SavedPageReply> {
    const reply = await this.request({ op: 'save_page', name, revision, page });
    return checkedReply(SavedPageReply, reply, 'save_page');
  }

  /** Deletes page `name` if it is still at `revision`: `not_found` when there is none, `conflict` when it changed. */
  async deletePage(name: string, revision: string): Promise<void> {
    await this.request({ op: 'delete_page', name, revision });
  }

  /** MIDI to Live, sent without waiting for anything (dropped while not connected). */
  midi(messages: readonly MidiMessage[]): void {
    if (this.connection.online && messages.length > 0) this.requests.postNow({ op: 'midi', messages: [...messages] });
  }

  /**
   * Tells the bridge this tablet's presence (its name and color, page, round
   * trip, what it holds and selects): sent now when connected, and again to
   * each new bridge session (a new socket is a new client there). The latest
   * wins: one is on its way at a time, and what comes meanwhile waits, each
   * newer state replacing the one waiting; a state equal to the last is not sent.
   */
  present(state: PresenceState): void {
    this.presenceState$.next(state);
  }

  /** A control is touched (true) or released (false): pings come more often meanwhile. */
  touch(active: boolean): void {
    this.keepAlive.touch(active);
  }

  /** Ends the link: the socket closes, pending requests fail with `unavailable`, nothing is retried. */
  close(): void {
    this.connection.close();
  }

  private hearLiveMidi(): Observable<LiveMidiNews> {
    const listen = async (): Promise<ListenMidiResult | null> => {
      try {
        return checkedReply(ListenMidiResult, await this.request({ op: 'listen_midi', listen: true }), 'listen_midi');
      } catch {
        return null; // offline, or a bridge without it: the next session asks again
      }
    };
    return new Observable<LiveMidiNews>((subscriber) => {
      const heard = this.heardMidi$.subscribe((messages) => subscriber.next({ type: 'messages', messages }));
      const routes = this.state$
        .pipe(
          map((state) => state.sessions),
          filter((count) => count > 0),
          distinctUntilChanged(),
          switchMap(() => from(listen())),
        )
        .subscribe((result) => {
          if (result !== null) subscriber.next({ type: 'route', route: result.from });
        });
      return () => {
        heard.unsubscribe();
        routes.unsubscribe();
        if (this.connection.online) void this.request({ op: 'listen_midi', listen: false }).catch(() => null);
      };
    });
  }

  private publishPresence(): void {
    const said$ = this.presenceState$.pipe(
      filter((state): state is PresenceState => state !== null),
      distinctUntilChanged(samePresence),
    );
    const sessions$ = this.state$.pipe(
      map((state) => state.sessions),
      filter((count) => count > 0),
      distinctUntilChanged(),
    );
    combineLatest([said$, sessions$])
      .pipe(
        // offline, it fails at once; the next session sends it again
        latestWins(([state]) => from(this.request({ op: 'presence', state }).catch(() => null))),
      )
      .subscribe();
  }

  private update(event: LinkStateEvent): void {
    const next = nextLinkState(this.state$.value, event);
    if (next !== this.state$.value) this.state$.next(next);
  }

  private follow(change: ConnectionChange): void {
    switch (change.type) {
      case 'lost':
        this.requests.lost();
        // who is connected is the bridge's to say again, after the next hello
        this.update({ type: 'presence', clients: [] });
        return;
      case 'greeted':
        this.update(change);
        this.observations.restart();
        return;
      case 'retrying': {
        // when, on the link's own clock (the page counts down to it)
        const retry = { reason: change.reason, at: this.timerScheduler.now() + change.retryInMs };
        this.update({ type: 'retrying', status: change.status, retry });
        return;
      }
      default:
        this.update(change);
    }
  }

  private receive(text: string): void {
    const { messages, invalid } = readFrame(text);
    this.invalidFrames += invalid;
    for (const message of messages) {
      if ('ev' in message) this.hear(message);
      else this.requests.receive(message);
    }
  }

  private hear(event: BridgeEvent): void {
    switch (event.ev) {
      case 'changes':
        this.observations.changes(event);
        this.update({ type: 'slow', slow: false });
        return;
      case 'gone':
        this.observations.gone(event);
        return;
      case 'status':
        this.update({ type: 'live', live: event.live });
        return;
      case 'slow':
        this.update({ type: 'slow', slow: true });
        return;
      case 'lock':
        this.update({ type: 'lock', locked: event.locked });
        return;
      case 'pages':
        this.update({ type: 'pages', pages: event.pages });
        return;
      case 'presence':
        this.update({ type: 'presence', clients: event.clients });
        return;
      case 'live_midi':
        this.heardMidi$.next(event.messages);
        return;
      default:
        return event satisfies never;
    }
  }
}
