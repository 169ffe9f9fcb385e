import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { FakeLive, inertEffects, settle } from '../fake-live/fake-live';
import { ref } from '../fake-live/set-builder';
import { LinkError } from '../link/errors';
import { clipSelectionMachine } from './clip-selection';
import { after, coverage, done, failure, type PathEvent } from './graph-coverage';

function liveView(): FakeLive {
  return new FakeLive().define('live_set view', {
    detail_clip: ref(2010, 'Clip'),
    selected_track: ref(1, 'Track'),
    selected_scene: ref(41, 'Scene'),
    highlighted_clip_slot: ref(1010, 'ClipSlot'),
  });
}

describe('clipSelection', () => {
  it('follows the clip in Live detail view and the highlighted slot, read again as the selection moves', async () => {
    const live = liveView();
    const actor = createActor(clipSelectionMachine.provide({ actors: live.effects() }), { input: {} }).start();
    await settle();
    expect(actor.getSnapshot().context).toMatchObject({ clip: 'id 2010', slot: 'id 1010' });
    live.define('live_set view', { highlighted_clip_slot: ref(1013, 'ClipSlot') });
    live.change('live_set view', 'selected_scene', ref(44, 'Scene'));
    await settle();
    expect(actor.getSnapshot().context.slot).toBe('id 1013');
    live.change('live_set view', 'detail_clip', null);
    expect(actor.getSnapshot().context.clip).toBeNull();
    actor.stop();
  });

  it('reaches every state node, and every path replays on a real actor', () => {
    const machine = clipSelectionMachine.provide({ actors: inertEffects() });
    const events: PathEvent<typeof machine>[] = [
      done('slot', ref(1010, 'ClipSlot')),
      failure('slot', new LinkError('live_error', 'x')),
      { type: 'live.value', key: 'scene', value: null },
      { type: 'ui.retry' },
      after('retryDelay', 'clipSelection.failed'),
    ];
    expect(coverage(machine, events, {}, machine).unreached).toEqual([]);
  });
});
