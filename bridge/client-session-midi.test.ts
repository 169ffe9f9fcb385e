/** `listen_midi`: a client hears Live's MIDI out only while it listens, and is told where it comes from. */
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import type { MidiMessage } from '../protocol/src/index';
import { ClientSession, type SessionServices } from './client-session';
import { CLIENT_HELLO, FakeSocket, HELLO } from './client-session-fakes';
import { memoryLog } from './log';
import type { MidiListener } from './midi-return';
import { Observations } from './observations';

const ROUTE = { mode: 'simulator', detail: "from the simulator's MIDI out" } as const;
const NOTE: MidiMessage = { type: 'note_on', channel: 0, note: 60, velocity: 100 };

function setup(withReturn = true) {
  const log = memoryLog();
  const listeners = new Set<MidiListener>();
  const services: SessionServices = {
    request: () => Promise.resolve({ ok: true, result: null }),
    observations: new Observations({ send: () => ({ id: 1, outcome: new Promise(() => {}) }) }, log),
    sendMidi: () => {},
    hello: () => HELLO,
    log,
    midiReturn: withReturn
      ? {
          route: ROUTE,
          listen: (listener) => {
            listeners.add(listener);
            return () => listeners.delete(listener);
          },
        }
      : undefined,
  };
  const fromLive = (messages: MidiMessage[]) => {
    for (const listener of listeners) listener(messages);
  };
  const client = (id: number) => {
    const socket = new FakeSocket();
    const session = new ClientSession(id, socket, services);
    session.receive(CLIENT_HELLO);
    const ask = async (listen: boolean, requestId: number) => {
      session.receive(JSON.stringify({ op: 'listen_midi', id: requestId, listen }));
      await sleep(10);
      return socket.messages().find((message) => message.id === requestId);
    };
    return { socket, session, ask };
  };
  return { client, fromLive, listeners };
}

describe('ClientSession: listen_midi', () => {
  it('sends live_midi to the clients that listen, until they stop or leave', async () => {
    const { client, fromLive, listeners } = setup();
    const a = client(1);
    const b = client(2);
    expect(await a.ask(true, 5)).toEqual({ id: 5, ok: true, result: { listening: true, from: ROUTE } });
    // asking twice listens once
    expect(await a.ask(true, 6)).toMatchObject({ result: { listening: true } });
    expect(listeners.size).toBe(1);
    fromLive([NOTE]);
    await sleep(10);
    expect(a.socket.events('live_midi', 'messages')).toEqual([[NOTE]]);
    expect(b.socket.events('live_midi', 'messages')).toEqual([]);
    expect(await a.ask(false, 7)).toEqual({ id: 7, ok: true, result: { listening: false, from: ROUTE } });
    fromLive([NOTE]);
    await sleep(10);
    expect(a.socket.events('live_midi', 'messages')).toHaveLength(1);
    await b.ask(true, 8);
    b.session.closeSession();
    expect(listeners.size).toBe(0);
  });

  it('answers not_found on a bridge that hears no MIDI from Live', async () => {
    const { client } = setup(false);
    expect(await client(1).ask(true, 3)).toEqual({
      id: 3,
      ok: false,
      error: { code: 'not_found', message: 'this bridge hears no MIDI from Live' },
    });
  });
});
