import { createActor } from 'xstate';
import { describe, expect, it } from 'vitest';
import { LinkError } from '../link/errors';
import type { LiveValue } from './effects';
import { fakeSet } from '../fake-live/test-sets';
import { inertEffects, settle } from '../fake-live/fake-live';
import { coverage, failure, type PathEvent } from './graph-coverage';
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

  it('shows a dragged tempo at once, and takes no older tempo it sent for news', async () => {
    const live = fakeSet();
    const actor = createActor(provideMachines(live.effects()).transport, { input: {} }).start();
    await settle();
    for (const bpm of [122, 124, 126]) actor.send({ type: 'ui.tempo', bpm });
    expect(actor.getSnapshot().context.tempo).toBe(126);
    // Live catches up: the echo of 124 arrives after 126 was sent
    actor.send({ type: 'live.value', key: 'tempo', value: 124 });
    expect(actor.getSnapshot().context.tempo).toBe(126);
    // as Live hands it back (a hair off): confirmed, nothing pending
    actor.send({ type: 'live.value', key: 'tempo', value: 126.00000001 });
    expect(actor.getSnapshot().context.tempoSent).toEqual([]);
    // anything after that is news, even a tempo it once sent (another tablet, tap tempo)
    actor.send({ type: 'live.value', key: 'tempo', value: 124 });
    expect(actor.getSnapshot().context.tempo).toBe(124);
    actor.send({ type: 'ui.tempo', bpm: 130 });
    actor.send({ type: 'live.value', key: 'tempo', value: 97 });
    expect(actor.getSnapshot().context.tempo).toBe(97);
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
    const machine = transportMachine.provide({ actors: inertEffects() });
    const keys = [
      'playing',
      'tempo',
      'metronome',
      'sessionRecord',
      'arrangementRecord',
      'songTime',
      'numerator',
      'denominator',
    ];
    const events: PathEvent<typeof machine>[] = [
      ...keys.map((key): LiveValue => ({ type: 'live.value', key, value: key === 'playing' ? false : 1 })),
      { type: 'live.value', key: 'playing', value: true },
      failure('observe.tempo', new Error('x')),
      { type: 'ui.retry' },
    ];
    const summary = (c: { received: string[]; playing: boolean }) => [c.received.length, c.playing];
    expect(coverage(machine, events, {}, machine, summary).unreached).toEqual([]);
  });
});
