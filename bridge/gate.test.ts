import { describe, expect, it } from 'vitest';
import { checkHandshake, ownOrigins, tokensMatch } from './gate';

const interfaces = {
  lo: [{ address: '127.0.0.1', family: 'IPv4', internal: true }],
  wlan0: [
    { address: '192.168.1.5', family: 'IPv4', internal: false },
    { address: 'fe80::1c2b:3cff:fe4d:5e6f', family: 'IPv6', internal: false },
  ],
} as unknown as NonNullable<Parameters<typeof ownOrigins>[0]['interfaces']>;
const own = ownOrigins({ port: 9400, host: '0.0.0.0', hostname: 'Studio-Mac.lan', interfaces });
const request = (url: string, headers: Record<string, string> = {}) => ({
  url,
  headers: { host: '192.168.1.5:9400', ...headers },
});
const options = { token: 's3cret', ownOrigins: own, allowedOrigins: ['http://localhost:5173'] };

describe('ownOrigins', () => {
  it('lists the bridge’s addresses and names on its port', () => {
    for (const origin of [
      'http://localhost:9400',
      'http://127.0.0.1:9400',
      'http://[::1]:9400',
      'http://192.168.1.5:9400',
      'https://192.168.1.5:9400',
      'http://[fe80::1c2b:3cff:fe4d:5e6f]:9400',
      'http://studio-mac.lan:9400',
      'http://studio-mac:9400',
      'http://studio-mac.local:9400',
    ])
      expect(own).toContain(origin);
    expect(own).not.toContain('http://localhost:9401');
  });

  it('spells a default port as browsers do', () => {
    expect(ownOrigins({ port: 80, host: '192.168.1.5', hostname: 'x', interfaces: {} })).toContain(
      'http://192.168.1.5',
    );
  });
});

describe('checkHandshake', () => {
  it('lets in the right token from the bridge’s own page, by any of its names', () => {
    for (const origin of ['http://192.168.1.5:9400', 'http://LOCALHOST:9400', 'http://studio-mac.local:9400'])
      expect(checkHandshake(request('/ws?token=s3cret', { origin }), options)).toEqual({ ok: true });
  });

  it('lets in a program without an Origin when it has the token', () => {
    expect(checkHandshake(request('/ws?token=s3cret'), options)).toEqual({ ok: true });
  });

  it('lets in an origin allowed explicitly', () => {
    expect(checkHandshake(request('/ws?token=s3cret', { origin: 'http://localhost:5173' }), options).ok).toBe(true);
  });

  it('does not trust the Host header (DNS rebinding)', () => {
    const verdict = checkHandshake(
      request('/ws?token=s3cret', { host: 'evil.example:9400', origin: 'http://evil.example:9400' }),
      options,
    );
    expect(verdict).toMatchObject({ ok: false, status: 403 });
  });

  it.each([
    ['/ws', {}, 401, 'no token'],
    ['/ws?token=wrong', {}, 401, 'wrong token'],
    ['/ws?token=s3cret%00', {}, 401, 'wrong token'],
    ['/ws?token=s3cret', { origin: 'http://evil.example' }, 403, 'foreign origin http://evil.example'],
    ['/ws?token=s3cret', { origin: 'http://192.168.1.5:9401' }, 403, 'foreign origin http://192.168.1.5:9401'],
    ['/ws?token=s3cret', { origin: 'null' }, 403, 'foreign origin null'],
    ['/ws?token=s3cret', { origin: 'file://192.168.1.5:9400' }, 403, 'foreign origin file://192.168.1.5:9400'],
    ['/other?token=s3cret', {}, 404, 'wrong path'],
  ] as const)('refuses %s %j', (url, headers, status, reason) => {
    expect(checkHandshake(request(url, headers), options)).toMatchObject({
      ok: false,
      status,
      reason: expect.stringMatching(new RegExp(`^${reason.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`)),
    });
  });
});

describe('tokensMatch', () => {
  it('compares whole tokens', () => {
    expect(tokensMatch('abc', 'abc')).toBe(true);
    expect(tokensMatch('ab', 'abc')).toBe(false);
    expect(tokensMatch('abd', 'abc')).toBe(false);
  });
});
