/**
 * `npm run bench`: the whole chain, WebSocket client -> bridge -> script in
 * the simulator -> back, each bridge its own process as in use.
 *
 * Prints: round trip of a `get` (wake-up and timer paths, p50/p99; target on
 * the wake-up path p50 < 1.5 ms, p99 < 5 ms); pipelined requests per second
 * through one client (target >= 15,000); a knob flood (4 clients x 16
 * parameters at 120 Hz for 10 s: queues bounded, final values exact); fan-out
 * (8 clients observing 256 parameters changing at 60 Hz: frames per client
 * per second, the bridge's CPU); MIDI added latency (target p99 < 1 ms).
 * Figures go in the issue note; tests never assert timings.
 */
import { createServer } from 'node:net';
import { cpus } from 'node:os';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BridgeClient, type Reply } from '../bridge/bridge-client';
import { startBridge } from '../bridge/bridge';
import { createLog } from '../bridge/log';
import { openMidi } from '../bridge/midi-out';
import { freePorts } from '../bridge/net';
import type { RequestBody } from '../bridge/script-requests';
import { BENCH_TOKEN, cpuSeconds, spawnBridge, type BridgeProcess } from './bridge-process';
import { sessionRows } from './session-bench';
import { printTable, summarize } from './stats';

const QUICK = process.argv.includes('--quick');
const SECONDS = QUICK ? 3 : 10;
const GET: RequestBody = { op: 'get', target: 'live_set', prop: 'tempo' };
const ms = (value: number): string => value.toFixed(3);

function check(reply: Reply): void {
  if (!reply.ok) throw new Error(`${reply.error.code}: ${reply.error.message}`);
}

async function roundTrips(client: BridgeClient, count: number, jitterMs: number): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < count; i += 1) {
    if (jitterMs > 0) await sleep(Math.random() * jitterMs);
    const started = performance.now();
    check(await client.request(GET));
    samples.push(performance.now() - started);
  }
  return samples;
}

async function pipelined(client: BridgeClient, total: number, window: number): Promise<number> {
  const started = performance.now();
  const inFlight = new Set<Promise<void>>();
  for (let sent = 0; sent < total; sent += 1) {
    while (inFlight.size >= window) await Promise.race(inFlight);
    const tracked: Promise<void> = client.request(GET).then((reply) => {
      inFlight.delete(tracked);
      check(reply);
    });
    inFlight.add(tracked);
  }
  await Promise.all(inFlight);
  return total / ((performance.now() - started) / 1000);
}

interface Param {
  target: string;
  min: number;
  max: number;
  quantized: boolean;
}

/** A value in the parameter's range for this moment of a sine sweep (whole steps when quantized). */
function sweep(param: Param, phase: number): number {
  const value = param.min + ((Math.sin(phase) + 1) / 2) * (param.max - param.min);
  return param.quantized ? Math.round(value) : Math.round(value * 1e6) / 1e6;
}

/** Mixer and device parameters of the demo set with their ranges, `count` of them (quantized ones if asked). */
async function parameters(client: BridgeClient, count: number, withQuantized = false): Promise<Param[]> {
  const found: Param[] = [];
  const groups: string[][] = [];
  for (let track = 0; track < 8; track += 1) {
    const group = ['volume', 'panning', 'sends 0', 'sends 1'].map(
      (name) => `live_set tracks ${track} mixer_device ${name}`,
    );
    for (let device = 0; device < 3; device += 1) {
      for (let index = 1; index < 20; index += 1)
        group.push(`live_set tracks ${track} devices ${device} parameters ${index}`);
    }
    groups.push(group);
  }
  for (const owner of ['return_tracks 0', 'return_tracks 1', 'master_track']) {
    groups.push(
      Array.from({ length: 24 }, (_, i) => `live_set ${owner} devices ${i < 12 ? 0 : 1} parameters ${(i % 12) + 1}`),
    );
  }
  for (const [track, pads] of [
    [0, 11],
    [1, 6],
  ] as const) {
    groups.push(
      Array.from(
        { length: pads * 8 },
        (_, i) => `live_set tracks ${track} devices 0 chains ${Math.floor(i / 8)} devices 0 parameters ${(i % 8) + 1}`,
      ),
    );
  }
  for (const candidates of groups) {
    if (found.length >= count) break;
    const ranges = await Promise.all(
      candidates.map((target) =>
        Promise.all(['min', 'max', 'is_quantized'].map((prop) => client.request({ op: 'get', target, prop }))),
      ),
    );
    for (const [index, [min, max, quantized]] of ranges.entries()) {
      if (found.length >= count || !min?.ok || !max?.ok || !quantized?.ok) continue;
      if (quantized.result === true && !withQuantized) continue;
      found.push({
        target: candidates[index] as string,
        min: min.result as number,
        max: max.result as number,
        quantized: quantized.result === true,
      });
    }
  }
  if (found.length < count) throw new Error(`only ${found.length} parameters found`);
  return found;
}

