/**
 * The HTTP side of a user's layouts: `/user-layouts/index.json` (the list)
 * and `/user-layouts/<name>.js` (a layout compiled), for whoever has the
 * session token (`?token=`: a module's `import()` cannot send a header).
 * Paths never leave the folder, nor go into its subfolders.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { basename, dirname } from 'node:path';
import { USER_LAYOUTS_INDEX_PATH, USER_LAYOUTS_PATH } from '../common/user-layouts';
import { resolveInside } from './static-files';
import type { UserLayouts } from './user-layouts';

/** What the bridge makes of a token given: right, absent, wrong, or not looked at (its address must wait). */
export type TokenAccess = 'ok' | 'absent' | 'wrong' | { waitMs: number };

/** Whether a request's path (without its query) is one this module answers. */
export const isUserLayoutsPath = (path: string | undefined): boolean => path?.startsWith(USER_LAYOUTS_PATH) === true;

const NO_STORE = { 'cache-control': 'no-store' };

function answer(
  request: IncomingMessage,
  response: ServerResponse,
  status: number,
  headers: Record<string, string>,
  body: string,
): void {
  response.writeHead(status, { ...NO_STORE, 'x-content-type-options': 'nosniff', ...headers });
  response.end(request.method === 'HEAD' ? undefined : body);
}

const text = (request: IncomingMessage, response: ServerResponse, status: number, body: string): void =>
  answer(request, response, status, { 'content-type': 'text/plain; charset=utf-8' }, body);

/** The layout a path under `/user-layouts/` names (`/page.js`: `page`), or null; `outside` when it leaves the folder. */
function layoutNameOf(folder: string, rest: string): { name: string | null; outside: boolean } {
  if (!rest.endsWith('.js')) return { name: null, outside: false };
  const file = resolveInside(folder, rest);
  if (file === null) return { name: null, outside: true };
  // a layout is a file of the folder itself; its subfolders hold none
  return { name: dirname(file) === folder ? basename(file, '.js') : null, outside: false };
}

/** Answers a GET or HEAD under `/user-layouts/`; `access` checks the token the request gives. */
export async function serveUserLayouts(
  layouts: UserLayouts,
  request: IncomingMessage,
  response: ServerResponse,
  access: (token: string | null) => TokenAccess,
): Promise<void> {
  try {
    const [path = '/', query = ''] = (request.url ?? '/').split('?');
    const verdict = access(new URLSearchParams(query).get('token'));
    if (typeof verdict === 'object') {
      answer(request, response, 429, { 'retry-after': String(Math.ceil(verdict.waitMs / 1000)) }, '');
      return;
    }
    if (verdict !== 'ok') {
      text(request, response, 401, 'the session token is missing or wrong');
      return;
    }
    if (path === USER_LAYOUTS_INDEX_PATH) {
      const index = await layouts.index();
      answer(request, response, 200, { 'content-type': 'application/json; charset=utf-8' }, JSON.stringify(index));
      return;
    }
    const folder = layouts.folder;
    const { name, outside } =
      folder === null ? { name: null, outside: false } : layoutNameOf(folder, path.slice(USER_LAYOUTS_PATH.length - 1));
    if (outside) {
      text(request, response, 400, 'bad path');
      return;
    }
    const module = name === null ? null : await layouts.module(name);
    if (module === null) {
      text(request, response, 404, 'no such layout');
      return;
    }
    answer(request, response, 200, { 'content-type': 'text/javascript; charset=utf-8' }, module);
  } catch (error) {
    if (!response.headersSent) text(request, response, 500, error instanceof Error ? error.message : String(error));
    else response.destroy();
  }
}
