/**
 * `npm run bench:script-load`: does any request hold Live's main thread for
 * long? The heavy requests of issue 13 run on one connection to the script
 * (on the simulator) while a second connection asks `get live_set tempo`
 * again and again (each poked through the wake-up path, as the bridge does).
 * For each kind of heavy request it prints that `get`'s p50, p99 and max
 * round trip, and the longest single call into the script the simulator
 * timed (LIVESURFACE_SIM_BLOCKS: every timer, update_display and
 * receive_midi of 1 ms or more).
 *
 * Target (issue 13): no block longer than 20 ms. Figures vary with the
 * machine and its load; tests never assert them.
 *
 * Options: `--notes N` (the big clip, default 40,000), `--sim PATH` (another
 * sim.py, to measure an older script), `--no-secret` (a script from before the
 * secret), `--limit N` (notes per call when filling, for an older script).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { setTimeout as sleep } from 'node:timers/promises';
import { freePorts } from '../bridge/net';
import { ScriptRequests, type Outcome, type RequestBody } from '../bridge/script-requests';
import { readScriptSecret } from '../bridge/script-secret';
import { ScriptSocket } from '../bridge/script-socket';
import { SIM_SCRIPT } from '../bridge/simulator-process';
import { SCRIPT_LIMITS, type JsonValue } from '../protocol/src/index';
import { printTable, summarize } from './stats';

const WAKE = Buffer.from([0xf0, 0xf7]);
const args = process.argv.slice(2);
const option = (name: string): string | undefined => {
  const index = args.indexOf(name);
  return index >= 0 ? args[index + 1] : undefined;
};
const NOTES = Number(option('--notes') ?? 40_000);
const LIMIT = Number(option('--limit') ?? SCRIPT_LIMITS.maxNotesPerCall);
const SIM = option('--sim') ?? SIM_SCRIPT;
const SECRET = !args.includes('--no-secret');
const CLIP_SLOT = 'live_set tracks 2 clip_slots 0';
const CLIP = `${CLIP_SLOT} clip`;
const ENVELOPE = {
  target: 'live_set tracks 4 clip_slots 3 clip',
  parameter: 'live_set tracks 4 devices 1 parameters 3',
};

interface Block {
  at: number;
  ms: number;
}

interface Simulator {
  process: ChildProcess;
  blocksFile: string;
  stop(): Promise<void>;
}

async function startSimulator(scriptPort: number, midiPort: number): Promise<Simulator> {
  const logDir = mkdtempSync(join(tmpdir(), 'script-load-'));
  const blocksFile = join(logDir, 'blocks.txt');
  const child = spawn(
    process.env.LIVESURFACE_PYTHON ?? 'python3',
    [SIM, '--midi-port', String(midiPort), '--log-dir', logDir],
    {
      env: { ...process.env, LIVESURFACE_SCRIPT_PORT: String(scriptPort), LIVESURFACE_SIM_BLOCKS: blocksFile },
      stdio: ['pipe', 'pipe', 'inherit'],
    },
  );
  await new Promise<void>((resolve, reject) => {
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('simulator ready')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`the simulator exited (${code})`)));
  });
  return {
    process: child,
    blocksFile,
    stop: () =>
      new Promise((done) => {
        child.once('exit', () => done());
        child.kill('SIGTERM');
      }),
  };
}

function blocksBetween(file: string, from: number, to: number): Block[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return [];
  }
  return text
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const [at, ms] = line.split(' ');
      return { at: Number(at) * 1000, ms: Number(ms) };
    })
    .filter((block) => block.at >= from && block.at <= to);
}

class Link {
  private constructor(
    readonly requests: ScriptRequests,
    private readonly socket: ScriptSocket,
    private readonly wake: Socket,
  ) {}

  static async open(scriptPort: number, midiPort: number, name: string): Promise<Link> {
    const socket = await ScriptSocket.connect({ port: scriptPort, connectTimeoutMs: 5000, validate: false });
    const wake = connect({ host: '127.0.0.1', port: midiPort, noDelay: true });
    await new Promise((resolve) => wake.once('connect', resolve));
    const link = new Link(new ScriptRequests(socket, 120_000), socket, wake);
    const hello: RequestBody & { secret?: string } = { op: 'hello', protocol: 1, client: name } as RequestBody;
    if (SECRET) {
      const secret = readScriptSecret(scriptPort);
      if (!secret.ok) throw new Error(secret.reason);
      hello.secret = secret.secret;
    }
    const outcome = await link.send(hello);
    if (!outcome.ok) throw new Error(outcome.error.message);
    return link;
  }

  send(body: RequestBody): Promise<Outcome> {
    const outcome = this.requests.request(body);
    this.wake.write(WAKE);
    return outcome;
  }

  /** A line as it is, past the bridge's own checks: the reply to a `get` after it says it was dealt with. */
  async sendRaw(line: string): Promise<void> {
    this.socket.sendLines([line]);
    await this.send({ op: 'get', target: 'live_set', prop: 'tempo' });
  }

  sendMany(bodies: RequestBody[]): Promise<Outcome>[] {
    const outcomes = this.requests.requestMany(bodies);
    this.wake.write(WAKE);
    return outcomes;
  }

  close(): void {
    this.socket.close();
    this.wake.destroy();
  }
}

