/**
 * Frames built to break the bridge (found by a fuzzer and an attacker): each
 * is answered `bad_request` and the session goes on; a failure of the
 * bridge's own closes that client (1011), never the process.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { MAX_JSON_DEPTH } from '../protocol/src/index';
import { CLOSE_INTERNAL_ERROR, ClientSession, type SessionServices } from './client-session';
import { FakeSocket, HELLO } from './client-session-fakes';
import { memoryLog } from './log';
import { Observations } from './observations';
import type { Outcome, RequestBody } from './script-requests';

function setup(overrides: Partial<SessionServices> = {}) {
  const socket = new FakeSocket();
  const requests: RequestBody[] = [];
  const log = memoryLog();
  const answer = (): Outcome => ({ ok: true, result: 1 });
  const services: SessionServices = {
    request: (body) => {
      requests.push(body);
      return Promise.resolve(answer());
    },
    observations: new Observations({ send: () => ({ id: 1, outcome: Promise.resolve(answer()) }) }, log),
    sendMidi: () => {},
    hello: () => HELLO,
    log,
    ...overrides,
  };
  const session = new ClientSession(1, socket, services);
  return { socket, requests, log, session, settle: () => sleep(5) };
}

/** `depth` nested arrays around nothing: `[[[...]]]`, the shape that overflowed zod's recursive JSON schema. */
const nested = (depth: number): string => '['.repeat(depth) + ']'.repeat(depth);
const nestedObject = (depth: number): string => '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);
const HELLO_FRAME = JSON.stringify({ op: 'hello', id: 1, protocol: 1, client: 'test' });

const HOSTILE: [string, string, number | null][] = [
  ['value', `{"op":"set","id":5,"target":"live_set","prop":"tempo","value":${nested(1400)}}`, 5],
  ['call.args', `{"op":"call","id":5,"target":"live_set","fn":"stop_playing","args":[${nested(1400)}]}`, 5],
  ['an object value', `{"op":"set","id":5,"target":"live_set","prop":"tempo","value":${nestedObject(1400)}}`, 5],
  ['a whole frame', nested(1400), null],
  ['a batch member', `[{"op":"ping","id":4},${nested(1400)}]`, null],
  ['an unknown key', `{"op":"get","id":5,"target":"live_set","prop":"tempo","x":${nested(1400)}}`, 5],
  ['the target', `{"op":"get","id":5,"target":${nested(1400)},"prop":"tempo"}`, 5],
];

describe('ClientSession against hostile frames', () => {
  describe('#receive', () => {
    it.each(HOSTILE)('answers ~1,400 nested [ in %s with bad_request, before hello and after', async (_, frame, id) => {
      expect(frame.length).toBeLessThan(9000);
      for (const greeted of [false, true]) {
        const { socket, session, requests, settle } = setup();
        if (greeted) session.receive(HELLO_FRAME);
        session.receive(frame);
        await settle();
        const refusals = socket.messages().filter((message) => (message as { ok?: boolean }).ok === false) as {
          id: number | null;
        }[];
        expect(refusals.length).toBeGreaterThanOrEqual(1);
        expect(refusals.at(-1)).toMatchObject({ id, error: { code: 'bad_request' } });
        expect(requests).toEqual([]);
        expect(socket.closedWith).toBeNull();
        // and the session still answers
        session.receive(JSON.stringify({ op: 'ping', id: 99 }));
        await settle();
        expect(socket.messages().at(-1)).toMatchObject(
          greeted ? { id: 99, ok: true } : { id: 99, ok: false, error: { code: 'bad_request' } },
        );
      }
    });

    it('takes values nested up to the limit and refuses one level more', async () => {
      const { socket, session, requests, settle } = setup();
      session.receive(HELLO_FRAME);
      const set = (id: number, depth: number): string =>
        `{"op":"set","id":${id},"target":"live_set","prop":"tempo","value":${nested(depth)}}`;
      session.receive(set(2, MAX_JSON_DEPTH));
      session.receive(set(3, MAX_JSON_DEPTH + 1));
      await settle();
      expect(requests).toHaveLength(1);
      expect(socket.messages().slice(1)).toMatchObject([
        { id: 3, ok: false, error: { code: 'bad_request' } },
        { id: 2, ok: true },
      ]);
    });

    it('walks a huge flat array without trouble', async () => {
      const { socket, session, requests, settle } = setup();
      session.receive(HELLO_FRAME);
      const big = `[${Array.from({ length: 400_000 }, () => '0').join(',')}]`;
      session.receive(`{"op":"set","id":2,"target":"live_set","prop":"tempo","value":${big}}`);
      session.receive(`[${Array.from({ length: 501 }, (_, i) => `{"op":"ping","id":${i}}`).join(',')}]`);
      await settle();
      expect(requests).toHaveLength(1);
      expect(socket.messages()).toContainEqual({
        id: null,
        ok: false,
        error: { code: 'bad_request', message: 'a batch holds 1 to 500 messages' },
      });
      expect(socket.messages()).toContainEqual({ id: 2, ok: true, result: 1 });
    });
  });

  describe('a failure of the bridge’s own', () => {
    it('closes the client with 1011 when handling throws, and logs it', async () => {
      const { socket, session, log, settle } = setup({
        sendMidi: () => {
          throw new Error('injected');
        },
      });
      session.receive(HELLO_FRAME);
      session.receive(
        JSON.stringify({ op: 'midi', messages: [{ type: 'note_on', channel: 0, note: 60, velocity: 1 }] }),
      );
      await settle();
      expect(socket.closedWith).toEqual([CLOSE_INTERNAL_ERROR, 'internal error']);
      expect(log.counts['internal error']).toBe(1);
      expect(log.lines.join('\n')).toContain('injected');
      session.receive(JSON.stringify({ op: 'ping', id: 3 }));
      await settle();
      expect(socket.messages().some((message) => (message as { id?: number }).id === 3)).toBe(false);
    });

    it('closes the client with 1011 when an answer fails on the way', async () => {
      const { socket, session, log, settle } = setup({
        request: () => Promise.reject(new TypeError('injected later')),
      });
      session.receive(HELLO_FRAME);
      session.receive(JSON.stringify({ op: 'get', id: 2, target: 'live_set', prop: 'tempo' }));
      await settle();
      expect(socket.closedWith?.[0]).toBe(CLOSE_INTERNAL_ERROR);
      expect(log.lines.join('\n')).toContain('injected later');
    });

    it('closes the client with 1011 when its socket throws on send', async () => {
      const { socket, session, settle } = setup();
      socket.send = () => {
        throw new Error('send failed');
      };
      session.receive(HELLO_FRAME);
      await settle();
      expect(socket.closedWith?.[0]).toBe(CLOSE_INTERNAL_ERROR);
    });
  });
});
