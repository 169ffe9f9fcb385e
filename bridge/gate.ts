/**
 * Who may open a WebSocket: the session token is required (in the `token`
 * query parameter, since browsers cannot set headers on a WebSocket), and a
 * browser's Origin must be the bridge's own (the page it served) or one
 * allowed explicitly. Programs without an Origin (the CLI) need the token only.
 */
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export const WS_PATH = '/ws';

export type Verdict = { ok: true } | { ok: false; status: 401 | 403 | 404; reason: string };

export interface GateOptions {
  token: string;
  /** Extra origins allowed, e.g. a dev server (`http://localhost:5173`). */
  allowedOrigins?: readonly string[];
}

export function tokensMatch(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function checkHandshake(request: Pick<IncomingMessage, 'url' | 'headers'>, options: GateOptions): Verdict {
  const url = new URL(request.url ?? '/', 'http://bridge');
  if (url.pathname !== WS_PATH) return { ok: false, status: 404, reason: 'wrong path' };
  const token = url.searchParams.get('token');
  if (token === null) return { ok: false, status: 401, reason: 'no token' };
  if (!tokensMatch(token, options.token)) return { ok: false, status: 401, reason: 'wrong token' };
  const origin = request.headers.origin;
  if (origin !== undefined) {
    const own = request.headers.host !== undefined && [
      `http://${request.headers.host}`,
      `https://${request.headers.host}`,
    ];
    if (!(own && own.includes(origin)) && !(options.allowedOrigins ?? []).includes(origin)) {
      return { ok: false, status: 403, reason: `foreign origin ${origin}` };
    }
  }
  return { ok: true };
}
