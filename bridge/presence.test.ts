import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PresenceState, PresentClient } from '../protocol/src/index';
import { memoryLog } from './log';
import { Presence, type PresenceMember } from './presence';

class Member implements PresenceMember {
  readonly heard: PresentClient[][] = [];
  constructor(
    readonly id: number,
    readonly label = `client ${id} (10.0.0.${id})`,
  ) {}
  presenceChanged(clients: PresentClient[]): void {
    this.heard.push(clients);
  }
  /** The last list this member heard. */
  get list(): PresentClient[] {
    return this.heard.at(-1) ?? [];
  }
}

const state = (name: string, extra: Partial<PresenceState> = {}): PresenceState => ({
  name,
  color: '#e0a030',
  page: 'mixer',
  rtt_ms: 4.2,
  holding: [],
  selection: null,
  ...extra,
});

function setup() {
  const log = memoryLog();
  const presence = new Presence<Member>({ log, relayEveryMs: 30 });
  const settle = (): void => void vi.advanceTimersByTime(30);
  return { log, presence, settle };
}

describe('Presence', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  describe('#join', () => {
    it('lists a client from its hello, nothing said yet, and tells everyone', () => {
      const { presence, settle } = setup();
      const a = new Member(1);
      const b = new Member(2);
      presence.join(a);
      presence.join(b);
      settle();
      const nothing = { name: null, color: null, page: null, rtt_ms: null, holding: [], selection: null };
      expect(b.list).toEqual([
        { client: 1, self: false, ...nothing },
        { client: 2, self: true, ...nothing },
      ]);
      expect(a.list.map((client) => client.self)).toEqual([true, false]);
    });
  });

  describe('#say', () => {
    it('relays the latest state to every client, the receiver marked self', () => {
      const { presence, settle } = setup();
      const a = new Member(1);
      const b = new Member(2);
      presence.join(a);
      presence.join(b);
      presence.say(a, state('Alice', { page: 'pads', selection: { clip: 2010, notes: [7, 8] } }));
      settle();
      expect(b.list[0]).toEqual({
        client: 1,
        self: false,
        name: 'Alice',
        color: '#e0a030',
        page: 'pads',
        rtt_ms: 4.2,
        holding: [],
        selection: { clip: 2010, notes: [7, 8] },
      });
      expect(a.list[0]?.self).toBe(true);
    });

    it('stamps a hold when first listed, keeps the stamp while it stays, and stamps anew after a gap', () => {
      const { presence, settle } = setup();
      const a = new Member(1);
      const b = new Member(2);
      presence.join(a);
      presence.join(b);
      presence.say(a, state('Alice', { holding: [101] }));
      presence.say(b, state('Bob', { holding: [101] }));
      presence.say(a, state('Alice', { holding: [101, 102] }));
      settle();
      const holdsOf = (client: number) => b.list.find((listed) => listed.client === client)?.holding;
      expect(holdsOf(1)).toEqual([
        { object: 101, since: 1 },
        { object: 102, since: 3 },
      ]);
      // Bob touched 101 after Alice: his hold is the later one
      expect(holdsOf(2)).toEqual([{ object: 101, since: 2 }]);

      presence.say(a, state('Alice', { holding: [102] }));
      presence.say(a, state('Alice', { holding: [102, 101] }));
      settle();
      expect(holdsOf(1)).toEqual([
        { object: 102, since: 3 },
        { object: 101, since: 4 },
      ]);
    });

    it('lists an object held twice in one state once', () => {
      const { presence, settle } = setup();
      const a = new Member(1);
      presence.join(a);
      presence.say(a, state('Alice', { holding: [5, 5] }));
      settle();
      expect(a.list[0]?.holding).toEqual([{ object: 5, since: 1 }]);
    });

    it('tells nothing for a state that changes nothing, or from a client not greeted', () => {
      const { presence, settle } = setup();
      const a = new Member(1);
      presence.join(a);
      presence.say(a, state('Alice'));
      settle();
      const heard = a.heard.length;
      presence.say(a, state('Alice'));
      presence.say(new Member(9), state('Stranger'));
      settle();
      expect(a.heard.length).toBe(heard);
      expect(a.list.map((client) => client.client)).toEqual([1]);
    });

    it('logs a tablet’s name the first time it says it, and a new name', () => {
      const { presence, log } = setup();
      const a = new Member(3);
      presence.join(a);
      presence.say(a, state('Alice'));
      presence.say(a, state('Alice', { page: 'keys' }));
      presence.say(a, state('Alicia'));
      const lines = log.lines.map((line) => line.replace(/^\S+ /, ''));
      expect(lines).toEqual([
        'tablet "Alice" connected from client 3 (10.0.0.3)',
        'tablet "Alice" is now "Alicia" (client 3 (10.0.0.3))',
      ]);
    });
  });

  describe('#leave', () => {
    it('drops the client and its holds, tells the others, and logs a named tablet leaving', () => {
      const { presence, settle, log } = setup();
      const a = new Member(1);
      const b = new Member(2);
      const cli = new Member(3);
      presence.join(a);
      presence.join(b);
      presence.join(cli);
      presence.say(a, state('Alice', { holding: [101] }));
      settle();
      presence.leave(a);
      presence.leave(cli);
      settle();
      expect(b.list.map((client) => client.client)).toEqual([2]);
      expect(b.list.flatMap((client) => client.holding)).toEqual([]);
      expect(log.lines.at(-1)).toMatch(/tablet "Alice" left \(client 1 \(10\.0\.0\.1\)\)$/);
      expect(log.lines.filter((line) => line.includes('left'))).toHaveLength(1);
      // the one who left hears nothing more
      const heard = a.heard.length;
      presence.say(b, state('Bob'));
      settle();
      expect(a.heard.length).toBe(heard);
      expect(presence.size).toBe(1);
    });
  });

  describe('relaying', () => {
    it('sends a change at once, then coalesces a burst into one list per period, the latest last', () => {
      const { presence } = setup();
      const a = new Member(1);
      const b = new Member(2);
      presence.join(a);
      presence.join(b);
      vi.advanceTimersByTime(100);
      const before = b.heard.length;
      presence.say(a, state('Alice', { holding: [1] }));
      // the first change of a quiet spell goes at once: a hold shows on the other tablets now
      expect(b.heard.length).toBe(before + 1);
      for (let rtt = 1; rtt <= 20; rtt += 1) presence.say(a, state('Alice', { holding: [1], rtt_ms: rtt }));
      expect(b.heard.length).toBe(before + 1);
      vi.advanceTimersByTime(30);
      expect(b.heard.length).toBe(before + 2);
      expect(b.list[0]?.rtt_ms).toBe(20);
      vi.advanceTimersByTime(100);
      expect(b.heard.length).toBe(before + 2);
    });
  });

  describe('#summary', () => {
    it('says who is connected, on which page, with which round trip', () => {
      const { presence } = setup();
      const a = new Member(1);
      const b = new Member(2);
      presence.join(a);
      presence.join(b);
      presence.say(b, state('Bob', { page: 'keys', rtt_ms: 12 }));
      expect(presence.summary()).toEqual([
        { client: 1, name: null, page: null, rtt_ms: null },
        { client: 2, name: 'Bob', page: 'keys', rtt_ms: 12 },
      ]);
    });
  });
});
