import { describe, expect, it } from 'vitest';
import { createActor, getInitialSnapshot, SimulatedClock } from 'xstate';
import { FakeLive, inertEffects, settle } from '../fake-live/fake-live';
import type { LinkState } from '../link/live-link';
import type { PresentClient } from '../protocol/src/index';
import { after, coverage, nextSnapshot, type PathEvent } from './graph-coverage';
import {
  presenceStateOf,
  RTT_EVERY_MS,
  tabletName,
  tabletPresenceMachine,
  type TabletPresenceInput,
} from './tablet-presence';

const linkState = (rttMean: number | null): LinkState => ({
  status: 'online',
  live: null,
  midi: null,
  sessions: 1,
  rtt: rttMean === null ? null : { last: rttMean, mean: rttMean, jitter: 0.2, samples: 3 },
  slow: false,
  locked: false,
  pages: [],
  presence: [],
});

const ALICE: PresentClient = {
  client: 2,
  self: false,
  name: 'Alice',
  color: '#3f9fe0',
  page: 'mixer',
  rtt_ms: 3,
  holding: [{ object: 101, since: 7 }],
  selection: null,
};

function started(input: TabletPresenceInput = { name: 'Bob', color: '#e0a030', page: 'session' }) {
  const live = new FakeLive();
  const clock = new SimulatedClock();
  const actor = createActor(tabletPresenceMachine.provide({ actors: live.effects() }), { input, clock }).start();
  return { live, clock, actor };
}

