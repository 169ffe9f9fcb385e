/**
 * Where the bridge keeps layouts: the saved pages of the page builder
 * (`<name>.page.json`) and the TSX layouts it serves. A checkout's own
 * `layouts/` when the bridge runs from one (a developer sees a saved page
 * beside the TSX layouts, under version control), else a folder in the
 * user's config directory; `livesurface start --layouts <dir>` overrides both.
 */
import { statSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';

/** Why the folder is the one it is, for the start notes. */
export type LayoutsFolderKind = 'option' | 'project' | 'config';

export interface LayoutsFolderChoice {
  folder: string;
  kind: LayoutsFolderKind;
}

export interface LayoutsFolderInput {
  /** `--layouts <dir>`, or null when it was not given. */
  option: string | null;
  /** The root of the checkout the bridge runs from when it has a `layouts/` folder, else null. */
  projectRoot: string | null;
  /** The user's config directory (`configDirectory()`). */
  configDir: string;
}

/** The layouts folder: the option, else the checkout's `layouts/`, else `<configDir>/layouts`. Pure. */
export function layoutsFolder({ option, projectRoot, configDir }: LayoutsFolderInput): LayoutsFolderChoice {
  if (option !== null && option.trim() !== '') return { folder: resolve(option), kind: 'option' };
  if (projectRoot !== null) return { folder: join(projectRoot, 'layouts'), kind: 'project' };
  return { folder: join(configDir, 'layouts'), kind: 'config' };
}

/** Where pages are saved, for the start banner: the folder, and why it is that one. */
export function describeLayoutsFolder({ folder, kind }: LayoutsFolderChoice): string {
  const why = { option: ' (as --layouts asks)', project: ", this checkout's layouts folder", config: '' }[kind];
  return `Pages built on a tablet are saved in ${folder}${why}.`;
}

/** The root of the project this file belongs to (bridge/..). */
export const PROJECT_ROOT = join(import.meta.dirname, '..');

/**
 * `root` when it is a checkout with a `layouts/` folder, else null. A copy
 * installed under node_modules does not count: an upgrade replaces it, and
 * the pages saved in it with it.
 */
export function checkoutRoot(root: string = PROJECT_ROOT): string | null {
  if (root.split(sep).includes('node_modules')) return null;
  try {
    return statSync(join(root, 'layouts')).isDirectory() ? root : null;
  } catch {
    return null;
  }
}
