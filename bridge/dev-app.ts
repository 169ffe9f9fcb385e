/**
 * The app served by Vite's dev server inside the bridge (`livesurface start
 * --dev`, `npm run dev`): the sources of ui/ and layouts/ compiled as they
 * are asked for, and a file saved reaches every tablet at once (Vite's hot
 * module replacement, over its own WebSocket on the bridge's port). The
 * bridge and Live keep running. Vite loads only in this mode: an installed
 * bridge never needs it.
 */
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { Server as TlsServer } from 'node:tls';

/** The project's root (where vite.config.ts is). */
const ROOT = join(import.meta.dirname, '..');

/** How Vite's HMR WebSocket says itself: the bridge leaves these upgrades to Vite. */
export const HMR_PROTOCOL = 'vite-hmr';

export interface DevApp {
  handle: (request: IncomingMessage, response: ServerResponse) => void;
  close: () => Promise<void>;
}

export async function startDevApp(http: Server): Promise<DevApp> {
  const { createServer } = await import('vite');
  const vite = await createServer({
    configFile: join(ROOT, 'vite.config.ts'),
    root: join(ROOT, 'ui'),
    appType: 'spa',
    clearScreen: false,
    logLevel: 'warn',
    server: {
      middlewareMode: true,
      // a layout with a mistake shows its error on its page (its error boundary), not over the whole app
      // over TLS with --https: a page served over https may not open a plain ws:// socket
      hmr: { server: http, protocol: http instanceof TlsServer ? 'wss' : 'ws', overlay: false },
      fs: { allow: [ROOT] },
    },
  });
  return {
    handle: (request, response) =>
      vite.middlewares(request, response, () => {
        response.writeHead(404).end();
      }),
    close: () => vite.close(),
  };
}

/** Whether an upgrade is Vite's HMR socket (not a tablet's). */
export const isHmrUpgrade = (request: IncomingMessage): boolean =>
  (request.headers['sec-websocket-protocol'] ?? '').split(',').some((protocol) => protocol.trim() === HMR_PROTOCOL);
