/**
 * Slows token guessing. Every wrong token from a remote address (at `/session`,
 * `/health` or a WebSocket handshake) is counted; a few are free, then each
 * further one makes that address wait twice as long as the last before it may
 * try again (250 ms, 500 ms, ... up to a minute), answered 429 meanwhile. A
 * right token clears the address's record; ten quiet minutes forget it.
 *
 * IPv6 addresses count by their /64, since one machine commonly holds a whole
 * /64 and could otherwise take a fresh address per guess.
 */

export interface GuessLimiterOptions {
  /** Wrong tokens an address may send before it must wait. */
  freeGuesses?: number;
  /** The first wait; each further wrong token doubles it. */
  firstWaitMs?: number;
  maxWaitMs?: number;
  /** An address that sent no wrong token for this long starts afresh. */
  forgetMs?: number;
  /** Most addresses remembered (the oldest are forgotten first). */
  maxAddresses?: number;
  now?: () => number;
}

interface Strikes {
  failures: number;
  lastFailure: number;
  blockedUntil: number;
}

/** The key an address counts under: IPv4 as is (also when IPv4-mapped), IPv6 by its /64. */
export function addressKey(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return mapped[1] as string;
  if (!address.includes(':')) return address;
  const [head = '', tail = ''] = address.toLowerCase().split('%')[0]?.split('::') ?? [];
  const left = head === '' ? [] : head.split(':');
  const right = tail === '' ? [] : tail.split(':');
  const groups = address.includes('::')
    ? [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right]
    : left;
  return `${groups
    .slice(0, 4)
    .map((group) => group.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}

export class GuessLimiter {
  private readonly records = new Map<string, Strikes>();
  private readonly freeGuesses: number;
  private readonly firstWaitMs: number;
  private readonly maxWaitMs: number;
  private readonly forgetMs: number;
  private readonly maxAddresses: number;
  private readonly now: () => number;

  constructor(options: GuessLimiterOptions = {}) {
    this.freeGuesses = options.freeGuesses ?? 5;
    this.firstWaitMs = options.firstWaitMs ?? 250;
    this.maxWaitMs = options.maxWaitMs ?? 60_000;
    this.forgetMs = options.forgetMs ?? 10 * 60_000;
    this.maxAddresses = options.maxAddresses ?? 10_000;
    this.now = options.now ?? Date.now;
  }

  /** 0 when `address` may present a token now, else how many ms it must wait. */
  waitMs(address: string): number {
    const key = addressKey(address);
    const record = this.records.get(key);
    if (record === undefined) return 0;
    const now = this.now();
    if (now - record.lastFailure > this.forgetMs) {
      this.records.delete(key);
      return 0;
    }
    return Math.max(0, record.blockedUntil - now);
  }

  /** `address` presented a wrong token. */
  failed(address: string): void {
    const key = addressKey(address);
    const now = this.now();
    const record = this.records.get(key) ?? { failures: 0, lastFailure: now, blockedUntil: 0 };
    this.records.delete(key); // re-inserted last: the map stays ordered from the least recently failed
    record.failures += 1;
    record.lastFailure = now;
    const over = record.failures - this.freeGuesses;
    if (over > 0) record.blockedUntil = now + Math.min(this.maxWaitMs, this.firstWaitMs * 2 ** Math.min(over - 1, 30));
    this.records.set(key, record);
    if (this.records.size > this.maxAddresses) {
      const oldest = this.records.keys().next();
      if (!oldest.done) this.records.delete(oldest.value);
    }
  }

  /** `address` presented the right token: its wrong ones are forgiven. */
  succeeded(address: string): void {
    this.records.delete(addressKey(address));
  }
}
