import { createActor, sendTo, setup, SimulatedClock } from 'xstate';
import { describe, expect, it } from 'vitest';
import { LinkError } from '../link/errors';
import { FakeLive, inertEffects, settle } from '../fake-live/fake-live';
import { coverage, failure, type PathEvent } from './graph-coverage';
import { scaleOfIntervals } from './scales';
import { songScaleMachine, type SongScaleContext, type SongScaleEvent } from './song-scale';

/** A parent that spawns the song scale and keeps what it hears. */
function parentOf(live: FakeLive, clock?: SimulatedClock) {
  const heard: SongScaleEvent[] = [];
  const child = songScaleMachine.provide({ actors: live.effects() });
  const parent = setup({
    types: { events: {} as SongScaleEvent | { type: 'ui.retry' } },
    actors: { songScale: child },
  }).createMachine({
    invoke: { id: 'songScale', src: 'songScale', input: ({ self }) => ({ reportTo: self }) },
    on: {
      'song.scale': { actions: ({ event }) => heard.push(event) },
      'ui.retry': { actions: sendTo('songScale', { type: 'ui.retry' }) },
    },
  });
  const actor = createActor(parent, clock ? { clock } : {}).start();
  const scale = () => {
    const found = actor.getSnapshot().children.songScale;
    if (!found) throw new Error('no songScale child');
    return found;
  };
  return { actor, heard, scale };
}

describe('scaleOfIntervals', () => {
  it('finds the offered scale by its intervals, in any order or octave', () => {
    expect(scaleOfIntervals([0, 2, 4, 5, 7, 9, 11])).toBe('major');
    expect(scaleOfIntervals([10, 0, 3, 5, 7, 8, 14])).toBe('minor');
    expect(scaleOfIntervals([0, 1, 4, 5, 7, 8, 10])).toBeNull();
  });
});

describe('songScaleMachine', () => {
  it('tells its parent the set’s root and scale once both are known, and on each change', async () => {
    const live = new FakeLive().define('live_set', { root_note: 21, scale_intervals: [0, 2, 3, 5, 7, 8, 10] });
    const { actor, heard, scale } = parentOf(live);
    await settle();
    expect(scale().getSnapshot().hasTag('following')).toBe(true);
    expect(heard).toEqual([{ type: 'song.scale', root: 9, scale: 'minor' }]);
    live.change('live_set', 'scale_intervals', [0, 3, 5, 7, 10]);
    expect(heard.at(-1)).toEqual({ type: 'song.scale', root: 9, scale: 'minorPentatonic' });
    live.change('live_set', 'scale_intervals', [0, 1, 4, 5, 7, 8, 10]);
    expect(heard.at(-1)).toEqual({ type: 'song.scale', root: 9, scale: null });
    actor.stop();
    expect(live.watching('live_set', 'root_note')).toBe(0);
  });

  it('fails when Live cannot say, retries with backoff and at once on ui.retry', async () => {
    const live = new FakeLive().define('live_set', { root_note: 0, scale_intervals: [0, 2, 4, 5, 7, 9, 11] });
    live.failures.set('live_set scale_intervals', new LinkError('timeout', 'Live did not answer'));
    const clock = new SimulatedClock();
    const { actor, heard, scale } = parentOf(live, clock);
    await settle();
    expect(scale().getSnapshot().hasTag('failed')).toBe(true);
    expect(scale().getSnapshot().context.error).toEqual({ code: 'timeout', message: 'Live did not answer' });
    clock.increment(1000);
    await settle();
    expect(scale().getSnapshot().context.retries).toBe(1);
    live.failures.clear();
    actor.send({ type: 'ui.retry' });
    await settle();
    expect(scale().getSnapshot().hasTag('following')).toBe(true);
    expect(heard).toEqual([{ type: 'song.scale', root: 0, scale: 'major' }]);
    actor.stop();
  });

  it('reaches every state node, and every path replays on a real actor', () => {
    const machine = songScaleMachine.provide({ actors: inertEffects() });
    const events: PathEvent<typeof machine>[] = [
      { type: 'live.value', key: 'root', value: 2 },
      { type: 'live.value', key: 'intervals', value: [0, 2, 4, 5, 7, 9, 11] },
      failure('observe.root', new LinkError('timeout', 'no answer')),
      { type: 'ui.retry' },
    ];
    const summary = (context: SongScaleContext) => [context.root, context.intervals !== null, context.error !== null];
    const result = coverage(machine, events, {}, machine, summary);
    expect(result.unreached).toEqual([]);
  });
});
