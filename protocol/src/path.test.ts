import { describe, expect, it } from 'vitest';
import fixture from '../fixtures/paths.json';
import { formatPath, parsePath, PathSyntaxError } from './path';

describe('parsePath', () => {
  it.each(fixture.valid)('parses $text', ({ text, parsed, canonical }) => {
    const path = parsePath(text);
    expect(path).toEqual(parsed);
    expect(formatPath(path)).toBe(canonical);
  });

  it.each(fixture.invalid)('refuses $reason', ({ text }) => {
    expect(() => parsePath(text)).toThrow(PathSyntaxError);
  });
});
