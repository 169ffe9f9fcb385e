/**
 * Serves the built app (`dist/app`), never a file outside it; when the app
 * is not built, a page that says how to build it.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.webmanifest': 'application/manifest+json',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
};

export const NOT_BUILT_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>LiveSurface: the app is not built</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 40em; margin: 3em auto; line-height: 1.5">
<h1>LiveSurface is running, but its app is not built</h1>
<p>The bridge is up and talks to Live; the page it serves has not been built yet. In the project folder, run</p>
<pre style="background:#eee; padding: .75em">npm run build</pre>
<p>then reload this page (<code>npm start</code> builds it when it is missing).</p>
</body></html>
`;

/** The file a URL path names inside `root`, or null when it would leave it. */
export function resolveInside(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath.split('?')[0] ?? '/');
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const relative = normalize(decoded).replace(/^[/\\]+/, '');
  const file = join(root, relative);
  return file === root || file.startsWith(root.endsWith(sep) ? root : root + sep) ? file : null;
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

/** Answers a GET for the app; single-page: unknown paths without an extension get index.html. */
export async function serveApp(root: string, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const index = join(root, 'index.html');
  if (!(await isFile(index))) {
    response.writeHead(200, { 'content-type': TYPES['.html'] as string, 'cache-control': 'no-store' });
    response.end(NOT_BUILT_PAGE);
    return;
  }
  let file = resolveInside(root, request.url ?? '/');
  if (file === null) {
    response.writeHead(400, { 'content-type': 'text/plain' }).end('bad path');
    return;
  }
  if (!(await isFile(file))) {
    if (extname(file) !== '') {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    file = index;
  }
  // only assets/ names carry their content's hash; the rest (index.html, the service worker sw.js, the
  // manifest, the icons) keep their names across builds, so a browser asks each time (a new sw.js is an update)
  const hashed = file.includes(`${sep}assets${sep}`);
  response.writeHead(200, {
    'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
    'cache-control': hashed ? 'public, max-age=31536000, immutable' : 'no-cache',
    'x-content-type-options': 'nosniff',
  });
  if (request.method === 'HEAD') {
    response.end();
    return;
  }
  createReadStream(file).pipe(response);
}
