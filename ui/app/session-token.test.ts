import { describe, expect, it } from 'vitest';
import { addressWithToken, forgetSessionToken, sessionToken } from './session-token';

/** A Storage in memory, as the browser's localStorage behaves (or refuses, like a browser that blocks storage). */
class MemoryStorage implements Storage {
  private items = new Map<string, string>();
  constructor(private readonly refuses = false) {}
  get length(): number {
    return this.items.size;
  }
  clear(): void {
    this.items.clear();
  }
  getItem(key: string): string | null {
    if (this.refuses) throw new DOMException('storage is off', 'SecurityError');
    return this.items.get(key) ?? null;
  }
  key(index: number): string | null {
    return [...this.items.keys()][index] ?? null;
  }
  removeItem(key: string): void {
    if (this.refuses) throw new DOMException('storage is off', 'SecurityError');
    this.items.delete(key);
  }
  setItem(key: string, value: string): void {
    if (this.refuses) throw new DOMException('quota', 'QuotaExceededError');
    this.items.set(key, value);
  }
}

const at = (search: string) => ({ search });

describe('sessionToken', () => {
  it('takes the token in the address and keeps it for an address without one (the home screen icon)', () => {
    const storage = new MemoryStorage();
    expect(sessionToken(at('?token=abc123'), storage)).toBe('abc123');
    expect(sessionToken(at(''), storage)).toBe('abc123');
    expect(sessionToken(at('?inspect'), storage)).toBe('abc123');
  });

  it('has none when neither the address nor the device has one', () => {
    expect(sessionToken(at(''), new MemoryStorage())).toBeNull();
    expect(sessionToken(at('?token='), new MemoryStorage())).toBeNull();
    expect(sessionToken(at(''), null)).toBeNull();
  });

  it("prefers the address's token, and keeps it in place of the one kept", () => {
    const storage = new MemoryStorage();
    sessionToken(at('?token=old'), storage);
    expect(sessionToken(at('?token=new'), storage)).toBe('new');
    expect(sessionToken(at(''), storage)).toBe('new');
  });

  it('trims what a paste adds around the token', () => {
    const storage = new MemoryStorage();
    expect(sessionToken(at('?token=%20abc%0A'), storage)).toBe('abc');
    expect(sessionToken(at(''), storage)).toBe('abc');
  });

  it('still opens with the address’s token where the browser refuses to keep it', () => {
    const storage = new MemoryStorage(true);
    expect(sessionToken(at('?token=abc'), storage)).toBe('abc');
    expect(sessionToken(at(''), storage)).toBeNull();
  });
});

describe('forgetSessionToken', () => {
  it('forgets the kept token, and nothing fails where none is kept', () => {
    const storage = new MemoryStorage();
    sessionToken(at('?token=wrong'), storage);
    forgetSessionToken(storage);
    expect(sessionToken(at(''), storage)).toBeNull();
    expect(() => forgetSessionToken(new MemoryStorage(true))).not.toThrow();
    expect(() => forgetSessionToken(null)).not.toThrow();
  });
});

describe('addressWithToken', () => {
  it('puts the token in place of any other, keeping the rest of the address', () => {
    expect(addressWithToken({ href: 'http://10.0.0.2:9400/?token=wrong&inspect' }, 'a b')).toBe(
      'http://10.0.0.2:9400/?token=a+b&inspect=',
    );
    expect(addressWithToken({ href: 'http://10.0.0.2:9400/' }, 'abc')).toBe('http://10.0.0.2:9400/?token=abc');
  });

  it('takes the token out of the address when there is none to put', () => {
    expect(addressWithToken({ href: 'http://10.0.0.2:9400/?token=wrong&inspect' }, null)).toBe(
      'http://10.0.0.2:9400/?inspect=',
    );
    expect(addressWithToken({ href: 'http://10.0.0.2:9400/?token=wrong' }, null)).toBe('http://10.0.0.2:9400/');
  });
});
