import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { resolveInside, serveApp } from './static-files';

describe('resolveInside', () => {
  it.each(['/../etc/passwd', '/..%2f..%2fetc/passwd', '/%2e%2e/%2e%2e/secret', '/a/%00b', '/%E0%A4%A'])(
    'never leaves the root for %s',
    (path) => {
      const file = resolveInside('/srv/app', path);
      expect(file === null || file.startsWith('/srv/app/')).toBe(true);
    },
  );

  it('finds files inside', () => {
    expect(resolveInside('/srv/app', '/assets/main.js?v=1')).toBe('/srv/app/assets/main.js');
  });
});

describe('serveApp', () => {
  let server: Server | undefined;
  afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

  async function serve(root: string): Promise<string> {
    server = createServer((request, response) => void serveApp(root, request, response));
    await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  }

  it('says how to build the app when it is not built', async () => {
    const base = await serve(mkdtempSync(join(tmpdir(), 'empty-')));
    const response = await fetch(base);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('npm run build');
  });

  it('serves files, index.html for app routes, 404 for missing assets', async () => {
    const root = mkdtempSync(join(tmpdir(), 'app-'));
    mkdirSync(join(root, 'assets'));
    writeFileSync(join(root, 'index.html'), '<p>app</p>');
    writeFileSync(join(root, 'assets', 'main.js'), 'x=1');
    const base = await serve(root);
    const script = await fetch(`${base}/assets/main.js`);
    expect(script.headers.get('content-type')).toContain('javascript');
    expect(script.headers.get('cache-control')).toContain('immutable');
    expect(await script.text()).toBe('x=1');
    expect(await (await fetch(`${base}/session/tracks`)).text()).toBe('<p>app</p>');
    expect((await fetch(`${base}/assets/missing.js`)).status).toBe(404);
  });

  it('serves the service worker and the manifest under their own names, asked again each time', async () => {
    const root = mkdtempSync(join(tmpdir(), 'app-'));
    writeFileSync(join(root, 'index.html'), '<p>app</p>');
    writeFileSync(join(root, 'sw.js'), 'self.x=1');
    writeFileSync(join(root, 'manifest.webmanifest'), '{}');
    const base = await serve(root);
    const worker = await fetch(`${base}/sw.js`);
    expect(worker.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(worker.headers.get('cache-control')).toBe('no-cache');
    expect(await worker.text()).toBe('self.x=1');
    const manifest = await fetch(`${base}/manifest.webmanifest`);
    expect(manifest.headers.get('content-type')).toBe('application/manifest+json');
    expect(manifest.headers.get('cache-control')).toBe('no-cache');
    expect(await manifest.json()).toEqual({});
  });
});
