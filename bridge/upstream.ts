/**
 * The bridge's one connection to the LiveSurface script: connects, says hello
 * with the script's secret (which it reads again at each attempt: the script
 * makes a new one at each start; `script-secret.ts`), and reconnects with
 * backoff whenever the script goes away (Live closes the set, Live restarts,
 * the simulator dies). While it is away every request settles at once with
 * `unavailable`.
 *
 * After writing requests it pokes the script through the wake-up path (an
 * empty sysex on the control MIDI port), once per event-loop turn.
 */
import { EventEmitter } from 'node:events';
import { PROTOCOL_VERSION, HelloResult, type LiveStatus, type ScriptEvent } from '../protocol/src/index';
import { Backoff } from '../common/backoff';
import type { Log } from './log';
import { DEFAULT_TIMEOUT_MS, ScriptRequests, type Outcome, type RequestBody } from './script-requests';
import { readScriptSecret, type SecretLookup } from './script-secret';
import { ScriptSocket } from './script-socket';

/** The status while no script answers. */
export const OFFLINE: LiveStatus = { state: 'offline', host: null, live_version: null, set_name: null };

export interface UpstreamOptions {
  /** The script's TCP port (on `host`, default 127.0.0.1). */
  port: number;
  host?: string;
  log: Log;
  /** Sends the wake-up sysex; absent, the script finds requests on its timer. */
  wake?: () => void;
  /** How long a request waits for its reply (default 30 s). */
  timeoutMs?: number;
  /** The waits between attempts (default 100 ms doubling to 2 s, with jitter). */
  backoff?: Backoff;
  /** Runs `retry` after `ms`, returning a cancel; tests replace it so they wait for no real backoff. */
  schedule?: (retry: () => void, ms: number) => () => void;
  /** The script's secret for `port`, looked up at each attempt (default: the file the script writes). */
  secret?: (port: number) => SecretLookup;
}

function scheduleWithTimer(retry: () => void, ms: number): () => void {
  const timer = setTimeout(retry, ms);
  return () => clearTimeout(timer);
}

interface UpstreamEvents {
  /** Live came online (a new script session: ids from before are void) or went offline. */
  status: [LiveStatus];
  /** An event from the script (observation changes, gone). */
  event: [ScriptEvent];
}

/** The link to the script; `start` it, then `request`; emits `status` and `event`. */
export class Upstream extends EventEmitter<UpstreamEvents> {
  private requests: ScriptRequests | null = null;
  private socket: ScriptSocket | null = null;
  /** The socket whose hello is under way; `stop` closes it too. */
  private connecting: ScriptSocket | null = null;
  private stopped = false;
  /** Cancels the retry that is waiting, if one is. */
  private cancelRetry: (() => void) | null = null;
  private wakeQueued = false;
  /** The last reason the secret could not be had: said once, not at every retry. */
  private secretProblem: string | null = null;
  private readonly backoff: Backoff;
  /** How many times a script session began (each hello); object ids are valid within one. */
  sessions = 0;
  status: LiveStatus = OFFLINE;

  constructor(private readonly options: UpstreamOptions) {
    super();
    this.backoff = options.backoff ?? new Backoff(100, 2000);
  }

  get online(): boolean {
    return this.requests !== null;
  }

  /** Requests waiting for the script. */
  get inFlight(): number {
    return this.requests?.inFlight ?? 0;
  }

  start(): void {
    void this.connect();
  }

  /** Sends a request; settles with the reply, `timeout`, or `unavailable` (never rejects). */
  request(body: RequestBody, timeoutMs = this.options.timeoutMs ?? DEFAULT_TIMEOUT_MS): Promise<Outcome> {
    return this.send(body, timeoutMs).outcome;
  }

  /** Like `request`, telling the upstream id too (null when offline). */
  send(
    body: RequestBody,
    timeoutMs = this.options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
  ): { id: number | null; outcome: Promise<Outcome> } {
    if (this.requests === null) {
      return {
        id: null,
        outcome: Promise.resolve({ ok: false, error: { code: 'unavailable', message: 'Live is offline' } }),
      };
    }
    const sent = this.requests.send(body, timeoutMs);
    this.queueWake();
    return sent;
  }

  stop(): void {
    this.stopped = true;
    this.cancelRetry?.();
    this.cancelRetry = null;
    this.connecting?.close();
    this.socket?.close();
  }

  private queueWake(): void {
    if (this.wakeQueued || !this.options.wake) return;
    this.wakeQueued = true;
    setImmediate(() => {
      this.wakeQueued = false;
      this.options.wake?.();
    });
  }

  private async connect(): Promise<void> {
    if (this.stopped) return;
    const { log, port, host = '127.0.0.1' } = this.options;
    let socket: ScriptSocket;
    try {
      socket = await ScriptSocket.connect({ host, port, connectTimeoutMs: 2000 });
    } catch {
      this.scheduleRetry();
      return;
    }
    if (this.stopped) return socket.close();
    // read after connecting: a script that just started wrote its secret before it listened
    const secret = (this.options.secret ?? readScriptSecret)(port);
    if (!secret.ok) {
      if (secret.reason !== this.secretProblem) log.warn(`cannot say hello to the script: ${secret.reason}`);
      this.secretProblem = secret.reason;
      socket.close();
      this.scheduleRetry();
      return;
    }
    this.secretProblem = null;
    this.connecting = socket;
    const requests = new ScriptRequests(socket, this.options.timeoutMs);
    socket.onInvalid(({ reason }) => log.warn(`the script sent a line the protocol refuses: ${reason}`));
    const hello = requests.request({
      op: 'hello',
      protocol: PROTOCOL_VERSION,
      client: 'livesurface-bridge',
      secret: secret.secret,
    });
    this.options.wake?.();
    const outcome = await hello;
    this.connecting = null;
    const facts = outcome.ok ? HelloResult.safeParse(outcome.result) : null;
    if (this.stopped || !facts?.success) {
      if (!this.stopped)
        log.warn(
          `the script on port ${port} did not complete the handshake${outcome.ok ? '' : `: ${outcome.error.message}`}`,
        );
      socket.close();
      this.scheduleRetry();
      return;
    }
    this.socket = socket;
    this.requests = requests;
    this.backoff.reset();
    this.sessions += 1;
    requests.onEvent((event) => this.emit('event', event));
    socket.onClose(() => this.lost());
    const { host: kind, live_version, set_name } = facts.data;
    this.status = { state: 'online', host: kind, live_version, set_name };
    log.info(`${kind === 'live' ? 'Live' : 'the simulator, as Live'} ${live_version}, is online; set "${set_name}"`);
    this.emit('status', this.status);
  }

  private lost(): void {
    this.requests = null;
    this.socket = null;
    this.status = OFFLINE;
    if (!this.stopped) this.options.log.warn('Live went offline; reconnecting');
    this.emit('status', this.status);
    this.scheduleRetry();
  }

  private scheduleRetry(): void {
    if (this.stopped) return;
    const schedule = this.options.schedule ?? scheduleWithTimer;
    this.cancelRetry = schedule(() => {
      this.cancelRetry = null;
      void this.connect();
    }, this.backoff.next());
  }
}
