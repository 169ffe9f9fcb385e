import { describe, expect, it } from 'vitest';
import { checkHandshake, tokensMatch } from './gate';

const request = (url: string, headers: Record<string, string> = {}) => ({
  url,
  headers: { host: '192.168.1.5:9400', ...headers },
});
const options = { token: 's3cret', allowedOrigins: ['http://localhost:5173'] };

describe('checkHandshake', () => {
  it('lets in the right token from the bridge’s own page', () => {
    expect(checkHandshake(request('/ws?token=s3cret', { origin: 'http://192.168.1.5:9400' }), options)).toEqual({
      ok: true,
    });
  });

  it('lets in a program without an Origin when it has the token', () => {
    expect(checkHandshake(request('/ws?token=s3cret'), options)).toEqual({ ok: true });
  });

  it('lets in an origin allowed explicitly', () => {
    expect(checkHandshake(request('/ws?token=s3cret', { origin: 'http://localhost:5173' }), options).ok).toBe(true);
  });

  it.each([
    ['/ws', {}, 401, 'no token'],
    ['/ws?token=wrong', {}, 401, 'wrong token'],
    ['/ws?token=s3cret%00', {}, 401, 'wrong token'],
    ['/ws?token=s3cret', { origin: 'http://evil.example' }, 403, 'foreign origin http://evil.example'],
    ['/ws?token=s3cret', { origin: 'http://192.168.1.5:9401' }, 403, 'foreign origin http://192.168.1.5:9401'],
    ['/other?token=s3cret', {}, 404, 'wrong path'],
  ] as const)('refuses %s %j', (url, headers, status, reason) => {
    expect(checkHandshake(request(url, headers), options)).toEqual({ ok: false, status, reason });
  });
});

describe('tokensMatch', () => {
  it('compares whole tokens', () => {
    expect(tokensMatch('abc', 'abc')).toBe(true);
    expect(tokensMatch('ab', 'abc')).toBe(false);
    expect(tokensMatch('abd', 'abc')).toBe(false);
  });
});
