import { createActor, initialTransition, transition } from 'xstate';
import { describe, expect, it } from 'vitest';
import type { MidiMessage } from '../protocol/src/index';
import { FakeLive, inertEffects, settle } from '../fake-live/fake-live';
import { coverage } from './graph-coverage';
import { keyboardMachine, type KeyboardEvent, type KeyboardInput } from './keyboard';
import { provideMachines } from './provide';

/** The MIDI a transition's actions would send to the `midi` effect. */
function midiOf(actions: readonly { type: string; params?: unknown }[]): MidiMessage[] {
  return actions.flatMap((action) => {
    const params = action.params as
      { targetId?: string; event?: { type: string; messages: MidiMessage[] } } | undefined;
    return action.type === 'xstate.sendTo' && params?.targetId === 'midi' && params.event?.type === 'midi.send'
      ? params.event.messages
      : [];
  });
}

/** Pure transitions from the initial state: the last snapshot and all the MIDI on the way. */
function steps(events: KeyboardEvent[], input: KeyboardInput = {}) {
  let [snapshot] = initialTransition(keyboardMachine, input);
  const midi: MidiMessage[] = [];
  for (const event of events) {
    const [next, actions] = transition(keyboardMachine, snapshot, event);
    midi.push(...midiOf(actions));
    snapshot = next;
  }
  return { snapshot, midi };
}

const down = (pointerId: number, note: number, velocity = 100): KeyboardEvent => ({
  type: 'ui.keyDown',
  pointerId,
  note,
  velocity,
});
const up = (pointerId: number): KeyboardEvent => ({ type: 'ui.keyUp', pointerId });

