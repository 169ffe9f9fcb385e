/**
 * `livesurface start` (what `npm start` runs): the bridge, on Live when its
 * LiveSurface script answers, else on the simulator, saying which; prints
 * where to open the app. Ctrl-C shuts everything down cleanly.
 *
 * The token comes from `startToken` (cli/token.ts). The session file (for
 * local CLI commands) goes where `session-file.ts` says, and goes away when
 * the bridge stops, however it stops short of SIGKILL (a later start cleans
 * files of dead bridges).
 *
 * `--https` serves the app and the WebSocket over TLS, with a certificate
 * signed by a certificate authority of this computer's own, kept in the
 * config (`bridge/tls.ts`): one trust step on each tablet holds across
 * restarts and address changes.
 */
import { join } from 'node:path';
import { banner } from '../bridge/banner';
import { startBridge, type LiveMode, type RunningBridge } from '../bridge/bridge';
import { checkoutRoot, describeLayoutsFolder, layoutsFolder } from '../bridge/layouts-folder';
import { UnsafePathError } from '../bridge/private-files';
import { removeSessionFile, sessionFilePath, writeSessionFile } from '../bridge/session-file';
import { keptTls, tlsDirectory, tlsNames, type ServerTls } from '../bridge/tls';
import { configDirectory } from '../bridge/token';
import { startToken, type TokenSources } from './token';

export const APP_DIR = join(import.meta.dirname, '..', 'dist', 'app');

export interface StartOptions {
  port: number;
  host: string;
  token: TokenSources;
  mode: LiveMode;
  scriptPort: number;
  midiPort: number;
  allowedOrigins: string[];
  /** Diagnostics: no wake-up sysex, so the script finds requests on its timer. */
  wake: boolean;
  /** Start locked for performance: structural edits refused until a tablet unlocks. */
  lock?: boolean;
  /** Serve the app from its sources, hot-reloading saved files (layouts, widgets). */
  dev?: boolean;
  /** Where saved pages go (`--layouts`); by default the checkout's layouts/ or the config's (layouts-folder.ts). */
  layouts?: string | null;
  /** Serve HTTPS and WebSockets over TLS (`--https`) rather than plain HTTP. */
  https?: boolean;
}

const CONTROL_SURFACE = "choose LiveSurface as a Control Surface in Live's Settings > Link, Tempo & MIDI";

/** Which Live the surface plays and why, for the banner's first line; and what to do to play Live. */
export function whichLive(
  bridge: Pick<RunningBridge, 'backend' | 'upstream'>,
  options: Pick<StartOptions, 'mode' | 'scriptPort'>,
): { live: string; liveHint?: string } {
  const { status, online } = bridge.upstream;
  if (bridge.backend === 'simulator') {
    const why =
      options.mode === 'sim'
        ? 'as --sim asks'
        : options.scriptPort === 0
          ? 'as --script-port 0 asks'
          : `no Live answered on 127.0.0.1:${options.scriptPort}`;
    return {
      live: `on the simulator, a demo set (${why})`,
      liveHint: `To play Live instead: run npx livesurface install-script, ${CONTROL_SURFACE}, and start again.`,
    };
  }
  if (!online) {
    return {
      live: `and waiting for Live on 127.0.0.1:${options.scriptPort}`,
      liveHint: `In Live, ${CONTROL_SURFACE} (npx livesurface install-script puts it where Live finds it).`,
    };
  }
  const which = status.host === 'simulator' ? 'a simulator already running, as Live' : 'Live';
  return { live: `on ${which} ${status.live_version}, set "${status.set_name}"` };
}

/** What `--https` made this start, said before the banner (a new authority needs trusting again). */
function tlsNote(tls: ServerTls): string | null {
  if (tls.made === 'authority')
    return `https: a new certificate authority (${tls.caPath}, SHA-256 ${tls.caFingerprint}); trust it on each tablet`;
  if (tls.made === 'certificate')
    return "https: a new certificate for this computer's addresses, signed by the CA tablets already trust";
  return null;
}

export async function runStart(options: StartOptions): Promise<number> {
  const { token, notes } = startToken(options.token);
  const tls = options.https ? await keptTls(tlsDirectory(configDirectory()), tlsNames()) : null;
  const tlsSaid = tls && tlsNote(tls);
  if (tlsSaid) notes.push(tlsSaid);
  const layouts = layoutsFolder({
    option: options.layouts ?? null,
    projectRoot: checkoutRoot(),
    configDir: configDirectory(),
  });
  const bridge = await startBridge({
    port: options.port,
    host: options.host,
    token,
    mode: options.mode,
    scriptPort: options.scriptPort,
    simulatorMidiPort: options.midiPort,
    appDir: APP_DIR,
    allowedOrigins: options.allowedOrigins,
    wake: options.wake,
    lock: options.lock === true,
    dev: options.dev === true,
    layoutsDir: layouts.folder,
    ...(tls ? { tls: { key: tls.key, cert: tls.cert, caCert: tls.caCert } } : {}),
  });
  if (bridge.backend === 'live' && !bridge.upstream.online) {
    // A script answered the probe: give the handshake a moment, so the banner can say which Live it is.
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, 3000);
      bridge.upstream.once('status', () => {
        clearTimeout(timer);
        resolve();
      });
    });
  }
  const sessionFile = sessionFilePath(bridge.port);
  try {
    writeSessionFile(sessionFile, {
      url: `${tls ? 'wss' : 'ws'}://127.0.0.1:${bridge.port}/ws`,
      token: bridge.token,
      pid: process.pid,
    });
    process.once('exit', () => removeSessionFile(sessionFile));
  } catch (error) {
    if (!(error instanceof UnsafePathError)) throw error;
    notes.push(`warning: no session file for local commands (they need --token): ${error.message}`);
  }
  if (options.dev)
    notes.push('dev: the app is served from its sources; a saved layout or widget reaches every tablet at once');
  for (const note of notes) console.log(note);
  console.log(
    banner({
      port: bridge.port,
      token: bridge.token,
      host: options.host,
      ...whichLive(bridge, options),
      midi: `goes ${bridge.midi.route.detail}`,
      logDir: bridge.simulator?.logDir,
      layouts: describeLayoutsFolder(layouts),
      ...(tls ? { https: { caPath: tls.caPath } } : {}),
    }),
  );
  return new Promise((resolve) => {
    const stop = (): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      console.log('LiveSurface: stopping');
      removeSessionFile(sessionFile);
      void bridge.close().then(() => resolve(0));
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
