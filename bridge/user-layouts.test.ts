import { mkdirSync, mkdtempSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CompiledLayout } from './user-layouts-compile';
import { isLayoutName, MAX_USER_LAYOUTS, UserLayouts, userLayoutsFolder, versionOf } from './user-layouts';

const newFolder = (): string => mkdtempSync(join(tmpdir(), 'user-layouts-'));

/** A compiler that says which file it compiled and counts its calls. */
function countingCompiler(): { compile: (file: string) => Promise<CompiledLayout>; calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    compile: (file) => {
      calls.push(file);
      return Promise.resolve({ ok: true, code: `export default ${JSON.stringify(file)};` });
    },
  };
}

describe('isLayoutName', () => {
  it('takes plain names and refuses hidden ones and separators', () => {
    expect(['mix', 'my page', 'drums_2', 'a.b'].every(isLayoutName)).toBe(true);
    expect(['', '.#mix', '..', 'a/b', 'a\\b', 'a\0b', 'x'.repeat(201)].some(isLayoutName)).toBe(false);
  });
});

describe('versionOf', () => {
  it('changes with the mtime and with the size', () => {
    const base = versionOf({ mtimeMs: 1_700_000_000_000.123, size: 10 });
    expect(versionOf({ mtimeMs: 1_700_000_000_000.124, size: 10 })).not.toBe(base);
    expect(versionOf({ mtimeMs: 1_700_000_000_000.123, size: 11 })).not.toBe(base);
    expect(versionOf({ mtimeMs: 1_700_000_000_000.123, size: 10 })).toBe(base);
  });
});

describe('userLayoutsFolder', () => {
  it("is none without a folder, and none for the project's own layouts (built into the app)", () => {
    const project = newFolder();
    expect(userLayoutsFolder(undefined, project)).toBeNull();
    expect(userLayoutsFolder(project, project)).toBeNull();
    expect(userLayoutsFolder(`${project}/`, project)).toBeNull();
    const link = join(newFolder(), 'link');
    symlinkSync(project, link);
    expect(userLayoutsFolder(link, project)).toBeNull();
  });

  it('is any other folder, even one not made yet', () => {
    const other = join(newFolder(), 'later');
    expect(userLayoutsFolder(other, newFolder())).toBe(other);
  });
});

describe('UserLayouts', () => {
  describe('#index', () => {
    it('lists the .tsx files of the folder by name, with versions, and nothing else', async () => {
      const folder = newFolder();
      writeFileSync(join(folder, 'b-page.tsx'), 'x');
      writeFileSync(join(folder, 'a-page.tsx'), 'xy');
      writeFileSync(join(folder, 'notes.md'), '');
      writeFileSync(join(folder, 'saved.page.json'), '{}');
      writeFileSync(join(folder, '.#a-page.tsx'), '');
      mkdirSync(join(folder, 'folder.tsx'));
      mkdirSync(join(folder, 'sub'));
      writeFileSync(join(folder, 'sub', 'deep.tsx'), '');
      const index = await new UserLayouts(folder).index();
      expect(index.folder).toBe(folder);
      expect(index.layouts.map((layout) => layout.name)).toEqual(['a-page', 'b-page']);
      expect(index.layouts.every((layout) => layout.version.length > 0)).toBe(true);
    });

    it('gives a file a new version when it is written', async () => {
      const folder = newFolder();
      const file = join(folder, 'page.tsx');
      writeFileSync(file, 'one');
      utimesSync(file, 1000, 1000);
      const layouts = new UserLayouts(folder);
      const [before] = (await layouts.index()).layouts;
      writeFileSync(file, 'two');
      utimesSync(file, 2000, 2000);
      const [after] = (await layouts.index()).layouts;
      expect(after?.version).not.toBe(before?.version);
    });

    it('is empty while the folder does not exist, and says there is none without one', async () => {
      const missing = join(newFolder(), 'not-yet');
      expect(await new UserLayouts(missing).index()).toEqual({ folder: missing, layouts: [] });
      expect(await new UserLayouts(null).index()).toEqual({ folder: null, layouts: [] });
    });

    it(`lists at most ${MAX_USER_LAYOUTS}`, async () => {
      const folder = newFolder();
      for (let i = 0; i < MAX_USER_LAYOUTS + 5; i += 1) writeFileSync(join(folder, `p${i}.tsx`), '');
      expect((await new UserLayouts(folder).index()).layouts).toHaveLength(MAX_USER_LAYOUTS);
    });
  });

  describe('#module', () => {
    it('compiles a layout once per version of its file', async () => {
      const folder = newFolder();
      const file = join(folder, 'page.tsx');
      writeFileSync(file, 'one');
      utimesSync(file, 1000, 1000);
      const compiler = countingCompiler();
      const layouts = new UserLayouts(folder, compiler.compile);
      expect(await layouts.module('page')).toBe(`export default ${JSON.stringify(file)};`);
      await layouts.module('page');
      expect(compiler.calls).toEqual([file]);
      writeFileSync(file, 'two!');
      await layouts.module('page');
      expect(compiler.calls).toEqual([file, file]);
    });

    it('has nothing for a name that is not a file of the folder', async () => {
      const folder = newFolder();
      mkdirSync(join(folder, 'sub'));
      writeFileSync(join(folder, 'sub', 'deep.tsx'), '');
      writeFileSync(join(newFolder(), 'outside.tsx'), '');
      const compiler = countingCompiler();
      const layouts = new UserLayouts(folder, compiler.compile);
      for (const name of ['missing', 'sub/deep', '../outside', '..', '.hidden', 'sub'])
        expect(await layouts.module(name)).toBeNull();
      expect(compiler.calls).toEqual([]);
      expect(await new UserLayouts(null, compiler.compile).module('page')).toBeNull();
    });

    it('forgets a file that is gone', async () => {
      const folder = newFolder();
      writeFileSync(join(folder, 'page.tsx'), '');
      const layouts = new UserLayouts(folder, countingCompiler().compile);
      expect(await layouts.module('page')).not.toBeNull();
      rmSync(join(folder, 'page.tsx'));
      expect((await layouts.index()).layouts).toEqual([]);
      expect(await layouts.module('page')).toBeNull();
    });
  });
});
