import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WebSocket, WebSocketServer } from 'ws';
import { Heartbeat } from './heartbeat';

const INTERVAL_MS = 20;

describe('Heartbeat', () => {
  let server: WebSocketServer;
  let heartbeat: Heartbeat;
  let url: string;
  const clients: WebSocket[] = [];

  beforeEach(async () => {
    heartbeat = new Heartbeat(INTERVAL_MS);
    server = new WebSocketServer({ port: 0, host: '127.0.0.1' });
    server.on('connection', (ws) => heartbeat.watch(ws));
    await new Promise((resolve) => server.once('listening', resolve));
    url = `ws://127.0.0.1:${(server.address() as { port: number }).port}`;
  });

  afterEach(async () => {
    heartbeat.stop();
    for (const client of clients.splice(0)) client.terminate();
    await new Promise((resolve) => server.close(resolve));
  });

  /** A client on the test server; `autoPong: false` makes one that stops answering pings. */
  async function connect(options: { autoPong?: boolean } = {}): Promise<{ client: WebSocket; peer: WebSocket }> {
    const accepted = new Promise<WebSocket>((resolve) => server.once('connection', resolve));
    const client = new WebSocket(url, options);
    clients.push(client);
    const [peer] = await Promise.all([
      accepted,
      new Promise((resolve, reject) => client.once('open', resolve).once('error', reject)),
    ]);
    return { client, peer };
  }

  describe('#watch', () => {
    it('pings a client every interval and keeps it while it answers', async () => {
      const { client } = await connect();
      let pings = 0;
      client.on('ping', () => (pings += 1));
      await sleep(INTERVAL_MS * 6);
      expect(pings).toBeGreaterThanOrEqual(3);
      expect(client.readyState).toBe(WebSocket.OPEN);
      expect(heartbeat.size).toBe(1);
    });

    it('terminates a client that did not answer a ping, and only that one', async () => {
      const { client: answering } = await connect();
      const { client: silent } = await connect({ autoPong: false });
      const code = await new Promise<number>((resolve) => silent.once('close', resolve));
      // terminated, not closed: no close frame, so the client sees an abnormal closure
      expect(code).toBe(1006);
      await expect.poll(() => heartbeat.size).toBe(1);
      await sleep(INTERVAL_MS * 3);
      expect(answering.readyState).toBe(WebSocket.OPEN);
    });

    it('forgets a client that closed', async () => {
      const { client, peer } = await connect();
      const closed = new Promise((resolve) => peer.once('close', resolve));
      client.close();
      await closed;
      expect(heartbeat.size).toBe(0);
    });
  });

  describe('#stop', () => {
    it('stops pinging and terminates nobody', async () => {
      const { client: silent } = await connect({ autoPong: false });
      let pings = 0;
      silent.on('ping', () => (pings += 1));
      heartbeat.stop();
      // still running, the heartbeat would terminate this client within two intervals
      await sleep(INTERVAL_MS * 5);
      expect(silent.readyState).toBe(WebSocket.OPEN);
      expect(pings).toBeLessThanOrEqual(1);
      expect(heartbeat.size).toBe(0);
    });
  });
});
