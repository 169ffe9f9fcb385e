import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import type { MidiMessage } from '../protocol/src/index';
import { CLOSE_TOO_SLOW, ClientSession, DEFAULT_OUTPUT_LIMITS, type SessionServices } from './client-session';
import { FakeSocket, HELLO } from './client-session-fakes';
import { memoryLog } from './log';
import { Observations } from './observations';
import type { Outcome, RequestBody } from './script-requests';

function setup(answer: (body: RequestBody) => Outcome = () => ({ ok: true, result: 1 })) {
  const socket = new FakeSocket();
  const requests: RequestBody[] = [];
  const midi: MidiMessage[] = [];
  const log = memoryLog();
  let nextId = 1;
  const services: SessionServices = {
    request: (body) => {
      requests.push(body);
      return Promise.resolve(answer(body));
    },
    observations: new Observations({ send: (body) => ({ id: nextId++, outcome: Promise.resolve(answer(body)) }) }, log),
    sendMidi: (messages) => midi.push(...messages),
    hello: () => HELLO,
    log,
  };
  const session = new ClientSession(1, socket, services);
  const settle = () => sleep(5);
  return { socket, requests, midi, log, session, settle };
}

describe('ClientSession', () => {
  describe('#receive', () => {
    it('answers hello, then routes requests with the client’s own ids', async () => {
      const { socket, session, requests, settle } = setup(() => ({
        ok: true,
        result: 120,
        ref: { $ref: 1, type: 'Song', path: 'live_set' },
      }));
      session.receive(JSON.stringify({ op: 'hello', id: 7, protocol: 1, client: 'test' }));
      session.receive(JSON.stringify({ op: 'get', id: 8, target: 'live_set', prop: 'tempo' }));
      await settle();
      expect(socket.messages()).toEqual([
        { id: 7, ok: true, result: HELLO },
        { id: 8, ok: true, result: 120, ref: { $ref: 1, type: 'Song', path: 'live_set' } },
      ]);
      expect(requests).toEqual([{ op: 'get', target: 'live_set', prop: 'tempo' }]);
    });

    it('refuses everything before hello', async () => {
      const { socket, session, settle } = setup();
      session.receive(JSON.stringify({ op: 'get', id: 1, target: 'live_set', prop: 'tempo' }));
      await settle();
      expect(socket.messages()).toEqual([
        { id: 1, ok: false, error: { code: 'bad_request', message: 'the first request must be hello' } },
      ]);
    });

    it.each([
      ['not JSON', '{"op":', null, 'the frame is not valid JSON'],
      ['an empty batch', '[]', null, 'a batch holds 1 to 500 messages'],
      ['an unknown operation', '{"op":"explode","id":3}', 3, 'unknown operation "explode"'],
      [
        'a schema violation',
        '{"op":"get","id":4,"target":""}',
        4,
        'target: Too small: expected string to have >=1 characters',
      ],
      [
        'an id that is not a number',
        '{"op":"get","id":"x","target":"live_set"}',
        null,
        'id: Invalid input: expected number, received string',
      ],
    ])('answers %s with bad_request and stays open', async (_name, frame, id, message) => {
      const { socket, session, log, settle } = setup();
      session.receive(JSON.stringify({ op: 'hello', id: 1, protocol: 1, client: 't' }));
      session.receive(frame);
      await settle();
      expect(socket.messages()[1]).toEqual({ id, ok: false, error: { code: 'bad_request', message } });
      expect(socket.closedWith).toBeNull();
      expect(Object.values(log.counts).reduce((a, b) => a + b, 0)).toBe(1);
    });

    it('answers each message of a batch on its own', async () => {
      const { socket, session, settle } = setup();
      session.receive(
        JSON.stringify([
          { op: 'hello', id: 1, protocol: 1, client: 't' },
          { op: 'get', id: 2, target: 'live_set', prop: 'tempo' },
          { op: 'get', id: 3, target: 5 },
        ]),
      );
      await settle();
      const ids = socket.messages().map((message) => (message as { id: number }).id);
      expect(ids.sort()).toEqual([1, 2, 3]);
    });

    it('answers ping itself', async () => {
      const { socket, session, requests, settle } = setup();
      session.receive(
        JSON.stringify([
          { op: 'hello', id: 1, protocol: 1, client: 't' },
          { op: 'ping', id: 2 },
        ]),
      );
      await settle();
      expect(socket.messages()[1]).toEqual({ id: 2, ok: true, result: null });
      expect(requests).toEqual([]);
    });

    it('passes MIDI on without a reply', async () => {
      const { socket, session, midi, settle } = setup();
      session.receive(JSON.stringify({ op: 'hello', id: 1, protocol: 1, client: 't' }));
      session.receive(
        JSON.stringify({ op: 'midi', messages: [{ type: 'note_on', channel: 0, note: 60, velocity: 90 }] }),
      );
      await settle();
      expect(midi).toEqual([{ type: 'note_on', channel: 0, note: 60, velocity: 90 }]);
      expect(socket.messages()).toHaveLength(1);
    });
  });

  describe('#change', () => {
    it('sends each observation’s latest value once per turn, in one frame', async () => {
      const { socket, session, settle } = setup();
      session.change(1, 0.1);
      session.change(2, 'a');
      session.change(1, 0.3);
      await settle();
      expect(socket.frames).toEqual([
        {
          ev: 'changes',
          changes: [
            { obs: 2, value: 'a' },
            { obs: 1, value: 0.3 },
          ],
        },
      ]);
    });

    it('holds updates for a slow client, tells it, and sends the latest when it catches up', async () => {
      const { socket, session, settle } = setup();
      socket.bufferedAmount = DEFAULT_OUTPUT_LIMITS.softBytes + 1;
      for (let value = 0; value < 100; value += 1) session.change(1, value);
      await settle();
      expect(socket.messages()).toEqual([
        { ev: 'slow', message: 'updates are held back: this client reads slower than Live changes' },
      ]);
      socket.bufferedAmount = 0;
      await sleep(DEFAULT_OUTPUT_LIMITS.retryMs * 3);
      expect(socket.messages().slice(1)).toEqual([{ ev: 'changes', changes: [{ obs: 1, value: 99 }] }]);
    });

    it('disconnects a client past the hard limit', async () => {
      const { socket, session, settle } = setup();
      socket.bufferedAmount = DEFAULT_OUTPUT_LIMITS.hardBytes + 1;
      session.change(1, 1);
      await settle();
      expect(socket.closedWith?.[0]).toBe(CLOSE_TOO_SLOW);
    });
  });
});
