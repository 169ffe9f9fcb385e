/**
 * A bridge killed with SIGKILL takes its simulator with it: the simulator
 * reads a pipe from the bridge on its stdin and stops when the pipe closes,
 * so nothing is left holding the script and MIDI ports (Linux: /proc).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { freePorts } from '../bridge/net';
import { ensurePortFree } from '../bridge/port-holder';

const BIN = join(import.meta.dirname, '..', 'bin', 'livesurface.js');
const TOKEN = 'kill-test-token-Hq7Wz2Xv9Lm4Rt8K';
const HOME = mkdtempSync(join(tmpdir(), 'bridge-kill-'));
const KILLS = 10;

/** The processes whose parent is `parent`. */
function childrenOf(parent: number): number[] {
  const children: number[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const fields = readFileSync(`/proc/${name}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
      if (Number(fields[1]) === parent) children.push(Number(name));
    } catch {
      // it ended meanwhile
    }
  }
  return children;
}

const commandOf = (pid: number): string => {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
  } catch {
    return '';
  }
};

/** Whether `pid` still runs (a zombie waiting for its new parent to reap it holds no ports and counts as ended). */
function running(pid: number): boolean {
  try {
    return readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.[0] !== 'Z';
  } catch {
    return false;
  }
}

/** Starts `livesurface start --sim`, kills it with SIGKILL once running, and returns its simulators still running after `graceMs`. */
async function startAndKill(graceMs: number): Promise<{ orphans: number[]; simulators: number; portsFree: boolean }> {
  const [port, scriptPort, midiPort] = await freePorts(3);
  const bridge = spawn(
    process.execPath,
    [BIN, 'start', '--sim', '--host', '127.0.0.1', '--port', String(port), '--script-port', String(scriptPort)].concat([
      '--midi-port',
      String(midiPort),
    ]),
    {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        LIVESURFACE_TOKEN: TOKEN,
        LIVESURFACE_RUNTIME_DIR: join(HOME, 'run'),
        LIVESURFACE_CONFIG_DIR: join(HOME, 'config'),
      },
    },
  );
  let output = '';
  bridge.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  bridge.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise((resolve) => bridge.once('exit', resolve));
  for (let waited = 0; !output.includes('LiveSurface is running'); waited += 50) {
    if (waited > 20_000) throw new Error(`the bridge did not start: ${output}`);
    await sleep(50);
  }
  const children = childrenOf(bridge.pid as number);
  const simulators = children.filter((pid) => commandOf(pid).includes('sim.py'));
  bridge.kill('SIGKILL');
  await exited;
  const deadline = Date.now() + graceMs;
  while (Date.now() < deadline && children.some(running)) await sleep(50);
  const orphans = children.filter(running); // the simulator, or anything else the bridge started
  for (const pid of orphans) process.kill(pid, 'SIGKILL'); // leave nothing behind, whatever the verdict
  const portsFree = await Promise.all([
    ensurePortFree(scriptPort, '127.0.0.1', 'script', '--script-port'),
    ensurePortFree(midiPort, '127.0.0.1', 'midi', '--midi-port'),
  ]).then(
    () => true,
    () => false,
  );
  return { orphans, simulators: simulators.length, portsFree };
}

describe.runIf(existsSync('/proc/self/stat'))('a bridge killed with SIGKILL', () => {
  it(
    `leaves no simulator behind (${KILLS} kills)`,
    async () => {
      const results = [];
      // two at a time: a 2-core machine starts two simulators at once comfortably
      for (let round = 0; round < KILLS; round += 2) {
        results.push(...(await Promise.all([startAndKill(5000), startAndKill(5000)])));
      }
      expect(results.map((result) => result.simulators)).toEqual(Array<number>(KILLS).fill(1));
      expect(results.flatMap((result) => result.orphans)).toEqual([]);
      expect(results.every((result) => result.portsFree)).toBe(true);
    },
    KILLS * 15_000,
  );
});
