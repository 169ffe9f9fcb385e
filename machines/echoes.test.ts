import { describe, expect, it } from 'vitest';
import { SENT_MEMORY, isStaleEcho, rememberSent, sameValue, wasSent } from './echoes';

describe('echoes', () => {
  it('matches a value through a float32 round trip, and nothing further off', () => {
    expect(sameValue(0.3, Math.fround(0.3))).toBe(true);
    expect(sameValue(121.1, Math.fround(121.1))).toBe(true);
    expect(sameValue(0.3, 0.3001)).toBe(false);
    expect(sameValue(0, 1e-5)).toBe(false);
  });

  it('calls stale only what was sent before the latest', () => {
    const sent = [0.1, 0.2, 0.3].reduce<number[]>(rememberSent, []);
    expect(isStaleEcho(sent, Math.fround(0.2))).toBe(true);
    expect(isStaleEcho(sent, Math.fround(0.3))).toBe(false);
    expect(isStaleEcho(sent, 0.25)).toBe(false);
    expect(isStaleEcho([], 0.2)).toBe(false);
    expect(wasSent(sent, Math.fround(0.1))).toBe(true);
  });

  it('remembers the most recent values only', () => {
    let sent: number[] = [];
    for (let value = 0; value < SENT_MEMORY + 5; value += 1) sent = rememberSent(sent, value);
    expect(sent).toHaveLength(SENT_MEMORY);
    expect(sent[0]).toBe(5);
    expect(sent.at(-1)).toBe(SENT_MEMORY + 4);
  });
});
