/**
 * LiveLink's connection to the bridge: the chart of its life
 * (connection-machine.ts) run with real effects (a socket, the hello, the
 * token check) and its timers on an RxJS scheduler, so one virtual scheduler
 * drives it in tests. What the rest of the link must do about the life comes
 * out as `changes$`.
 */
import {
  asyncScheduler,
  concatMap,
  defer,
  distinctUntilChanged,
  map,
  Observable,
  pairwise,
  startWith,
  type SchedulerLike,
  type Subscription,
} from 'rxjs';
import { createActor, fromCallback, fromPromise, type Actor, type SnapshotFrom } from 'xstate';
import type { BackoffPolicy } from '../common/backoff';
import { BridgeHelloResult, PROTOCOL_VERSION, type Reply } from '../protocol/src/index';
import {
  connectionMachine,
  HelloRefused,
  type ConnectionMachine,
  type RetryReason,
  type SocketCommand,
  type SocketEvent,
  type TokenVerdict,
} from './connection-machine';
import { bridgeSocketUrl, type SocketFactory, type SocketLike } from './socket';

/** What the connection needs. */
export interface ConnectionOptions {
  /** The bridge, e.g. `http://192.168.1.20:9400`. */
  url: string;
  token: string;
  socket: SocketFactory;
  /** Whether the token is accepted (true, false, or a verdict); default asks `/session` (`tokenVerdict`). */
  checkToken?: () => Promise<boolean | TokenVerdict>;
  /** The name this client gives in its hello. */
  client: string;
  backoff: BackoffPolicy;
  /** Where the retry waits run. */
  scheduler?: SchedulerLike;
  /** Sends the hello at once, alone in its frame, and resolves with its reply. */
  exchange: (hello: { op: 'hello'; protocol: number; client: string }) => Promise<Reply>;
  /** Each frame the bridge sends. */
  receive: (text: string) => void;
}

/** What the link must do about the connection's life, in the order it must. */
export type ConnectionChange =
  /** A socket that had opened is gone: whatever waited on it is void. */
  | { type: 'lost' }
  /** The bridge greeted a new socket. */
  | { type: 'greeted'; hello: BridgeHelloResult }
  /** A wait before the next socket begins: why, and how long. */
  | { type: 'retrying'; status: 'connecting' | 'reconnecting'; reason: RetryReason; retryInMs: number }
  | { type: 'auth-failed' }
  /** The bridge does not speak this page's protocol (its words). */
  | { type: 'incompatible'; message: string }
  | { type: 'closed' };

type ConnectionSnapshot = SnapshotFrom<ConnectionMachine>;

const socketUp = (snapshot: ConnectionSnapshot): boolean => snapshot.matches('greeting') || snapshot.matches('online');

/**
 * The changes between two snapshots of the chart. Read from snapshots, not
 * emitted by the chart's actions: actions run before the snapshot is
 * updated, and whoever hears `greeted` (a `state$` subscriber) may ask
 * something at once, which must find the link online.
 */
export function changesBetween(before: ConnectionSnapshot, after: ConnectionSnapshot): ConnectionChange[] {
  const entered = (state: Parameters<ConnectionSnapshot['matches']>[0]): boolean =>
    after.matches(state) && !before.matches(state);
  const changes: ConnectionChange[] = [];
  if (socketUp(before) && !socketUp(after)) changes.push({ type: 'lost' });
  if (entered('online') && after.context.hello !== null) changes.push({ type: 'greeted', hello: after.context.hello });
  const { reason, retryInMs } = after.context;
  for (const status of ['connecting', 'reconnecting'] as const) {
    if (entered({ [status]: 'waiting' }))
      changes.push({ type: 'retrying', status, reason: reason ?? { kind: 'unreachable' }, retryInMs });
  }
  if (entered('authFailed')) changes.push({ type: 'auth-failed' });
  if (entered('incompatible')) changes.push({ type: 'incompatible', message: after.context.incompatible ?? '' });
  if (entered('closed')) changes.push({ type: 'closed' });
  return changes;
}

/** XState's clock on an RxJS scheduler: the chart's delays run where the link's other timers do. */
export function schedulerClock(scheduler: SchedulerLike): {
  setTimeout: (fn: () => void, ms: number) => Subscription;
  clearTimeout: (handle: Subscription) => void;
} {
  return {
    setTimeout: (fn, ms) => scheduler.schedule(fn, ms),
    clearTimeout: (handle) => handle.unsubscribe(),
  };
}

/** Closes with `code`; browsers refuse protocol codes such as 1002 (`ws` takes them), so there it closes plainly. */
function closeWith(socket: SocketLike, code: number, reason: string): void {
  try {
    socket.close(code, reason);
  } catch {
    socket.close();
  }
}

