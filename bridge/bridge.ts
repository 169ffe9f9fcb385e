/**
 * The bridge, composed: HTTP (the app, /health), the WebSocket endpoint, one
 * upstream link to the script, shared observations, MIDI, and, when no Live
 * answers, the simulator. `startBridge` returns once it listens.
 */
import { X509Certificate } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createSecureServer } from 'node:https';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { CLIENT_LIMITS, PROTOCOL_VERSION, type BridgeHelloResult, type LiveStatus } from '../protocol/src/index';
import { findScript } from './find-script';
import { freePort } from './net';
import { PerformLock } from './perform-lock';
import { ClientSession, DEFAULT_OUTPUT_LIMITS, type OutputLimits } from './client-session';
import { checkHandshake, ownOrigins, tokensMatch } from './gate';
import { GuessLimiter } from './guess-limiter';
import { Heartbeat } from './heartbeat';
import { createLog, type Log } from './log';
import { openMidi, type MidiRouting } from './midi-out';
import { openMidiReturn, type MidiReturn } from './midi-return';
import { withMidiTimes } from './midi-times';
import { Observations } from './observations';
import { ensurePortFree, holdPort, PortInUseError, describePortInUse } from './port-holder';
import { Presence } from './presence';
import { rawDataText } from './raw-data';
import { SavedPages } from './saved-pages';
import { SessionBoxes } from './session-boxes';
import { midiInPortOf, midiReturnPortOf } from './simulator-process';
import { SimulatorSupervisor } from './simulator-supervisor';
import { isHmrUpgrade, startDevApp } from './dev-app';
import { serveApp } from './static-files';
import { assertStrongToken, newToken } from './token';
import { Upstream } from './upstream';
import { UserLayouts, userLayoutsFolder } from './user-layouts';
import { isUserLayoutsPath, serveUserLayouts } from './user-layouts-http';

export const BRIDGE_VERSION = '0.1.0';

export type LiveMode = 'auto' | 'sim' | 'live';

export interface BridgeOptions {
  /** Start locked for performance: structural edits refused (`perform-lock.ts`). */
  lock?: boolean;
  /** HTTP and WebSocket port (0 picks a free one). */
  port: number;
  host: string;
  /** The session token (at least 128 bits, see `token.ts`); random when absent. */
  token?: string;
  mode: LiveMode;
  scriptPort: number;
  /** The simulator's MIDI input port, when the bridge runs the simulator. */
  simulatorMidiPort: number;
  /** The built app. */
  appDir: string;
  /** Serve the app from its sources through Vite's dev server, hot-reloading saved files (`--dev`). */
  dev?: boolean;
  allowedOrigins?: readonly string[];
  log?: Log;
  timeoutMs?: number;
  outputLimits?: OutputLimits;
  /** For tests: how MIDI opens. */
  openMidiRouting?: (simulatorPort: (() => number) | null, log: Log) => MidiRouting;
  /** For tests: how the way back from Live opens (Live's MIDI out, `midi-return.ts`). */
  openMidiReturn?: (simulatorPort: (() => number | null) | null, log: Log) => MidiReturn;
  /** How often clients are pinged (default `HEARTBEAT_MS`, 15 s). */
  heartbeatMs?: number;
  /** Send the wake-up sysex after requests (default true). */
  wake?: boolean;
  /**
   * Serve HTTPS (and so WebSockets over TLS) with this key and certificate (PEM), rather than plain
   * HTTP; `caCert`, the authority that signed it (`tls.ts`), is served at `/ca.crt` for tablets to trust.
   */
  tls?: { key: string; cert: string; caCert?: string };
  /**
   * The layouts folder, where saved pages are kept (`layouts-folder.ts` says
   * which); absent or null, the bridge keeps no pages (page requests answer `not_found`).
   */
  layoutsDir?: string | null;
}

export interface RunningBridge {
  readonly port: number;
  readonly token: string;
  /** 'simulator' when the bridge runs the simulator, 'live' when it talks to Live (or a script it did not start). */
  readonly backend: 'simulator' | 'live';
  readonly upstream: Upstream;
  readonly observations: Observations;
  readonly midi: MidiRouting;
  /** Live's MIDI out, for tablets that listen (`listen_midi`). */
  readonly midiReturn: MidiReturn;
  readonly simulator: SimulatorSupervisor | null;
  /** The session box Live outlines (the tablet that scrolled last). */
  readonly sessionBoxes: SessionBoxes<ClientSession>;
  /** The saved pages of the layouts folder, or null when the bridge keeps none. */
  readonly pages: SavedPages | null;
  /** Who is connected and what each holds (relayed between tablets, never sent to Live). */
  readonly presence: Presence<ClientSession>;
  readonly log: Log;
  /** What /health answers. */
  health(): Record<string, unknown>;
  close(): Promise<void>;
}