async function knobFlood(bridge: BridgeProcess): Promise<string[][]> {
  const clients = await Promise.all(Array.from({ length: 4 }, () => BridgeClient.connect(bridge.url, bridge.token)));
  const all = await parameters(clients[0] as BridgeClient, 64);
  const perClient = clients.map((_, c) => all.slice(c * 16, c * 16 + 16));
  const lastSent = new Map<string, number>();
  let sent = 0;
  let maxInFlight = 0;
  let inFlight = 0;
  let maxUpstream = 0;
  const setTimes: number[] = [];
  const poll = setInterval(() => {
    void fetch(`${bridge.url}/health?token=${bridge.token}`).then(async (response) => {
      const health = (await response.json()) as { upstream_in_flight: number };
      maxUpstream = Math.max(maxUpstream, health.upstream_in_flight);
    });
  }, 250);
  const start = performance.now();
  const pending: Promise<void>[] = [];
  for (let tick = 0; performance.now() - start < SECONDS * 1000; tick += 1) {
    const due = start + (tick * 1000) / 120;
    const wait = due - performance.now();
    if (wait > 0) await sleep(wait);
    for (const [c, client] of clients.entries()) {
      for (const [p, param] of (perClient[c] as Param[]).entries()) {
        const value = sweep(param, (tick / 120) * (1 + p / 8) + c);
        lastSent.set(param.target, value);
        sent += 1;
        inFlight += 1;
        maxInFlight = Math.max(maxInFlight, inFlight);
        const began = performance.now();
        pending.push(
          client.request({ op: 'set', target: param.target, prop: 'value', value }).then((reply) => {
            inFlight -= 1;
            setTimes.push(performance.now() - began);
            check(reply);
          }),
        );
      }
    }
  }
  await Promise.all(pending);
  clearInterval(poll);
  const elapsed = (performance.now() - start) / 1000;
  let exact = 0;
  for (const [target, value] of lastSent) {
    const reply = await (clients[0] as BridgeClient).request({ op: 'get', target, prop: 'value' });
    if (reply.ok && Math.abs((reply.result as number) - value) < 1e-9) exact += 1;
  }
  await Promise.all(clients.map((client) => client.close()));
  const times = summarize(setTimes);
  return [
    ['sets sent', `${sent} in ${elapsed.toFixed(1)} s (${Math.round(sent / elapsed)}/s)`],
    ['set round trip p50 / p99 (ms)', `${ms(times.p50)} / ${ms(times.p99)}`],
    ['most sets awaiting replies (clients)', String(maxInFlight)],
    ['most requests awaiting Live (bridge)', String(maxUpstream)],
    ['parameters at the last value sent', `${exact} / ${lastSent.size}`],
  ];
}

async function fanOut(bridge: BridgeProcess): Promise<string[][]> {
  const driver = await BridgeClient.connect(bridge.url, bridge.token);
  const observed = await parameters(driver, 256, true);
  const observers = await Promise.all(Array.from({ length: 8 }, () => BridgeClient.connect(bridge.url, bridge.token)));
  for (const observer of observers) {
    await Promise.all(
      observed.map((param) => observer.request({ op: 'observe', target: param.target, prop: 'value' }).then(check)),
    );
  }
  for (const observer of observers) observer.frames = 0;
  const changes = observers.map(() => 0);
  observers.forEach((observer, index) =>
    observer.onEvent((event) => {
      if (event.ev === 'changes') changes[index] = (changes[index] ?? 0) + event.changes.length;
    }),
  );
  const pid = bridge.child.pid as number;
  const flushes = async (): Promise<number> =>
    ((await (await fetch(`${bridge.url}/health?token=${bridge.token}`)).json()) as { script_flushes: number })
      .script_flushes;
  const flushesBefore = await flushes();
  const cpuBefore = cpuSeconds(pid);
  const start = performance.now();
  for (let tick = 0; performance.now() - start < SECONDS * 1000; tick += 1) {
    const due = start + (tick * 1000) / 60;
    const wait = due - performance.now();
    if (wait > 0) await sleep(wait);
    const batch = observed.map((param, p) => ({
      op: 'set' as const,
      id: 1_000_000 + tick * 1000 + p,
      target: param.target,
      prop: 'value',
      value: sweep(param, tick / 30 + p),
    }));
    driver.send(batch);
  }
  const elapsed = (performance.now() - start) / 1000;
  const cpu = cpuSeconds(pid) - cpuBefore;
  await sleep(300);
  const flushRate = ((await flushes()) - flushesBefore) / elapsed;
  const frames = observers.map((observer) => observer.frames / elapsed);
  await Promise.all([...observers, driver].map((client) => client.close()));
  return [
    ['parameters observed per client', `${observed.length}, all changing at 60 Hz`],
    ['frames per client per second', `min ${Math.min(...frames).toFixed(1)}, max ${Math.max(...frames).toFixed(1)}`],
    ['script flushes with changes per second', `${flushRate.toFixed(1)} (a client gets at most one frame per flush)`],
    [
      'changes per client per second',
      `${Math.round(Math.min(...changes) / elapsed)} to ${Math.round(Math.max(...changes) / elapsed)}`,
    ],
    ['bridge CPU (one core = 100%)', `${((cpu / elapsed) * 100).toFixed(1)}%`],
  ];
}

