import { createActor, SimulatedClock } from 'xstate';
import { describe, expect, it } from 'vitest';
import { LinkError } from '../link/errors';
import type { LiveValue } from './effects';
import { fakeSet, ref } from '../fake-live/test-sets';
import { inertEffects, settle, type FakeLive } from '../fake-live/fake-live';
import { coverage, done, failure, type PathEvent } from './graph-coverage';
import { provideMachines } from './provide';
import { NOTICE_MS, TRANSPORT_KEYS, transportMachine } from './transport';

function transportOn(live: FakeLive, clock?: SimulatedClock) {
  return createActor(provideMachines(live.effects()).transport, { input: {}, ...(clock ? { clock } : {}) }).start();
}

/** A set with the demo's three locators: Intro at 0, Drop at 32, Outro at 64 (ids 91 to 93). */
function setWithCues(): FakeLive {
  const live = fakeSet();
  const cues: Array<[number, string, number]> = [
    [91, 'Intro', 0],
    [92, 'Drop', 32],
    [93, 'Outro', 64],
  ];
  for (const [id, name, time] of cues) live.define(`id ${id}`, { name, time, $type: 'CuePoint' });
  live.define('live_set', {
    cue_points: cues.map(([id]) => ref(id, 'CuePoint')),
    can_jump_to_next_cue: true,
  });
  return live;
}

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
    const actor = transportOn(live);
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
    const actor = transportOn(live);
    await settle();
    for (const bpm of [122, 124, 126]) actor.send({ type: 'ui.tempo', bpm });
    expect(actor.getSnapshot().context.tempo).toBe(126);
    // Live catches up: the echo of 124 arrives after 126 was sent
    actor.send({ type: 'live.value', key: 'tempo', value: 124 });
    expect(actor.getSnapshot().context.tempo).toBe(126);
    // as Live hands it back (a hair off): confirmed, nothing pending
    actor.send({ type: 'live.value', key: 'tempo', value: 126.00000001 });
    expect(actor.getSnapshot().context.sent.tempo).toEqual([]);
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
    const actor = transportOn(live);
    await settle();
    expect(actor.getSnapshot().value).toBe('failed');
    // Live allows it again: a retry observes everything anew and gets ready
    live.failures.delete('live_set tempo');
    actor.send({ type: 'ui.retry' });
    await settle();
    expect(actor.getSnapshot().value).toEqual({ live: { ready: 'stopped' } });
    expect(actor.getSnapshot().context.error).toBeNull();
  });

  it('stops all clips, sets the global quantization (Live’s values only) and switches loop and punch', async () => {
    const live = fakeSet();
    const actor = transportOn(live);
    await settle();
    actor.send({ type: 'ui.stopAllClips' });
    actor.send({ type: 'ui.quantization', value: 7 });
    actor.send({ type: 'ui.quantization', value: 14 });
    actor.send({ type: 'ui.quantization', value: 2.5 });
    for (const type of ['ui.loop', 'ui.punchIn', 'ui.punchOut'] as const) actor.send({ type });
    await settle();
    expect(live.calls).toEqual([
      'call live_set stop_all_clips',
      'set live_set clip_trigger_quantization 7',
      'set live_set loop true',
      'set live_set punch_in true',
      'set live_set punch_out true',
    ]);
    // what the bar shows is what Live says
    expect(actor.getSnapshot().context).toMatchObject({ quantization: 7, loop: true, punchIn: true, punchOut: true });
  });

  it('steps the loop by bars of the signature, at once, and takes no older step for news', async () => {
    const live = fakeSet();
    live.define('live_set', { signature_numerator: 6, signature_denominator: 8, loop_start: 6, loop_length: 3 });
    const actor = transportOn(live);
    await settle();
    // a 6/8 bar is three beats
    actor.send({ type: 'ui.loopStart', bars: 1 });
    actor.send({ type: 'ui.loopStart', bars: 1 });
    expect(actor.getSnapshot().context.loopStart).toBe(12);
    actor.send({ type: 'live.value', key: 'loopStart', value: 9 });
    expect(actor.getSnapshot().context.loopStart).toBe(12);
    actor.send({ type: 'ui.loopStart', bars: -10 });
    expect(actor.getSnapshot().context.loopStart).toBe(0);
    actor.send({ type: 'ui.loopLength', bars: 2 });
    expect(actor.getSnapshot().context.loopLength).toBe(9);
    // never shorter than a beat of the signature (an eighth)
    actor.send({ type: 'ui.loopLength', bars: -5 });
    expect(actor.getSnapshot().context.loopLength).toBe(0.5);
    await settle();
    expect(live.calls.filter((call) => call.startsWith('setLatest'))).toContain('setLatest live_set loop_length 0.5');
  });

  it('says what Live’s undo and redo answered, and that there was nothing, then lets the word go', async () => {
    const clock = new SimulatedClock();
    const answers = ['Undo Tempo Change', ''];
    const live = fakeSet()
      .on('undo', () => answers.shift() ?? '')
      .on('redo', () => 'Redo Tempo Change');
    const actor = transportOn(live, clock);
    await settle();
    actor.send({ type: 'ui.undo' });
    await settle();
    expect(actor.getSnapshot().context.notice).toMatchObject({ text: 'Undo Tempo Change', kind: 'info' });
    actor.send({ type: 'ui.undo' });
    await settle();
    expect(actor.getSnapshot().context.notice).toMatchObject({ text: 'Nothing to undo' });
    clock.increment(NOTICE_MS - 100);
    actor.send({ type: 'ui.redo' });
    await settle();
    // a new word starts its own time
    clock.increment(200);
    expect(actor.getSnapshot().context.notice?.text).toBe('Redo Tempo Change');
    clock.increment(NOTICE_MS);
    expect(actor.getSnapshot().context.notice).toBeNull();
    expect(live.calls).toEqual(['call live_set undo', 'call live_set undo', 'call live_set redo']);
  });

  it('tells what Live refused, and a touch lets the word go', async () => {
    const live = fakeSet().on('stop_all_clips', () => {
      throw new LinkError('live_error', 'not now');
    });
    const actor = transportOn(live);
    await settle();
    actor.send({ type: 'ui.stopAllClips' });
    await settle();
    expect(actor.getSnapshot().context.notice).toMatchObject({
      text: 'Live refused Stop All Clips: not now',
      kind: 'refused',
    });
    actor.send({ type: 'ui.dismissNotice' });
    expect(actor.getSnapshot().context.notice).toBeNull();
  });

  it('captures MIDI and jumps between cues only when Live says it can', async () => {
    const live = setWithCues();
    const actor = transportOn(live);
    await settle();
    actor.send({ type: 'ui.captureMidi' });
    actor.send({ type: 'ui.prevCue' });
    actor.send({ type: 'ui.nextCue' });
    await settle();
    expect(live.calls).toEqual(['call live_set jump_to_next_cue']);
    live.change('live_set', 'can_capture_midi', true);
    live.change('live_set', 'can_jump_to_prev_cue', true);
    actor.send({ type: 'ui.captureMidi' });
    actor.send({ type: 'ui.prevCue' });
    actor.send({ type: 'ui.setOrDeleteCue' });
    await settle();
    expect(live.calls.slice(1)).toEqual([
      'call live_set capture_midi',
      'call live_set jump_to_prev_cue',
      'call live_set set_or_delete_cue',
    ]);
  });

  it('lists the cue points with their names and times as Live changes them, and jumps to one', async () => {
    const live = setWithCues();
    const actor = transportOn(live);
    await settle();
    const cues = () => actor.getSnapshot().context.cues.map(({ name, time }) => [name, time]);
    expect(cues()).toEqual([
      ['Intro', 0],
      ['Drop', 32],
      ['Outro', 64],
    ]);
    live.change('id 92', 'name', 'Big Drop');
    // a cue set in Live: the list grows, the new cue's name and time follow
    live.define('id 94', { name: '1', time: 8, $type: 'CuePoint' });
    live.change('live_set', 'cue_points', [
      ref(91, 'CuePoint'),
      ref(94, 'CuePoint'),
      ref(92, 'CuePoint'),
      ref(93, 'CuePoint'),
    ]);
    await settle();
    expect(cues()).toEqual([
      ['Intro', 0],
      ['1', 8],
      ['Big Drop', 32],
      ['Outro', 64],
    ]);
    // one deleted: its observations end (gone) and the list leaves it out
    live.change('live_set', 'cue_points', [ref(91, 'CuePoint'), ref(92, 'CuePoint'), ref(93, 'CuePoint')]);
    live.remove('id 94');
    await settle();
    expect(cues()).toHaveLength(3);
    expect(live.watching('id 94', 'name')).toBe(0);
    actor.send({ type: 'ui.jumpToCue', target: 'id 93' });
    await settle();
    expect(live.calls).toEqual(['call id 93 jump']);
    expect(actor.getSnapshot().value).toEqual({ live: { ready: 'stopped' } });
  });

  it('reaches every state node, and every path replays on a real actor', () => {
    const machine = transportMachine.provide({ actors: inertEffects() });
    const booleans = new Set(['playing', 'loop', 'canCaptureMidi']);
    const events: PathEvent<typeof machine>[] = [
      ...TRANSPORT_KEYS.map((key): LiveValue => ({
        type: 'live.value',
        key,
        value: booleans.has(key) ? false : key === 'cuePoints' ? [] : 1,
      })),
      { type: 'live.value', key: 'playing', value: true },
      failure('observe.tempo', new Error('x')),
      done('undo', 'Undo Tempo Change'),
      { type: 'ui.retry' },
    ];
    const summary = (c: { received: string[]; playing: boolean }) => [c.received.length, c.playing];
    expect(coverage(machine, events, {}, machine, summary).unreached).toEqual([]);
  });
});
