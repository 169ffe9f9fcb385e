import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { freePort, freePorts } from './net';

describe('free ports', () => {
  it('hands out different ports in one call, each one that can be listened on', async () => {
    for (let round = 0; round < 20; round += 1) {
      const ports = await freePorts(3);
      expect(new Set(ports).size).toBe(3);
    }
    const port = await freePort();
    const server = createServer();
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', resolve);
    });
    await new Promise((resolve) => server.close(resolve));
  });
});
