import { existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultRemoteScripts, installScript } from './install-script';

describe('installScript', () => {
  it('copies the script (replacing an older copy) and says what to choose in Live', () => {
    const dest = mkdtempSync(join(tmpdir(), 'remote-scripts-'));
    mkdirSync(join(dest, 'LiveSurface'));
    writeFileSync(join(dest, 'LiveSurface', 'stale.py'), 'old');
    const lines: string[] = [];
    expect(installScript(dest, (line) => lines.push(line))).toBe(0);
    const files = readdirSync(join(dest, 'LiveSurface'));
    expect(files).toContain('__init__.py');
    expect(files).toContain('live_api.json');
    expect(files).not.toContain('stale.py');
    expect(existsSync(join(dest, 'LiveSurface', '__pycache__'))).toBe(false);
    expect(lines.join('\n')).toContain('Control Surface: LiveSurface, with Input: LiveSurface Control');
  });

  it('knows the usual folders, and asks for one elsewhere', () => {
    expect(defaultRemoteScripts('darwin', '/Users/ana')).toBe('/Users/ana/Music/Ableton/User Library/Remote Scripts');
    expect(defaultRemoteScripts('win32', 'C:\\Users\\ana')).toContain('Documents');
    expect(defaultRemoteScripts('linux', '/home/ana')).toBeNull();
    const lines: string[] = [];
    if (process.platform === 'linux') expect(installScript(undefined, (line) => lines.push(line))).toBe(2);
  });
});
