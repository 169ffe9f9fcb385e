/** LiveLink and presence: the list the bridge tells (`state.presence`, `presence$`) and this tablet's own (`present`). */
import { afterEach, describe, expect, it } from 'vitest';
import type { PresenceState, PresentClient } from '../protocol/src/index';
import { connectedLink, type FakeLink } from './fake-link';

const fixtures: FakeLink[] = [];
afterEach(() => {
  for (const { link } of fixtures.splice(0)) link.close();
});

async function connected(...args: Parameters<typeof connectedLink>): Promise<FakeLink> {
  const fixture = await connectedLink(...args);
  fixtures.push(fixture);
  return fixture;
}

const ALICE: PresentClient = {
  client: 1,
  self: false,
  name: 'Alice',
  color: '#3f9fe0',
  page: 'mixer',
  rtt_ms: 3,
  holding: [{ object: 101, since: 4 }],
  selection: null,
};

const state = (extra: Partial<PresenceState> = {}): PresenceState => ({
  name: 'Bob',
  color: '#e0a030',
  page: 'keys',
  rtt_ms: null,
  holding: [],
  selection: null,
  ...extra,
});

describe('LiveLink presence', () => {
  describe('state.presence and presence$', () => {
    it('keep the list the bridge tells, the same array until it changes, and forget it when the socket is lost', async () => {
      const { link, time, socket } = await connected();
      const lists: (readonly PresentClient[])[] = [];
      const subscription = link.presence$.subscribe((clients) => lists.push(clients));
      expect(link.state.presence).toEqual([]);
      const clients = [ALICE, { ...ALICE, client: 2, self: true, name: 'Bob', holding: [] }];
      socket().deliver({ ev: 'presence', clients });
      await time.tick();
      expect(link.state.presence).toEqual(clients);
      const heard = link.state.presence;
      // other news leave the list as it is: no new list for its subscribers
      socket().deliver({ ev: 'lock', locked: true });
      await time.tick();
      expect(link.state.presence).toBe(heard);
      expect(lists).toEqual([[], heard]);

      socket().drop();
      expect(link.state.presence).toEqual([]);
      expect(lists).toHaveLength(3);
      subscription.unsubscribe();
    });

    it('share one subscription among many followers, each given the current list first', async () => {
      const { link, time, socket } = await connected();
      socket().deliver({ ev: 'presence', clients: [ALICE] });
      await time.tick();
      const first: (readonly PresentClient[])[] = [];
      const second: (readonly PresentClient[])[] = [];
      const a = link.presence$.subscribe((clients) => first.push(clients));
      const b = link.presence$.subscribe((clients) => second.push(clients));
      expect(first).toEqual([[ALICE]]);
      expect(second[0]).toBe(first[0]);
      a.unsubscribe();
      b.unsubscribe();
    });
  });

  describe('#present', () => {
    const presences = (fixture: FakeLink) =>
      fixture
        .socket()
        .messages()
        .filter((message) => message.op === 'presence');

    it('sends the state now, one at a time, the latest replacing what waits', async () => {
      const fixture = await connected();
      const { link, time, socket } = fixture;
      link.present(state({ holding: [5] }));
      await time.tick();
      expect(presences(fixture).map((message) => message.state)).toEqual([state({ holding: [5] })]);
      link.present(state({ holding: [] }));
      link.present(state({ holding: [6] }));
      link.present(state({ holding: [6, 7] }));
      await time.tick();
      expect(presences(fixture)).toHaveLength(1);
      socket().deliver({ id: presences(fixture)[0]?.id, ok: true, result: { client: 2 } });
      await time.tick();
      expect(presences(fixture).map((message) => message.state)).toEqual([
        state({ holding: [5] }),
        state({ holding: [6, 7] }),
      ]);
    });

    it('sends nothing for a state equal to the last', async () => {
      const fixture = await connected();
      const { link, time, socket } = fixture;
      link.present(state());
      await time.tick();
      socket().deliver({ id: presences(fixture)[0]?.id, ok: true, result: { client: 2 } });
      link.present(state());
      await time.tick();
      expect(presences(fixture)).toHaveLength(1);
    });

    it('sends the latest state again to each new bridge session, and what was given while offline once back', async () => {
      const fixture = await connected();
      const { link, time, socket } = fixture;
      link.present(state());
      await time.tick();
      socket().deliver({ id: presences(fixture)[0]?.id, ok: true, result: { client: 2 } });
      await time.tick();
      socket().drop();
      link.present(state({ page: 'pads' }));
      await time.until(link.ready());
      await time.tick();
      expect(link.state.sessions).toBe(2);
      expect(presences(fixture).map((message) => message.state)).toEqual([state({ page: 'pads' })]);
    });

    it('says nothing before it is given a state', async () => {
      const fixture = await connected();
      await fixture.time.advance(1000);
      expect(presences(fixture)).toEqual([]);
    });
  });
});
