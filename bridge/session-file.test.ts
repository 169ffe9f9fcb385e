import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { UnsafePathError } from './private-files';
import {
  cleanStaleSessionFiles,
  readSessionFile,
  removeSessionFile,
  sessionDirectory,
  sessionFilePath,
  writeSessionFile,
} from './session-file';

/** A pid that surely ran and ended. */
const deadPid = (): number => spawnSync(process.execPath, ['-e', '0']).pid;

describe('session-file', () => {
  let root: string;
  let directory: string;
  const session = { url: 'ws://127.0.0.1:9400/ws', token: 'secret', pid: process.pid };

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'session-file-'));
    directory = join(root, 'livesurface');
  });

  afterEach(() => {
    chmodSync(root, 0o700);
  });

  describe('#writeSessionFile', () => {
    it('creates a private folder and a private file, and reads back', () => {
      const path = sessionFilePath(9400, directory);
      writeSessionFile(path, session);
      expect(lstatSync(directory).mode & 0o777).toBe(0o700);
      expect(lstatSync(path).mode & 0o777).toBe(0o600);
      expect(readSessionFile(path)).toEqual(session);
    });

    it('replaces a symlink planted where the file goes, and leaves its target alone', () => {
      mkdirSync(directory, { mode: 0o700 });
      const victim = join(root, 'victim.txt');
      writeFileSync(victim, 'precious');
      const path = sessionFilePath(9400, directory);
      symlinkSync(victim, path);
      writeSessionFile(path, session);
      expect(readFileSync(victim, 'utf8')).toBe('precious');
      expect(lstatSync(path).isSymbolicLink()).toBe(false);
      expect(readSessionFile(path)).toEqual(session);
    });

    it('refuses a folder others may write to, saying why', () => {
      mkdirSync(directory);
      chmodSync(directory, 0o777);
      const path = sessionFilePath(9400, directory);
      expect(() => writeSessionFile(path, session)).toThrow(UnsafePathError);
      expect(() => writeSessionFile(path, session)).toThrow(/open to other users \(mode 0777\).*chmod 700/);
      expect(existsSync(path)).toBe(false);
    });

    it('refuses a folder that is a symlink', () => {
      const elsewhere = join(root, 'elsewhere');
      mkdirSync(elsewhere, { mode: 0o700 });
      symlinkSync(elsewhere, directory);
      expect(() => writeSessionFile(sessionFilePath(9400, directory), session)).toThrow(/is a symbolic link/);
    });

    it('cleans files of bridges that are gone, and keeps live ones', () => {
      mkdirSync(directory, { mode: 0o700 });
      const dead = deadPid();
      writeFileSync(join(directory, 'bridge-9500.json'), JSON.stringify({ ...session, pid: dead }), { mode: 0o600 });
      writeFileSync(join(directory, `bridge-9501.json.${dead}.abcdef.tmp`), '{', { mode: 0o600 });
      writeFileSync(join(directory, 'bridge-9502.json'), JSON.stringify(session), { mode: 0o600 });
      writeFileSync(join(directory, 'notes.txt'), 'not ours', { mode: 0o600 });
      writeSessionFile(sessionFilePath(9400, directory), session);
      expect(existsSync(join(directory, 'bridge-9500.json'))).toBe(false);
      expect(existsSync(join(directory, `bridge-9501.json.${dead}.abcdef.tmp`))).toBe(false);
      expect(existsSync(join(directory, 'bridge-9502.json'))).toBe(true);
      expect(existsSync(join(directory, 'notes.txt'))).toBe(true);
      expect(cleanStaleSessionFiles(directory)).toEqual([]);
    });
  });

  describe('#readSessionFile', () => {
    it('ignores a file of a bridge that is gone, a symlink and one others may read', () => {
      mkdirSync(directory, { mode: 0o700 });
      const path = sessionFilePath(9400, directory);
      writeFileSync(path, JSON.stringify({ ...session, pid: deadPid() }), { mode: 0o600 });
      expect(readSessionFile(path)).toBeNull();
      writeFileSync(path, JSON.stringify(session), { mode: 0o644 });
      chmodSync(path, 0o644);
      expect(readSessionFile(path)).toBeNull();
      const other = join(root, 'other.json');
      writeFileSync(other, JSON.stringify(session), { mode: 0o600 });
      const linked = sessionFilePath(9401, directory);
      symlinkSync(other, linked);
      expect(readSessionFile(linked)).toBeNull();
    });
  });

  describe('#removeSessionFile', () => {
    it('removes this process’s file, not another’s', () => {
      const path = sessionFilePath(9400, directory);
      writeSessionFile(path, { ...session, pid: process.pid + 1 });
      removeSessionFile(path);
      expect(existsSync(path)).toBe(true);
      writeSessionFile(path, session);
      removeSessionFile(path);
      expect(existsSync(path)).toBe(false);
    });
  });

  describe('#sessionDirectory', () => {
    it('prefers LIVESURFACE_RUNTIME_DIR, then XDG_RUNTIME_DIR, then the temporary folder', () => {
      expect(sessionDirectory({ LIVESURFACE_RUNTIME_DIR: '/x', XDG_RUNTIME_DIR: '/run/user/1' })).toBe('/x');
      expect(sessionDirectory({ XDG_RUNTIME_DIR: '/run/user/1' })).toBe('/run/user/1/livesurface');
      expect(sessionDirectory({})).toMatch(/livesurface-/);
    });
  });
});
