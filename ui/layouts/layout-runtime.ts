/**
 * What a user's compiled layout runs on: the bridge rewrites its imports of
 * `react`, `react/jsx-runtime` and the layout kit (`livesurface/layouts`)
 * into reads of one global (bridge/user-layouts-compile.ts), and this puts
 * the app's own copies there, so the layout's hooks and widgets are the
 * app's, on the app's actors. The kit loads with the first user layout
 * shown (as a project layout's does), not with the app.
 */
import * as react from 'react';
import * as jsxRuntime from 'react/jsx-runtime';
import { LAYOUT_KIT_GLOBAL } from '../../common/user-layouts';

let installed: Promise<void> | null = null;

/** Sets up the global a compiled layout reads (once); resolves when a layout may be imported. */
export function installLayoutKit(): Promise<void> {
  installed ??= import('./index').then(
    (kit) => {
      Object.defineProperty(globalThis, LAYOUT_KIT_GLOBAL, {
        value: Object.freeze({ react, jsxRuntime, kit }),
        configurable: true,
      });
    },
    (error: unknown) => {
      // the kit's chunk did not load (the bridge restarting): the next layout shown tries again
      installed = null;
      throw error;
    },
  );
  return installed;
}
