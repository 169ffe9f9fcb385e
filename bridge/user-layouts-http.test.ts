import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, request as httpRequest, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { userLayoutPath, type UserLayoutsIndex } from '../common/user-layouts';
import { serveUserLayouts, type TokenAccess } from './user-layouts-http';
import { UserLayouts } from './user-layouts';

const TOKEN = 'the-right-token';

/** Like the bridge: the right token is 'ok', another 'wrong', none 'absent'; `waiting` makes every address wait. */
const accessFor =
  (waiting = false) =>
  (given: string | null): TokenAccess => {
    if (waiting) return { waitMs: 2500 };
    if (given === null) return 'absent';
    return given === TOKEN ? 'ok' : 'wrong';
  };

/** A folder holding `page.tsx`, a folder inside it, and a file beside it (outside). */
function folderWithPage(): string {
  const parent = mkdtempSync(join(tmpdir(), 'user-layouts-http-'));
  const folder = join(parent, 'layouts');
  mkdirSync(join(folder, 'sub'), { recursive: true });
  writeFileSync(join(folder, 'page.tsx'), `export default function Page() { return <p>page</p>; }`);
  writeFileSync(join(folder, 'my page.tsx'), `export default () => <p>mine</p>;`);
  writeFileSync(join(folder, 'sub', 'deep.tsx'), `export default () => <p>deep</p>;`);
  writeFileSync(join(parent, 'outside.tsx'), `export default () => <p>outside</p>;`);
  return folder;
}

/** A raw GET, its path sent as it is (fetch would tidy `..` away before the server saw it). */
function get(base: string, path: string): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(`${base}${path}`, { path }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body }));
    });
    request.on('error', reject);
    request.end();
  });
}

describe('serveUserLayouts', () => {
  let server: Server | undefined;
  afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

  async function serve(folder: string | null, waiting = false): Promise<string> {
    const layouts = new UserLayouts(folder);
    server = createServer((request, response) => void serveUserLayouts(layouts, request, response, accessFor(waiting)));
    await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  }

  it('lists the layouts and serves each compiled, to whoever has the token', async () => {
    const base = await serve(folderWithPage());
    const index = await get(base, `/user-layouts/index.json?token=${TOKEN}`);
    expect(index.status).toBe(200);
    expect(index.headers['cache-control']).toBe('no-store');
    const listed = JSON.parse(index.body) as UserLayoutsIndex;
    expect(listed.layouts.map((layout) => layout.name)).toEqual(['my page', 'page']);

    const module = await get(base, `${userLayoutPath('my page')}?v=1&token=${TOKEN}`);
    expect(module.status).toBe(200);
    expect(module.headers['content-type']).toContain('text/javascript');
    expect(module.body).toContain('mine');
  });

  it('answers nothing without the token, or with a wrong one, and 429 while the address must wait', async () => {
    const base = await serve(folderWithPage());
    for (const query of ['', '?token=wrong', '?token=']) {
      expect((await get(base, `/user-layouts/index.json${query}`)).status).toBe(401);
      const module = await get(base, `/user-layouts/page.js${query}`);
      expect(module.status).toBe(401);
      expect(module.body).not.toContain('page');
    }
    const waiting = await get(await serve(folderWithPage(), true), `/user-layouts/page.js?token=${TOKEN}`);
    expect(waiting.status).toBe(429);
    expect(waiting.headers['retry-after']).toBe('3');
  });

  it.each([
    '/user-layouts/../outside.js',
    '/user-layouts/..%2foutside.js',
    '/user-layouts/%2e%2e/outside.js',
    '/user-layouts/..%5coutside.js',
    '/user-layouts/sub/deep.js',
    '/user-layouts/sub%2fdeep.js',
    '/user-layouts/page.tsx',
    '/user-layouts/missing.js',
    '/user-layouts/.js',
    '/user-layouts/%00page.js',
    '/user-layouts/%E0%A4%A.js',
  ])('serves nothing but a layout of the folder itself: %s', async (path) => {
    const response = await get(await serve(folderWithPage()), `${path}?token=${TOKEN}`);
    expect([400, 404]).toContain(response.status);
    expect(response.body).not.toMatch(/outside|deep|<p>/);
  });

  it('lists none and serves none when the bridge has no folder of a user', async () => {
    const base = await serve(null);
    expect(JSON.parse((await get(base, `/user-layouts/index.json?token=${TOKEN}`)).body)).toEqual({
      folder: null,
      layouts: [],
    });
    expect((await get(base, `/user-layouts/page.js?token=${TOKEN}`)).status).toBe(404);
  });
});
