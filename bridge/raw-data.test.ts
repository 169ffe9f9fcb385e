import { describe, expect, it } from 'vitest';
import { rawDataText } from './raw-data';

describe('rawDataText', () => {
  const text = '{"op":"get","target":"live_set ü"}';
  const bytes = Buffer.from(text, 'utf8');

  it('reads a Buffer', () => {
    expect(rawDataText(bytes)).toBe(text);
  });

  it('reads an ArrayBuffer', () => {
    const copy = new ArrayBuffer(bytes.length);
    new Uint8Array(copy).set(bytes);
    expect(rawDataText(copy)).toBe(text);
  });

  it('joins fragments, even one split inside a character', () => {
    const split = bytes.indexOf(0xc3) + 1;
    expect(rawDataText([bytes.subarray(0, split), bytes.subarray(split)])).toBe(text);
  });
});
