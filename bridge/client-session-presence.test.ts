/** A client's presence, answered by the bridge itself (Live is never told), and the `presence` event. */
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import type { PresenceState } from '../protocol/src/index';
import { ClientSession, type SessionServices } from './client-session';
import { CLIENT_HELLO, FakeSocket, HELLO } from './client-session-fakes';
import { memoryLog } from './log';
import { Observations } from './observations';
import { Presence } from './presence';
import type { RequestBody } from './script-requests';

const ALICE: PresenceState = {
  name: 'Alice',
  color: '#3f9fe0',
  page: 'mixer',
  rtt_ms: 3,
  holding: [101],
  selection: null,
};

function setup(withPresence = true) {
  const toLive: RequestBody[] = [];
  const log = memoryLog();
  const presence = withPresence ? new Presence<ClientSession>({ log, relayEveryMs: 5 }) : undefined;
  const services: SessionServices = {
    request: (body) => {
      toLive.push(body);
      return Promise.resolve({ ok: true, result: null });
    },
    observations: new Observations({ send: () => ({ id: 1, outcome: new Promise(() => {}) }) }, log),
    sendMidi: () => {},
    hello: () => HELLO,
    log,
    presence,
  };
  const client = (id: number, greet = true) => {
    const socket = new FakeSocket();
    const session = new ClientSession(id, socket, services, undefined, `client ${id} (test)`);
    if (greet) session.receive(CLIENT_HELLO);
    return { socket, session };
  };
  return { toLive, log, client, presence };
}

describe('ClientSession: presence', () => {
  it('answers presence with the client’s number, tells every client, and asks Live nothing', async () => {
    const { client, toLive } = setup();
    const a = client(3);
    const b = client(4);
    a.session.receive(JSON.stringify({ op: 'presence', id: 7, state: ALICE }));
    await sleep(20);
    expect(a.socket.messages()).toContainEqual({ id: 7, ok: true, result: { client: 3 } });
    expect(b.socket.events('presence', 'clients').at(-1)).toEqual([
      { client: 3, self: false, ...ALICE, holding: [{ object: 101, since: 1 }] },
      {
        client: 4,
        self: true,
        name: null,
        color: null,
        page: null,
        rtt_ms: null,
        holding: [],
        selection: null,
      },
    ]);
    expect(toLive).toEqual([]);
  });

  it('lists a client only once it said hello, its hello answered before the first list', async () => {
    const { client } = setup();
    const a = client(1, false);
    const b = client(2);
    await sleep(20);
    expect(b.socket.events('presence', 'clients').at(-1)).toEqual([expect.objectContaining({ client: 2 })]);
    expect(a.socket.events('presence', 'clients')).toEqual([]);
    a.session.receive(CLIENT_HELLO);
    await sleep(20);
    const [hello, first] = a.socket.messages();
    expect(hello).toMatchObject({ id: 0, ok: true });
    expect(first).toMatchObject({ ev: 'presence' });
  });

  it('refuses a state that breaks the schema with bad_request, and keeps the last good one', async () => {
    const { client, log } = setup();
    const a = client(1);
    const b = client(2);
    a.session.receive(JSON.stringify({ op: 'presence', id: 1, state: ALICE }));
    for (const state of [
      { ...ALICE, color: 'red' },
      { ...ALICE, name: '   ' },
      { ...ALICE, holding: Array.from({ length: 25 }, (_, index) => index) },
      { ...ALICE, spy: true },
    ])
      a.session.receive(JSON.stringify({ op: 'presence', id: 2, state }));
    await sleep(20);
    const refusals = a.socket.messages().filter((message) => message.id === 2);
    expect(refusals).toHaveLength(4);
    for (const refusal of refusals) expect(refusal).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    expect(b.socket.events('presence', 'clients').at(-1)).toContainEqual(
      expect.objectContaining({ client: 1, name: 'Alice' }),
    );
    expect(log.counts.schema).toBe(4);
  });

  it('releases a client’s holds when it goes', async () => {
    const { client } = setup();
    const a = client(1);
    const b = client(2);
    a.session.receive(JSON.stringify({ op: 'presence', id: 1, state: ALICE }));
    await sleep(20);
    a.session.closeSession();
    await sleep(20);
    expect(b.socket.events('presence', 'clients').at(-1)).toEqual([
      expect.objectContaining({ client: 2, self: true, holding: [] }),
    ]);
  });

  it('answers not_found on a bridge without presence', async () => {
    const { client } = setup(false);
    const a = client(1);
    a.session.receive(JSON.stringify({ op: 'presence', id: 1, state: ALICE }));
    await sleep(20);
    expect(a.socket.messages().at(-1)).toMatchObject({ id: 1, ok: false, error: { code: 'not_found' } });
  });
});