/**
 * The probe, in a thread of its own (so that this thread parsing big replies does not delay it):
 * `get live_set tempo` round trips on its own connection, each poked through the wake-up path,
 * one after another with 1 ms between, until told to stop; it answers with the round trips (ms).
 */
const PROBE = `
const { parentPort, workerData } = require('node:worker_threads');
const net = require('node:net');
const { performance } = require('node:perf_hooks');
const script = net.connect({ host: '127.0.0.1', port: workerData.scriptPort, noDelay: true });
const wake = net.connect({ host: '127.0.0.1', port: workerData.midiPort, noDelay: true });
let pending = '';
let waiting = null;
let id = 1;
let samples = [];
let running = false;
script.setEncoding('utf8');
script.on('data', (text) => {
  const lines = (pending + text).split('\\n');
  pending = lines.pop();
  for (const line of lines) {
    const message = JSON.parse(line);
    if (waiting && message.id === waiting.id) { const done = waiting.done; waiting = null; done(); }
  }
});
function ask(body) {
  return new Promise((done) => {
    waiting = { id: id, done };
    script.write(JSON.stringify({ ...body, id: id++ }) + '\\n');
    wake.write(Buffer.from([0xf0, 0xf7]));
  });
}
async function loop() {
  while (running) {
    const started = performance.now();
    await ask({ op: 'get', target: 'live_set', prop: 'tempo' });
    samples.push(performance.now() - started);
    await new Promise((r) => setTimeout(r, 1));
  }
  parentPort.postMessage({ samples });
  samples = [];
}
parentPort.on('message', async (message) => {
  if (message === 'hello') {
    const hello = { op: 'hello', protocol: 1, client: 'bench-probe' };
    if (workerData.secret) hello.secret = workerData.secret;
    await ask(hello);
    parentPort.postMessage('ready');
  } else if (message === 'start') { running = true; void loop(); }
  else if (message === 'stop') running = false;
  else if (message === 'end') { script.destroy(); wake.destroy(); }
});
`;

class Probe {
  private constructor(private readonly worker: Worker) {}

  static async start(scriptPort: number, midiPort: number, secret: string | undefined): Promise<Probe> {
    const worker = new Worker(PROBE, { eval: true, workerData: { scriptPort, midiPort, secret } });
    const ready = new Promise((resolve) => worker.once('message', resolve));
    worker.postMessage('hello');
    await ready;
    return new Probe(worker);
  }

  begin(): void {
    this.worker.postMessage('start');
  }

  async end(): Promise<number[]> {
    const answer = new Promise<{ samples: number[] }>((resolve) => this.worker.once('message', resolve));
    this.worker.postMessage('stop');
    return (await answer).samples;
  }

  async close(): Promise<void> {
    this.worker.postMessage('end');
    await this.worker.terminate();
  }
}

function notes(count: number, offset: number): JsonValue[] {
  return Array.from({ length: count }, (_, index) => {
    const at = offset + index;
    return { pitch: 24 + ((at * 7) % 80), start_time: Math.floor(at / 4) * 0.25, duration: 0.25, velocity: 100 };
  });
}

interface Phase {
  name: string;
  run: (heavy: Link) => Promise<string>;
}

