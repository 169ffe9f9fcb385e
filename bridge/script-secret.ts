/**
 * The script port's secret, as the bridge finds it: the LiveSurface script
 * (in Live or in the simulator) writes 32 random bytes in hex to
 * `script-<port>.secret` in a folder only this OS user may enter, at each
 * start; the bridge says them in `hello`, so no other local process can use
 * the script. The folder is the one `live-script/LiveSurface/secret.py`
 * picks, by the same rules: LIVESURFACE_SECRET_DIR, else
 * $XDG_RUNTIME_DIR/livesurface, else ~/Library/Application Support/LiveSurface
 * (macOS), %LOCALAPPDATA%\LiveSurface (Windows), $XDG_CONFIG_HOME (or
 * ~/.config)/livesurface.
 */
import { lstatSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { ScriptSecret } from '../protocol/src/index';

/** The folder the script writes its secret to, for this environment. */
export function scriptSecretDir(env: NodeJS.ProcessEnv = process.env, platform: string = process.platform): string {
  if (env.LIVESURFACE_SECRET_DIR) return env.LIVESURFACE_SECRET_DIR;
  if (env.XDG_RUNTIME_DIR) return join(env.XDG_RUNTIME_DIR, 'livesurface');
  const home = env.HOME || homedir();
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', 'LiveSurface');
  if (platform === 'win32') return join(env.LOCALAPPDATA || join(home, 'AppData', 'Local'), 'LiveSurface');
  return join(env.XDG_CONFIG_HOME || join(home, '.config'), 'livesurface');
}

/** Where the script on `port` writes its secret. */
export function scriptSecretPath(port: number, directory = scriptSecretDir()): string {
  return join(directory, `script-${port}.secret`);
}

/** The secret, or why it cannot be used. */
export type SecretLookup = { ok: true; secret: string } | { ok: false; reason: string };

/**
 * Reads the secret of the script on `port`. Refuses a file that is a link,
 * that another user owns, or that others may read or write (POSIX): a
 * secret someone else could have planted or seen proves nothing.
 */
export function readScriptSecret(port: number, directory = scriptSecretDir()): SecretLookup {
  const path = scriptSecretPath(port, directory);
  let text: string;
  try {
    const info = lstatSync(path);
    if (!info.isFile()) return { ok: false, reason: `${path} is not a plain file` };
    if (process.platform !== 'win32') {
      if (typeof process.getuid === 'function' && info.uid !== process.getuid())
        return { ok: false, reason: `${path} belongs to another user` };
      if ((info.mode & 0o077) !== 0) return { ok: false, reason: `${path} may be read by other users` };
    }
    text = readFileSync(path, 'utf8').trim();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return {
      ok: false,
      reason:
        code === 'ENOENT'
          ? `no secret for the script on port ${port} in ${directory} (is a LiveSurface script of this version running there?)`
          : `cannot read ${path}: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
  return ScriptSecret.safeParse(text).success
    ? { ok: true, secret: text }
    : { ok: false, reason: `${path} does not hold a LiveSurface secret` };
}
