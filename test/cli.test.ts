/** The `livesurface` command, run as a user runs it. */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { freePorts } from '../bridge/net';
import { SIM_SCRIPT, simulatorLogDir } from '../bridge/simulator-process';

const BIN = join(import.meta.dirname, '..', 'bin', 'livesurface.js');
const TOKEN = 'cli-token-9rT4vX2qLm8Kp3Wz7Nb5';
// the kept token and session files of these runs stay out of the user's own folders
const HOME = mkdtempSync(join(tmpdir(), 'cli-test-'));
const CONFIG = join(HOME, 'config');
const TOKEN_FILE = join(HOME, 'token-file');
writeFileSync(TOKEN_FILE, `${TOKEN}\n`, { mode: 0o600 });

interface Run {
  output: () => string;
  /** The exit code, or which signal ended the process (so a failure says which). */
  exited: Promise<number | string>;
  kill: (signal: NodeJS.Signals) => void;
}

function run(args: string[], input?: string, env: NodeJS.ProcessEnv = {}): Run {
  const child = spawn(process.execPath, [BIN, ...args], {
    stdio: ['pipe', 'pipe', 'pipe'],
    env: {
      ...process.env,
      LIVESURFACE_TOKEN: '',
      LIVESURFACE_CONFIG_DIR: CONFIG,
      LIVESURFACE_RUNTIME_DIR: join(HOME, 'run'),
      ...env,
    },
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  if (input !== undefined) child.stdin.end(input);
  return {
    output: () => output,
    exited: new Promise((resolve) => child.once('exit', (code, signal) => resolve(code ?? `killed by ${signal}`))),
    kill: (signal) => child.kill(signal),
  };
}

async function finished(
  args: string[],
  input?: string,
  env: NodeJS.ProcessEnv = {},
): Promise<{ code: number | string; output: string }> {
  const cli = run(args, input, env);
  const code = await cli.exited;
  return { code, output: cli.output() };
}

describe('livesurface start, then commands against it', () => {
  let bridge: Run;
  let remote: string[];
  let scriptPort: number;

  beforeAll(async () => {
    const [port, script, midiPort] = await freePorts(3);
    scriptPort = script;
    bridge = run([
      'start',
      '--port',
      String(port),
      '--host',
      '127.0.0.1',
      '--token-file',
      TOKEN_FILE,
      '--script-port',
      String(scriptPort),
      '--midi-port',
      String(midiPort),
    ]);
    await vi.waitFor(() => expect(bridge.output()).toContain('LiveSurface is running'), {
      timeout: 15_000,
      interval: 50,
    });
    remote = ['--url', `http://127.0.0.1:${port}`, '--token', TOKEN];
  });

  afterAll(async () => {
    bridge.kill('SIGINT');
    expect(await bridge.exited).toBe(0);
  });

  it('said it runs the simulator and why, where to open the app with its token, and where the simulator logs', () => {
    const output = bridge.output();
    expect(output).toContain(`no Live answered on 127.0.0.1:${scriptPort}; starting the simulator`);
    expect(output).toContain(
      `LiveSurface is running on the simulator, a demo set (no Live answered on 127.0.0.1:${scriptPort}).`,
    );
    expect(output).toContain('To play Live instead: run npx livesurface install-script');
    expect(output).toMatch(/Open it on this computer:\n {2}http:\/\/localhost:\d+\/\?token=cli-token-/);
    expect(output).toContain(`The simulator logs in ${simulatorLogDir(scriptPort)}\n`);
    expect(output).toContain('Tablets are named below as they connect and leave');
    expect(output).toContain('Ctrl-C stops everything.');
  });

  it('gives each simulator a log folder of its own', async () => {
    const folder = simulatorLogDir(scriptPort);
    await expect.poll(() => existsSync(join(folder, 'LiveSurface.log')), { timeout: 10_000 }).toBe(true);
    expect(readFileSync(join(folder, 'Log.txt'), 'utf8')).toContain('Remote script LiveSurface loaded');
    expect(folder).toContain(`port-${scriptPort}`);
  });

  it('gets, sets, calls and describes, printing JSON', async () => {
    expect(await finished(['get', 'live_set', 'tempo', ...remote])).toEqual({ code: 0, output: '122\n' });
    expect(await finished(['set', 'live_set tracks 1 name', '"Percussion"', ...remote])).toEqual({
      code: 0,
      output: '"Percussion"\n',
    });
    expect(await finished(['get', 'live_set tracks 1 name', ...remote])).toEqual({ code: 0, output: '"Percussion"\n' });
    const notes = await finished([
      'call',
      'live_set',
      'tracks',
      '3',
      'clip_slots',
      '0',
      'clip',
      'get_notes_extended',
      '0',
      '128',
      '0',
      '4',
      ...remote,
    ]);
    expect(notes.code).toBe(0);
    expect((JSON.parse(notes.output) as unknown[]).length).toBeGreaterThan(0);
    const described = await finished(['describe', 'live_set scenes 0', ...remote]);
    expect(JSON.parse(described.output)).toMatchObject({ type: 'Scene', ref: { path: 'live_set scenes 0' } });
  });

  it('observes: the value, then changes, up to --count', async () => {
    const observer = run(['observe', 'live_set', 'metronome', '--count', '2', ...remote]);
    await expect.poll(observer.output, { timeout: 10_000 }).toBe('false\n');
    await finished(['set', 'live_set metronome', 'true', ...remote]);
    expect(await observer.exited).toBe(0);
    expect(observer.output()).toBe('false\ntrue\n');
  });

  it('exits non-zero with the error', async () => {
    expect(await finished(['get', 'live_set __class__', ...remote])).toEqual({
      code: 1,
      output: "forbidden: __class__ is not a property of Song in Live's public API\n",
    });
    expect((await finished(['set', 'live_set tempo', 'fast', ...remote])).code).toBe(2);
    const refused = await finished(['get', 'live_set tempo', '--url', remote[1] as string, '--token', 'nope']);
    expect(refused.code).toBe(1);
    expect(refused.output).toContain('refused the connection (401): wrong token');
  });

  it('runs a console', async () => {
    const session = await finished(
      ['repl', ...remote],
      'get live_set signature_numerator\nset live_set tracks 2 name "Sub"\nbogus\nexit\n',
    );
    expect(session.code).toBe(0);
    expect(session.output).toContain('live> 4\n');
    expect(session.output).toContain('"Sub"');
    expect(session.output).toContain('unknown command bogus');
  });

  it('finds a script that already answers instead of starting another simulator', async () => {
    const [port, midiPort] = await freePorts(2);
    const second = run([
      'start',
      '--port',
      String(port),
      '--host',
      '127.0.0.1',
      '--script-port',
      String(scriptPort),
      '--midi-port',
      String(midiPort),
    ]);
    await expect.poll(second.output, { timeout: 15_000 }).toContain('LiveSurface is running');
    expect(second.output()).toContain(
      'LiveSurface is running on a simulator already running, as Live 12.3.6, set "LiveSurface Demo".',
    );
    // the bridge runs no simulator: no log folder to tell
    expect(second.output()).not.toContain('The simulator logs in');
    second.kill('SIGTERM');
    expect(await second.exited).toBe(0);
  });

  it('leaves its token for local commands in a private session file', async () => {
    expect(await finished(['get', 'live_set', 'tempo', '--url', remote[1] as string])).toEqual({
      code: 0,
      output: '122\n',
    });
    const file = join(HOME, 'run', `bridge-${new URL(remote[1] as string).port}.json`);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(join(HOME, 'run')).mode & 0o777).toBe(0o700);
  });
});

describe('livesurface start, refusing', () => {
  let holder: Server;
  let held: number;

  beforeAll(async () => {
    holder = createServer();
    await new Promise<void>((resolve) => holder.listen(0, '127.0.0.1', resolve));
    const address = holder.address();
    held = typeof address === 'object' && address ? address.port : 0;
  });

  afterAll(async () => {
    await new Promise((resolve) => holder.close(resolve));
  });

  it('a weak token, saying what is needed', async () => {
    const [port, scriptPort] = await freePorts(2);
    const started = await finished(
      ['start', '--live', '--port', String(port), '--script-port', String(scriptPort)],
      undefined,
      { LIVESURFACE_TOKEN: 'x' },
    );
    expect(started.code).toBe(1);
    expect(started.output).toContain('the token is too weak');
    expect(started.output).toContain('at least 128 are needed');
  });

  it.each([
    ['the script port', '--sim', '--script-port'],
    ['its own port', '--live', '--port'],
  ])('%s when taken, saying which process holds it', async (_, mode, option) => {
    const [port, scriptPort, midiPort] = await freePorts(3);
    const ports: Record<string, number> = { '--port': port, '--script-port': scriptPort, [option]: held };
    const started = await finished([
      'start',
      mode,
      '--host',
      '127.0.0.1',
      '--port',
      String(ports['--port']),
      '--script-port',
      String(ports['--script-port']),
      '--midi-port',
      String(midiPort),
    ]);
    expect(started.code).toBe(1);
    expect(started.output).toContain(`port ${held} (`);
    if (existsSync('/proc/net/tcp')) expect(started.output).toContain(`taken by process ${process.pid} (`);
    expect(started.output).toContain(`stop it (kill ${process.pid}) or choose another port with ${option}`);
  });
});

describe('livesurface token', () => {
  it('keeps one token across starts until rotated', async () => {
    const env = { LIVESURFACE_CONFIG_DIR: join(HOME, 'rotating') };
    const first = (await finished(['token'], undefined, env)).output.split('\n')[0] as string;
    expect(first).toMatch(/^[\w-]{24}$/);
    expect((await finished(['token'], undefined, env)).output.split('\n')[0]).toBe(first);
    const rotated = await finished(['token', '--rotate'], undefined, env);
    expect(rotated.code).toBe(0);
    expect(rotated.output).toContain('scan the new QR code');
    const second = rotated.output.split('\n')[0] as string;
    expect(second).not.toBe(first);
    const [port, scriptPort] = await freePorts(2);
    const bridge = run(
      ['start', '--live', '--port', String(port), '--script-port', String(scriptPort)],
      undefined,
      env,
    );
    await expect.poll(bridge.output, { timeout: 15_000 }).toContain('LiveSurface is running');
    expect(bridge.output()).toContain(`?token=${second}`);
    expect(bridge.output()).toContain('livesurface token --rotate');
    bridge.kill('SIGINT');
    expect(await bridge.exited, bridge.output()).toBe(0);
  });
});

describe('livesurface', () => {
  it('refuses an unknown command with its usage', async () => {
    const { code, output } = await finished(['explode']);
    expect(code).toBe(2);
    expect(output).toContain('unknown command "explode"');
    expect(output).toContain('usage: livesurface');
  });

  it('runs the simulator alone', async () => {
    const [scriptPort, midiPort] = await freePorts(2);
    const sim = run([
      'sim',
      '--script-port',
      String(scriptPort),
      '--midi-port',
      String(midiPort),
      '--live-version',
      '11',
    ]);
    await expect.poll(sim.output, { timeout: 15_000 }).toContain('simulator running: Live 11.3.43');
    expect(sim.output()).toContain(`logs in ${simulatorLogDir(scriptPort)}`);
    sim.kill('SIGINT');
    expect(await sim.exited).toBe(0);
  });

  it('runs sim.py by hand with a log folder of its own, the one the bridge would give it', async () => {
    const [scriptPort] = await freePorts(1);
    const child = spawn('python3', [SIM_SCRIPT, '--midi-port', '0'], {
      env: { ...process.env, LIVESURFACE_SCRIPT_PORT: String(scriptPort), LIVESURFACE_SIM_LOG_DIR: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    await expect.poll(() => output, { timeout: 15_000 }).toContain('simulator ready');
    expect(output).toContain(`logs in ${simulatorLogDir(scriptPort)}`);
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
  });
});
