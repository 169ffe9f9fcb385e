/**
 * What an attacker tried, through real sockets on the simulator: a forged
 * Host header (DNS rebinding), token guessing at /session, reading /health
 * without the token, paths that split differently on the two sides, frames
 * nested past any stack, and a failure of the bridge's own.
 */
import { randomBytes } from 'node:crypto';
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BridgeClient } from '../bridge/bridge-client';
import { memoryLog } from '../bridge/log';
import type { MidiRouting } from '../bridge/midi-out';
import { rawDataText } from '../bridge/raw-data';
import { startTestBridge, TOKEN, type TestBridge } from './support/bridge';

/** The status a WebSocket handshake gets (101 when it is accepted). */
function handshake(port: number, path: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const upgrade = request({
      host: '127.0.0.1',
      port,
      path,
      headers: {
        connection: 'Upgrade',
        upgrade: 'websocket',
        'sec-websocket-version': '13',
        'sec-websocket-key': randomBytes(16).toString('base64'),
        ...headers,
      },
    });
    upgrade.on('upgrade', (_, socket) => {
      socket.destroy();
      resolve(101);
    });
    upgrade.on('response', (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    upgrade.on('error', reject);
    upgrade.end();
  });
}

describe('the bridge against an attacker', () => {
  let setup: TestBridge;
  let port: number;

  beforeAll(async () => {
    setup = await startTestBridge();
    port = setup.bridge.port;
  });

  afterAll(async () => {
    await setup.close();
  });

  it('does not take the Host header’s word for its own origin (DNS rebinding)', async () => {
    const path = `/ws?token=${TOKEN}`;
    expect(await handshake(port, path, { host: `evil.example:${port}`, origin: `http://evil.example:${port}` })).toBe(
      403,
    );
    expect(await handshake(port, path, { host: `127.0.0.1:${port}`, origin: `http://evil.example:${port}` })).toBe(403);
    expect(await handshake(port, path, { host: `evil.example:${port}`, origin: `http://localhost:${port}` })).toBe(101);
    expect(await handshake(port, path, { origin: `http://127.0.0.1:${port}` })).toBe(101);
    expect(await handshake(port, path, { origin: `http://127.0.0.1:${port + 1}` })).toBe(403);
  });

  it('tells only that it is up at /health without the token', async () => {
    const open = await fetch(`${setup.url}/health`);
    expect(open.status).toBe(200);
    expect(await open.json()).toEqual({ ok: true });
    const full = (await (await fetch(`${setup.url}/health?token=${TOKEN}`)).json()) as Record<string, unknown>;
    expect(full).toMatchObject({ live: { set_name: 'LiveSurface Demo', live_version: '12.3.6' }, clients: [] });
  });

  it('reads a path alike on both sides: a control character is no separator, for get or observe', async () => {
    const client = await setup.client();
    for (const target of ['live_set\u001ctracks\u001c0', 'live_set\ttracks 0', 'live_set tracks 0\n']) {
      for (const op of ['get', 'observe'] as const) {
        expect(await client.request({ op, target, prop: 'name' })).toMatchObject({
          ok: false,
          error: { code: 'bad_request' },
        });
      }
    }
    expect(await client.request({ op: 'get', target: 'live_set  tracks 0 ', prop: 'name' })).toMatchObject({
      ok: true,
      result: 'Drums',
    });
    await client.close();
  });

  it('answers a 2.7 kB frame of ~1,400 nested [ with bad_request, before and after hello', async () => {
    const deep = '['.repeat(1400) + ']'.repeat(1400);
    const frames = [
      `{"op":"set","id":7,"target":"live_set","prop":"tempo","value":${deep}}`,
      `{"op":"call","id":7,"target":"live_set","fn":"stop_playing","args":[${deep}]}`,
    ];
    for (const hello of [false, true]) {
      const client = await setup.client({ hello });
      const replies: { id: number | null; error?: { code: string } }[] = [];
      client.socket.on('message', (data) => replies.push(...[JSON.parse(rawDataText(data)) as never].flat()));
      for (const text of frames) client.send(text);
      await expect.poll(() => replies.length).toBe(2);
      expect(replies).toMatchObject([
        { id: 7, error: { code: 'bad_request' } },
        { id: 7, error: { code: 'bad_request' } },
      ]);
      await client.close();
    }
    expect(setup.bridge.health().live).toMatchObject({ state: 'online' });
  });
});

describe('token guessing', () => {
  let setup: TestBridge;

  beforeAll(async () => {
    setup = await startTestBridge();
  });

  afterAll(async () => {
    await setup.close();
  });

  it('is slowed down at /session and at the WebSocket (429), per address', async () => {
    const started = performance.now();
    const statuses = new Map<number, number>();
    for (let guess = 0; guess < 2000; guess += 1) {
      const response = await fetch(`${setup.url}/session?token=guess-${guess}`);
      statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
    }
    const seconds = (performance.now() - started) / 1000;
    // a few answers, then "wait": in the time 2,000 guesses took, only the free ones and those after a wait got through
    expect(statuses.get(401) ?? 0).toBeLessThanOrEqual(5 + Math.ceil(Math.log2(seconds / 0.25 + 1)));
    expect(statuses.get(429)).toBeGreaterThan(1900);
    const limited = await fetch(`${setup.url}/session?token=${TOKEN}`);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await handshake(setup.bridge.port, `/ws?token=${TOKEN}`, {})).toBe(429);
    expect(setup.bridge.log.counts['too many wrong tokens']).toBeGreaterThan(1900);
  });
});

describe('a failure of the bridge’s own', () => {
  let setup: TestBridge;

  beforeAll(async () => {
    const failing: MidiRouting = {
      route: { mode: 'none', detail: 'nowhere (a test)' },
      send: () => {
        throw new Error('injected MIDI failure');
      },
      wake: () => false,
      close: () => {},
    };
    setup = await startTestBridge({ openMidiRouting: () => failing, log: memoryLog() });
  });

  afterAll(async () => {
    await setup.close();
  });

  it('closes that client with 1011 and logs it; the bridge and the others go on', async () => {
    const [victim, bystander] = await Promise.all([setup.client(), setup.client()]);
    const closed = new Promise<number>((resolve) => victim.socket.once('close', resolve));
    victim.send({ op: 'midi', messages: [{ type: 'note_on', channel: 0, note: 60, velocity: 100 }] });
    expect(await closed).toBe(1011);
    expect(await bystander.request({ op: 'get', target: 'live_set', prop: 'tempo' })).toMatchObject({ ok: true });
    expect(setup.bridge.log.counts['internal error']).toBe(1);
    expect((setup.bridge.log as ReturnType<typeof memoryLog>).lines.join('\n')).toContain('injected MIDI failure');
    const again = await BridgeClient.connect(setup.url, TOKEN);
    expect(await again.request({ op: 'get', target: 'live_set', prop: 'tempo' })).toMatchObject({ ok: true });
    await Promise.all([bystander.close(), again.close()]);
  });
});
