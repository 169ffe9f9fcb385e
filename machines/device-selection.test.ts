import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { FakeLive, inertEffects, settle } from '../fake-live/fake-live';
import { defineSelection } from '../fake-live/selection';
import { defineSong, defineTrack, ref } from '../fake-live/set-builder';
import { LinkError } from '../link/errors';
import { deviceSelectionMachine, refArgument } from './device-selection';
import { after, coverage, failure, type PathEvent } from './graph-coverage';

/** Tracks 1 (devices 10, 11) and 2 (device 20), return 3 (no devices), master 4; track 1 selected. */
function liveWithSelection(): FakeLive {
  const live = new FakeLive();
  defineSong(live, { tracks: [1, 2], returns: [3], master: 4, scenes: [] });
  defineTrack(live, 1, { name: 'Drums', color: 1, devices: [10, 11] });
  defineTrack(live, 2, { name: 'Bass', color: 2, devices: [20] });
  defineTrack(live, 3, { name: 'A-Reverb', color: 3, armable: false });
  defineTrack(live, 4, { name: 'Main', color: 4, armable: false });
  return defineSelection(live);
}

function start(live: FakeLive) {
  return createActor(deviceSelectionMachine.provide({ actors: live.effects() }), { input: {} }).start();
}

describe('deviceSelection', () => {
  it("follows Live's selected track and that track's selected device", async () => {
    const live = liveWithSelection();
    const actor = start(live);
    await settle();
    expect(actor.getSnapshot().context).toMatchObject({ track: 'id 1', device: 'id 10' });
    expect(actor.getSnapshot().hasTag('following')).toBe(true);

    live.change('id 1 view', 'selected_device', ref(11, 'Device'));
    expect(actor.getSnapshot().context.device).toBe('id 11');

    live.change('live_set view', 'selected_track', ref(2, 'Track'));
    await settle();
    expect(actor.getSnapshot().context).toMatchObject({ track: 'id 2', device: 'id 20' });
    // the first track's view is no longer observed: its changes are not this track's device
    expect(live.watching('id 1 view', 'selected_device')).toBe(0);
    live.change('id 1 view', 'selected_device', ref(10, 'Device'));
    expect(actor.getSnapshot().context.device).toBe('id 20');

    live.change('live_set view', 'selected_track', ref(3, 'Track'));
    await settle();
    expect(actor.getSnapshot().context).toMatchObject({ track: 'id 3', device: null });
    actor.stop();
  });

  it('selects a track, and a device (with its track first when Live has another selected)', async () => {
    const live = liveWithSelection();
    const actor = start(live);
    await settle();
    actor.send({ type: 'ui.selectTrack', track: 'id 2' });
    await settle();
    expect(live.calls).toEqual(['set live_set view selected_track {"$ref":2}']);
    expect(actor.getSnapshot().context.track).toBe('id 2');

    live.calls.length = 0;
    actor.send({ type: 'ui.selectDevice', device: 'id 11', track: 'id 1' });
    await settle();
    expect(live.calls).toEqual([
      'set live_set view selected_track {"$ref":1}',
      'call live_set view select_device [{"$ref":11}]',
    ]);
    expect(actor.getSnapshot().context).toMatchObject({ track: 'id 1', device: 'id 11', refused: null });

    live.calls.length = 0;
    actor.send({ type: 'ui.selectDevice', device: 'id 10', track: 'id 1' });
    await settle();
    expect(live.calls).toEqual(['call live_set view select_device [{"$ref":10}]']);
    expect(actor.getSnapshot().context.device).toBe('id 10');
    actor.stop();
  });

  it('says when Live refuses a selection, and what cannot be selected at all', async () => {
    const live = liveWithSelection();
    const actor = start(live);
    await settle();
    actor.send({ type: 'ui.selectDevice', device: 'id 99', track: null });
    await settle();
    expect(actor.getSnapshot().context.refused).toMatch(/no device/);
    actor.send({ type: 'ui.selectTrack', track: 'live_set tracks 0' });
    expect(actor.getSnapshot().context.refused).toBe('live_set tracks 0 cannot be selected in Live');
    actor.send({ type: 'ui.selectTrack', track: 'id 2' });
    await settle();
    expect(actor.getSnapshot().context.refused).toBeNull();
    expect(actor.getSnapshot().status).toBe('active');
    actor.stop();
  });

  it('fails when the selection cannot be followed, and follows again after a retry', async () => {
    const live = liveWithSelection();
    live.failures.set('live_set view selected_track', new LinkError('timeout', 'Live did not answer'));
    const actor = start(live);
    await settle();
    expect(actor.getSnapshot().hasTag('failed')).toBe(true);
    expect(actor.getSnapshot().context.error?.code).toBe('timeout');
    live.failures.clear();
    actor.send({ type: 'ui.retry' });
    await settle();
    expect(actor.getSnapshot().context).toMatchObject({ track: 'id 1', device: 'id 10', error: null });
    actor.stop();
  });

  it('turns targets into reference arguments', () => {
    expect(refArgument('id 42')).toEqual({ $ref: 42 });
    expect(refArgument('live_set tracks 0')).toBeNull();
    expect(refArgument('id 0')).toBeNull();
  });

  it('reaches every state node, and every path replays on a real actor', () => {
    const machine = deviceSelectionMachine.provide({ actors: inertEffects() });
    const events: PathEvent<typeof machine>[] = [
      { type: 'live.value', key: 'track', value: ref(1, 'Track') },
      { type: 'live.value', key: 'track', value: null },
      { type: 'live.value', key: 'device', value: ref(10, 'Device') },
      failure('observe.track', new LinkError('timeout', 'x')),
      failure('observe.device', new LinkError('gone', 'x')),
      { type: 'ui.retry' },
      after('retryDelay', 'deviceSelection.failed'),
    ];
    expect(coverage(machine, events, {}, machine).unreached).toEqual([]);
  });
});
