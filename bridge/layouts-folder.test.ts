import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkoutRoot, describeLayoutsFolder, layoutsFolder, PROJECT_ROOT } from './layouts-folder';

describe('layoutsFolder', () => {
  it('takes --layouts first, made absolute', () => {
    expect(
      layoutsFolder({ option: 'my-pages', projectRoot: '/src/livesurface', configDir: '/home/me/.config/ls' }),
    ).toEqual({ folder: resolve('my-pages'), kind: 'option' });
  });

  it('takes the checkout’s layouts/ when there is no option', () => {
    expect(layoutsFolder({ option: null, projectRoot: '/src/livesurface', configDir: '/cfg' })).toEqual({
      folder: join('/src/livesurface', 'layouts'),
      kind: 'project',
    });
    // an empty --layouts is no choice
    expect(layoutsFolder({ option: ' ', projectRoot: '/src/livesurface', configDir: '/cfg' }).kind).toBe('project');
  });

  it('falls back to the config directory when the bridge runs from no checkout', () => {
    expect(layoutsFolder({ option: null, projectRoot: null, configDir: '/home/me/.config/livesurface' })).toEqual({
      folder: join('/home/me/.config/livesurface', 'layouts'),
      kind: 'config',
    });
  });
});

describe('describeLayoutsFolder', () => {
  it('says where pages go and why', () => {
    expect(describeLayoutsFolder({ folder: '/x/layouts', kind: 'option' })).toBe(
      'Pages built on a tablet are saved in /x/layouts (as --layouts asks).',
    );
    expect(describeLayoutsFolder({ folder: '/src/ls/layouts', kind: 'project' })).toBe(
      "Pages built on a tablet are saved in /src/ls/layouts, this checkout's layouts folder.",
    );
    expect(describeLayoutsFolder({ folder: '/cfg/layouts', kind: 'config' })).toBe(
      'Pages built on a tablet are saved in /cfg/layouts.',
    );
  });
});

describe('checkoutRoot', () => {
  const made: string[] = [];
  const folder = (...parts: string[]): string => {
    const root = mkdtempSync(join(tmpdir(), 'layouts-root-'));
    made.push(root);
    const path = join(root, ...parts);
    mkdirSync(path, { recursive: true });
    return path;
  };
  afterEach(() => {
    for (const root of made.splice(0)) rmSync(root, { recursive: true, force: true });
  });

  it('is this project’s root, which has layouts/', () => {
    expect(checkoutRoot()).toBe(PROJECT_ROOT);
  });

  it('is a root with a layouts folder, and not one without', () => {
    const root = folder('checkout');
    expect(checkoutRoot(root)).toBeNull();
    writeFileSync(join(root, 'layouts'), 'a file, not a folder');
    expect(checkoutRoot(root)).toBeNull();
    rmSync(join(root, 'layouts'));
    mkdirSync(join(root, 'layouts'));
    expect(checkoutRoot(root)).toBe(root);
  });

  it('is no installed copy under node_modules, whose layouts an upgrade replaces', () => {
    const root = folder('node_modules', 'livesurface');
    mkdirSync(join(root, 'layouts'));
    expect(checkoutRoot(root)).toBeNull();
  });
});
