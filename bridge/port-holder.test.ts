import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { describePortInUse, ensurePortFree, findPortHolder, holdPort, PortInUseError } from './port-holder';
import { freePort } from './net';

const listen = (): Promise<[Server, number]> =>
  new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      resolve([server, typeof address === 'object' && address ? address.port : 0]);
    });
  });

describe('port-holder', () => {
  let server: Server | null = null;

  afterEach(async () => {
    await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
    server = null;
  });

  describe('#findPortHolder', () => {
    it.runIf(existsSync('/proc/net/tcp'))('finds the process listening on a port', async () => {
      let port: number;
      [server, port] = await listen();
      expect(findPortHolder(port)).toMatchObject({ pid: process.pid, command: expect.stringContaining('node') });
    });
  });

  describe('#ensurePortFree', () => {
    it('says who holds a taken port and what to do', async () => {
      let port: number;
      [server, port] = await listen();
      const taken = ensurePortFree(port, '127.0.0.1', "the script's port", '--script-port');
      await expect(taken).rejects.toThrow(PortInUseError);
      await expect(taken).rejects.toThrow(`port ${port} (the script's port) is taken by`);
      if (existsSync('/proc/net/tcp')) await expect(taken).rejects.toThrow(`process ${process.pid}`);
      await expect(taken).rejects.toThrow('--script-port');
    });

    it('resolves for a free port', async () => {
      let port: number;
      [server, port] = await listen();
      await new Promise((resolve) => server?.close(resolve));
      server = null;
      await expect(ensurePortFree(port, '127.0.0.1', 'x', '--x')).resolves.toBeUndefined();
    });
  });

  describe('#describePortInUse', () => {
    it('says how to find out when the system does not tell', () => {
      expect(describePortInUse(9401, "the script's port", '--script-port', '/nonexistent')).toBe(
        "port 9401 (the script's port) is taken by another program (see which with: lsof -nP -iTCP:9401 -sTCP:LISTEN): stop it or choose another port with --script-port",
      );
    });
  });
});

describe('holdPort', () => {
  it('keeps the port taken until released, and refuses one already taken as ensurePortFree does', async () => {
    const port = await freePort();
    const held = await holdPort(port, '127.0.0.1', "the bridge's port", '--port');
    await expect(ensurePortFree(port, '127.0.0.1', 'another', '--other')).rejects.toBeInstanceOf(PortInUseError);
    await expect(holdPort(port, '127.0.0.1', "the bridge's port", '--port')).rejects.toThrow(
      `port ${port} (the bridge's port)`,
    );
    await held.release();
    await expect(ensurePortFree(port, '127.0.0.1', 'another', '--other')).resolves.toBeUndefined();
  });
});
