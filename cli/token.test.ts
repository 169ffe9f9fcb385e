import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { WeakTokenError } from '../bridge/token';
import { startToken, TokenError } from './token';

const STRONG = '3f9c0a7e5b21d4c88e6f0b9a7c3d2e1f';
const config = (): string => mkdtempSync(join(tmpdir(), 'config-'));

describe('startToken', () => {
  it('reads --token-file, refusing one others may read', () => {
    const directory = config();
    const file = join(directory, 'my-token');
    writeFileSync(file, `${STRONG}\n`, { mode: 0o600 });
    expect(startToken({ file, env: 'ignored' }, directory)).toEqual({ token: STRONG, notes: [] });
    chmodSync(file, 0o644);
    expect(() => startToken({ file }, directory)).toThrow(/chmod 600/);
    expect(() => startToken({ file: join(directory, 'none') }, directory)).toThrow(TokenError);
  });

  it('takes --token with a warning about ps, and refuses a weak one', () => {
    expect(startToken({ flag: STRONG }, config()).notes.join()).toContain('process list (ps)');
    expect(() => startToken({ flag: 'x' }, config())).toThrow(WeakTokenError);
    expect(() => startToken({ flag: STRONG, file: 'f' }, config())).toThrow('not both');
  });

  it('takes LIVESURFACE_TOKEN, refusing a weak one', () => {
    expect(startToken({ env: STRONG }, config()).token).toBe(STRONG);
    expect(() => startToken({ env: 'cli-token' }, config())).toThrow(WeakTokenError);
  });

  it('otherwise keeps one token across starts', () => {
    const directory = config();
    const first = startToken({ env: '' }, directory);
    expect(first.notes.join()).toContain('A new session token, kept in');
    const second = startToken({}, directory);
    expect(second.token).toBe(first.token);
    expect(second.notes.join()).toContain('livesurface token --rotate');
  });
});
