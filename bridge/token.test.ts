import { chmodSync, lstatSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UnsafePathError } from './private-files';
import {
  assertStrongToken,
  configDirectory,
  keptToken,
  newToken,
  saveToken,
  savedToken,
  tokenBits,
  tokenWeakness,
  WeakTokenError,
} from './token';

describe('token', () => {
  describe('#tokenWeakness', () => {
    it.each(['x', 'cli-token', 'test-token-123', 'a'.repeat(64), 'ab'.repeat(40), '0123456789abcdef', 'has space'])(
      'refuses %j',
      (token) => {
        expect(tokenWeakness(token)).not.toBeNull();
        expect(() => assertStrongToken(token)).toThrow(WeakTokenError);
      },
    );

    it.each([
      ['32 hex digits', '3f9c0a7e5b21d4c88e6f0b9a7c3d2e1f'],
      ['22 base64url characters', 'Zk3_x9QmP2Lr7Vt4Nw8BcA'],
      ['a passphrase of letters, digits and signs', 'Tr0mb0ne!Violin#Cello$Harp'],
    ])('takes %s', (_, token) => {
      expect(tokenWeakness(token)).toBeNull();
    });

    it('says what is needed', () => {
      expect(tokenWeakness('x')).toMatch(/at least 128 are needed/);
    });
  });

  describe('#newToken', () => {
    it('makes strong, different tokens', () => {
      const tokens = new Set(Array.from({ length: 200 }, newToken));
      expect(tokens.size).toBe(200);
      for (const token of tokens) expect(tokenBits(token)).toBeGreaterThanOrEqual(128);
    });
  });

  describe('#keptToken', () => {
    it('makes a token once, keeps it private, and gives it back at the next start', () => {
      const directory = join(mkdtempSync(join(tmpdir(), 'config-')), 'livesurface');
      const first = keptToken(directory);
      expect(first.created).toBe(true);
      expect(lstatSync(directory).mode & 0o777).toBe(0o700);
      expect(lstatSync(first.path).mode & 0o777).toBe(0o600);
      expect(readFileSync(first.path, 'utf8')).toBe(`${first.token}\n`);
      expect(keptToken(directory)).toEqual({ ...first, created: false });
      const rotated = newToken();
      saveToken(rotated, directory);
      expect(keptToken(directory).token).toBe(rotated);
    });

    it('will not read a kept token others may read', () => {
      const directory = mkdtempSync(join(tmpdir(), 'config-'));
      const { path } = keptToken(directory);
      chmodSync(path, 0o644);
      expect(() => savedToken(directory)).toThrow(UnsafePathError);
    });

    it('replaces a kept token too weak to use', () => {
      const directory = mkdtempSync(join(tmpdir(), 'config-'));
      writeFileSync(join(directory, 'token'), 'x\n', { mode: 0o600 });
      expect(keptToken(directory).created).toBe(true);
    });
  });

  describe('#configDirectory', () => {
    it('follows each platform’s habit', () => {
      expect(configDirectory({ LIVESURFACE_CONFIG_DIR: '/c' }, 'linux')).toBe('/c');
      expect(configDirectory({ XDG_CONFIG_HOME: '/home/u/.cfg' }, 'linux')).toBe('/home/u/.cfg/livesurface');
      expect(configDirectory({}, 'darwin')).toMatch(/Library\/Application Support\/LiveSurface$/);
      expect(configDirectory({ APPDATA: 'C:\\Users\\u\\AppData\\Roaming' }, 'win32')).toMatch(/LiveSurface$/);
    });
  });
});