describe('keyboardMachine (pure transitions)', () => {
  it('starts silent and centred, with its input', () => {
    const [snapshot, actions] = initialTransition(keyboardMachine, {
      channel: 3,
      octave: 4,
      root: 14,
      scale: 'dorian',
      scaleMode: 'hide',
    });
    expect(snapshot.value).toEqual({ notes: 'silent', bend: 'centred' });
    expect(snapshot.hasTag('silent')).toBe(true);
    expect(snapshot.context).toMatchObject({
      channel: 3,
      octave: 4,
      root: 2,
      scale: 'dorian',
      scaleMode: 'hide',
      held: [],
      bend: 0,
    });
    // the midi effect is invoked for the machine's life
    expect(actions.map((action) => action.type)).toContain('xstate.spawnChild');
  });

  it('plays while a finger is down, and says so with its tags', () => {
    const { snapshot, midi } = steps([down(1, 60, 90), down(2, 64, 70)]);
    expect(snapshot.value).toEqual({ notes: 'playing', bend: 'centred' });
    expect(snapshot.hasTag('playing')).toBe(true);
    expect(midi).toEqual([
      { type: 'note_on', channel: 0, note: 60, velocity: 90 },
      { type: 'note_on', channel: 0, note: 64, velocity: 70 },
    ]);
    const after = steps([down(1, 60), down(2, 64), up(1), up(2)]);
    expect(after.snapshot.value).toEqual({ notes: 'silent', bend: 'centred' });
    expect(
      after.midi
        .filter((message) => message.type === 'note_off')
        .map((message) => message.type === 'note_off' && message.note),
    ).toEqual([60, 64]);
  });

  it('keeps a note two fingers hold until the last of them lifts', () => {
    const { snapshot, midi } = steps([down(1, 60), down(2, 60), up(1)]);
    expect(snapshot.hasTag('playing')).toBe(true);
    expect(midi).toEqual([{ type: 'note_on', channel: 0, note: 60, velocity: 100 }]);
    expect(steps([down(1, 60), down(2, 60), up(1), up(2)]).midi.at(-1)).toEqual({
      type: 'note_off',
      channel: 0,
      note: 60,
    });
  });

  it('slides: the old note off, the new one on', () => {
    const { midi } = steps([down(1, 60, 77), { type: 'ui.keyMove', pointerId: 1, note: 62 }]);
    expect(midi.slice(1)).toEqual([
      { type: 'note_off', channel: 0, note: 60 },
      { type: 'note_on', channel: 0, note: 62, velocity: 77 },
    ]);
  });

  it('bends while the wheel is held and springs back to 0 on release, chord held throughout', () => {
    const held = steps([
      down(1, 60),
      down(2, 64),
      down(3, 67),
      { type: 'ui.bend', value: 2048 },
      { type: 'ui.bend', value: 9000 },
    ]);
    expect(held.snapshot.value).toEqual({ notes: 'playing', bend: 'bending' });
    expect(held.snapshot.hasTag('bending')).toBe(true);
    expect(held.midi.slice(3)).toEqual([
      { type: 'pitch_bend', channel: 0, value: 2048 },
      { type: 'pitch_bend', channel: 0, value: 8191 },
    ]);
    const released = transition(keyboardMachine, held.snapshot, { type: 'ui.bendRelease' });
    expect(released[0].value).toEqual({ notes: 'playing', bend: 'centred' });
    expect(midiOf(released[1])).toEqual([{ type: 'pitch_bend', channel: 0, value: 0 }]);
    // an unchanged bend sends nothing
    expect(midiOf(transition(keyboardMachine, held.snapshot, { type: 'ui.bend', value: 8191 })[1])).toEqual([]);
  });

  it('sends modulation as CC 1, channel pressure and poly aftertouch, each only when it changes', () => {
    const { midi, snapshot } = steps(
      [
        { type: 'ui.mod', value: 64 },
        { type: 'ui.mod', value: 64.2 },
        { type: 'ui.channelPressure', value: 300 },
        down(1, 60),
        { type: 'ui.pressure', pointerId: 1, pressure: 40 },
        { type: 'ui.pressure', pointerId: 1, pressure: 40 },
      ],
      { channel: 9 },
    );
    expect(midi).toEqual([
      { type: 'cc', channel: 9, controller: 1, value: 64 },
      { type: 'channel_pressure', channel: 9, pressure: 127 },
      { type: 'note_on', channel: 9, note: 60, velocity: 100 },
      { type: 'poly_aftertouch', channel: 9, note: 60, pressure: 40 },
    ]);
    expect(snapshot.context).toMatchObject({ modulation: 64, pressure: 127 });
  });

  it('lets nothing hang on all off: notes, bend and pressure back to rest', () => {
    const { snapshot, midi } = steps([
      down(1, 60),
      down(2, 60),
      down(3, 67),
      { type: 'ui.bend', value: -4000 },
      { type: 'ui.channelPressure', value: 50 },
      { type: 'ui.mod', value: 20 },
      { type: 'ui.allOff' },
    ]);
    expect(snapshot.value).toEqual({ notes: 'silent', bend: 'centred' });
    expect(snapshot.context).toMatchObject({ held: [], bend: 0, pressure: 0, modulation: 20 });
    expect(midi.slice(-4)).toEqual([
      { type: 'note_off', channel: 0, note: 60 },
      { type: 'note_off', channel: 0, note: 67 },
      { type: 'pitch_bend', channel: 0, value: 0 },
      { type: 'channel_pressure', channel: 0, pressure: 0 },
    ]);
  });

  it('keeps fingers’ notes across an octave change, and clamps the octave to Live’s range', () => {
    const { snapshot, midi } = steps([
      down(1, 60),
      { type: 'ui.octave', delta: 1 },
      up(1),
      { type: 'ui.octave', delta: 20 },
    ]);
    expect(midi.at(-1)).toEqual({ type: 'note_off', channel: 0, note: 60 });
    expect(snapshot.context.octave).toBe(8);
    expect(steps([{ type: 'ui.octave', delta: -20 }]).snapshot.context.octave).toBe(-2);
  });

  it('takes a scale and a scale mode', () => {
    const { snapshot } = steps([
      { type: 'ui.scale', root: 9, scale: 'minor' },
      { type: 'ui.scaleMode', mode: 'hide' },
    ]);
    expect(snapshot.context).toMatchObject({ root: 9, scale: 'minor', scaleMode: 'hide' });
  });

  it('ends what sounds on the old channel before it changes channel', () => {
    const { snapshot, midi } = steps([down(1, 60), { type: 'ui.channel', channel: 5 }, down(2, 62)]);
    expect(midi).toEqual([
      { type: 'note_on', channel: 0, note: 60, velocity: 100 },
      { type: 'note_off', channel: 0, note: 60 },
      { type: 'note_on', channel: 5, note: 62, velocity: 100 },
    ]);
    expect(snapshot.context.channel).toBe(5);
  });

  it('ignores fingers it does not know and notes outside MIDI’s range', () => {
    const { snapshot, midi } = steps([
      up(4),
      { type: 'ui.keyMove', pointerId: 4, note: 60 },
      down(1, 128),
      down(2, -1),
    ]);
    expect(midi).toEqual([]);
    expect(snapshot.value).toEqual({ notes: 'silent', bend: 'centred' });
  });
});

