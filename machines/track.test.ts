import { createActor } from 'xstate';
import { describe, expect, it } from 'vitest';
import { fakeSet } from './fake-set';
import { childOf, inertEffects, settle } from './fake-live';
import { coverage } from './graph-coverage';
import { provideMachines } from './provide';
import { expectedKeys, trackMachine } from './track';
import { LinkError } from '../link/errors';

describe('trackMachine', () => {
  it('observes a track and toggles arm, mute and solo in Live', async () => {
    const live = fakeSet();
    const actor = createActor(provideMachines(live.effects()).track, {
      input: { track: 'id 1', kind: 'track' },
    }).start();
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

  it('follows the output meters without waiting for them, and shows silence when they cannot be read', async () => {
    const live = fakeSet();
    live.define('id 1', { output_meter_left: 0.5, output_meter_right: 0.25 });
    const actor = createActor(provideMachines(live.effects()).track, {
      input: { track: 'id 1', kind: 'track' },
    }).start();
    await settle();
    expect(actor.getSnapshot().context.meter).toEqual([0.5, 0.25]);
    live.change('id 1', 'output_meter_left', 0.75);
    expect(actor.getSnapshot().context.meter).toEqual([0.75, 0.25]);
    live.breakObservation('id 1', 'output_meter_right', new LinkError('live_error', 'no meter'));
    expect(actor.getSnapshot().context.meter).toEqual([0, 0]);
    expect(actor.getSnapshot().hasTag('settled')).toBe(true);

    // a track whose meters Live does not give settles all the same
    const bare = fakeSet();
    const props = bare.objects.get('id 2') ?? {};
    delete props.output_meter_left;
    delete props.output_meter_right;
    const other = createActor(provideMachines(bare.effects()).track, {
      input: { track: 'id 2', kind: 'track' },
    }).start();
    await settle();
    expect(other.getSnapshot().hasTag('settled')).toBe(true);
    expect(other.getSnapshot().context.meter).toEqual([0, 0]);
  });

  it('loads again on a retry after failing, with fresh mixer actors', async () => {
    const live = fakeSet();
    live.failures.set('id 1 name', new LinkError('live_error', 'Live refused'));
    const actor = createActor(provideMachines(live.effects()).track, {
      input: { track: 'id 1', kind: 'track' },
    }).start();
    await settle();
    expect(actor.getSnapshot().hasTag('failed')).toBe(true);
    expect(actor.getSnapshot().context.error?.message).toBe('Live refused');
    live.failures.delete('id 1 name');
    actor.send({ type: 'ui.retry' });
    await settle();
    expect(actor.getSnapshot().hasTag('settled')).toBe(true);
    expect(actor.getSnapshot().context).toMatchObject({ name: 'Drums', error: null });
    expect(childOf(actor.getSnapshot(), 'volume')?.getSnapshot().status).toBe('active');
  });

  it('watches only what a master has', async () => {
    const live = fakeSet();
    const actor = createActor(provideMachines(live.effects()).track, {
      input: { track: 'id 4', kind: 'master' },
    }).start();
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
      { type: 'ui.retry' },
      ...['name', 'color', 'devices', 'mute', 'solo', 'arm', 'playing_slot', 'fired_slot'].map((key) => ({
        type: 'live.value',
        key,
        value: 0,
      })),
    ];
    const summary = (c: { received: string[]; canBeArmed: boolean }) => [c.received.length, c.canBeArmed];
    // the regions a track has and a master lacks: both kinds together reach every node
    const asTrack = coverage(machine, events as never, { track: 'id 1', kind: 'track' }, machine, summary as never);
    const asMaster = coverage(machine, events as never, { track: 'id 4', kind: 'master' }, machine, summary as never);
    expect(asTrack.unreached.filter((id) => !asMaster.reached.includes(id))).toEqual([]);
  });
});
