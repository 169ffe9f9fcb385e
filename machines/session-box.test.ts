import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { FakeLive } from '../fake-live/fake-live';
import { sessionBoxMachine, visibleBox } from './session-box';

const view = { scrollLeft: 0, scrollTop: 0, viewWidth: 600, viewHeight: 400, columnWidth: 100, rowHeight: 50 };

describe('the session box', () => {
  it('tells Live each box the grid shows, and hides it when the grid goes away', () => {
    const live = new FakeLive();
    const actor = createActor(sessionBoxMachine.provide({ actors: live.effects() })).start();
    const box = { track_offset: 2, scene_offset: 1, width: 6, height: 8 };
    actor.send({ type: 'box.moved', box });
    expect(live.sessionBox).toEqual(box);
    actor.stop();
    expect(live.sessionBox).toBeNull();
  });

  it('counts the tracks and scenes at least half in view', () => {
    expect(visibleBox({ ...view, tracks: 8, scenes: 8 })).toEqual({
      track_offset: 0,
      scene_offset: 0,
      width: 6,
      height: 8,
    });
    // scrolled by 1.6 columns and 2.4 rows: the second track is mostly gone, the third scene mostly shows
    expect(visibleBox({ ...view, scrollLeft: 160, scrollTop: 120, tracks: 12, scenes: 20 })).toEqual({
      track_offset: 2,
      scene_offset: 2,
      width: 6,
      height: 8,
    });
  });

  it('never reaches past the set, and is null for an empty one', () => {
    expect(visibleBox({ ...view, scrollLeft: 900, tracks: 10, scenes: 3 })).toEqual({
      track_offset: 9,
      scene_offset: 0,
      width: 1,
      height: 3,
    });
    expect(visibleBox({ ...view, tracks: 0, scenes: 8 })).toBeNull();
    expect(visibleBox({ ...view, columnWidth: 0, tracks: 4, scenes: 8 })).toBeNull();
  });
});
