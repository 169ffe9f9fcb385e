import { createActor } from 'xstate';
import { describe, expect, it } from 'vitest';
import { fakeSet } from './fake-set';
import { childOf, inertEffects, settle } from './fake-live';
import { coverage } from './graph-coverage';
import { provideMachines } from './provide';
import { expectedKeys, trackMachine } from './track';

describe('trackMachine', () => {
  it('observes a track and toggles arm, mute and solo in Live', async () => {
    const live = fakeSet();
    const actor = createActor(provideMachines(live.effects()).track, { input: { track: 'id 1', kind: 'track' } }).start();
    await settle();
    expect(actor.getSnapshot().hasTag('settled')).toBe(true);
    actor.send({ type: 'ui.arm' });
    actor.send({ type: 'ui.mute' });
    await settle();
    expect(actor.getSnapshot().context).toMatchObject({ name: 'Drums', arm: true, mute: true, solo: false });
    live.change('id 1', 'playing_slot_index', 1);
    expect(actor.getSnapshot().context.playingSlot).toBe(1);
    const volume = childOf(actor.getSnapshot(), 'volume');
    await settle();
    expect(volume?.getSnapshot().context).toMatchObject({ name: 'Track Volume', value: 0.85 });
  });

  it('watches only what a master has', async () => {
    const live = fakeSet();
    const actor = createActor(provideMachines(live.effects()).track, { input: { track: 'id 4', kind: 'master' } }).start();
    await settle();
    expect(actor.getSnapshot().hasTag('settled')).toBe(true);
    expect(expectedKeys(actor.getSnapshot().context)).toEqual(['name', 'color', 'devices']);
    expect(live.watching('id 4', 'mute')).toBe(0);
    expect(live.watching('id 4', 'arm')).toBe(0);
  });

  it('reaches every state node, and every path replays on a real actor', () => {
    const machine = trackMachine.provide({ actors: inertEffects() as never });
    const events = [
      { type: 'xstate.done.actor.readTrack', output: { can_be_armed: true } },
      { type: 'xstate.done.actor.readTrack', output: { can_be_armed: false } },
      { type: 'xstate.done.actor.readSends', output: [] },
      { type: 'xstate.error.actor.readTrack', error: new Error('x') },
      { type: 'xstate.error.actor.readSends', error: Object.assign(new Error('x'), { code: 'gone' }) },
      ...['name', 'color', 'devices', 'mute', 'solo', 'arm', 'playing_slot', 'fired_slot'].map((key) => ({ type: 'live.value', key, value: 0 })),
    ];
    const summary = (c: { received: string[]; canBeArmed: boolean }) => [c.received.length, c.canBeArmed];
    // the regions a track has and a master lacks: both kinds together reach every node
    const asTrack = coverage(machine, events as never, { track: 'id 1', kind: 'track' }, machine, summary as never);
    const asMaster = coverage(machine, events as never, { track: 'id 4', kind: 'master' }, machine, summary as never);
    expect(asTrack.unreached.filter((id) => !asMaster.reached.includes(id))).toEqual([]);
  });
});