describe('keyboardMachine on FakeLive', () => {
  it('plays a chord, bends it, slides a finger, and leaves no note hanging when stopped by all off', () => {
    const live = new FakeLive();
    const actor = createActor(provideMachines(live.effects()).keyboard, { input: { channel: 1 } }).start();
    actor.send(down(1, 60, 80));
    actor.send(down(2, 64, 80));
    actor.send(down(3, 67, 80));
    actor.send({ type: 'ui.bend', value: 3000 });
    actor.send({ type: 'ui.bendRelease' });
    actor.send({ type: 'ui.keyMove', pointerId: 3, note: 69 });
    actor.send(up(1));
    actor.send({ type: 'ui.allOff' });
    expect(live.midi).toEqual([
      { type: 'note_on', channel: 1, note: 60, velocity: 80 },
      { type: 'note_on', channel: 1, note: 64, velocity: 80 },
      { type: 'note_on', channel: 1, note: 67, velocity: 80 },
      { type: 'pitch_bend', channel: 1, value: 3000 },
      { type: 'pitch_bend', channel: 1, value: 0 },
      { type: 'note_off', channel: 1, note: 67 },
      { type: 'note_on', channel: 1, note: 69, velocity: 80 },
      { type: 'note_off', channel: 1, note: 60 },
      { type: 'note_off', channel: 1, note: 64 },
      { type: 'note_off', channel: 1, note: 69 },
    ]);
    // every note on has its note off
    const balance = new Map<number, number>();
    for (const message of live.midi) {
      if (message.type === 'note_on') balance.set(message.note, (balance.get(message.note) ?? 0) + 1);
      if (message.type === 'note_off') balance.set(message.note, (balance.get(message.note) ?? 0) - 1);
    }
    expect([...balance.values()].every((count) => count === 0)).toBe(true);
    expect(actor.getSnapshot().hasTag('silent')).toBe(true);
    actor.stop();
  });

  it('follows the set’s root and scale while asked to, until a scale is chosen by hand', async () => {
    const live = new FakeLive().define('live_set', { root_note: 2, scale_intervals: [0, 2, 4, 5, 7, 9, 11] });
    const actor = createActor(provideMachines(live.effects()).keyboard, { input: {} }).start();
    actor.send({ type: 'ui.followSong', on: true });
    await settle();
    expect(actor.getSnapshot().context).toMatchObject({ followSong: true, root: 2, scale: 'major' });
    // Live's scale changes: the keys follow; one the keyboard does not offer leaves every key in it
    live.change('live_set', 'root_note', 9);
    live.change('live_set', 'scale_intervals', [0, 2, 3, 5, 7, 8, 10]);
    expect(actor.getSnapshot().context).toMatchObject({ root: 9, scale: 'minor' });
    live.change('live_set', 'scale_intervals', [0, 1, 4, 5, 7, 8, 10]);
    expect(actor.getSnapshot().context.scale).toBe('chromatic');
    actor.send({ type: 'ui.scale', root: 0, scale: 'dorian' });
    expect(actor.getSnapshot().context).toMatchObject({ followSong: false, root: 0, scale: 'dorian' });
    expect(live.watching('live_set', 'root_note')).toBe(0);
    live.change('live_set', 'root_note', 4);
    expect(actor.getSnapshot().context.root).toBe(0);
    actor.send({ type: 'ui.followSong', on: true });
    await settle();
    expect(actor.getSnapshot().context).toMatchObject({ root: 4, scale: 'chromatic' });
    actor.send({ type: 'ui.followSong', on: false });
    expect(live.watching('live_set', 'scale_intervals')).toBe(0);
    actor.stop();
  });
  it('follows the set’s scale from the start when it was saved following it', async () => {
    const live = new FakeLive().define('live_set', { root_note: 7, scale_intervals: [0, 2, 3, 5, 7, 9, 10] });
    const actor = createActor(provideMachines(live.effects()).keyboard, { input: { followSong: true } }).start();
    await settle();
    expect(actor.getSnapshot().context).toMatchObject({ followSong: true, root: 7, scale: 'dorian' });
    expect(live.watching('live_set', 'root_note')).toBe(1);
    actor.stop();
    expect(live.watching('live_set', 'root_note')).toBe(0);
  });
});

describe('keyboardMachine path coverage', () => {
  it('reaches every state node, and every path replays on a real actor', () => {
    const machine = keyboardMachine.provide({ actors: { midi: inertEffects().midi } });
    const events: KeyboardEvent[] = [
      down(1, 60),
      down(2, 60),
      up(1),
      { type: 'ui.keyMove', pointerId: 2, note: 62 },
      { type: 'ui.bend', value: 4000 },
      { type: 'ui.bendRelease' },
      { type: 'ui.allOff' },
      { type: 'ui.channel', channel: 2 },
    ];
    const summary = (context: { held: { pointerId: number; note: number }[]; bend: number; channel: number }) => [
      context.held,
      context.bend,
      context.channel,
    ];
    const result = coverage(machine, events, {}, machine, summary);
    expect(result.unreached).toEqual([]);
    expect(result.reached).toEqual(expect.arrayContaining(['keyboard.notes.playing', 'keyboard.bend.bending']));
  });
});
