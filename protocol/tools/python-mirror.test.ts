import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PYTHON_MIRROR_PATH, renderPythonMirror } from './python-mirror';

describe('the Python mirror of the protocol', () => {
  it('is what the zod schemas generate (run `npm run gen:protocol` after changing them)', () => {
    expect(readFileSync(PYTHON_MIRROR_PATH, 'utf8')).toBe(renderPythonMirror());
  });

  it('holds a table for every request the bridge may send', () => {
    const text = renderPythonMirror();
    for (const op of [
      'hello',
      'get',
      'set',
      'call',
      'observe',
      'unobserve',
      'describe',
      'gesture',
      'read_envelope',
      'write_envelope',
    ]) {
      expect(text).toContain(`"${op}": {`);
    }
  });
});
