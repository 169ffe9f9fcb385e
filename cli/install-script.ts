/**
 * `livesurface install-script [--dest DIR]`: copies the LiveSurface script
 * into Live's User Library `Remote Scripts` folder and says what to choose in
 * Live's settings.
 */
import { cpSync, existsSync, rmSync } from 'node:fs';
import { homedir } from 'node:os';
import { basename, join } from 'node:path';
import { NOTES_PORT, CONTROL_PORT } from '../bridge/midi-out';

export const SCRIPT_SOURCE = join(import.meta.dirname, '..', 'live-script', 'LiveSurface');

/** The usual `Remote Scripts` folder of Live's User Library, or null where Live does not run. */
export function defaultRemoteScripts(platform = process.platform, home = homedir()): string | null {
  if (platform === 'darwin') return join(home, 'Music', 'Ableton', 'User Library', 'Remote Scripts');
  if (platform === 'win32') return join(home, 'Documents', 'Ableton', 'User Library', 'Remote Scripts');
  return null;
}

export function installScript(dest: string | undefined, print: (line: string) => void = console.log): number {
  const folder = dest ?? defaultRemoteScripts();
  if (folder === null) {
    print('Live runs on macOS and Windows; give the Remote Scripts folder with --dest DIR.');
    return 2;
  }
  const target = join(folder, basename(SCRIPT_SOURCE));
  if (existsSync(target)) rmSync(target, { recursive: true, force: true });
  cpSync(SCRIPT_SOURCE, target, {
    recursive: true,
    filter: (source) => !source.includes('__pycache__') && !source.endsWith('.pyc'),
  });
  print(`Installed the LiveSurface script in ${target}`);
  print('Restart Live, then in Settings > Link, Tempo & MIDI:');
  print(`  1. Control Surface: LiveSurface, with Input: ${CONTROL_PORT} (the wake-up path; Output: None)`);
  print(`  2. MIDI Ports: Track on for the input "${NOTES_PORT}", so tracks play the tablets' keys and pads`);
  print('Then run: livesurface start');
  return 0;
}
