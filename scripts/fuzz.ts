/**
 * `npm run fuzz`: the long fuzz of both hops, against a real `livesurface
 * start --sim` process (so a crash is a process that exits, not a thrown test).
 *
 *   npm run fuzz [-- --frames 100000 --lines 50000 --seed 20261124]
 *
 * - The bridge's WebSocket: `--frames` random and hostile frames (the
 *   generators of test/support/fuzz-frames.ts) from a greeted client and from
 *   one that never says hello, while a bystander's requests must keep being
 *   answered.
 * - The script's port: `--lines` random and hostile lines (the generators of
 *   test/support/script-lines.ts, as test/script-fuzz.test.ts, and the client
 *   hop's hostile shapes) on a connection of its own (hello with the script's
 *   secret first), through the bridge's own port helpers
 *   (`ScriptSocket.sendLines`, `readScriptSecret`).
 *
 * Prints what was sent, the crashes (the bridge or the simulator exiting;
 * target 0), the connections the far side closed, and the size of
 * LiveSurface.log afterwards. Exits 1 when anything crashed.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import fc from 'fast-check';
import { BridgeClient } from '../bridge/bridge-client';
import { freePorts } from '../bridge/net';
import { readScriptSecret } from '../bridge/script-secret';
import { ScriptSocket } from '../bridge/script-socket';
import { frame, hostileFrame, hostileScriptLine } from '../test/support/fuzz-frames';
import { scriptLine } from '../test/support/script-lines';

const BIN = join(import.meta.dirname, '..', 'bin', 'livesurface.js');
const TOKEN = 'fuzz-token-Jx4Tq9Wm2Lv7Rk3Zp8Nc';
const CHUNK = 1000;

const { values } = parseArgs({
  options: {
    frames: { type: 'string', default: '100000' },
    lines: { type: 'string', default: '50000' },
    seed: { type: 'string', default: '20261124' },
  },
});
const FRAMES = Number(values.frames);
const LINES = Number(values.lines);
const SEED = Number(values.seed);

const home = mkdtempSync(join(tmpdir(), 'livesurface-fuzz-'));
const logDir = join(home, 'logs');
const secretDir = join(home, 'secrets');
const env: NodeJS.ProcessEnv = {
  ...process.env,
  LIVESURFACE_TOKEN: TOKEN,
  LIVESURFACE_SIM_LOG_DIR: logDir,
  LIVESURFACE_LOG_DIR: logDir,
  LIVESURFACE_RUNTIME_DIR: join(home, 'run'),
  LIVESURFACE_CONFIG_DIR: join(home, 'config'),
  LIVESURFACE_SECRET_DIR: secretDir,
};

interface Bridge {
  child: ChildProcess;
  url: string;
  scriptPort: number;
  output: () => string;
}

const counts = {
  bridgeCrashes: 0,
  simulatorRestarts: 0,
  framesSent: 0,
  hostileFrames: 0,
  clientCloses: new Map<number, number>(),
  bystanderAnswered: 0,
  bystanderFailed: 0,
  linesSent: 0,
  scriptMessages: 0,
  scriptConnectionsLost: 0,
};

/** Set once the fuzz closes its own connections, so those are not counted as the bridge's. */
let finishing = false;

