/**
 * The bridge through real sockets, on the simulator: many clients, one Live.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { BridgeEvent } from '../protocol/src/index';
import { memoryLog } from '../bridge/log';
import { BridgeClient, socketUrl } from '../bridge/bridge-client';
import { rawDataText } from '../bridge/raw-data';
import { startTestBridge, TOKEN, type TestBridge } from './support/bridge';

function collect(client: BridgeClient): BridgeEvent[] {
  const events: BridgeEvent[] = [];
  client.onEvent((event) => events.push(event));
  return events;
}

const valuesOf = (events: BridgeEvent[], obs: number): unknown[] =>
  events.flatMap((event) =>
    event.ev === 'changes' ? event.changes.filter((c) => c.obs === obs).map((c) => c.value) : [],
  );

describe('the bridge on the simulator', () => {
  let setup: TestBridge;

  beforeAll(async () => {
    setup = await startTestBridge();
  });

  afterAll(async () => {
    await setup.close();
  });

  it('answers hello with the session’s facts', async () => {
    const client = await BridgeClient.connect(setup.url, TOKEN, { hello: false });
    const reply = await client.request({ op: 'hello', protocol: 1, client: 'test' });
    expect(reply).toMatchObject({
      ok: true,
      result: {
        protocol: 1,
        live: { state: 'online', host: 'simulator', live_version: '12.3.6', set_name: 'LiveSurface Demo' },
        midi: { mode: 'simulator' },
      },
    });
    await client.close();
  });

  it('shares one upstream observation among clients, and all of them see changes', async () => {
    const [a, b, c, writer] = await Promise.all([setup.client(), setup.client(), setup.client(), setup.client()]);
    const events = [collect(a), collect(b), collect(c)];
    const replies = await Promise.all(
      [a, b, c].map((client, index) =>
        client
          .request({ op: 'observe', target: 'live_set', prop: 'metronome' })
          .then((reply) => [index, reply] as const),
      ),
    );
    for (const [, reply] of replies) expect(reply).toMatchObject({ ok: true, result: false });
    expect(setup.bridge.observations.size).toBe(1);
    await writer.request({ op: 'set', target: 'live_set', prop: 'metronome', value: true });
    for (const list of events) await expect.poll(() => valuesOf(list, 2)).toContain(true);
    await writer.request({ op: 'set', target: 'live_set', prop: 'metronome', value: false });
    await Promise.all([a.close(), b.close(), c.close()]);
    await expect.poll(() => setup.bridge.observations.size).toBe(0);
  });

  it('gives a new observer the cached value without asking Live', async () => {
    const first = await setup.client();
    await first.request({ op: 'observe', target: 'live_set', prop: 'tempo' });
    const inFlightBefore = setup.bridge.upstream.inFlight;
    const second = await setup.client();
    const reply = await second.request({ op: 'observe', target: 'live_set', prop: 'tempo' });
    expect(reply).toMatchObject({ ok: true, result: 122 });
    expect(setup.bridge.upstream.inFlight).toBe(inFlightBefore);
    await Promise.all([first.close(), second.close()]);
  });

  it('answers each client only its own replies, whatever ids they choose', async () => {
    const [a, b] = await Promise.all([setup.client(), setup.client()]);
    const [fromA, fromB] = await Promise.all([
      a.request({ op: 'get', target: 'live_set tracks 0', prop: 'name' }),
      b.request({ op: 'get', target: 'live_set tracks 1', prop: 'name' }),
    ]);
    expect(fromA).toMatchObject({ ok: true, result: 'Drums' });
    expect(fromB).toMatchObject({ ok: true, result: 'Perc' });
    await Promise.all([a.close(), b.close()]);
  });

  it('refuses a wrong token and a foreign origin at the handshake, and counts them', async () => {
    await expect(BridgeClient.connect(setup.url, 'wrong')).rejects.toThrow('(401): wrong token');
    await expect(BridgeClient.connect(setup.url, TOKEN, { origin: 'http://evil.example' })).rejects.toThrow(
      '(403): foreign origin',
    );
    const own = await setup.client({ origin: `http://127.0.0.1:${setup.bridge.port}` });
    await own.close();
    expect(setup.bridge.health().refused).toMatchObject({ 'wrong token': 1, 'foreign origin': 1 });
  });

  it('closes a connection that sends an oversized frame, and only that one', async () => {
    const bystander = await setup.client();
    const socket = new WebSocket(socketUrl(setup.url, TOKEN));
    await new Promise((resolve) => socket.once('open', resolve));
    const closed = new Promise<number>((resolve) => socket.once('close', resolve));
    socket.send('x'.repeat(4 * 1024 * 1024 + 1));
    expect(await closed).toBe(1009);
    expect(await bystander.request({ op: 'get', target: 'live_set', prop: 'tempo' })).toMatchObject({ ok: true });
    await bystander.close();
  });

  it('answers malformed and schema-violating frames with bad_request and keeps the connection', async () => {
    const client = await setup.client();
    const replies: unknown[] = [];
    client.socket.on('message', (data) => replies.push(...[JSON.parse(rawDataText(data)) as unknown].flat()));
    client.send('{"op": "get", ');
    client.send(JSON.stringify({ op: 'get', id: 41, target: 'live_set', prop: 'tempo', extra: 1 }));
    client.send(JSON.stringify({ op: 'teleport', id: 42 }));
    await expect.poll(() => replies.length).toBe(3);
    expect(replies).toEqual([
      { id: null, ok: false, error: { code: 'bad_request', message: 'the frame is not valid JSON' } },
      { id: 41, ok: false, error: { code: 'bad_request', message: 'message: Unrecognized key: "extra"' } },
      { id: 42, ok: false, error: { code: 'bad_request', message: 'unknown operation "teleport"' } },
    ]);
    expect(await client.request({ op: 'get', target: 'live_set', prop: 'tempo' })).toMatchObject({
      ok: true,
      result: 122,
    });
    await client.close();
  });

  it('passes Live’s typed errors through', async () => {
    const client = await setup.client();
    expect(await client.request({ op: 'get', target: 'live_set', prop: '__class__' })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(await client.request({ op: 'get', target: 'live_set tracks 40' })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    await client.close();
  });

  it('sends MIDI to the simulator: a note reaches an armed track', async () => {
    const client = await setup.client();
    await client.request({ op: 'set', target: 'live_set tracks 3', prop: 'arm', value: true });
    const events = collect(client);
    await client.request({ op: 'observe', target: 'live_set tracks 3', prop: 'output_meter_level' });
    client.send({
      op: 'midi',
      messages: [
        { type: 'note_on', channel: 0, note: 60, velocity: 127 },
        { type: 'note_off', channel: 0, note: 60 },
      ],
    });
    await expect.poll(() => valuesOf(events, 3).some((value) => (value as number) > 0.9), { timeout: 5000 }).toBe(true);
    await client.request({ op: 'set', target: 'live_set tracks 3', prop: 'arm', value: false });
    await client.close();
  });

  it("takes a tablet's session box, and Live takes it from the bridge", async () => {
    const log = memoryLog();
    const own = await startTestBridge({ log });
    try {
      const client = await own.client();
      const box = { track_offset: 1, scene_offset: 2, width: 4, height: 3 };
      expect(await client.request({ op: 'session_box', box })).toEqual({ ok: true, result: null });
      expect(await client.request({ op: 'session_box', box: { ...box, width: 0 } })).toMatchObject({
        ok: false,
        error: { code: 'bad_request' },
      });
      // the box reached the script before this get was answered, and nothing was refused on the way
      await client.request({ op: 'get', target: 'live_set', prop: 'tempo' });
      expect(log.lines.filter((line) => line.includes('session box'))).toEqual([]);
      expect(own.bridge.sessionBoxes.current).toEqual(box);
      await client.close();
      await expect.poll(() => own.bridge.sessionBoxes.current).toBeNull();
    } finally {
      await own.close();
    }
  });

  it('tells a browser whether its token is right', async () => {
    expect((await fetch(`${setup.url}/session?token=${TOKEN}`)).status).toBe(204);
    expect((await fetch(`${setup.url}/session?token=nope`)).status).toBe(401);
  });

  it('serves health and the app page over HTTP', async () => {
    expect(await (await fetch(`${setup.url}/health`)).json()).toEqual({ ok: true });
    const health = (await (await fetch(`${setup.url}/health?token=${TOKEN}`)).json()) as Record<string, unknown>;
    expect(health).toMatchObject({ ok: true, backend: 'simulator', live: { state: 'online' } });
    expect(JSON.stringify(health)).not.toContain(TOKEN);
    expect(await (await fetch(setup.url)).text()).toContain('npm run build');
  });
});

describe('when the simulator dies mid-traffic', () => {
  let setup: TestBridge;

  beforeAll(async () => {
    setup = await startTestBridge({ timeoutMs: 10_000 });
  });

  afterAll(async () => {
    await setup.close();
  });

  it('settles every pending request, says Live is offline, restarts it and restores observations', async () => {
    const [observer, worker] = await Promise.all([setup.client(), setup.client()]);
    const events = collect(observer);
    expect(await observer.request({ op: 'observe', target: 'live_set', prop: 'tempo' })).toMatchObject({
      ok: true,
      result: 122,
    });
    const traffic = Array.from({ length: 300 }, () => worker.request({ op: 'describe', target: 'live_set tracks 0' }));
    setup.bridge.simulator?.process?.kill('SIGKILL');
    const outcomes = await Promise.all(traffic);
    const codes = new Set(outcomes.map((outcome) => (outcome.ok ? 'ok' : outcome.error.code)));
    expect([...codes].every((code) => code === 'ok' || code === 'unavailable')).toBe(true);
    expect(codes.has('unavailable')).toBe(true);
    await expect
      .poll(() => events.some((e) => e.ev === 'status' && e.live.state === 'offline'), { timeout: 5000 })
      .toBe(true);
    await expect
      .poll(() => events.some((e) => e.ev === 'status' && e.live.state === 'online'), { timeout: 15_000 })
      .toBe(true);
    expect(setup.bridge.simulator?.restarts).toBe(1);
    await expect
      .poll(async () => (await worker.request({ op: 'set', target: 'live_set', prop: 'tempo', value: 133 })).ok, {
        timeout: 5000,
      })
      .toBe(true);
    await expect.poll(() => valuesOf(events, 2)).toContain(133);
    await Promise.all([observer.close(), worker.close()]);
  });
});

describe('a client that does not read', () => {
  let setup: TestBridge;

  beforeAll(async () => {
    setup = await startTestBridge({
      outputLimits: { softBytes: 16 * 1024, hardBytes: 64 * 1024 * 1024, retryMs: 10, maxInFlight: 10_000 },
    });
  });

  afterAll(async () => {
    await setup.close();
  });

  it('is held to its latest values, told it is slow, and does not slow the others', async () => {
    const [slow, fast] = await Promise.all([setup.client(), setup.client()]);
    // Clip names, made long: a few rounds of changes outgrow what the kernel buffers for a paused reader.
    const slots = [
      [0, 0],
      [0, 1],
      [0, 2],
      [0, 3],
      [0, 4],
      [1, 1],
      [1, 2],
      [1, 3],
      [2, 2],
      [2, 3],
      [2, 4],
      [3, 0],
      [3, 2],
      [4, 0],
      [4, 3],
      [5, 4],
    ];
    const targets = slots.map(([track, slot]) => `live_set tracks ${track} clip_slots ${slot} clip`);
    for (const target of targets)
      expect(await slow.request({ op: 'observe', target, prop: 'name' })).toMatchObject({ ok: true });
    const slowEvents = collect(slow);
    const raw = (slow.socket as unknown as { _socket: { pause(): void; resume(): void } })._socket;
    raw.pause();
    const rounds = 400;
    const nameOf = (round: number): string => `${round}:${'x'.repeat(4000)}`;
    for (let round = 1; round <= rounds; round += 1) {
      const replies = await Promise.all(
        targets.map((target) => fast.request({ op: 'set', target, prop: 'name', value: nameOf(round) })),
      );
      expect(replies.every((reply) => reply.ok)).toBe(true);
    }
    expect(setup.bridge.health().clients).toHaveLength(2);
    raw.resume();
    await expect.poll(() => slowEvents.some((event) => event.ev === 'slow'), { timeout: 10_000 }).toBe(true);
    await expect
      .poll(() => targets.every((_, index) => valuesOf(slowEvents, index + 2).at(-1) === nameOf(rounds)), {
        timeout: 10_000,
      })
      .toBe(true);
    const delivered = targets.map((_, index) => valuesOf(slowEvents, index + 2).length);
    expect(Math.max(...delivered)).toBeLessThan(rounds);
    await Promise.all([slow.close(), fast.close()]);
  });
});

describe('the wake-up path', () => {
  it('reaches the script through the simulator’s MIDI socket', async () => {
    const setup = await startTestBridge();
    try {
      expect(setup.bridge.midi.route.mode).toBe('simulator');
      const client = await setup.client();
      expect(await client.request({ op: 'get', target: 'live_set', prop: 'tempo' })).toMatchObject({ ok: true });
    } finally {
      await setup.close();
    }
  });

  it('with ports 0, the simulator gets free ports and MIDI goes where it listens', async () => {
    const setup = await startTestBridge({ scriptPort: 0, simulatorMidiPort: 0 });
    try {
      expect(setup.bridge.upstream.online).toBe(true);
      expect(setup.bridge.midi.route.detail).toMatch(/127\.0\.0\.1:[1-9]\d*$/);
      const client = await setup.client();
      await client.request({ op: 'set', target: 'live_set tracks 3', prop: 'arm', value: true });
      const events = collect(client);
      await client.request({ op: 'observe', target: 'live_set tracks 3', prop: 'output_meter_level' });
      client.send({ op: 'midi', messages: [{ type: 'note_on', channel: 0, note: 60, velocity: 127 }] });
      await expect
        .poll(() => valuesOf(events, 3).some((value) => (value as number) > 0.9), { timeout: 5000 })
        .toBe(true);
    } finally {
      await setup.close();
    }
  });

  it('refuses script port 0 when it must wait for Live', async () => {
    await expect(startTestBridge({ scriptPort: 0, mode: 'live' })).rejects.toThrow(/--script-port 0 needs --sim/);
  });
});
