import { X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { certificateFits, keptTls, spkiHash, tlsNames, type TlsNames } from './tls';
import { SERVER_DAYS } from './tls-make';

const NAMES: TlsNames = { dns: ['localhost', 'studio', 'studio.local'], ips: ['127.0.0.1', '::1', '192.168.1.20'] };
const DAY_MS = 24 * 60 * 60 * 1000;

let parent: string;
let directory: string;
beforeEach(() => {
  parent = mkdtempSync(join(tmpdir(), 'livesurface-tls-'));
  directory = join(parent, 'config', 'tls');
});
afterEach(() => rmSync(parent, { recursive: true, force: true }));

describe('tlsNames', () => {
  it('lists localhost, the computer’s names, loopback and the network addresses the banner lists', () => {
    const names = tlsNames([{ name: 'wlan0', address: '192.168.1.20' }], 'Studio.example.org');
    expect(names.dns).toEqual(['localhost', 'studio.example.org', 'studio', 'studio.local']);
    expect(names.ips).toEqual(['127.0.0.1', '::1', '192.168.1.20']);
  });

  it('leaves out a computer name that is not a host name', () => {
    expect(tlsNames([], 'Someone’s MacBook').dns).toEqual(['localhost']);
  });
});

describe('keptTls', () => {
  it('makes an authority and a server certificate it signed, for every name, in files only this user reads', async () => {
    const tls = await keptTls(directory, NAMES, new Date(), 'studio');
    expect(tls.made).toBe('authority');
    const authority = new X509Certificate(tls.caCert);
    const server = new X509Certificate(tls.cert);
    expect(authority.ca).toBe(true);
    expect(authority.subject).toContain('CN=LiveSurface local CA (studio)');
    expect(server.ca).toBe(false);
    expect(server.verify(authority.publicKey)).toBe(true);
    expect(server.checkIssued(authority)).toBe(true);
    expect(server.checkIP('192.168.1.20')).toBe('192.168.1.20');
    expect(server.checkHost('studio.local')).toBe('studio.local');
    expect(server.keyUsage).toContain('1.3.6.1.5.5.7.3.1'); // serverAuth
    expect(tls.caPath).toBe(join(directory, 'ca.crt'));
    expect(readFileSync(tls.caPath, 'utf8')).toBe(tls.caCert);
    expect(tls.caFingerprint).toBe(authority.fingerprint256);
    expect(tls.spkiHash).toMatch(/^[A-Za-z0-9+/]{43}=$/);
    if (process.platform !== 'win32') {
      expect(statSync(directory).mode & 0o777).toBe(0o700);
      for (const file of ['ca.crt', 'ca.key', 'server.crt', 'server.key'])
        expect(statSync(join(directory, file)).mode & 0o777).toBe(0o600);
    }
  });

  it('keeps both across restarts', async () => {
    const first = await keptTls(directory, NAMES);
    const again = await keptTls(directory, NAMES);
    expect(again.made).toBe('nothing');
    expect(again.caCert).toBe(first.caCert);
    expect(again.cert).toBe(first.cert);
    expect(again.key).toBe(first.key);
  });

  it('signs a new server certificate with the same authority when the addresses change', async () => {
    const first = await keptTls(directory, NAMES);
    const elsewhere = { ...NAMES, ips: ['127.0.0.1', '::1', '10.0.0.7'] };
    const moved = await keptTls(directory, elsewhere);
    expect(moved.made).toBe('certificate');
    expect(moved.caCert).toBe(first.caCert);
    const server = new X509Certificate(moved.cert);
    expect(server.checkIP('10.0.0.7')).toBe('10.0.0.7');
    expect(server.checkIP('192.168.1.20')).toBeUndefined();
    expect(server.verify(new X509Certificate(first.caCert).publicKey)).toBe(true);
    // an address gone is a name fewer: that too makes a new one
    expect((await keptTls(directory, { ...elsewhere, ips: ['127.0.0.1'] })).made).toBe('certificate');
  });

  it('renews a server certificate a month before it runs out, keeping the authority', async () => {
    const made = new Date('2026-01-01T00:00:00Z');
    const first = await keptTls(directory, NAMES, made);
    const nearlyOut = new Date(made.getTime() + (SERVER_DAYS - 20) * DAY_MS);
    const renewed = await keptTls(directory, NAMES, nearlyOut);
    expect(renewed.made).toBe('certificate');
    expect(renewed.caCert).toBe(first.caCert);
    expect(new Date(new X509Certificate(renewed.cert).validTo).getTime()).toBeGreaterThan(
      nearlyOut.getTime() + 300 * DAY_MS,
    );
  });

  it('replaces an authority whose files are broken, and says so', async () => {
    const first = await keptTls(directory, NAMES);
    writeFileSync(join(directory, 'ca.key'), 'not a key', { mode: 0o600 });
    const replaced = await keptTls(directory, NAMES);
    expect(replaced.made).toBe('authority');
    expect(replaced.caCert).not.toBe(first.caCert);
    expect(new X509Certificate(replaced.cert).verify(new X509Certificate(replaced.caCert).publicKey)).toBe(true);
  });

  it('refuses a folder other users can read', async () => {
    await keptTls(directory, NAMES);
    if (process.platform === 'win32') return;
    const { chmodSync } = await import('node:fs');
    chmodSync(directory, 0o755);
    await expect(keptTls(directory, NAMES)).rejects.toThrow(/open to other users/);
  });
});

describe('certificateFits', () => {
  it('refuses a certificate another authority signed', async () => {
    const mine = await keptTls(join(parent, 'mine'), NAMES);
    const theirs = await keptTls(join(parent, 'theirs'), NAMES);
    const server = new X509Certificate(theirs.cert);
    expect(certificateFits(server, new X509Certificate(mine.caCert), NAMES, new Date())).toBe(false);
    expect(certificateFits(server, new X509Certificate(theirs.caCert), NAMES, new Date())).toBe(true);
    expect(spkiHash(server)).toBe(theirs.spkiHash);
  });
});