async function startBridge(): Promise<Bridge> {
  const [port, scriptPort, midiPort] = await freePorts(3);
  const args = ['start', '--sim', '--host', '127.0.0.1', '--port', String(port)];
  args.push('--script-port', String(scriptPort), '--midi-port', String(midiPort));
  const child = spawn(process.execPath, [BIN, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const read = (chunk: Buffer): void => {
    const text = chunk.toString();
    output += text;
    counts.simulatorRestarts += text.split('the simulator stopped').length - 1;
  };
  child.stdout?.on('data', read);
  child.stderr?.on('data', read);
  for (let waited = 0; !output.includes('is online'); waited += 50) {
    if (child.exitCode !== null || waited > 30_000) throw new Error(`the bridge did not start:\n${output}`);
    await sleep(50);
  }
  return { child, url: `http://127.0.0.1:${port}`, scriptPort, output: () => output };
}

/** A promise that fails after `ms`, so nothing in the fuzz waits forever. */
function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  return Promise.race([promise, sleep(ms).then(() => Promise.reject(new Error(`${what}: no answer in ${ms} ms`)))]);
}

async function connect(url: string, hello: boolean): Promise<BridgeClient> {
  const client = await BridgeClient.connect(url, TOKEN, { hello });
  client.socket.on('close', (code) => {
    if (!finishing) counts.clientCloses.set(code, (counts.clientCloses.get(code) ?? 0) + 1);
  });
  return client;
}

async function fuzzBridge(bridge: Bridge): Promise<Bridge> {
  const mixed = fc.oneof({ weight: 4, arbitrary: frame }, { weight: 1, arbitrary: hostileFrame });
  let [greeted, stranger, bystander] = await Promise.all([
    connect(bridge.url, true),
    connect(bridge.url, false),
    connect(bridge.url, true),
  ]);
  for (let chunk = 0; counts.framesSent < FRAMES; chunk += 1) {
    if (bridge.child.exitCode !== null || bridge.child.signalCode !== null) {
      counts.bridgeCrashes += 1;
      console.log(
        `the bridge died (${bridge.child.exitCode ?? bridge.child.signalCode}):\n${bridge.output().slice(-2000)}`,
      );
      bridge = await startBridge();
      [greeted, stranger, bystander] = await Promise.all([
        connect(bridge.url, true),
        connect(bridge.url, false),
        connect(bridge.url, true),
      ]);
    }
    if (greeted.socket.readyState !== greeted.socket.OPEN) greeted = await connect(bridge.url, true);
    if (stranger.socket.readyState !== stranger.socket.OPEN) stranger = await connect(bridge.url, false);
    const frames = fc.sample(mixed, { numRuns: Math.min(CHUNK, FRAMES - counts.framesSent), seed: SEED + chunk });
    for (const [index, text] of frames.entries()) {
      (index % 4 === 0 ? stranger : greeted).send(text);
      counts.framesSent += 1;
      if (text.length > 2000) counts.hostileFrames += 1;
    }
    try {
      const reply = await within(
        bystander.request({ op: 'get', target: 'live_set', prop: 'tempo' }),
        30_000,
        'bystander',
      );
      if (reply.ok) counts.bystanderAnswered += 1;
      else counts.bystanderFailed += 1;
    } catch {
      counts.bystanderFailed += 1;
      if (bystander.socket.readyState !== bystander.socket.OPEN) bystander = await connect(bridge.url, true);
    }
    if (chunk % 10 === 9) process.stdout.write(`  bridge hop: ${counts.framesSent} frames\r`);
  }
  finishing = true;
  await Promise.all([greeted.close(), stranger.close(), bystander.close()]);
  return bridge;
}

/** A connection to the script's port that has said hello with the script's secret. */
async function scriptConnection(port: number): Promise<ScriptSocket> {
  const socket = await ScriptSocket.connect({ port, connectTimeoutMs: 5000, validate: false });
  const secret = readScriptSecret(port, secretDir);
  const hello = new Promise<void>((resolve) => {
    const off = socket.onMessage((message) => {
      if ('id' in message && message.id === 0) {
        off();
        resolve();
      }
    });
  });
  socket.sendLines([
    JSON.stringify({
      op: 'hello',
      id: 0,
      protocol: 1,
      client: 'fuzz',
      ...(secret.ok ? { secret: secret.secret } : {}),
    }),
  ]);
  await within(hello, 10_000, 'the script hello');
  socket.onMessage(() => (counts.scriptMessages += 1));
  return socket;
}

/** Resolves when `socket` brings the reply to `id`, or closes; fails after 30 s. */
function replyOrClose(socket: ScriptSocket, id: number): Promise<'reply' | 'closed'> {
  const settled = new Promise<'reply' | 'closed'>((resolve) => {
    const offMessage = socket.onMessage((message) => {
      if ('id' in message && message.id === id) {
        offMessage();
        offClose();
        resolve('reply');
      }
    });
    const offClose = socket.onClose(() => {
      offMessage();
      resolve('closed');
    });
  });
  return within(settled, 30_000, `the script's reply to ${id}`);
}

// the script's own fuzz lines (test/script-fuzz.test.ts) and the client hop's hostile shapes
const scriptHopLine = fc.oneof({ weight: 3, arbitrary: scriptLine }, { weight: 1, arbitrary: hostileScriptLine });

const marker = (id: number): string => JSON.stringify({ op: 'get', id, target: 'live_set', prop: 'tempo' });

async function fuzzScript(bridge: Bridge): Promise<void> {
  let fuzzer = await scriptConnection(bridge.scriptPort);
  const probe = await scriptConnection(bridge.scriptPort);
  for (let chunk = 0; counts.linesSent < LINES; chunk += 1) {
    const lines = fc.sample(scriptHopLine, {
      numRuns: Math.min(CHUNK / 2, LINES - counts.linesSent),
      seed: SEED - chunk,
    });
    // after the chunk, a request of known id: its reply says the script has read (and answered) the chunk
    const id = 2_000_000_000 + chunk;
    const fuzzed = replyOrClose(fuzzer, id);
    fuzzer.sendLines([...lines, marker(id)]);
    counts.linesSent += lines.length;
    if ((await fuzzed) === 'closed') {
      counts.scriptConnectionsLost += 1;
      fuzzer = await scriptConnection(bridge.scriptPort);
    }
    // and another connection is answered meanwhile
    const probed = replyOrClose(probe, 3_000_000_000 + chunk);
    probe.sendLines([marker(3_000_000_000 + chunk)]);
    if ((await probed) === 'closed') throw new Error('the script dropped a connection that did nothing wrong');
    if (chunk % 10 === 9) process.stdout.write(`  script hop: ${counts.linesSent} lines\r`);
  }
  fuzzer.close();
  probe.close();
}

function logSize(): { main: number; all: number } {
  if (!existsSync(logDir)) return { main: 0, all: 0 };
  const sizes = readdirSync(logDir)
    .filter((name) => name.startsWith('LiveSurface.log'))
    .map((name) => [name, statSync(join(logDir, name)).size] as const);
  return {
    main: sizes.find(([name]) => name === 'LiveSurface.log')?.[1] ?? 0,
    all: sizes.reduce((sum, [, size]) => sum + size, 0),
  };
}

const size = (bytes: number): string =>
  bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(1)} kB` : `${(bytes / 1024 / 1024).toFixed(2)} MB`;

async function main(): Promise<number> {
  console.log(`fuzzing both hops: ${FRAMES} frames, ${LINES} lines, seed ${SEED} (logs in ${logDir})`);
  let bridge = await startBridge();
  const bridgeStart = performance.now();
  bridge = await fuzzBridge(bridge);
  const bridgeSeconds = (performance.now() - bridgeStart) / 1000;
  const scriptStart = performance.now();
  await fuzzScript(bridge);
  const scriptSeconds = (performance.now() - scriptStart) / 1000;
  const alive = bridge.child.exitCode === null && bridge.child.signalCode === null;
  if (!alive) counts.bridgeCrashes += 1;
  const stopped = new Promise((resolve) => bridge.child.once('exit', resolve));
  bridge.child.kill('SIGINT');
  await stopped;
  const log = logSize();
  const closes = [...counts.clientCloses].map(([code, count]) => `${code}: ${count}`).join(', ') || 'none';
  const crashes = counts.bridgeCrashes + counts.simulatorRestarts;
  console.log(
    [
      '',
      `bridge hop: ${counts.framesSent} frames sent (${counts.hostileFrames} large hostile ones) in ${bridgeSeconds.toFixed(0)} s`,
      `  bridge crashes: ${counts.bridgeCrashes}; client connections closed by the bridge (by code): ${closes}`,
      `  bystander: ${counts.bystanderAnswered} answered, ${counts.bystanderFailed} not`,
      `script hop: ${counts.linesSent} lines sent in ${scriptSeconds.toFixed(0)} s; ${counts.scriptMessages} messages back`,
      `  simulator crashes (restarts): ${counts.simulatorRestarts}; connections the script dropped: ${counts.scriptConnectionsLost}`,
      `crashes: ${crashes}`,
      `LiveSurface.log afterwards: ${size(log.main)} (with rotated files: ${size(log.all)})`,
    ].join('\n'),
  );
  return crashes === 0 ? 0 : 1;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(`fuzz: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exitCode = 1;
  },
);
