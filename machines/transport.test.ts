import { createActor } from 'xstate';
import { describe, expect, it } from 'vitest';
import { LinkError } from '../link/errors';
import { fakeSet } from './fake-set';
import { inertEffects, settle } from './fake-live';
import { coverage } from './graph-coverage';
import { provideMachines } from './provide';
import { transportMachine } from './transport';

describe('transportMachine', () => {
  it('loads, plays, stops, and sets tempo within Live’s range', async () => {
    const live = fakeSet()
      .on('start_playing', (_input, fake) => {
        fake.change('live_set', 'is_playing', true);
        return null;
      })
      .on('stop_playing', (_input, fake) => {
        fake.change('live_set', 'is_playing', false);
        return null;
      });
    const actor = createActor(provideMachines(live.effects()).transport, { input: {} }).start();
    await settle();
    expect(actor.getSnapshot().value).toEqual({ live: { ready: 'stopped' } });
    actor.send({ type: 'ui.play' });
    await settle();
    expect(actor.getSnapshot().value).toEqual({ live: { ready: 'playing' } });
    actor.send({ type: 'ui.tempo', bpm: 5000 });
    actor.send({ type: 'ui.metronome' });
    actor.send({ type: 'ui.stop' });
    await settle();
    expect(actor.getSnapshot().context).toMatchObject({ tempo: 999, metronome: true, playing: false });
    expect(live.calls).toContain('setLatest live_set tempo 999');
  });

  it('fails when Live refuses an observation', async () => {
    const live = fakeSet();
    live.failures.set('live_set tempo', new LinkError('forbidden', 'no'));
    const actor = createActor(provideMachines(live.effects()).transport, { input: {} }).start();
    await settle();
    expect(actor.getSnapshot().value).toBe('failed');
    // Live allows it again: a retry observes everything anew and gets ready
    live.failures.delete('live_set tempo');
    actor.send({ type: 'ui.retry' });
    await settle();
    expect(actor.getSnapshot().value).toEqual({ live: { ready: 'stopped' } });
    expect(actor.getSnapshot().context.error).toBeNull();
  });

  it('reaches every state node, and every path replays on a real actor', () => {
    const machine = transportMachine.provide({ actors: inertEffects() as never });
    const keys = ['playing', 'tempo', 'metronome', 'sessionRecord', 'arrangementRecord', 'songTime', 'numerator', 'denominator'];
    const events = [
      ...keys.map((key) => ({ type: 'live.value', key, value: key === 'playing' ? false : 1 })),
      { type: 'live.value', key: 'playing', value: true },
      { type: 'xstate.error.actor.observe.tempo', error: new Error('x') },
      { type: 'ui.retry' },
    ];
    const summary = (c: { received: string[]; playing: boolean }) => [c.received.length, c.playing];
    expect(coverage(machine, events as never, {}, machine, summary as never).unreached).toEqual([]);
  });
});
