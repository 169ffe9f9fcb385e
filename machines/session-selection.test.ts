import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { FakeLive, settle } from '../fake-live/fake-live';
import { fakeSet, ref } from '../fake-live/test-sets';
import { LinkError } from '../link/errors';
import { sessionSelectionMachine } from './session-selection';

function started(live: FakeLive = fakeSet()) {
  const actor = createActor(sessionSelectionMachine.provide({ actors: live.effects() })).start();
  return { live, actor };
}

describe('sessionSelectionMachine', () => {
  it('follows Live’s selected track and scene', async () => {
    const { live, actor } = started();
    await settle();
    expect(actor.getSnapshot().context).toMatchObject({ track: 'id 1', scene: 'id 31' });
    live.change('live_set view', 'selected_scene', ref(32, 'Scene'));
    expect(actor.getSnapshot().context.scene).toBe('id 32');
  });

  it('selects a track, and highlights a slot, by reference', async () => {
    const { live, actor } = started();
    actor.send({ type: 'ui.selectTrack', track: 'id 2' });
    await settle();
    expect(live.calls).toEqual(['set live_set view selected_track {"$ref":2}']);
    expect(actor.getSnapshot().context.track).toBe('id 2');
    actor.send({ type: 'ui.selectSlot', slot: 'id 12' });
    await settle();
    expect(live.calls.at(-1)).toBe('set live_set view highlighted_clip_slot {"$ref":12}');
  });

  it('says why Live refused a selection, and shows none when Live cannot tell it', async () => {
    const live = fakeSet();
    live.failures.set('live_set view selected_scene', new LinkError('not_found', 'no selected_scene here'));
    const { actor } = started(live);
    await settle();
    expect(actor.getSnapshot().hasTag('unavailable')).toBe(true);
    expect(actor.getSnapshot().context).toMatchObject({ track: null, scene: null, error: 'no selected_scene here' });
  });
});