/** One socket's life as an actor: it says when the socket opens and closes, and sends what it is told. */
function socketActor(open: () => SocketLike, receive: (text: string) => void) {
  return fromCallback<SocketCommand>(({ sendBack, receive: commands }) => {
    const say = (event: SocketEvent): void => sendBack(event);
    let socket: SocketLike;
    try {
      socket = open();
    } catch {
      say({ type: 'socket.closed' });
      return undefined;
    }
    socket.onopen = () => say({ type: 'socket.opened' });
    socket.onmessage = (event) => receive(String(event.data));
    // an error ends in a close, which the chart hears; the listener stays to the end, as `ws` throws unheard errors
    socket.onerror = () => {};
    socket.onclose = () => say({ type: 'socket.closed' });
    commands((command) => {
      if (command.type === 'socket.close') closeWith(socket, command.code, command.reason);
      else if (socket.readyState === 1) socket.send(command.text);
    });
    return () => {
      // the chart has left this socket: nothing more from it is news
      socket.onopen = null;
      socket.onmessage = null;
      socket.onclose = null;
      socket.close(1000, 'closed');
    };
  });
}

/**
 * The hello, and the bridge's facts. A bridge that answers it as a bad request, or with facts this page
 * cannot read, speaks another protocol (`HelloRefused`, incompatible); any other failure is worth a retry.
 */
export async function greet(options: Pick<ConnectionOptions, 'exchange' | 'client'>): Promise<BridgeHelloResult> {
  const reply = await options.exchange({ op: 'hello', protocol: PROTOCOL_VERSION, client: options.client });
  if (!reply.ok) throw new HelloRefused(reply.error.message, reply.error.code === 'bad_request');
  const facts = BridgeHelloResult.safeParse(reply.result);
  if (!facts.success || facts.data.protocol !== PROTOCOL_VERSION) {
    const theirs = facts.success ? `protocol ${facts.data.protocol}` : 'a protocol this page does not know';
    throw new HelloRefused(`the bridge speaks ${theirs}, this page protocol ${PROTOCOL_VERSION}`, true);
  }
  return facts.data;
}

/** What the bridge's `/session` says of the token: 204 accepted, 401 refused, 429 limited (`Retry-After`). */
export async function tokenVerdict(url: string, token: string): Promise<TokenVerdict> {
  try {
    const response = await fetch(new URL(`/session?token=${encodeURIComponent(token)}`, url));
    if (response.ok) return { kind: 'accepted' };
    if (response.status === 401) return { kind: 'refused' };
    if (response.status === 429) {
      const seconds = Number(response.headers.get('retry-after'));
      return { kind: 'limited', retryAfterMs: Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : 5000 };
    }
    return { kind: 'unreachable' }; // something answers there, but not a bridge
  } catch {
    return { kind: 'unreachable' };
  }
}

async function checkedToken(options: ConnectionOptions): Promise<TokenVerdict> {
  if (!options.checkToken) return tokenVerdict(options.url, options.token);
  const verdict = await options.checkToken();
  if (typeof verdict !== 'boolean') return verdict;
  return verdict ? { kind: 'accepted' } : { kind: 'refused' };
}

/** The connection of one link: started once, closed once. */
export class Connection {
  /** What the link must do about the connection's life. */
  readonly changes$: Observable<ConnectionChange>;
  /** Whether the bridge has greeted the current socket. */
  readonly online$: Observable<boolean>;
  private readonly actor: Actor<ConnectionMachine>;

  constructor(options: ConnectionOptions) {
    const logic = connectionMachine.provide({
      actors: {
        socket: socketActor(() => options.socket(bridgeSocketUrl(options.url, options.token)), options.receive),
        hello: fromPromise(() => greet(options)),
        tokenCheck: fromPromise(() => checkedToken(options)),
      },
    });
    this.actor = createActor(logic, {
      input: { backoff: options.backoff },
      clock: schedulerClock(options.scheduler ?? asyncScheduler),
    });
    const snapshots$ = defer(() =>
      new Observable<ConnectionSnapshot>((subscriber) => this.actor.subscribe(subscriber)).pipe(
        startWith(this.actor.getSnapshot()),
      ),
    );
    this.changes$ = snapshots$.pipe(
      pairwise(),
      concatMap(([before, after]) => changesBetween(before, after)),
    );
    this.online$ = snapshots$.pipe(
      map((snapshot) => snapshot.matches('online')),
      distinctUntilChanged(),
    );
  }

  /** Whether the bridge has greeted the current socket. */
  get online(): boolean {
    return this.actor.getSnapshot().matches('online');
  }

  /** Opens the first socket (subscribe to `changes$` first). */
  start(): void {
    this.actor.start();
  }

  /** Puts a frame on the socket; dropped when none is open. */
  send(frame: string): void {
    this.actor.getSnapshot().children.socket?.send({ type: 'socket.send', text: frame });
  }

  /** Ends the link: the socket closes and nothing is tried again. */
  close(): void {
    if (this.actor.getSnapshot().status === 'active') this.actor.send({ type: 'link.close' });
  }
}
