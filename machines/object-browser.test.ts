import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { FakeLive, settle } from '../fake-live/fake-live';
import { objectBrowserMachine, type BrowseFor } from './object-browser';

const ref = (id: number, type: string) => ({ $ref: id, type, path: null });

function liveSet(): FakeLive {
  return new FakeLive()
    .define('live_set', {
      $type: 'Song',
      tempo: 120,
      tracks: [ref(2, 'Track'), ref(3, 'Track')],
      return_tracks: [ref(4, 'Track')],
      master_track: ref(5, 'Track'),
      scenes: [ref(6, 'Scene')],
    })
    .define('live_set tracks 0', { name: 'Drums', devices: [], mixer_device: ref(7, 'MixerDevice') })
    .define('live_set tracks 1', {
      name: 'Bass',
      devices: [ref(8, 'Device')],
      mixer_device: ref(9, 'MixerDevice'),
      clip_slots: [ref(10, 'ClipSlot')],
    })
    .define('live_set return_tracks 0', { name: 'A-Reverb' })
    .define('live_set tracks 1 devices 0', {
      name: 'Saturator',
      parameters: [ref(11, 'DeviceParameter'), ref(12, 'DeviceParameter')],
    })
    .define('live_set tracks 1 devices 0 parameters 0', { name: 'Device On' })
    .define('live_set tracks 1 devices 0 parameters 1', { name: 'Drive' })
    .define('live_set tracks 1 mixer_device', {
      volume: ref(13, 'DeviceParameter'),
      panning: ref(14, 'DeviceParameter'),
      sends: [ref(15, 'DeviceParameter')],
    })
    .define('live_set tracks 1 mixer_device sends 0', { name: 'A-Reverb' });
}

function started(browseFor: BrowseFor = 'parameter', live = liveSet()) {
  const actor = createActor(objectBrowserMachine.provide({ actors: live.effects() }), { input: { browseFor } }).start();
  const shown = () => actor.getSnapshot().context.entries.map((entry) => `${entry.label}${entry.pickable ? ' •' : ''}`);
  return { live, actor, shown };
}

describe('objectBrowser', () => {
  it('offers the set’s tracks, returns and master by name, leaving out what leads to no parameter', async () => {
    const { actor, shown } = started();
    await settle();
    expect(actor.getSnapshot().matches('showing')).toBe(true);
    expect(shown()).toEqual(['Master', 'Drums', 'Bass', 'A-Reverb']);
  });

  it('goes down to a device’s parameters and a mixer’s, which are picked; the trail leads back', async () => {
    const { actor, shown } = started();
    await settle();
    actor.send({ type: 'ui.open', path: 'live_set tracks 1', label: 'Bass' });
    await settle();
    expect(shown()).toEqual(['Mixer', 'Saturator']);
    actor.send({ type: 'ui.open', path: 'live_set tracks 1 devices 0', label: 'Saturator' });
    await settle();
    expect(shown()).toEqual(['Device On •', 'Drive •']);
    expect(actor.getSnapshot().context.entries[1]?.path).toBe('live_set tracks 1 devices 0 parameters 1');
    actor.send({ type: 'ui.open', path: 'live_set tracks 1', label: 'Bass' });
    await settle();
    expect(actor.getSnapshot().context.trail.map((step) => step.label)).toEqual(['Set', 'Bass']);
    actor.send({ type: 'ui.open', path: 'live_set tracks 1 mixer_device', label: 'Mixer' });
    await settle();
    expect(shown()).toEqual(['Volume •', 'Pan •', 'A-Reverb •']);
  });

  it('offers only tracks, to be picked, for a track’s widget', async () => {
    const { shown } = started('track');
    await settle();
    expect(shown()).toEqual(['Drums •', 'Bass •']);
  });

  it('says what failed and tries again when asked', async () => {
    const live = liveSet();
    const { actor, shown } = started('parameter', live);
    await settle();
    actor.send({ type: 'ui.open', path: 'live_set tracks 7', label: 'Gone' });
    await settle();
    expect(actor.getSnapshot().matches('failed')).toBe(true);
    expect(actor.getSnapshot().context.error).toMatch(/does not exist/);
    live.define('live_set tracks 7', { name: 'Back', devices: [], mixer_device: ref(20, 'MixerDevice') });
    actor.send({ type: 'ui.retry' });
    await settle();
    expect(shown()).toEqual(['Mixer']);
  });
});
