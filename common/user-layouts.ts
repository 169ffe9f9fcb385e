/**
 * What the bridge and the app agree on for a user's layouts (the `.tsx`
 * files of a layouts folder outside the project, compiled by the bridge):
 * where they are served, the index's shape, and the global through which a
 * compiled layout reaches the app's React and layout kit.
 */

/** Where the bridge serves a user's layouts: `index.json`, and `<name>.js` for each. */
export const USER_LAYOUTS_PATH = '/user-layouts/';

/** The list of a user's layouts. */
export const USER_LAYOUTS_INDEX_PATH = `${USER_LAYOUTS_PATH}index.json`;

/**
 * The global a compiled layout reads React, its JSX runtime and the layout
 * kit from (`{ react, jsxRuntime, kit }`), so it shares the app's instances
 * of them: a second React would break every hook.
 */
export const LAYOUT_KIT_GLOBAL = '__liveSurfaceLayoutKit';

/** The name of the Error a layout with a mistake (one the compiler found) throws when imported. */
export const LAYOUT_MISTAKE = 'LayoutMistake';

/** One layout of the folder: its file's name without `.tsx`, and a version that changes when the file does. */
export interface UserLayoutEntry {
  name: string;
  version: string;
}

/** What `index.json` answers: the folder (null when the bridge serves none) and its layouts, by name. */
export interface UserLayoutsIndex {
  folder: string | null;
  layouts: UserLayoutEntry[];
}

/** The path of layout `name`'s module. */
export const userLayoutPath = (name: string): string => `${USER_LAYOUTS_PATH}${encodeURIComponent(name)}.js`;
