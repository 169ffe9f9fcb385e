import { chmodSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readScriptSecret, scriptSecretDir, scriptSecretPath } from './script-secret';

const SECRET = 'ab'.repeat(32);

function folder(): string {
  return mkdtempSync(join(tmpdir(), 'secret-test-'));
}

describe('script-secret', () => {
  describe('#scriptSecretDir', () => {
    it('finds the folder the script writes to, by the same rules (live-script/LiveSurface/secret.py)', () => {
      expect(scriptSecretDir({ LIVESURFACE_SECRET_DIR: '/x', XDG_RUNTIME_DIR: '/run/user/1' }, 'linux')).toBe('/x');
      expect(scriptSecretDir({ XDG_RUNTIME_DIR: '/run/user/1', HOME: '/h' }, 'linux')).toBe('/run/user/1/livesurface');
      expect(scriptSecretDir({ HOME: '/h' }, 'linux')).toBe('/h/.config/livesurface');
      expect(scriptSecretDir({ HOME: '/h', XDG_CONFIG_HOME: '/c' }, 'linux')).toBe('/c/livesurface');
      expect(scriptSecretDir({ HOME: '/Users/me' }, 'darwin')).toBe(
        '/Users/me/Library/Application Support/LiveSurface',
      );
    });
  });

  describe('#readScriptSecret', () => {
    it('reads the secret of the script on a port', () => {
      const directory = folder();
      writeFileSync(scriptSecretPath(9401, directory), SECRET, { mode: 0o600 });
      expect(readScriptSecret(9401, directory)).toEqual({ ok: true, secret: SECRET });
    });

    it('says why when there is none', () => {
      const lookup = readScriptSecret(9401, folder());
      expect(lookup).toMatchObject({
        ok: false,
        reason: expect.stringContaining('no secret for the script on port 9401'),
      });
    });

    it.runIf(process.platform !== 'win32')('refuses a file others may read, a link, or something else', () => {
      const directory = folder();
      const path = scriptSecretPath(9401, directory);
      writeFileSync(path, SECRET, { mode: 0o600 });
      chmodSync(path, 0o644);
      expect(readScriptSecret(9401, directory)).toMatchObject({
        ok: false,
        reason: expect.stringContaining('other users'),
      });
      const elsewhere = join(folder(), 'planted');
      writeFileSync(elsewhere, SECRET, { mode: 0o600 });
      symlinkSync(elsewhere, scriptSecretPath(9402, directory));
      expect(readScriptSecret(9402, directory)).toMatchObject({
        ok: false,
        reason: expect.stringContaining('plain file'),
      });
      writeFileSync(scriptSecretPath(9403, directory), 'letmein', { mode: 0o600 });
      expect(readScriptSecret(9403, directory)).toMatchObject({
        ok: false,
        reason: expect.stringContaining('does not hold'),
      });
    });
  });
});
