/**
 * A running bridge leaves its address and token in a file only this user can
 * read, so `livesurface get ...` on the same computer finds it without --token.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';

export interface SessionFile {
  url: string;
  token: string;
  pid: number;
}

export function sessionFilePath(
  port: number,
  directory = join(tmpdir(), `livesurface-${userInfo().username}`),
): string {
  return join(directory, `bridge-${port}.json`);
}

export function writeSessionFile(path: string, session: SessionFile): void {
  mkdirSync(join(path, '..'), { recursive: true, mode: 0o700 });
  writeFileSync(path, JSON.stringify(session), { mode: 0o600 });
}

export function readSessionFile(path: string): SessionFile | null {
  try {
    const value = JSON.parse(readFileSync(path, 'utf8')) as SessionFile;
    return typeof value.url === 'string' && typeof value.token === 'string' ? value : null;
  } catch {
    return null;
  }
}

export function removeSessionFile(path: string): void {
  rmSync(path, { force: true });
}
