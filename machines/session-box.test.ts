import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { FakeLive } from '../fake-live/fake-live';
import { sessionBoxMachine, visibleBox } from './session-box';

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

  const spans = (count: number, size: number, from = 0) =>
    Array.from({ length: count }, (_, index) => ({ start: from + index * size, end: from + (index + 1) * size }));
  const view = { x: { start: 0, end: 600 }, y: { start: 0, end: 400 } };

  it('counts the tracks and scenes at least half in view', () => {
    expect(visibleBox(view, spans(8, 100), spans(8, 50))).toEqual({
      track_offset: 0,
      scene_offset: 0,
      width: 6,
      height: 8,
    });
    // scrolled by 1.6 columns and 2.4 rows: the second track is mostly gone, the third scene mostly shows
    expect(visibleBox(view, spans(12, 100, -160), spans(20, 50, -120))).toEqual({
      track_offset: 2,
      scene_offset: 2,
      width: 6,
      height: 8,
    });
  });

  it('never reaches past the set, and is null when nothing shows', () => {
    expect(visibleBox(view, spans(10, 100, -900), spans(3, 50))).toEqual({
      track_offset: 9,
      scene_offset: 0,
      width: 1,
      height: 3,
    });
    expect(visibleBox(view, [], spans(8, 50))).toBeNull();
    expect(visibleBox(view, spans(4, 100, 700), spans(8, 50))).toBeNull();
  });
});
