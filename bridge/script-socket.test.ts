import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LiveToBridge } from '../protocol/src/index';
import { FakeScript } from '../test/support/fake-script';
import { freePort } from './net';
import { MAX_INCOMING_LINE, ScriptSocket, type InvalidLine } from './script-socket';

/** `expect.poll`, checking often: everything here happens on loopback within a few ms. */
const poll = <T>(value: () => T) => expect.poll(value, { interval: 2 });

describe('ScriptSocket', () => {
  let script: FakeScript;
  let socket: ScriptSocket | null;

  beforeEach(async () => {
    script = await FakeScript.start();
    socket = null;
  });

  afterEach(async () => {
    socket?.close();
    await script.close();
  });

  /** A socket to the fake script, with what it hands over. */
  async function open(validate?: boolean) {
    const opened = await ScriptSocket.connect({ port: script.port, ...(validate === undefined ? {} : { validate }) });
    socket = opened;
    const messages: LiveToBridge[] = [];
    const invalid: InvalidLine[] = [];
    opened.onMessage((message) => messages.push(message));
    opened.onInvalid((line) => invalid.push(line));
    await poll(() => script.connections).toBe(1);
    return { socket: opened, messages, invalid };
  }

  describe('#connect', () => {
    it('rejects when nothing listens', async () => {
      await expect(ScriptSocket.connect({ port: await freePort() })).rejects.toMatchObject({ code: 'ECONNREFUSED' });
    });
  });

  describe('#send', () => {
    it('writes one request as one JSON line', async () => {
      const { socket } = await open();
      socket.send({ op: 'get', id: 1, target: 'live_set tracks 0', prop: 'name' });
      socket.send([{ op: 'set', id: 2, target: 'live_set', prop: 'tempo', value: 'Café ♪' }]);
      await poll(() => script.text.split('\n')).toHaveLength(3);
      expect(script.text).toBe(
        '{"op":"get","id":1,"target":"live_set tracks 0","prop":"name"}\n' +
          '[{"op":"set","id":2,"target":"live_set","prop":"tempo","value":"Café ♪"}]\n',
      );
    });
  });

  describe('#sendMany', () => {
    it('writes each request on its own line, in order', async () => {
      const { socket } = await open();
      socket.sendMany([
        { op: 'get', id: 1, target: 'live_set', prop: 'tempo' },
        { op: 'describe', id: 2, target: 'live_set' },
      ]);
      await poll(() => script.received).toHaveLength(2);
      expect(script.text).toBe(
        '{"op":"get","id":1,"target":"live_set","prop":"tempo"}\n{"op":"describe","id":2,"target":"live_set"}\n',
      );
    });
  });

  describe('#onMessage', () => {
    it('reads lines however the stream cuts them, even inside a character', async () => {
      const { messages } = await open();
      const bytes = Buffer.from('{"id":1,"ok":true,"result":"Café"}\n{"id":2,"ok":true,"result":2}\n');
      const cut = bytes.indexOf(0xc3) + 1;
      for (const piece of [bytes.subarray(0, 5), bytes.subarray(5, cut), bytes.subarray(cut)]) {
        script.write(piece);
        await sleep(5);
      }
      await poll(() => messages).toEqual([
        { id: 1, ok: true, result: 'Café' },
        { id: 2, ok: true, result: 2 },
      ]);
    });

    it('stops handing over once unsubscribed', async () => {
      const { socket, messages } = await open();
      const mine: LiveToBridge[] = [];
      const unsubscribe = socket.onMessage((message) => mine.push(message));
      script.say('{"id":1,"ok":true,"result":1}');
      await poll(() => mine).toHaveLength(1);
      unsubscribe();
      script.say('{"id":2,"ok":true,"result":2}');
      await poll(() => messages).toHaveLength(2);
      expect(mine).toHaveLength(1);
    });

    it('hands over any JSON unchecked when told not to validate', async () => {
      const { messages, invalid } = await open(false);
      script.say('{"ev":"party"}', 'not json');
      await poll(() => invalid).toHaveLength(1);
      expect(messages).toEqual([{ ev: 'party' }]);
    });
  });

  describe('#onInvalid', () => {
    it('reports lines that are not JSON or not protocol, and keeps reading', async () => {
      const { socket, messages, invalid } = await open();
      script.say('not json', '{"ev":"party"}', '{"id":1,"ok":true,"result":1}');
      await poll(() => messages).toEqual([{ id: 1, ok: true, result: 1 }]);
      expect(invalid).toHaveLength(2);
      expect(invalid[0]).toEqual({ line: 'not json', reason: 'not JSON' });
      expect(invalid[1]?.line).toBe('{"ev":"party"}');
      expect(invalid[1]?.reason).toContain('Invalid');
      expect(socket.invalidLines).toBe(2);
    });

    it('drops a line longer than the protocol allows without holding it, and reads the next', async () => {
      const { socket, messages, invalid } = await open();
      script.write('x'.repeat(MAX_INCOMING_LINE + 1));
      script.say('', '{"id":7,"ok":true,"result":null}');
      await poll(() => messages).toEqual([{ id: 7, ok: true, result: null }]);
      expect(invalid).toHaveLength(1);
      expect(invalid[0]?.line).toMatch(/^\(\d+ bytes\)$/);
      expect(invalid[0]?.reason).toBe('line longer than the protocol allows');
      expect(socket.invalidLines).toBe(1);
    });
  });

  describe('#onClose', () => {
    it('tells when the script goes away', async () => {
      const { socket } = await open();
      let closed = 0;
      socket.onClose(() => (closed += 1));
      script.drop();
      await poll(() => closed).toBe(1);
    });

    it('takes a connection reset without throwing', async () => {
      const { socket } = await open();
      let closed = 0;
      socket.onClose(() => (closed += 1));
      script.reset();
      await poll(() => closed).toBe(1);
    });
  });

  describe('#close', () => {
    it('ends the connection and tells its own listeners', async () => {
      const { socket } = await open();
      let closed = 0;
      socket.onClose(() => (closed += 1));
      socket.close();
      await poll(() => script.connections).toBe(0);
      await poll(() => closed).toBe(1);
    });
  });
});
