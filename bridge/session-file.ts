/**
 * A running bridge leaves its address and token in a file only this user can
 * read, so `livesurface get ...` on the same computer finds it without --token.
 *
 * The file lives in a folder private to this user (see `private-files.ts`):
 * `$LIVESURFACE_RUNTIME_DIR`, else `$XDG_RUNTIME_DIR/livesurface` (a per-user
 * folder the system makes and removes), else `livesurface-USER` in the
 * temporary folder. It is written without following links, removed when the
 * bridge stops, and files of bridges that died without removing theirs are
 * cleaned when another starts and ignored by readers.
 */
import { readdirSync, rmSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { privateFolder, readPrivateFile, writePrivateFile } from './private-files';

export interface SessionFile {
  url: string;
  token: string;
  pid: number;
}

const SESSION_NAME = /^bridge-\d+\.json$/;
const TEMPORARY_NAME = /^bridge-\d+\.json\.(\d+)\.[0-9a-f]+\.tmp$/;

/** Where session files go (see above). */
export function sessionDirectory(env: NodeJS.ProcessEnv = process.env): string {
  if (env.LIVESURFACE_RUNTIME_DIR) return env.LIVESURFACE_RUNTIME_DIR;
  if (env.XDG_RUNTIME_DIR) return join(env.XDG_RUNTIME_DIR, 'livesurface');
  return join(tmpdir(), `livesurface-${userInfo().username}`);
}

export function sessionFilePath(port: number, directory = sessionDirectory()): string {
  return join(directory, `bridge-${port}.json`);
}

/** Whether process `pid` still runs (one of another user's counts as running). */
export function processAlive(pid: number): boolean {
  if (!Number.isSafeInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function parse(text: string | null): SessionFile | null {
  if (text === null) return null;
  try {
    const value = JSON.parse(text) as Partial<SessionFile>;
    return typeof value.url === 'string' && typeof value.token === 'string' && typeof value.pid === 'number'
      ? (value as SessionFile)
      : null;
  } catch {
    return null;
  }
}

/**
 * Writes the session file, after making sure its folder is private (throws
 * `UnsafePathError` saying why when it is not) and cleaning stale files.
 */
export function writeSessionFile(path: string, session: SessionFile): void {
  const directory = join(path, '..');
  privateFolder(directory, { parents: true, elsewhere: 'set LIVESURFACE_RUNTIME_DIR to a folder of your own' });
  cleanStaleSessionFiles(directory);
  writePrivateFile(path, JSON.stringify(session));
}

/** The session of a running bridge, or null (none, unreadable, unsafe, or its bridge is gone). */
export function readSessionFile(path: string): SessionFile | null {
  let session: SessionFile | null;
  try {
    session = parse(readPrivateFile(path));
  } catch {
    return null;
  }
  return session !== null && processAlive(session.pid) ? session : null;
}

/** Removes the session file if it is this process's (another bridge may have taken the port since). */
export function removeSessionFile(path: string, pid = process.pid): void {
  let session: SessionFile | null;
  try {
    session = parse(readPrivateFile(path));
  } catch {
    return;
  }
  if (session?.pid === pid) rmSync(path, { force: true });
}

/** Removes session files (and half-written ones) of processes that no longer run; returns their names. */
export function cleanStaleSessionFiles(directory: string): string[] {
  const removed: string[] = [];
  for (const name of readdirSync(directory)) {
    const path = join(directory, name);
    let stale = false;
    const temporary = TEMPORARY_NAME.exec(name);
    if (temporary) {
      stale = !processAlive(Number(temporary[1]));
    } else if (SESSION_NAME.test(name)) {
      let session: SessionFile | null = null;
      try {
        session = parse(readPrivateFile(path));
      } catch {
        // a link or someone else's file where ours go: not ours to trust, so it goes
      }
      stale = session === null || !processAlive(session.pid);
    }
    if (!stale) continue;
    try {
      rmSync(path, { force: true });
      removed.push(name);
    } catch {
      // a folder by that name: not ours to remove, and no file of ours can go there
    }
  }
  return removed;
}
