import { createActor } from 'xstate';
import { describe, expect, it } from 'vitest';
import { fakeSet } from '../fake-live/test-sets';
import { childOf, inertEffects, settle } from '../fake-live/fake-live';
import { coverage, done, failure, type PathEvent } from './graph-coverage';
import { provideMachines } from './provide';
import { expectedKeys, trackMachine } from './track';
import { LinkError } from '../link/errors';
import type { LiveValue } from './effects';

describe('trackMachine', () => {
  it('observes a track and toggles arm, mute and solo in Live', async () => {
    const live = fakeSet();
    const machines = provideMachines(live.effects());
    const actor = createActor(machines.track, {
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
    actor.send({ type: 'ui.watchMixer' });
    const volume = childOf(actor.getSnapshot(), 'volume', machines.parameter);
    await settle();
    expect(volume?.getSnapshot().context).toMatchObject({ name: 'Track Volume', value: 0.85 });
  });

  it('has its name and color from its first read, before the mixer and the observations', async () => {
    const live = fakeSet();
    // the mixer's read fails: nothing after the first read happens
    live.failures.set('id 1 mixer_device sends', new LinkError('live_error', 'no mixer'));
    const machines = provideMachines(live.effects());
    const actor = createActor(machines.track, { input: { track: 'id 1', kind: 'track' } }).start();
    await settle();
    expect(actor.getSnapshot().hasTag('failed')).toBe(true);
    expect(live.watching('id 1', 'name')).toBe(0);
    expect(actor.getSnapshot().context).toMatchObject({ name: 'Drums', color: live.objects.get('id 1')?.color });
  });

  it('says whether it is a group track and which group holds it; a return is asked neither', async () => {
    const live = fakeSet();
    live.define('id 1', { is_foldable: true });
    live.define('id 2', { group_track: { $ref: 1, type: 'Track', path: 'live_set tracks 0' } });
    const machines = provideMachines(live.effects());
    const group = createActor(machines.track, { input: { track: 'id 1', kind: 'track' } }).start();
    const grouped = createActor(machines.track, { input: { track: 'id 2', kind: 'track' } }).start();
    await settle();
    expect(group.getSnapshot().context).toMatchObject({ group: true, groupTrack: null });
    expect(grouped.getSnapshot().context).toMatchObject({ group: false, groupTrack: 'id 1' });
    // a return's read would fail on these: it never asks
    live.failures.set('id 3 is_foldable', new LinkError('live_error', 'no such property'));
    live.failures.set('id 3 group_track', new LinkError('live_error', 'no such property'));
    const asReturn = createActor(machines.track, { input: { track: 'id 3', kind: 'return' } }).start();
    await settle();
    expect(asReturn.getSnapshot().hasTag('settled')).toBe(true);
  });

  it('loads its mixer and follows its meters only while a view shows them', async () => {
    const live = fakeSet();
    live.define('id 1', { output_meter_left: 0.5, output_meter_right: 0.25 });
    const machines = provideMachines(live.effects());
    const actor = createActor(machines.track, { input: { track: 'id 1', kind: 'track' } }).start();
    await settle();
    expect(actor.getSnapshot().hasTag('settled')).toBe(true);
    expect(childOf(actor.getSnapshot(), 'volume', machines.parameter)).toBeUndefined();
    expect(live.watching('id 1', 'output_meter_left')).toBe(0);
    expect(live.calls.filter((call) => call.includes('mixer_device volume'))).toEqual([]);

    // two views show it: one leaving keeps it shown
    actor.send({ type: 'ui.watchMixer' });
    actor.send({ type: 'ui.watchMixer' });
    await settle();
    const volume = childOf(actor.getSnapshot(), 'volume', machines.parameter);
    expect(volume?.getSnapshot().context).toMatchObject({ name: 'Track Volume', value: 0.85 });
    expect(actor.getSnapshot().context.meter).toEqual([0.5, 0.25]);
    actor.send({ type: 'ui.unwatchMixer' });
    live.change('id 1', 'output_meter_left', 0.75);
    expect(actor.getSnapshot().context.meter).toEqual([0.75, 0.25]);

    // none shows it: the meters stop at silence, the parameters stay loaded for the next view
    actor.send({ type: 'ui.unwatchMixer' });
    expect(live.watching('id 1', 'output_meter_left')).toBe(0);
    expect(actor.getSnapshot().context.meter).toEqual([0, 0]);
    live.change('id 1', 'output_meter_left', 0.6);
    expect(actor.getSnapshot().context.meter).toEqual([0, 0]);
    actor.send({ type: 'ui.unwatchMixer' }); // one too many changes nothing
    actor.send({ type: 'ui.watchMixer' });
    await settle();
    expect(childOf(actor.getSnapshot(), 'volume', machines.parameter)).toBe(volume);
    expect(actor.getSnapshot().context.meter).toEqual([0.6, 0.25]);
  });

  it('follows the output meters without waiting for them, and shows silence when they cannot be read', async () => {
    const live = fakeSet();
    live.define('id 1', { output_meter_left: 0.5, output_meter_right: 0.25 });
    const actor = createActor(provideMachines(live.effects()).track, {
      input: { track: 'id 1', kind: 'track' },
    }).start();
    actor.send({ type: 'ui.watchMixer' });
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
    other.send({ type: 'ui.watchMixer' });
    await settle();
    expect(other.getSnapshot().hasTag('settled')).toBe(true);
    expect(other.getSnapshot().context.meter).toEqual([0, 0]);
  });

  it('loads again on a retry after failing, with fresh mixer actors', async () => {
    const live = fakeSet();
    live.failures.set('id 1 name', new LinkError('live_error', 'Live refused'));
    const machines = provideMachines(live.effects());
    const actor = createActor(machines.track, {
      input: { track: 'id 1', kind: 'track' },
    }).start();
    actor.send({ type: 'ui.watchMixer' });
    await settle();
    expect(actor.getSnapshot().hasTag('failed')).toBe(true);
    expect(actor.getSnapshot().context.error?.message).toBe('Live refused');
    live.failures.delete('id 1 name');
    actor.send({ type: 'ui.retry' });
    await settle();
    expect(actor.getSnapshot().hasTag('settled')).toBe(true);
    expect(actor.getSnapshot().context).toMatchObject({ name: 'Drums', error: null });
    expect(childOf(actor.getSnapshot(), 'volume', machines.parameter)?.getSnapshot().status).toBe('active');
  });

  it('carries on when Live refuses a command', async () => {
    const live = fakeSet().on('stop_all_clips', () => {
      throw new LinkError('live_error', 'stop_all_clips: refused');
    });
    const actor = createActor(provideMachines(live.effects()).track, {
      input: { track: 'id 1', kind: 'track' },
    }).start();
    await settle();
    actor.send({ type: 'ui.stopClips' });
    actor.send({ type: 'ui.stopClips' });
    await settle();
    expect(live.calls.filter((call) => call.includes('stop_all_clips'))).toHaveLength(2);
    expect(actor.getSnapshot().status).toBe('active');
    expect(actor.getSnapshot().hasTag('settled')).toBe(true);
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
    const machine = trackMachine.provide({ actors: inertEffects() });
    const events: PathEvent<typeof machine>[] = [
      done('readTrack', { can_be_armed: true }),
      done('readTrack', { can_be_armed: false }),
      done('readSends', []),
      failure('readTrack', new Error('x')),
      failure('readSends', Object.assign(new Error('x'), { code: 'gone' })),
      { type: 'ui.retry' },
      { type: 'ui.watchMixer' },
      { type: 'ui.unwatchMixer' },
      ...['name', 'color', 'devices', 'mute', 'solo', 'arm', 'playing_slot', 'fired_slot'].map((key): LiveValue => ({
        type: 'live.value',
        key,
        value: 0,
      })),
    ];
    const summary = (c: { received: string[]; canBeArmed: boolean }) => [c.received.length, c.canBeArmed];
    // the regions a track has and a master lacks: both kinds together reach every node
    const asTrack = coverage(machine, events, { track: 'id 1', kind: 'track' }, machine, summary);
    const asMaster = coverage(machine, events, { track: 'id 4', kind: 'master' }, machine, summary);
    expect(asTrack.unreached.filter((id) => !asMaster.reached.includes(id))).toEqual([]);
  });
});
