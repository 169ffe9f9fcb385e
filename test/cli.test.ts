/** The `livesurface` command as `npm start` runs it. */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { freePort } from '../bridge/net';
import { ScriptRequests } from '../bridge/script-requests';
import { ScriptSocket } from '../bridge/script-socket';

const BIN = join(import.meta.dirname, '..', 'bin', 'livesurface.js');

function run(args: string[]): { output: () => string; exited: Promise<number | null>; kill: (signal: NodeJS.Signals) => void } {
  const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return {
    output: () => output,
    exited: new Promise((resolve) => child.once('exit', resolve)),
    kill: (signal) => child.kill(signal),
  };
}

describe('livesurface start', () => {
  it('runs the simulator when no Live answers, says so, and stops cleanly on Ctrl-C', async () => {
    const scriptPort = await freePort();
    const cli = run(['start', '--script-port', String(scriptPort), '--midi-port', String(await freePort())]);
    await expect.poll(cli.output, { timeout: 15_000 }).toContain('simulator running');
    expect(cli.output()).toContain(`no Live answered on 127.0.0.1:${scriptPort}; starting the simulator`);

    const socket = await ScriptSocket.connect({ port: scriptPort });
    const hello = await new ScriptRequests(socket).request({ op: 'hello', protocol: 1, client: 'cli-test' });
    expect(hello).toMatchObject({ ok: true, result: { host: 'simulator', set_name: 'LiveSurface Demo' } });
    socket.close();

    cli.kill('SIGINT');
    expect(await cli.exited).toBe(0);
  });

  it('uses a LiveSurface script that already answers', async () => {
    const scriptPort = await freePort();
    const midiPort = String(await freePort());
    const simulator = run(['sim', '--script-port', String(scriptPort), '--midi-port', midiPort]);
    await expect.poll(simulator.output, { timeout: 15_000 }).toContain('simulator running');
    const cli = run(['start', '--script-port', String(scriptPort)]);
    expect(await cli.exited).toBe(0);
    expect(cli.output()).toContain(`a simulator (Live 12.3.6) answers on 127.0.0.1:${scriptPort}, set "LiveSurface Demo"`);
    simulator.kill('SIGTERM');
    expect(await simulator.exited).toBe(0);
  });

  it('refuses an unknown command with its usage', async () => {
    const cli = run(['explode']);
    expect(await cli.exited).toBe(2);
    expect(cli.output()).toContain('unknown command "explode"');
    expect(cli.output()).toContain('usage: livesurface');
  });
});
