import { createServer, type Server, type Socket } from 'node:net';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SCRIPT_LIMITS } from '../protocol/src/index';
import { ScriptRequests } from './script-requests';
import { ScriptSocket } from './script-socket';

/** A stand-in script on port 0 that answers what the test tells it to. */
class FakeScript {
  server!: Server;
  peer!: Promise<Socket>;
  received: unknown[] = [];

  async start(): Promise<number> {
    this.server = createServer();
    this.peer = new Promise((resolve) =>
      this.server.once('connection', (socket) => {
        socket.on('data', (chunk) => {
          for (const line of chunk.toString().split('\n').filter(Boolean)) this.received.push(JSON.parse(line));
        });
        resolve(socket);
      }),
    );
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return (this.server.address() as { port: number }).port;
  }

  async say(...lines: string[]): Promise<void> {
    (await this.peer).write(lines.map((line) => `${line}\n`).join(''));
  }

  async stop(): Promise<void> {
    (await this.peer.catch(() => undefined))?.destroy();
    await new Promise((resolve) => this.server.close(resolve));
  }
}

describe('ScriptRequests', () => {
  let script: FakeScript;
  let socket: ScriptSocket;

  beforeEach(async () => {
    script = new FakeScript();
    socket = await ScriptSocket.connect({ port: await script.start() });
  });

  afterEach(async () => {
    socket.close();
    await script.stop();
  });

  describe('#request', () => {
    it('answers a request longer than the script reads at once, without sending it', async () => {
      const requests = new ScriptRequests(socket);
      const name = 'x'.repeat(SCRIPT_LIMITS.maxLineBytes);
      const [long, short] = requests.requestMany([
        { op: 'set', target: 'live_set tracks 0', prop: 'name', value: name },
        { op: 'get', target: 'live_set', prop: 'tempo' },
      ]);
      expect(await long).toEqual({
        ok: false,
        error: { code: 'bad_request', message: expect.stringContaining('(maxLineBytes)') as string },
      });
      await vi.waitFor(() =>
        expect(script.received).toEqual([{ op: 'get', target: 'live_set', prop: 'tempo', id: 2 }]),
      );
      await script.say('{"id":2,"ok":true,"result":120.0}');
      expect(await short).toEqual({ ok: true, result: 120 });
      expect(requests.inFlight).toBe(0);
    });

    it('matches replies that come out of order', async () => {
      const requests = new ScriptRequests(socket);
      const first = requests.request({ op: 'get', target: 'live_set', prop: 'tempo' });
      const second = requests.request({ op: 'get', target: 'live_set', prop: 'is_playing' });
      await script.say('{"id":2,"ok":true,"result":false}', '{"id":1,"ok":true,"result":120.0}');
      expect(await first).toEqual({ ok: true, result: 120 });
      expect(await second).toEqual({ ok: true, result: false });
      await vi.waitFor(() => expect(script.received).toHaveLength(2));
      expect(script.received).toEqual([
        { op: 'get', target: 'live_set', prop: 'tempo', id: 1 },
        { op: 'get', target: 'live_set', prop: 'is_playing', id: 2 },
      ]);
    });

    it('settles with timeout when the script does not answer', async () => {
      const requests = new ScriptRequests(socket, 30);
      expect(await requests.request({ op: 'get', target: 'live_set', prop: 'tempo' })).toEqual({
        ok: false,
        error: { code: 'timeout', message: 'no reply from the script within 30 ms' },
      });
      expect(requests.inFlight).toBe(0);
    });

    it('settles every pending request with unavailable when the script goes away', async () => {
      const requests = new ScriptRequests(socket);
      const pending = requests.requestMany([
        { op: 'get', target: 'live_set', prop: 'tempo' },
        { op: 'describe', target: 'live_set' },
      ]);
      await script.stop();
      const outcomes = await Promise.all(pending);
      expect(outcomes.map((outcome) => !outcome.ok && outcome.error.code)).toEqual(['unavailable', 'unavailable']);
      expect(await requests.request({ op: 'get', target: 'live_set', prop: 'tempo' })).toMatchObject({
        ok: false,
        error: { code: 'unavailable' },
      });
    });
  });

  describe('#onEvent', () => {
    it('hands over events and counts lines that are not protocol', async () => {
      const requests = new ScriptRequests(socket);
      const events: unknown[] = [];
      const invalid: string[] = [];
      requests.onEvent((event) => events.push(event));
      socket.onInvalid(({ reason }) => invalid.push(reason));
      const reply = requests.request({ op: 'get', target: 'live_set', prop: 'tempo' });
      await script.say(
        'not json',
        '{"ev":"changes","changes":[{"obs":4,"value":1}]}',
        '{"ev":"party"}',
        '{"id":1,"ok":true,"result":1}',
      );
      await reply;
      expect(events).toEqual([{ ev: 'changes', changes: [{ obs: 4, value: 1 }] }]);
      expect(invalid).toHaveLength(2);
      expect(socket.invalidLines).toBe(2);
    });
  });
});
