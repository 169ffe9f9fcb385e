import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LAYOUT_KIT_GLOBAL, LAYOUT_MISTAKE } from '../common/user-layouts';
import { compileLayout, describeMessages, kitPartOf, moduleText } from './user-layouts-compile';

function layoutFile(name: string, source: string): string {
  const folder = mkdtempSync(join(tmpdir(), 'user-layouts-'));
  writeFileSync(join(folder, name), source);
  return join(folder, name);
}

/** Imports a served module the way the app does, its kit given by the test. */
async function importModule(code: string): Promise<{ default?: unknown }> {
  return (await import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`)) as {
    default?: unknown;
  };
}

type Element = { type: unknown; props: Record<string, unknown> };
const jsx = (type: unknown, props: Record<string, unknown>): Element => ({ type, props });
const globals = globalThis as Record<string, unknown>;

describe('kitPartOf', () => {
  it('takes react, its JSX runtime, the kit by its name and a relative path ending in ui/layouts', () => {
    expect(kitPartOf('react')).toBe('react');
    expect(kitPartOf('react/jsx-runtime')).toBe('jsxRuntime');
    expect(kitPartOf('livesurface/layouts')).toBe('kit');
    expect(kitPartOf('../ui/layouts')).toBe('kit');
    expect(kitPartOf('../../livesurface/ui/layouts/index')).toBe('kit');
  });

  it('refuses anything else', () => {
    for (const specifier of ['react-dom', 'lodash', './helpers', '../ui/layouts/bound-widgets', 'ui/layouts', 'fs'])
      expect(kitPartOf(specifier)).toBeNull();
  });
});

describe('compileLayout', () => {
  afterEach(() => {
    delete globals[LAYOUT_KIT_GLOBAL];
  });

  it('compiles TSX into a module that reads React and the kit from the global', async () => {
    const file = layoutFile(
      'tweak.tsx',
      `import { useState } from 'react';
       import { Knob, Layout, type BoundProps } from 'livesurface/layouts';
       const props: Partial<BoundProps> = { label: 'Drive' };
       export default function Tweak() {
         const [size] = useState(64);
         return <Layout title="Tweak"><Knob target="parameters 1" size={size} {...props} /></Layout>;
       }`,
    );
    const compiled = await compileLayout(file);
    if (!compiled.ok) throw new Error(compiled.message);
    expect(compiled.code).not.toMatch(/from ["'](react|livesurface)/);

    const kit = { Knob: 'the kit Knob', Layout: 'the kit Layout' };
    globals[LAYOUT_KIT_GLOBAL] = {
      react: { useState: (value: unknown) => [value] },
      jsxRuntime: { jsx, jsxs: jsx },
      kit,
    };
    const module = await importModule(compiled.code);
    if (typeof module.default !== 'function') throw new Error('no default export');
    const page = (module.default as () => Element)();
    expect(page.type).toBe('the kit Layout');
    const knob = page.props.children as Element;
    expect(knob.type).toBe('the kit Knob');
    expect(knob.props).toEqual({ target: 'parameters 1', size: 64, label: 'Drive' });
  });

  it('takes a file copied from the project, importing the kit by its relative path', async () => {
    const file = layoutFile(
      'copied.tsx',
      `import { Fader } from '../ui/layouts';\nexport default () => <Fader target="mixer_device volume" />;`,
    );
    const compiled = await compileLayout(file);
    expect(compiled.ok).toBe(true);
  });

  it('refuses other imports, naming each and where it is', async () => {
    const file = layoutFile(
      'greedy.tsx',
      `import { Knob } from 'livesurface/layouts';\nimport { readFileSync } from 'node:fs';\nimport './helpers';\n` +
        `export default () => <Knob target={String(readFileSync)} />;`,
    );
    const compiled = await compileLayout(file);
    if (compiled.ok) throw new Error('compiled');
    expect(compiled.message).toContain('greedy.tsx:2:');
    expect(compiled.message).toContain('cannot import "node:fs"');
    expect(compiled.message).toContain('greedy.tsx:3:');
    expect(compiled.message).toContain('cannot import "./helpers"');
  });

  it("says where a syntax error is, in the file's own name", async () => {
    const file = layoutFile(
      'broken.tsx',
      `export default function Broken() {\n  const size = ;\n  return <p>{size}</p>;\n}\n`,
    );
    const compiled = await compileLayout(file);
    if (compiled.ok) throw new Error('compiled');
    expect(compiled.message).toMatch(/^broken\.tsx:2:16: Unexpected ";"\n\s+const size = ;/);
    expect(compiled.message).not.toContain(tmpdir());
  });

  it("is not swayed by a tsconfig.json in the user's folder", async () => {
    const file = layoutFile('styled.tsx', `export default () => <p>hi</p>;`);
    writeFileSync(
      join(file, '..', 'tsconfig.json'),
      JSON.stringify({ compilerOptions: { jsx: 'preserve', jsxImportSource: 'preact' } }),
    );
    const compiled = await compileLayout(file);
    if (!compiled.ok) throw new Error(compiled.message);
    expect(compiled.code).toContain('livesurface-kit:jsxRuntime');
    expect(compiled.code).not.toContain('preact');
  });
});

describe('moduleText', () => {
  it('serves compiled code as it is', () => {
    expect(moduleText({ ok: true, code: 'export default 1;\n' })).toBe('export default 1;\n');
  });

  it('turns a mistake into a module that throws it when imported', async () => {
    const message = 'broken.tsx:2:14: Unexpected "}"\n    return <div>;';
    const error = await importModule(moduleText({ ok: false, message })).then(
      () => null,
      (thrown: unknown) => thrown,
    );
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({ name: LAYOUT_MISTAKE, message });
  });
});

describe('describeMessages', () => {
  it('writes file:line:column (from 1) and the line', () => {
    const location = {
      file: 'a.tsx',
      namespace: '',
      line: 3,
      column: 4,
      length: 1,
      lineText: 'let x = ;',
      suggestion: '',
    };
    expect(
      describeMessages([{ id: '', pluginName: '', text: 'Unexpected ";"', location, notes: [], detail: null }]),
    ).toBe('a.tsx:3:5: Unexpected ";"\n    let x = ;');
  });
});