async function midiLatency(): Promise<string[][]> {
  const [tapPort, scriptPort] = await freePorts(2);
  const arrivals: number[] = [];
  const tap = createServer((socket) =>
    socket.on('data', (chunk) => {
      for (let i = 0; i < chunk.length; i += 3) arrivals.push(performance.now());
    }),
  );
  await new Promise<void>((resolve) => tap.listen(tapPort, '127.0.0.1', resolve));
  const log = createLog(() => {}, true);
  const bridge = await startBridge({
    port: 0,
    host: '127.0.0.1',
    token: BENCH_TOKEN,
    mode: 'live',
    scriptPort,
    simulatorMidiPort: 0,
    appDir: mkdtempSync(join(tmpdir(), 'bench-')),
    log,
    openMidiRouting: () => openMidi({ simulatorPort: tapPort, log, unavailable: 'benchmark tap' }),
  });
  const client = await BridgeClient.connect(`http://127.0.0.1:${bridge.port}`, BENCH_TOKEN);
  await sleep(300);
  const samples: number[] = [];
  const count = QUICK ? 500 : 3000;
  for (let i = 0; i < count; i += 1) {
    const before = arrivals.length;
    const sent = performance.now();
    client.send({ op: 'midi', messages: [{ type: 'note_on', channel: 0, note: 36 + (i % 24), velocity: 100 }] });
    while (arrivals.length === before) await new Promise((resolve) => setImmediate(resolve));
    samples.push((arrivals[before] as number) - sent);
  }
  await client.close();
  await bridge.close();
  tap.close();
  const summary = summarize(samples.slice(100));
  return [
    ['WebSocket note -> MIDI bytes out (ms)', String(summary.count), ms(summary.p50), ms(summary.p99), 'p99 < 1'],
  ];
}

async function main(): Promise<void> {
  console.log(
    `\nLiveSurface bridge benchmark: node ${process.version}, ${cpus().length} CPUs (${cpus()[0]?.model.trim()}); ${QUICK ? 'quick run' : 'full run'}; figures vary with load\n`,
  );
  const wake = await spawnBridge();
  const timer = await spawnBridge(['--no-wake']);
  try {
    const rows: string[][] = [];
    for (const [name, bridge, jitter] of [
      ['wake-up path', wake, 0],
      ['timer path (5 ms timer)', timer, 6],
    ] as const) {
      const client = await BridgeClient.connect(bridge.url, bridge.token);
      await roundTrips(client, 200, 0);
      const summary = summarize(await roundTrips(client, QUICK ? 500 : jitter ? 800 : 5000, jitter));
      const rate = await pipelined(client, QUICK ? 10_000 : 60_000, 2000);
      rows.push([name, String(summary.count), ms(summary.p50), ms(summary.p99), Math.round(rate).toLocaleString('en')]);
      await client.close();
    }
    printTable(['get through the bridge', 'n', 'p50 ms', 'p99 ms', 'pipelined/s'], rows);
    console.log('targets: wake-up path p50 < 1.5 ms, p99 < 5 ms; pipelined >= 15,000/s\n');
    printTable([`knob flood: 4 clients x 16 parameters at 120 Hz for ${SECONDS} s`, ''], await knobFlood(wake));
    console.log('');
    printTable([`fan-out: 8 clients, 256 parameters at 60 Hz for ${SECONDS} s`, ''], await fanOut(wake));
    console.log('');
    printTable(['MIDI', 'n', 'p50', 'p99', 'target'], await midiLatency());
    console.log('');
    printTable(
      ['client core: LiveLink and the session actors', ''],
      await sessionRows(wake.url, wake.token, QUICK ? 3 : 10),
    );
    console.log('');
  } finally {
    await Promise.all([wake.stop(), timer.stop()]);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exitCode = 1;
});
