/**
 * `npm run bench:script`: the bridge <-> script hop over real TCP against the
 * simulator. Prints, for the wake-up path (request, then an empty sysex on the
 * simulator's MIDI input) and the timer path (the script's Live.Base.Timer
 * finds the request): round trip of a `get`, p50/p99; and pipelined `get`s
 * per second through one connection.
 *
 * Targets (issue 2): wake-up p50 < 1 ms and p99 < 3 ms; >= 20,000 gets/s.
 * Figures go in the issue note; tests never assert timings. Under heavy
 * requests: `npm run bench:script-load` (script-load-bench.ts).
 */
import { connect, type Socket } from 'node:net';
import { cpus } from 'node:os';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { freePorts } from '../bridge/net';
import { ScriptRequests, type RequestBody } from '../bridge/script-requests';
import { readScriptSecret } from '../bridge/script-secret';
import { ScriptSocket } from '../bridge/script-socket';
import { startSimulator } from '../bridge/simulator-process';
import { printTable, summarize, type Summary } from './stats';

const WAKE = Buffer.from([0xf0, 0xf7]);
const GET_TEMPO: RequestBody = { op: 'get', target: 'live_set', prop: 'tempo' };
const args = new Set(process.argv.slice(2));
const QUICK = args.has('--quick');
const ROUND_TRIPS = QUICK ? 500 : 5000;
const TIMER_ROUND_TRIPS = QUICK ? 100 : 600;
const PIPELINED = QUICK ? 20_000 : 100_000;
const WINDOW = 4000;
const CHUNK = 500;

async function roundTrips(
  requests: ScriptRequests,
  count: number,
  wake: Socket | null,
  jitterMs: number,
): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < count; i += 1) {
    // Without the wake-up, a request waits for the timer: send at random moments so the
    // figure is what a user meets, not an artefact of sending right after the last drain.
    if (jitterMs > 0) await sleep(Math.random() * jitterMs);
    const started = performance.now();
    const reply = requests.request(GET_TEMPO);
    wake?.write(WAKE);
    const outcome = await reply;
    if (!outcome.ok) throw new Error(`${outcome.error.code}: ${outcome.error.message}`);
    samples.push(performance.now() - started);
  }
  return samples;
}

async function pipelined(requests: ScriptRequests, wake: Socket | null, total: number): Promise<number> {
  const started = performance.now();
  let sent = 0;
  const inFlight = new Set<Promise<unknown>>();
  while (sent < total) {
    while (inFlight.size >= WINDOW) await Promise.race(inFlight);
    const count = Math.min(CHUNK, total - sent);
    for (const promise of requests.requestMany(Array.from({ length: count }, () => GET_TEMPO))) {
      const tracked = promise.then((outcome) => {
        inFlight.delete(tracked);
        if (!outcome.ok) throw new Error(outcome.error.message);
      });
      inFlight.add(tracked);
    }
    wake?.write(WAKE);
    sent += count;
  }
  await Promise.all(inFlight);
  return total / ((performance.now() - started) / 1000);
}

const ms = (value: number): string => value.toFixed(3);
const row = (name: string, summary: Summary, target: string): string[] => [
  name,
  String(summary.count),
  ms(summary.p50),
  ms(summary.p99),
  ms(summary.mean),
  target,
];

async function main(): Promise<void> {
  const [scriptPort, midiPort] = await freePorts(2);
  const simulator = await startSimulator({ scriptPort, midiPort });
  const socket = await ScriptSocket.connect({ port: scriptPort, connectTimeoutMs: 5000 });
  const wake = connect({ host: '127.0.0.1', port: midiPort, noDelay: true });
  await new Promise((resolve) => wake.once('connect', resolve));
  const requests = new ScriptRequests(socket, 10_000);
  try {
    const secret = readScriptSecret(scriptPort);
    if (!secret.ok) throw new Error(secret.reason);
    const hello = await requests.request({ op: 'hello', protocol: 1, client: 'bench', secret: secret.secret });
    if (!hello.ok) throw new Error(hello.error.message);
    await roundTrips(requests, 200, wake, 0); // warm up both ends
    const wakeSamples = await roundTrips(requests, ROUND_TRIPS, wake, 0);
    const timerSamples = await roundTrips(requests, TIMER_ROUND_TRIPS, null, 6);
    const wakeRate = await pipelined(requests, wake, PIPELINED);
    const timerRate = await pipelined(requests, null, PIPELINED / 4);
    console.log(
      `\nbridge <-> script, over TCP, against the simulator (${simulator.readyLine.split(':')[1]?.split(',')[0]?.trim()})`,
    );
    console.log(
      `node ${process.version}, ${cpus().length} CPUs (${cpus()[0]?.model.trim()}); figures vary with load\n`,
    );
    printTable(
      ['get round trip (ms)', 'n', 'p50', 'p99', 'mean', 'target'],
      [
        row('wake-up path (F0 F7)', summarize(wakeSamples), 'p50 < 1, p99 < 3'),
        row('timer path (5 ms timer)', summarize(timerSamples), 'reported'),
      ],
    );
    console.log('');
    printTable(
      ['pipelined gets, one connection', 'requests', 'per second', 'target'],
      [
        ['wake-up path', String(PIPELINED), Math.round(wakeRate).toLocaleString('en'), '>= 20,000'],
        ['timer path', String(PIPELINED / 4), Math.round(timerRate).toLocaleString('en'), 'reported'],
      ],
    );
    console.log(`\nlines the schemas refused: ${socket.invalidLines}`);
  } finally {
    socket.close();
    wake.destroy();
    await simulator.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
