// @vitest-environment jsdom
import { render, screen } from '@testing-library/react';
import { StrictMode, Suspense, type ComponentType } from 'react';
import { describe, expect, it } from 'vitest';
import { LAYOUT_KIT_GLOBAL } from '../../common/user-layouts';
import { installLayoutKit } from './layout-runtime';
import {
  pageComponentOf,
  parseUserLayoutsIndex,
  sameIndex,
  userLayoutFile,
  userLayoutUrl,
  UserLayoutViews,
} from './user-layouts';

const index = (...layouts: [string, string][]) => ({
  folder: '/home/me/.config/livesurface/layouts',
  layouts: layouts.map(([name, version]) => ({ name, version })),
});

describe('parseUserLayoutsIndex', () => {
  it("takes the bridge's index and nothing else", () => {
    expect(parseUserLayoutsIndex(index(['a', '1']))).toEqual(index(['a', '1']));
    expect(parseUserLayoutsIndex({ folder: null, layouts: [] })).toEqual({ folder: null, layouts: [] });
    for (const other of [null, '<!doctype html>', { layouts: [] }, { folder: '/x', layouts: [{ name: '' }] }])
      expect(parseUserLayoutsIndex(other)).toBeNull();
  });
});

describe('sameIndex', () => {
  it('is the same list at the same versions', () => {
    expect(sameIndex(index(['a', '1']), index(['a', '1']))).toBe(true);
    expect(sameIndex(index(['a', '1']), index(['a', '2']))).toBe(false);
    expect(sameIndex(index(['a', '1']), index(['a', '1'], ['b', '1']))).toBe(false);
    expect(sameIndex(index(['a', '1']), { ...index(['a', '1']), folder: '/elsewhere' })).toBe(false);
    expect(sameIndex(null, null)).toBe(true);
    expect(sameIndex(null, index())).toBe(false);
  });
});

describe('userLayoutUrl', () => {
  it('names the module, its version and the token, each escaped', () => {
    expect(userLayoutUrl('my page', '1a-2b', 't&k')).toBe('/user-layouts/my%20page.js?v=1a-2b&token=t%26k');
  });
});

describe('userLayoutFile', () => {
  it('joins with the separator the folder uses', () => {
    expect(userLayoutFile('/home/me/layouts', 'a')).toBe('/home/me/layouts/a.tsx');
    expect(userLayoutFile('C:\\Users\\me\\LiveSurface\\layouts', 'a')).toBe(
      'C:\\Users\\me\\LiveSurface\\layouts\\a.tsx',
    );
  });
});

describe('pageComponentOf', () => {
  it("takes a module's default component, and says what to write when there is none", () => {
    const Page = () => null;
    expect(pageComponentOf({ default: Page }, 'a.tsx')).toEqual({ default: Page });
    for (const module of [{}, { default: 3 }, { Page }, null])
      expect(() => pageComponentOf(module, 'a.tsx')).toThrow('a.tsx exports no page: write `export default function');
  });
});

describe('UserLayoutViews', () => {
  function views() {
    const imported: string[] = [];
    const kitReady: string[] = [];
    const pages = new UserLayoutViews(
      'tok',
      (url) => {
        imported.push(url);
        const Page = () => <p>page at {url}</p>;
        return Promise.resolve({ default: Page });
      },
      () => {
        kitReady.push('ready');
        return Promise.resolve();
      },
    );
    return { pages, imported, kitReady };
  }

  const show = (View: ComponentType) =>
    render(
      <StrictMode>
        <Suspense fallback={<p>opening</p>}>
          <View />
        </Suspense>
      </StrictMode>,
    );

  it('imports a layout when it is first shown, after the kit is set up, at its version', async () => {
    const { pages, imported, kitReady } = views();
    const View = pages.viewOf('mine', 'v1', '/f/mine.tsx');
    expect(imported).toEqual([]);
    show(View);
    expect(await screen.findByText('page at /user-layouts/mine.js?v=v1&token=tok')).toBeInTheDocument();
    expect(kitReady).toEqual(['ready']);
    expect(imported).toEqual(['/user-layouts/mine.js?v=v1&token=tok']);
  });

  it('keeps the same page while the version stays, and makes a new one when it changes', () => {
    const { pages } = views();
    const first = pages.viewOf('mine', 'v1', '/f/mine.tsx');
    expect(pages.viewOf('mine', 'v1', '/f/mine.tsx')).toBe(first);
    expect(pages.viewOf('mine', 'v2', '/f/mine.tsx')).not.toBe(first);
    expect(pages.viewOf('other', 'v1', '/f/other.tsx')).not.toBe(first);
  });
});

describe('installLayoutKit', () => {
  it("puts the app's React, JSX runtime and kit where a compiled layout reads them", async () => {
    await installLayoutKit();
    const kit: unknown = Reflect.get(globalThis, LAYOUT_KIT_GLOBAL);
    expect(kit).toMatchObject({
      react: expect.objectContaining({ useState: expect.any(Function) }),
      jsxRuntime: expect.objectContaining({ jsx: expect.any(Function) }),
      kit: expect.objectContaining({ Knob: expect.any(Function), Layout: expect.any(Function) }),
    });
  });
});