const PHASES: Phase[] = [
  {
    name: 'idle (no heavy request)',
    run: async () => {
      await sleep(1500);
      return '';
    },
  },
  {
    name: 'one line batching 1,000 describe live_set, x5',
    run: async (heavy) => {
      const batch = JSON.stringify(
        Array.from({ length: 1000 }, (_, id) => ({ op: 'describe', id, target: 'live_set' })),
      );
      for (let round = 0; round < 5; round += 1) await heavy.sendRaw(batch);
      return '5,000 replies';
    },
  },
  {
    name: `add_new_notes of ${NOTES.toLocaleString('en')} notes in one call`,
    run: async (heavy) => {
      const outcome = await heavy.send({ op: 'call', target: CLIP, fn: 'add_new_notes', args: [notes(NOTES, 0)] });
      return outcome.ok ? 'accepted' : `${outcome.error.code}: ${outcome.error.message.slice(0, 60)}`;
    },
  },
  {
    name: `the same, as one line straight to the script`,
    run: async (heavy) => {
      const line = JSON.stringify({ op: 'call', id: 1, target: CLIP, fn: 'add_new_notes', args: [notes(NOTES, 0)] });
      await heavy.sendRaw(line);
      return `${(line.length / 1e6).toFixed(1)} MB line answered`;
    },
  },
  {
    name: `the same notes, ${LIMIT} per call (what clients do)`,
    run: async (heavy) => {
      await heavy.send({ op: 'call', target: CLIP_SLOT, fn: 'delete_clip' });
      await heavy.send({ op: 'call', target: CLIP_SLOT, fn: 'create_clip', args: [NOTES / 16 + 4] });
      const calls: Promise<Outcome>[] = [];
      for (let first = 0; first < NOTES; first += LIMIT) {
        calls.push(
          heavy.send({
            op: 'call',
            target: CLIP,
            fn: 'add_new_notes',
            args: [notes(Math.min(LIMIT, NOTES - first), first)],
          }),
        );
      }
      const outcomes = await Promise.all(calls);
      const refused = outcomes.filter((outcome) => !outcome.ok).length;
      return `${calls.length} calls${refused ? `, ${refused} refused` : ''}`;
    },
  },
  {
    name: `get_all_notes_extended of the ${NOTES.toLocaleString('en')}-note clip, x3`,
    run: async (heavy) => {
      let count = 0;
      for (let round = 0; round < 3; round += 1) {
        const outcome = await heavy.send({ op: 'call', target: CLIP, fn: 'get_all_notes_extended' });
        if (!outcome.ok) return `${outcome.error.code}: ${outcome.error.message.slice(0, 60)}`;
        count = (outcome.result as unknown[]).length;
      }
      return `${count.toLocaleString('en')} notes each`;
    },
  },
  {
    name: 'read_envelope with step 1e-308',
    run: async (heavy) => {
      const outcome = await heavy.send({ op: 'read_envelope', ...ENVELOPE, start: 0, end: 16, step: 1e-308 });
      return outcome.ok ? 'answered' : outcome.error.code;
    },
  },
  {
    name: 'write_envelope of 4,096 steps (in writes of maxEnvelopeSteps), then read 4,096 samples, x2',
    run: async (heavy) => {
      const per = SCRIPT_LIMITS.maxEnvelopeSteps;
      let events = 0;
      for (let round = 0; round < 2; round += 1) {
        const steps = Array.from({ length: 4096 }, (_, index) => ({
          time: index * 0.01,
          length: 0.01,
          value: 0.3 + ((index + round) % 7) * 0.05,
        }));
        for (let first = 0; first < steps.length; first += per) {
          const outcome = await heavy.send({
            op: 'write_envelope',
            ...ENVELOPE,
            steps: steps.slice(first, first + per),
          });
          if (!outcome.ok) return `${outcome.error.code}: ${outcome.error.message.slice(0, 60)}`;
        }
        const reading = await heavy.send({ op: 'read_envelope', ...ENVELOPE, start: 0, end: 40.95, step: 0.01 });
        if (!reading.ok) return `${reading.error.code}: ${reading.error.message.slice(0, 60)}`;
        events = ((reading.result as { events: unknown[] | null }).events ?? []).length;
      }
      return `${events.toLocaleString('en')} events read`;
    },
  },
];

async function main(): Promise<void> {
  const [scriptPort, midiPort] = await freePorts(2);
  const simulator = await startSimulator(scriptPort, midiPort);
  const heavy = await Link.open(scriptPort, midiPort, 'bench-heavy');
  const secret = SECRET ? readScriptSecret(scriptPort) : null;
  const prober = await Probe.start(scriptPort, midiPort, secret?.ok ? secret.secret : undefined);
  const rows: string[][] = [];
  try {
    await heavy.send({ op: 'call', target: CLIP_SLOT, fn: 'create_clip', args: [NOTES / 16 + 4] });
    for (const phase of PHASES) {
      const from = Date.now();
      prober.begin();
      const started = performance.now();
      const outcome = await phase.run(heavy);
      const wall = performance.now() - started;
      await sleep(50);
      const samples = await prober.end();
      await sleep(250); // the simulator's block file catches up
      const blocks = blocksBetween(simulator.blocksFile, from, Date.now());
      const get = summarize(samples);
      const longest = Math.max(0, ...blocks.map((block) => block.ms));
      rows.push([
        phase.name,
        outcome,
        wall.toFixed(0),
        String(get.count),
        get.p50.toFixed(2),
        get.p99.toFixed(2),
        get.max.toFixed(2),
        longest.toFixed(1),
      ]);
    }
  } finally {
    heavy.close();
    await prober.close();
    await simulator.stop();
  }
  console.log(`\nheavy requests on one connection, get live_set tempo on another (${SIM})`);
  console.log(`node ${process.version}, ${cpus().length} CPUs (${cpus()[0]?.model.trim()}); figures vary with load\n`);
  printTable(
    ['heavy request', 'outcome', 'wall ms', 'gets', 'get p50', 'get p99', 'get max', 'longest block ms'],
    rows,
  );
  console.log('\ntarget: longest block <= 20 ms');
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
