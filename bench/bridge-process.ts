/** A `livesurface start` child process for benchmarks, and its CPU time from /proc. */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { freePorts } from '../bridge/net';

export interface BridgeProcess {
  url: string;
  token: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

const BIN = join(import.meta.dirname, '..', 'bin', 'livesurface.js');

/** The benchmarks' session token: fixed, and strong enough for the bridge (bridge/token.ts). */
export const BENCH_TOKEN = 'bench-token-Vq3Lx9Rt2Kw8Zp4Mn7Hc';

export async function spawnBridge(extra: string[] = [], env: Record<string, string> = {}): Promise<BridgeProcess> {
  const [port, scriptPort, midiPort] = await freePorts(3);
  const token = BENCH_TOKEN;
  const args = ['start', '--sim', '--host', '127.0.0.1', '--port', String(port)];
  args.push('--script-port', String(scriptPort), '--midi-port', String(midiPort), ...extra);
  const child = spawn(process.execPath, [BIN, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...env, LIVESURFACE_TOKEN: token },
  });
  await new Promise<void>((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`the bridge did not start: ${output}`)), 20_000);
    const read = (chunk: Buffer): void => {
      output += chunk.toString();
      if (output.includes('is online')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
  });
  return {
    url: `http://127.0.0.1:${port}`,
    token,
    child,
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGINT');
      }),
  };
}

/** CPU seconds (user + system) a process used so far (Linux). */
export function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  const ticks = Number(fields[11]) + Number(fields[12]);
  return ticks / 100;
}
