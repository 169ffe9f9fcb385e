/**
 * The session token: how strong it must be, a new one, and the one kept in
 * the user's config so a tablet's bookmark (and QR code) keeps working after
 * a restart.
 *
 * A token someone chose cannot be measured, only estimated: the estimate is
 * its length times the bits per character of the alphabet it draws from
 * (16 for hex digits, 64 for base64url...), refused under 128 bits, and a
 * token of fewer than 8 different characters ("aaaa...", "abab...") is
 * refused whatever its length.
 */
import { randomBytes } from 'node:crypto';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { privateFolder, readPrivateFile, writePrivateFile } from './private-files';

export const MIN_TOKEN_BITS = 128;

/** A new token: 144 random bits as 24 base64url characters (drawn again in the rare case the estimate says less). */
export function newToken(): string {
  for (;;) {
    const token = randomBytes(18).toString('base64url');
    if (tokenWeakness(token) === null) return token;
  }
}

/** About how many bits of randomness `token` can hold (0 for characters a token may not have). */
export function tokenBits(token: string): number {
  if (!/^[\x21-\x7e]+$/.test(token)) return 0;
  if (new Set(token).size < 8) return 0;
  let alphabet: number;
  if (/^[0-9a-f]+$/i.test(token)) alphabet = 16;
  else {
    alphabet = 0;
    if (/[a-z]/.test(token)) alphabet += 26;
    if (/[A-Z]/.test(token)) alphabet += 26;
    if (/[0-9]/.test(token)) alphabet += 10;
    if (/[-_]/.test(token)) alphabet += 2;
    if (/[^-\w]/.test(token)) alphabet += 30;
  }
  return Math.floor(token.length * Math.log2(alphabet));
}

/** Why `token` is refused, or null when it is strong enough. */
export function tokenWeakness(token: string): string | null {
  if (!/^[\x21-\x7e]+$/.test(token)) return 'a token is printable ASCII without spaces';
  const bits = tokenBits(token);
  if (bits >= MIN_TOKEN_BITS) return null;
  return (
    `the token is too weak (about ${bits} bits of randomness; at least ${MIN_TOKEN_BITS} are needed): ` +
    'use 22 or more random characters from A-Z a-z 0-9 - _ or 32 hex digits (openssl rand -hex 16), ' +
    'or give none and LiveSurface makes one and keeps it'
  );
}

/** A token refused as too weak. */
export class WeakTokenError extends Error {
  override readonly name = 'WeakTokenError';
}

/** Throws `WeakTokenError` for a token that is too weak. */
export function assertStrongToken(token: string): void {
  const weakness = tokenWeakness(token);
  if (weakness !== null) throw new WeakTokenError(weakness);
}

/**
 * Where LiveSurface keeps its settings: `$LIVESURFACE_CONFIG_DIR`, else the
 * platform's place for them (`$XDG_CONFIG_HOME/livesurface` or
 * `~/.config/livesurface`, `~/Library/Application Support/LiveSurface` on
 * macOS, `%APPDATA%\LiveSurface` on Windows).
 */
export function configDirectory(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (env.LIVESURFACE_CONFIG_DIR) return env.LIVESURFACE_CONFIG_DIR;
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'LiveSurface');
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'LiveSurface');
  return join(env.XDG_CONFIG_HOME || join(homedir(), '.config'), 'livesurface');
}

export const tokenFilePath = (directory = configDirectory()): string => join(directory, 'token');

/** The kept token, or null when there is none (or it is not a usable one). Throws `UnsafePathError`. */
export function savedToken(directory = configDirectory()): string | null {
  privateFolder(directory, { parents: true, elsewhere: 'set LIVESURFACE_CONFIG_DIR to a folder of your own' });
  const token = readPrivateFile(tokenFilePath(directory))?.trim() ?? null;
  return token !== null && tokenWeakness(token) === null ? token : null;
}

/** Keeps `token` (mode 0600, in a folder of mode 0700). */
export function saveToken(token: string, directory = configDirectory()): string {
  assertStrongToken(token);
  privateFolder(directory, { parents: true, elsewhere: 'set LIVESURFACE_CONFIG_DIR to a folder of your own' });
  const path = tokenFilePath(directory);
  writePrivateFile(path, `${token}\n`);
  return path;
}

/** The kept token, or a new one, kept. */
export function keptToken(directory = configDirectory()): { token: string; path: string; created: boolean } {
  const token = savedToken(directory);
  if (token !== null) return { token, path: tokenFilePath(directory), created: false };
  const fresh = newToken();
  return { token: fresh, path: saveToken(fresh, directory), created: true };
}
