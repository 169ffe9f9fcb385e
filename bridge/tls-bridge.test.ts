/**
 * The bridge over TLS with a kept authority's certificate, through real
 * sockets: HTTPS that a client trusting only that authority accepts, the
 * authority's certificate at /ca.crt, and the WebSocket over TLS (wss) with
 * the token and origin rules of plain HTTP. No Live: nothing answers on the
 * script's port, so the bridge waits for it.
 */
import { X509Certificate } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { get, type RequestOptions } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION } from '../protocol/src/index';
import { startBridge, type RunningBridge } from './bridge';
import { memoryLog } from './log';
import { rawDataText } from './raw-data';
import { freePort } from './net';
import { keptTls, type ServerTls } from './tls';

const TOKEN = 'tls-token-4fQ9zK2mXw7LpR8vT3bN';

function fetchOver(
  options: RequestOptions,
): Promise<{ status: number; headers: Record<string, unknown>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    get(options, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () =>
        resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }),
      );
    }).on('error', reject);
  });
}

describe('the bridge with --https', () => {
  let folder: string;
  let tls: ServerTls;
  let bridge: RunningBridge;

  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'livesurface-tls-bridge-'));
    tls = await keptTls(join(folder, 'tls'), { dns: ['localhost'], ips: ['127.0.0.1'] });
    bridge = await startBridge({
      port: 0,
      host: '127.0.0.1',
      token: TOKEN,
      mode: 'live',
      scriptPort: await freePort(),
      simulatorMidiPort: 0,
      appDir: folder,
      log: memoryLog(),
      openMidiRouting: () => ({
        route: { mode: 'none', detail: 'nowhere (a test)' },
        send: () => {},
        wake: () => false,
        close: () => {},
      }),
      tls: { key: tls.key, cert: tls.cert, caCert: tls.caCert },
    });
  });

  afterAll(async () => {
    await bridge?.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it('answers HTTPS that a client trusting the authority accepts, and a client trusting nothing refuses', async () => {
    const health = await fetchOver({ host: '127.0.0.1', port: bridge.port, path: '/health', ca: tls.caCert });
    expect(health.status).toBe(200);
    expect(JSON.parse(health.body.toString())).toEqual({ ok: true });
    await expect(fetchOver({ host: '127.0.0.1', port: bridge.port, path: '/health' })).rejects.toThrow(
      /unable to verify the first certificate/,
    );
  });

  it('serves the authority’s certificate at /ca.crt, as a CA certificate to install', async () => {
    const answer = await fetchOver({ host: '127.0.0.1', port: bridge.port, path: '/ca.crt', ca: tls.caCert });
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toBe('application/x-x509-ca-cert');
    const served = new X509Certificate(answer.body);
    expect(served.fingerprint256).toBe(tls.caFingerprint);
    expect(served.ca).toBe(true);
  });

  it('takes a WebSocket over TLS with the token from its own origin, and refuses a foreign one', async () => {
    const open = (origin: string) =>
      new Promise<string>((resolve) => {
        const socket = new WebSocket(`wss://127.0.0.1:${bridge.port}/ws?token=${TOKEN}`, { ca: tls.caCert, origin });
        socket.once('open', () => {
          socket.send(JSON.stringify({ id: 1, op: 'hello', protocol: PROTOCOL_VERSION, client: 'a TLS test' }));
        });
        socket.once('message', (data) => {
          socket.close();
          resolve(rawDataText(data));
        });
        socket.once('unexpected-response', (_request, response) => resolve(`refused ${response.statusCode}`));
        socket.once('error', (error) => resolve(`error ${error.message}`));
      });
    // the bridge's first frame: the answer to hello, with what else it has to say (a batch)
    const frame: unknown = JSON.parse(await open(`https://localhost:${bridge.port}`));
    expect(frame).toContainEqual(
      expect.objectContaining({
        id: 1,
        ok: true,
        result: expect.objectContaining({ midi: { mode: 'none', detail: 'nowhere (a test)' } }),
      }),
    );
    expect(await open('https://evil.example')).toBe('refused 403');
  });
});
