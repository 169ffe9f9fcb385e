/**
 * A user's layouts as the app sees them: the bridge's index of them (the
 * `.tsx` files of a layouts folder outside the project, see
 * bridge/user-layouts.ts), and each one's page component, imported from the
 * bridge when its page is first shown. A new version of a file is a new URL
 * (the version in its query), so saving it loads it again.
 */
import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import { z } from 'zod';
import { userLayoutPath, type UserLayoutsIndex } from '../../common/user-layouts';
import { installLayoutKit } from './layout-runtime';

const UserLayoutsIndexSchema = z.object({
  folder: z.string().nullable(),
  layouts: z.array(z.object({ name: z.string().min(1), version: z.string().min(1) })),
});

/** The bridge's answer as an index, or null when it is not one (another server, an older bridge). */
export function parseUserLayoutsIndex(value: unknown): UserLayoutsIndex | null {
  const parsed = UserLayoutsIndexSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/** Whether two indexes list the same layouts at the same versions (a poll that changed nothing). */
export function sameIndex(a: UserLayoutsIndex | null, b: UserLayoutsIndex | null): boolean {
  if (a === null || b === null) return a === b;
  return (
    a.folder === b.folder &&
    a.layouts.length === b.layouts.length &&
    a.layouts.every((layout, i) => layout.name === b.layouts[i]?.name && layout.version === b.layouts[i]?.version)
  );
}

/** Where version `version` of layout `name` is imported from (the token: `import()` sends no header). */
export const userLayoutUrl = (name: string, version: string, token: string): string =>
  `${userLayoutPath(name)}?v=${encodeURIComponent(version)}&token=${encodeURIComponent(token)}`;

/** Where a layout file is, as its page's error names it. */
export const userLayoutFile = (folder: string, name: string): string =>
  `${folder}${folder.includes('\\') && !folder.includes('/') ? '\\' : '/'}${name}.tsx`;

const isComponent = (value: unknown): value is ComponentType => typeof value === 'function';

/** A module's default export when it is a component; else an error saying what the file should export. */
export function pageComponentOf(module: unknown, file: string): { default: ComponentType } {
  const page = typeof module === 'object' && module !== null && 'default' in module ? module.default : undefined;
  if (!isComponent(page))
    throw new Error(`${file} exports no page: write \`export default function MyPage() { … }\` in it`);
  return { default: page };
}

/** Imports a module by URL (the browser's `import()`; tests give their own). */
export type ImportModule = (url: string) => Promise<unknown>;

const browserImport: ImportModule = (url) => import(/* @vite-ignore */ url);

/**
 * The page components of a user's layouts, one per layout at its latest
 * version: the same component while the version stays (so a page keeps its
 * state across polls), a new one when it changes.
 */
export class UserLayoutViews {
  private readonly views = new Map<string, { url: string; View: LazyExoticComponent<ComponentType> }>();

  constructor(
    private readonly token: string,
    private readonly importModule: ImportModule = browserImport,
    private readonly ready: () => Promise<void> = installLayoutKit,
  ) {}

  /** The page of layout `name` at `version` (`file`: where it is, for its errors). */
  readonly viewOf = (name: string, version: string, file: string): ComponentType => {
    const url = userLayoutUrl(name, version, this.token);
    const known = this.views.get(name);
    if (known?.url === url) return known.View;
    const View = lazy(async () => {
      await this.ready();
      return pageComponentOf(await this.importModule(url), file);
    });
    this.views.set(name, { url, View });
    return View;
  };
}