describe('tabletPresence', () => {
  it('tells the bridge who this tablet is and which page it shows, at once', () => {
    const { live, actor } = started();
    expect(live.presented).toEqual([
      { name: 'Bob', color: '#e0a030', page: 'session', rtt_ms: null, holding: [], selection: null },
    ]);
    actor.send({ type: 'app.page', page: 'keys' });
    expect(live.presented.at(-1)?.page).toBe('keys');
    actor.stop();
  });

  it('tells at once what its parameter actors’ touches hold (the `hold` effect), and only when it changes', () => {
    const { live, actor } = started();
    const told = live.presented.length;
    const release = live.held.hold(303);
    expect(live.presented.at(-1)?.holding).toEqual([303]);
    expect(live.presented).toHaveLength(told + 1);
    release();
    expect(live.presented.at(-1)?.holding).toEqual([]);
    expect(live.presented).toHaveLength(told + 2);
    actor.stop();
  });

  it('tells each hold and release at once, a parameter held by two controls until both let go', () => {
    const { live, actor } = started();
    actor.send({ type: 'presence.hold', object: 101 });
    expect(live.presented.at(-1)?.holding).toEqual([101]);
    actor.send({ type: 'presence.hold', object: 202 });
    actor.send({ type: 'presence.hold', object: 101 });
    expect(live.presented.at(-1)?.holding).toEqual([101, 202]);
    actor.send({ type: 'presence.release', object: 101 });
    expect(live.presented.at(-1)?.holding).toEqual([101, 202]);
    actor.send({ type: 'presence.release', object: 101 });
    actor.send({ type: 'presence.release', object: 999 });
    expect(live.presented.at(-1)?.holding).toEqual([202]);
    // the fake bridge stamps this tablet's holds: the others see it hold 202
    expect(live.presenceList[0]).toMatchObject({ self: true, name: 'Bob', holding: [{ object: 202 }] });
    actor.stop();
  });

  it('tells the notes it selects, at once', () => {
    const { live, actor } = started();
    actor.send({ type: 'presence.select', selection: { clip: 2010, notes: [4, 5] } });
    expect(live.presented.at(-1)?.selection).toEqual({ clip: 2010, notes: [4, 5] });
    actor.send({ type: 'presence.select', selection: null });
    expect(live.presented.at(-1)?.selection).toBeNull();
    actor.stop();
  });

  it('tells a new round trip after a while, or sooner with another change', () => {
    const { live, clock, actor } = started();
    live.link(linkState(4.44));
    live.link(linkState(5.01));
    expect(live.presented).toHaveLength(1);
    clock.increment(RTT_EVERY_MS - 1);
    expect(live.presented).toHaveLength(1);
    clock.increment(1);
    expect(live.presented.map((state) => state.rtt_ms)).toEqual([null, 5]);
    // the same round trip (to a tenth) is no news
    live.link(linkState(5.02));
    clock.increment(RTT_EVERY_MS);
    expect(live.presented).toHaveLength(2);
    // a hold takes the waiting round trip along, and the wait ends
    live.link(linkState(7.3));
    actor.send({ type: 'presence.hold', object: 1 });
    expect(live.presented.at(-1)).toMatchObject({ rtt_ms: 7.3, holding: [1] });
    clock.increment(RTT_EVERY_MS);
    expect(live.presented).toHaveLength(3);
    actor.stop();
  });

  it('takes "Tablet N" from the bridge’s number when it has no name kept, and tells nothing before', async () => {
    const live = new FakeLive();
    live.presence([ALICE]);
    const actor = createActor(tabletPresenceMachine.provide({ actors: live.effects() }), {
      input: { name: null, color: '#e0a030' },
    }).start();
    await settle();
    // the fake bridge lists this tablet as client 1 from the start
    expect(actor.getSnapshot().context.name).toBe('Tablet 1');
    expect(actor.getSnapshot().hasTag('named')).toBe(true);
    expect(live.presented.map((state) => state.name)).toEqual(['Tablet 1']);
    actor.stop();
  });

  it('keeps what changes while unnamed, and tells it with its first name', () => {
    const machine = tabletPresenceMachine.provide({ actors: inertEffects() });
    const input = { name: null, color: '#e0a030' };
    let snapshot = getInitialSnapshot(machine, input);
    expect(snapshot.value).toBe('naming');
    for (const event of [
      { type: 'app.page', page: 'pads' },
      { type: 'presence.hold', object: 9 },
      { type: 'ui.rename', name: '   ' },
      { type: 'ui.recolor', color: 'red' },
      { type: 'ui.recolor', color: '#10c070' },
    ] as const)
      snapshot = nextSnapshot(machine, snapshot, event);
    expect(snapshot.value).toBe('naming');
    snapshot = nextSnapshot(machine, snapshot, { type: 'ui.rename', name: '  Carol ' });
    expect(snapshot.value).toEqual({ present: 'steady' });
    expect(presenceStateOf(snapshot.context)).toEqual({
      name: 'Carol',
      color: '#10c070',
      page: 'pads',
      rtt_ms: null,
      holding: [9],
      selection: null,
    });
  });

  it('is renamed and recolored by the musician, refusing an empty name and a color that is none', () => {
    const { live, actor } = started();
    actor.send({ type: 'ui.rename', name: 'Bass player' });
    actor.send({ type: 'ui.rename', name: '' });
    actor.send({ type: 'ui.recolor', color: '#c04080' });
    actor.send({ type: 'ui.recolor', color: 'pink' });
    expect(live.presented.map((state) => [state.name, state.color])).toEqual([
      ['Bob', '#e0a030'],
      ['Bass player', '#e0a030'],
      ['Bass player', '#c04080'],
    ]);
    actor.stop();
  });

  it('keeps who is connected, as the bridge tells', async () => {
    const { live, actor } = started();
    live.presence([ALICE]);
    await settle();
    expect(actor.getSnapshot().context.clients.map((client) => client.name)).toEqual(['Bob', 'Alice']);
    actor.stop();
  });

  it('keeps to what the bridge takes: a name of 40 characters, 24 holds (the newest), 2000 notes', () => {
    expect(tabletName(` ${'x'.repeat(50)} `)).toBe('x'.repeat(40));
    expect(tabletName(' \t ')).toBeNull();
    const machine = tabletPresenceMachine.provide({ actors: inertEffects() });
    let snapshot = getInitialSnapshot(machine, { name: 'Bob', color: '#e0a030' });
    for (let object = 1; object <= 30; object += 1)
      snapshot = nextSnapshot(machine, snapshot, { type: 'presence.hold', object });
    const notes = Array.from({ length: 2500 }, (_, index) => index);
    snapshot = nextSnapshot(machine, snapshot, { type: 'presence.select', selection: { clip: 1, notes } });
    const state = presenceStateOf(snapshot.context);
    expect(state?.holding).toHaveLength(24);
    expect(state?.holding[0]).toBe(7);
    expect(state?.selection?.notes).toHaveLength(2000);
  });

  it('reaches every state node, and every path replays on a real actor', () => {
    const machine = tabletPresenceMachine.provide({ actors: inertEffects() });
    const events: PathEvent<typeof machine>[] = [
      { type: 'presence.clients', clients: [{ ...ALICE, self: true }] },
      { type: 'ui.rename', name: 'Dan' },
      { type: 'presence.hold', object: 5 },
      { type: 'link.state', state: linkState(3) },
      after('rttDelay', 'tabletPresence.present.rttDue'),
    ];
    const result = coverage(machine, events, { name: null, color: '#e0a030' }, machine);
    expect(result.unreached).toEqual([]);
  });
});
