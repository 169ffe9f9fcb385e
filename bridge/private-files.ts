/**
 * Files only this user may read (the session file, the saved token), made so
 * that another local user cannot read them or redirect where they go:
 *
 * - the folder is created with mode 0700 (`mkdir` never follows a link at
 *   its name) and, whether new or found, must be a real folder, owned by this
 *   user and closed to others; otherwise `UnsafePathError` says why and what
 *   to do;
 * - a file is written under a fresh temporary name (`O_CREAT | O_EXCL |
 *   O_NOFOLLOW`, mode 0600) and renamed into place: a symlink planted at its
 *   name is replaced, never followed, and a reader never sees half a file;
 * - a file is read with `O_NOFOLLOW` and only when it is a regular file of
 *   this user's that others cannot read.
 *
 * Ownership and modes are POSIX ideas: on Windows the user's profile folders
 * are private already, and only the link checks apply.
 */
import { randomBytes } from 'node:crypto';
import {
  closeSync,
  constants,
  fstatSync,
  fsyncSync,
  lstatSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  writeSync,
  type Stats,
} from 'node:fs';
import { dirname } from 'node:path';

/** A folder or file that is not private to this user, with what to do about it. */
export class UnsafePathError extends Error {
  override readonly name = 'UnsafePathError';
}

// Windows has no O_NOFOLLOW (nor symlinks an unprivileged user may plant).
const NOFOLLOW = constants.O_NOFOLLOW ?? 0;
const myUid = (): number | null => (typeof process.getuid === 'function' ? process.getuid() : null);
const octal = (mode: number): string => (mode & 0o777).toString(8).padStart(4, '0');

function checkOwnedAndClosed(path: string, stats: Stats, what: string, fix: string, elsewhere: string): void {
  const uid = myUid();
  if (uid === null) return;
  if (stats.uid !== uid) {
    throw new UnsafePathError(
      `${what} ${path} belongs to user ${stats.uid}, not to you (${uid}): someone else may have made it to read ` +
        `or replace what LiveSurface keeps there. Have it removed${elsewhere ? `, or ${elsewhere}` : ''}.`,
    );
  }
  if ((stats.mode & 0o077) !== 0) {
    throw new UnsafePathError(
      `${what} ${path} is open to other users (mode ${octal(stats.mode)}); LiveSurface keeps secrets only where ` +
        `you alone can look: ${fix}`,
    );
  }
}

export interface FolderOptions {
  /** Create the folders above it too (mode 0700). */
  parents?: boolean;
  /** How to choose another place, said when the folder is someone else's. */
  elsewhere?: string;
}

/** Makes `path` a folder private to this user, or throws why it cannot be. */
export function privateFolder(path: string, options: FolderOptions = {}): void {
  if (options.parents) mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  try {
    mkdirSync(path, { mode: 0o700 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  const stats = lstatSync(path);
  if (stats.isSymbolicLink())
    throw new UnsafePathError(`the folder ${path} is a symbolic link; remove it (rm ${path}) and start again`);
  if (!stats.isDirectory())
    throw new UnsafePathError(`${path} should be a folder but is a file; remove it (rm ${path}) and start again`);
  checkOwnedAndClosed(path, stats, 'the folder', `chmod 700 ${path}`, options.elsewhere ?? '');
}

/** Writes `text` to `path` (mode 0600) through a fresh temporary file and a rename. */
export function writePrivateFile(path: string, text: string): void {
  const temporary = `${path}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  const fd = openSync(temporary, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | NOFOLLOW, 0o600);
  try {
    try {
      writeSync(fd, text);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}

/**
 * The text of `path`, or null when there is none. Throws `UnsafePathError`
 * for a link, something not a file, or a file others may read or own.
 */
export function readPrivateFile(path: string): string | null {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | NOFOLLOW);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return null;
    if (code === 'ELOOP') throw new UnsafePathError(`${path} is a symbolic link; remove it (rm ${path})`);
    throw error;
  }
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile()) throw new UnsafePathError(`${path} is not a regular file; remove it (rm ${path})`);
    checkOwnedAndClosed(path, stats, 'the file', `chmod 600 ${path}`, '');
    return readFileSync(fd, 'utf8');
  } finally {
    closeSync(fd);
  }
}
