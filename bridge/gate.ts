/**
 * Who may open a WebSocket: the session token is required (in the `token`
 * query parameter, since browsers cannot set headers on a WebSocket), and a
 * browser's Origin must be one of the bridge's own pages or one allowed
 * explicitly. Programs without an Origin (the CLI) need the token only.
 *
 * "The bridge's own pages" are its addresses and names, known to the bridge
 * itself: never the request's Host header, which the page's author chooses
 * (a page on evil.example that resolves its name to this computer, DNS
 * rebinding, sends `Host: evil.example` and `Origin: http://evil.example`).
 */
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { hostname as osHostname, networkInterfaces, type NetworkInterfaceInfo } from 'node:os';

export const WS_PATH = '/ws';

export type Verdict = { ok: true } | { ok: false; status: 401 | 403 | 404; reason: string };

export interface GateOptions {
  token: string;
  /** The bridge's own origins (see `ownOrigins`). */
  ownOrigins: ReadonlySet<string>;
  /** Extra origins allowed, e.g. a dev server (`http://localhost:5173`). */
  allowedOrigins?: readonly string[];
}

export interface OwnNames {
  /** The port the bridge listens on. */
  port: number;
  /** The address it listens on (`0.0.0.0` or `::` for every interface). */
  host: string;
  hostname?: string;
  interfaces?: NodeJS.Dict<NetworkInterfaceInfo[]>;
}

/** `http://name:port` as a browser's Origin header spells it (lower case, no default port, IPv6 in brackets). */
function originOf(scheme: 'http' | 'https', name: string, port: number): string | null {
  const host = name.includes(':') && !name.startsWith('[') ? `[${name}]` : name;
  try {
    return new URL(`${scheme}://${host}:${port}`).origin;
  } catch {
    return null;
  }
}

/**
 * The origins of pages the bridge serves: on its port, under localhost, the
 * loopback addresses, the listen address, every interface address and the
 * machine's host name (as is, short, and `.local` for mDNS).
 */
export function ownOrigins(names: OwnNames): Set<string> {
  const hostname = (names.hostname ?? osHostname()).toLowerCase();
  const short = hostname.split('.')[0] ?? hostname;
  const candidates = new Set(['localhost', '127.0.0.1', '::1', hostname, short, `${short}.local`]);
  if (names.host !== '0.0.0.0' && names.host !== '::') candidates.add(names.host);
  for (const entries of Object.values(names.interfaces ?? networkInterfaces())) {
    for (const entry of entries ?? []) candidates.add(entry.address);
  }
  const origins = new Set<string>();
  for (const name of candidates) {
    if (name === '') continue;
    for (const scheme of ['http', 'https'] as const) {
      const origin = originOf(scheme, name, names.port);
      if (origin !== null) origins.add(origin);
    }
  }
  return origins;
}

/** The Origin header in the form `ownOrigins` lists, or null when it is not an http(s) origin. */
function normalizedOrigin(origin: string): string | null {
  try {
    const url = new URL(origin);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.origin : null;
  } catch {
    return null;
  }
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
    const normalized = normalizedOrigin(origin);
    const allowed = (options.allowedOrigins ?? []).map((entry) => normalizedOrigin(entry) ?? entry);
    if (normalized === null || !(options.ownOrigins.has(normalized) || allowed.includes(normalized))) {
      return { ok: false, status: 403, reason: `foreign origin ${origin} (allow it with --allow-origin ${origin})` };
    }
  }
  return { ok: true };
}