function refuseUpgrade(socket: Duplex, status: number, reason: string, headers = ''): void {
  const text = { 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 429: 'Too Many Requests' }[status];
  socket.end(
    `HTTP/1.1 ${status} ${text ?? 'Bad Request'}\r\nConnection: close\r\nContent-Type: text/plain\r\n${headers}\r\n${reason}\n`,
  );
}

/** A token presented by a remote address: right, absent, wrong, or not looked at (the address must wait). */
type Presented = 'ok' | 'absent' | 'wrong' | { waitMs: number };

export async function startBridge(options: BridgeOptions): Promise<RunningBridge> {
  const log = options.log ?? createLog();
  const token = options.token ?? newToken();
  assertStrongToken(token);
  const started = Date.now();
  // held until the bridge listens there: the simulator's sockets on port 0 must not be handed it meanwhile
  const ownPort = await holdPort(options.port, options.host, "the bridge's port", '--port');

  // Live, or the simulator. Port 0 asks for any free port; only a simulator this bridge starts can take one.
  if (options.scriptPort === 0 && options.mode === 'live')
    throw new Error('--script-port 0 needs --sim: Live listens on a port of its own');
  let simulator: SimulatorSupervisor | null = null;
  let backend: 'simulator' | 'live' = 'live';
  let scriptPort = options.scriptPort;
  let simulatorMidiPort = options.simulatorMidiPort;
  let simulatorReturnPort: number | null = null;
  const returnPort = (): number | null => simulatorReturnPort;
  if (
    options.mode === 'sim' ||
    (options.mode === 'auto' && (scriptPort === 0 || (await findScript(scriptPort)).kind === 'none'))
  ) {
    try {
      if (options.mode === 'auto' && scriptPort !== 0)
        log.info(`no Live answered on 127.0.0.1:${scriptPort}; starting the simulator`);
      if (scriptPort === 0) scriptPort = await freePort();
      await ensurePortFree(scriptPort, '127.0.0.1', "the script's port", '--script-port');
      if (simulatorMidiPort !== 0)
        await ensurePortFree(simulatorMidiPort, '127.0.0.1', "the simulator's MIDI port", '--midi-port');
      // Ports asked as 0, and the way back always, are bound by the simulator itself and named in its ready
      // line, again at each restart: a port chosen here and bound there later may be taken meanwhile (by
      // the local end of any connection on this machine).
      const midiPortAsked = simulatorMidiPort;
      simulator = new SimulatorSupervisor({ scriptPort, midiPort: midiPortAsked, midiReturnPort: 0 }, log, (line) => {
        if (midiPortAsked === 0) simulatorMidiPort = midiInPortOf(line) ?? 0;
        simulatorReturnPort = midiReturnPortOf(line);
      });
      log.info(await simulator.start());
      backend = 'simulator';
    } catch (error) {
      await ownPort.release();
      throw error;
    }
  } else if (options.mode === 'live') {
    log.info(`waiting for Live on 127.0.0.1:${scriptPort}`);
  }

  const midi = withMidiTimes(
    (options.openMidiRouting ?? ((port, midiLog) => openMidi({ simulatorPort: port, log: midiLog })))(
      backend === 'simulator' ? () => simulatorMidiPort : null,
      log,
    ),
    process.env.LIVESURFACE_MIDI_TIMES,
  );
  const midiReturn = (
    options.openMidiReturn ?? ((port, returnLog) => openMidiReturn({ simulatorPort: port, log: returnLog }))
  )(backend === 'simulator' ? returnPort : null, log);
  const wake = options.wake === false ? undefined : (): void => void midi.wake();
  const upstream = new Upstream({ port: scriptPort, log, wake, timeoutMs: options.timeoutMs });
  const observations = new Observations(upstream, log);
  const sessions = new Set<ClientSession>();
  const presence = new Presence<ClientSession>({ log });
  const lock = new PerformLock(options.lock === true);
  const sessionBoxes = new SessionBoxes<ClientSession>({
    request: (body) => upstream.request(body),
    warn: (message) => log.warn(message),
  });
  lock.onChange((locked) => {
    log.info(locked ? 'the surface is locked for performance' : 'the surface is unlocked');
    for (const session of sessions) session.lockChanged(locked);
  });
  const pages = options.layoutsDir ? await SavedPages.open(options.layoutsDir, { log }) : null;
  pages?.onChange((list) => {
    for (const session of sessions) session.pagesChanged(list);
  });
  // the folder's .tsx files are pages too, unless it is the project's own layouts/ (built into the app)
  const userLayouts = new UserLayouts(userLayoutsFolder(options.layoutsDir));
  let scriptFlushes = 0;
  upstream.on('event', (event) => {
    if (event.ev === 'changes') scriptFlushes += 1;
    observations.handle(event);
  });
  upstream.on('status', (live: LiveStatus) => {
    if (live.state === 'online') {
      void observations.restore();
      sessionBoxes.resend();
    }
    for (const session of sessions) session.status(live);
  });
  upstream.start();

  const hello = (): BridgeHelloResult => ({
    protocol: PROTOCOL_VERSION,
    bridge_version: BRIDGE_VERSION,
    live: upstream.status,
    midi: midi.route,
    locked: lock.locked,
    pages: pages?.pages ?? [],
  });
  const health = (): Record<string, unknown> => ({
    ok: true,
    bridge_version: BRIDGE_VERSION,
    backend,
    live: upstream.status,
    // who said hello: their names, pages and round trips
    clients: presence.summary(),
    observations: observations.size,
    upstream_in_flight: upstream.inFlight,
    script_flushes: scriptFlushes,
    midi: midi.route,
    // where Live's MIDI out comes from, and how many tablets play it
    midi_return: { ...midiReturn.route, listeners: midiReturn.listeners },
    refused: { ...log.counts },
    uptime_s: Math.round((Date.now() - started) / 1000),
  });

  // Wrong tokens (at /session, /health and WebSocket handshakes) slow the address that sends them.
  const guesses = new GuessLimiter();
  const presented = (peer: string, given: string | null, what: string): Presented => {
    if (given === null) return 'absent';
    const waitMs = guesses.waitMs(peer);
    if (waitMs > 0) {
      log.refused('too many wrong tokens', `${what} from ${peer}`);
      return { waitMs };
    }
    if (tokensMatch(given, token)) {
      guesses.succeeded(peer);
      return 'ok';
    }
    guesses.failed(peer);
    log.refused('wrong token', `${what} from ${peer}`);
    return 'wrong';
  };
  const retryAfter = (waitMs: number): string => String(Math.ceil(waitMs / 1000));

  // the authority's certificate as a tablet installs it (DER, the type iPadOS and Android take as a CA to trust)
  const caDer = options.tls?.caCert ? new X509Certificate(options.tls.caCert).raw : null;
  const handle = (request: IncomingMessage, response: ServerResponse): void => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    const path = (request.url ?? '/').split('?')[0];
    // without the token: the certificate is public, and a tablet fetches it before it trusts this bridge at all
    if (path === '/ca.crt' && caDer !== null) {
      response
        .writeHead(200, {
          'content-type': 'application/x-x509-ca-cert',
          'content-disposition': 'attachment; filename="livesurface-ca.crt"',
          'cache-control': 'no-cache',
        })
        .end(request.method === 'HEAD' ? undefined : caDer);
      return;
    }
    if (path === '/session' || path === '/health') {
      // /session lets a browser tell a refused token from a network failure (a refused WebSocket says neither);
      // /health tells anyone that the bridge is up, and what it runs only to whom has the token.
      const given = new URL(request.url ?? '/', 'http://bridge').searchParams.get('token');
      const access = presented(request.socket.remoteAddress ?? '?', given, `${path} request`);
      const headers = { 'cache-control': 'no-store', 'content-type': 'application/json' };
      if (typeof access === 'object') {
        response.writeHead(429, { ...headers, 'retry-after': retryAfter(access.waitMs) }).end();
      } else if (path === '/session') {
        response.writeHead(access === 'ok' ? 204 : 401, headers).end();
      } else if (access === 'wrong') {
        response.writeHead(401, headers).end();
      } else {
        response.writeHead(200, headers).end(JSON.stringify(access === 'ok' ? health() : { ok: true }));
      }
      return;
    }
    // a user's layouts, compiled here in both modes (before Vite, which knows only the project's)
    if (isUserLayoutsPath(path)) {
      const peer = request.socket.remoteAddress ?? '?';
      void serveUserLayouts(userLayouts, request, response, (given) => presented(peer, given, `${path} request`));
      return;
    }
    if (devApp) devApp.handle(request, response);
    else void serveApp(options.appDir, request, response);
  };
  const http = options.tls
    ? createSecureServer({ key: options.tls.key, cert: options.tls.cert }, handle)
    : createServer(handle);
  const devApp = options.dev ? await startDevApp(http) : null;

  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: CLIENT_LIMITS.maxFrameBytes,
    perMessageDeflate: false,
  });
  const heartbeat = new Heartbeat(options.heartbeatMs);
  let nextClient = 1;
  http.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    // Vite's hot reloading has its own socket (its listener takes it)
    if (devApp && isHmrUpgrade(request)) return;
    const peer = `${request.socket.remoteAddress ?? '?'}`;
    const waitMs = guesses.waitMs(peer);
    if (waitMs > 0) {
      log.refused('too many wrong tokens', `WebSocket from ${peer}`);
      refuseUpgrade(socket, 429, 'too many wrong tokens; wait', `Retry-After: ${retryAfter(waitMs)}\r\n`);
      return;
    }
    const address = http.address();
    const verdict = checkHandshake(request, {
      token,
      ownOrigins: ownOrigins({
        port: typeof address === 'object' && address ? address.port : options.port,
        host: options.host,
      }),
      allowedOrigins: options.allowedOrigins ?? [],
    });
    if (!verdict.ok && verdict.reason === 'wrong token') guesses.failed(peer);
    if (verdict.ok) guesses.succeeded(peer);
    if (!verdict.ok) {
      log.refused(
        verdict.reason.startsWith('foreign origin') ? 'foreign origin' : verdict.reason,
        `WebSocket from ${peer}`,
      );
      refuseUpgrade(socket, verdict.status, verdict.reason);
      return;
    }
    wss.handleUpgrade(request, socket, head, (ws: WebSocket) => {
      const id = nextClient++;
      const session = new ClientSession(
        id,
        ws,
        {
          request: (body) => upstream.request(body),
          observations,
          sendMidi: (m) => midi.send(m),
          hello,
          log,
          lock,
          sessionBoxes,
          pages: pages ?? undefined,
          presence,
          midiReturn,
        },
        options.outputLimits ?? DEFAULT_OUTPUT_LIMITS,
        `client ${id} (${peer})`,
      );
      sessions.add(session);
      heartbeat.watch(ws);
      ws.on('message', (data, isBinary) => session.receive(isBinary ? null : rawDataText(data)));
      ws.on('close', (code) => {
        sessions.delete(session);
        session.closeSession();
        if (code === 1009)
          log.refused('frame too large', `${session.label}: a frame over ${CLIENT_LIMITS.maxFrameBytes} bytes`);
      });
      ws.on('error', () => {});
    });
  });

  try {
    await ownPort.release();
    await new Promise<void>((resolve, reject) => {
      http.once('error', reject);
      http.listen(options.port, options.host, () => resolve());
    });
  } catch (error) {
    pages?.close();
    upstream.stop();
    midi.close();
    midiReturn.close();
    await simulator?.stop();
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
    throw new PortInUseError(describePortInUse(options.port, "the bridge's port", '--port'), { cause: error });
  }
  const address = http.address();
  const port = typeof address === 'object' && address ? address.port : options.port;

  return {
    port,
    token,
    backend,
    upstream,
    observations,
    midi,
    midiReturn,
    simulator,
    sessionBoxes,
    pages,
    presence,
    log,
    health,
    async close() {
      heartbeat.stop();
      pages?.close();
      for (const client of wss.clients) client.close(1001, 'the bridge is shutting down');
      upstream.stop();
      midi.close();
      midiReturn.close();
      await devApp?.close();
      await new Promise<void>((resolve) => {
        http.close(() => resolve());
        http.closeAllConnections();
      });
      await simulator?.stop();
    },
  };
}
