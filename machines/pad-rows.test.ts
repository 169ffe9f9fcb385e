import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { FakeLive, inertEffects, settle } from '../fake-live/fake-live';
import { ref } from '../fake-live/set-builder';
import { LinkError } from '../link/errors';
import { after, coverage, done, failure, type PathEvent } from './graph-coverage';
import { padRowsMachine, padRowsOf } from './pad-rows';

describe('padRows', () => {
  it('keeps the pads with a chain, low to high, named as in Live', () => {
    expect(padRowsOf(['Snare', 'Kick', 'Empty'], [38, 36, 40], [[{ $ref: 1 }], [{ $ref: 2 }], []])).toEqual([
      { note: 36, name: 'Kick' },
      { note: 38, name: 'Snare' },
    ]);
  });

  it("reads a rack's pads: the rows its fold shows", async () => {
    const live = new FakeLive().define('id 100', { drum_pads: [ref(301), ref(302), ref(303)] });
    live.define('id 301', { name: 'Kick', note: 36, chains: [ref(1)] });
    live.define('id 302', { name: 'Snare', note: 37, chains: [] });
    live.define('id 303', { name: 'Hat', note: 38, chains: [ref(2)] });
    const actor = createActor(padRowsMachine.provide({ actors: live.effects() }), {
      input: { rack: 'id 100' },
    }).start();
    await settle();
    expect(actor.getSnapshot().hasTag('ready')).toBe(true);
    expect(actor.getSnapshot().context.rows).toEqual([
      { note: 36, name: 'Kick' },
      { note: 38, name: 'Hat' },
    ]);
    actor.stop();
  });

  it('reaches every state node, and every path replays on a real actor', () => {
    const machine = padRowsMachine.provide({ actors: inertEffects() });
    const events: PathEvent<typeof machine>[] = [
      done('pads', [ref(301)]),
      done('names', ['Kick']),
      done('notes', [36]),
      done('chains', [[ref(1)]]),
      failure('pads', new LinkError('live_error', 'x')),
      failure('pads', new LinkError('gone', 'x')),
      { type: 'ui.retry' },
      after('retryDelay', 'padRows.failed'),
    ];
    expect(coverage(machine, events, { rack: 'id 100' }, machine).unreached).toEqual([]);
  });
});
