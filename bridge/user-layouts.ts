/**
 * A user's layouts: the `.tsx` files of the bridge's layouts folder when it
 * is not the project's own `layouts/` (those are built into the app). Lists
 * them with a version each (from the file's mtime and size, so a saved file
 * gets a new one) and compiles one when it is asked for, once per version.
 * The folder is read on every request rather than watched: a tablet asks
 * again every few seconds, and a stat per file is cheap.
 */
import { realpathSync, type Stats } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import type { UserLayoutEntry, UserLayoutsIndex } from '../common/user-layouts';
import { PROJECT_ROOT } from './layouts-folder';
import { compileLayout, moduleText, type CompiledLayout } from './user-layouts-compile';

/** Layouts listed at most (a folder of thousands is a mistake, not a set of pages). */
export const MAX_USER_LAYOUTS = 200;

/** Whether a file name (without `.tsx`) is a layout: not hidden (an editor's lock or backup file), no separators. */
export function isLayoutName(name: string): boolean {
  return name.length > 0 && name.length <= 200 && !name.startsWith('.') && !/[/\\\0]/.test(name);
}

/** A file's version: changes whenever the file is written (its mtime, to the microsecond, and its size). */
export const versionOf = (info: Pick<Stats, 'mtimeMs' | 'size'>): string =>
  `${Math.trunc(info.mtimeMs * 1000).toString(36)}-${info.size.toString(36)}`;

const sameFolder = (a: string, b: string): boolean => {
  try {
    return realpathSync(a) === realpathSync(b);
  } catch {
    return resolve(a) === resolve(b);
  }
};

/**
 * The folder whose layouts the bridge compiles: `layoutsDir`, unless it is
 * absent or is the project's own `layouts/` (whose files the app was built
 * with; compiling them again would list each page twice).
 */
export function userLayoutsFolder(
  layoutsDir: string | null | undefined,
  projectLayouts: string = join(PROJECT_ROOT, 'layouts'),
): string | null {
  if (layoutsDir === undefined || layoutsDir === null || sameFolder(layoutsDir, projectLayouts)) return null;
  return resolve(layoutsDir);
}

interface CacheEntry {
  version: string;
  compiled: Promise<CompiledLayout>;
}

export class UserLayouts {
  private readonly cache = new Map<string, CacheEntry>();
  /** The folder (absolute), or null when the bridge serves no layouts of a user. */
  readonly folder: string | null;

  constructor(
    folder: string | null,
    private readonly compile: (file: string) => Promise<CompiledLayout> = compileLayout,
  ) {
    this.folder = folder === null ? null : resolve(folder);
  }

  /** The layouts of the folder now, by name; none when the folder is absent. */
  async index(): Promise<UserLayoutsIndex> {
    if (this.folder === null) return { folder: null, layouts: [] };
    const folder = this.folder;
    let names: string[];
    try {
      names = (await readdir(folder))
        .filter((file) => file.endsWith('.tsx'))
        .map((file) => file.slice(0, -'.tsx'.length))
        .filter(isLayoutName)
        .sort((a, b) => a.localeCompare(b))
        .slice(0, MAX_USER_LAYOUTS);
    } catch {
      return { folder, layouts: [] };
    }
    const entries = await Promise.all(
      names.map(async (name): Promise<UserLayoutEntry | null> => {
        const info = await stat(join(folder, `${name}.tsx`)).catch(() => null);
        return info?.isFile() ? { name, version: versionOf(info) } : null;
      }),
    );
    const layouts = entries.filter((entry) => entry !== null);
    // forget what was compiled for files that are gone
    const listed = new Set(layouts.map((entry) => entry.name));
    for (const name of this.cache.keys()) if (!listed.has(name)) this.cache.delete(name);
    return { folder, layouts };
  }

  /** The file of layout `name`, or null when the name could not be one of the folder's layouts. */
  fileOf(name: string): string | null {
    if (this.folder === null || !isLayoutName(name)) return null;
    const file = join(this.folder, `${name}.tsx`);
    return dirname(file) === this.folder && basename(file) === `${name}.tsx` ? file : null;
  }

  /** The module of layout `name` (compiled now if the file changed since), or null when there is no such file. */
  async module(name: string): Promise<string | null> {
    const file = this.fileOf(name);
    if (file === null) return null;
    const info = await stat(file).catch(() => null);
    if (!info?.isFile()) return null;
    const version = versionOf(info);
    let entry = this.cache.get(name);
    if (entry?.version !== version) {
      entry = { version, compiled: this.compile(file) };
      this.cache.set(name, entry);
    }
    return moduleText(await entry.compiled);
  }
}
