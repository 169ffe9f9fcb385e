import { initialTransition, transition } from 'xstate';
import { describe, expect, it } from 'vitest';
import { LinkError } from '../link/errors';
import type { MidiMessage } from '../protocol/src/index';
import { drumPadsMachine, type DrumPadsContext, type DrumPadsEvent, type DrumPadsInput } from './drum-pads';
import { inertEffects } from '../fake-live/fake-live';
import { DRUM_RACK as RACK, ref } from '../fake-live/test-sets';
import { coverage, done, failure, type PathEvent } from './graph-coverage';

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

function steps(events: DrumPadsEvent[], input: DrumPadsInput = {}) {
  let [snapshot] = initialTransition(drumPadsMachine, input);
  const midi: MidiMessage[] = [];
  for (const event of events) {
    const [next, actions] = transition(drumPadsMachine, snapshot, event);
    midi.push(...midiOf(actions));
    snapshot = next;
  }
  return { snapshot, midi };
}

const down = (pointerId: number, pad: number, velocity = 100): DrumPadsEvent => ({
  type: 'ui.padDown',
  pointerId,
  pad,
  velocity,
});
const up = (pointerId: number): DrumPadsEvent => ({ type: 'ui.padUp', pointerId });

describe('drumPadsMachine (pure transitions)', () => {
  it('without a rack is a plain grid of notes from C1, ready to play', () => {
    const [snapshot] = initialTransition(drumPadsMachine, {});
    expect(snapshot.value).toEqual({ source: 'idle', notes: 'silent', repeat: 'off' });
    expect(snapshot.hasTag('idle')).toBe(true);
    expect(snapshot.context.pads.map((pad) => pad.note)).toEqual(Array.from({ length: 16 }, (_, index) => 36 + index));
    const { snapshot: playing, midi } = steps([down(1, 0, 90), down(2, 15, 30)]);
    expect(playing.hasTag('playing')).toBe(true);
    expect(midi).toEqual([
      { type: 'note_on', channel: 0, note: 36, velocity: 90 },
      { type: 'note_on', channel: 0, note: 51, velocity: 30 },
    ]);
    expect(steps([down(1, 0), down(2, 15), up(2), up(1)]).snapshot.hasTag('silent')).toBe(true);
  });

  it('bound to a rack, loads first and takes no fingers meanwhile', () => {
    const { snapshot, midi } = steps([down(1, 0)], { rack: RACK });
    expect(snapshot.value).toEqual({ source: { bound: 'loading' }, notes: 'silent', repeat: 'off' });
    expect(snapshot.hasTag('loading')).toBe(true);
    expect(midi).toEqual([]);
  });

  it('keeps a pad two fingers hold sounding until the last lifts', () => {
    const { snapshot, midi } = steps([down(1, 2, 60), down(2, 2, 110), up(1)], { channel: 9 });
    expect(snapshot.hasTag('playing')).toBe(true);
    expect(midi).toEqual([
      { type: 'note_on', channel: 9, note: 38, velocity: 60 },
      { type: 'note_off', channel: 9, note: 38 },
      { type: 'note_on', channel: 9, note: 38, velocity: 110 },
    ]);
    expect(steps([down(1, 2), down(2, 2), up(1), up(2)], { channel: 9 }).midi.at(-1)).toEqual({
      type: 'note_off',
      channel: 9,
      note: 38,
    });
  });

  it('turns note repeat on and off, and takes a rate', () => {
    const { snapshot } = steps([{ type: 'ui.repeat', on: true }, { type: 'ui.rate', rate: '1/8t' }, down(1, 0)]);
    expect(snapshot.value).toEqual({ source: 'idle', notes: 'playing', repeat: { on: 'pulsing' } });
    expect(snapshot.hasTag('repeating')).toBe(true);
    expect(snapshot.context.rate).toBe('1/8t');
    const off = transition(drumPadsMachine, snapshot, { type: 'ui.repeat', on: false })[0];
    expect(off.value).toEqual({ source: 'idle', notes: 'playing', repeat: 'off' });
    // a rate it does not know changes nothing
    expect(transition(drumPadsMachine, snapshot, { type: 'ui.rate', rate: '1/5' })[0].context.rate).toBe('1/8t');
  });

  it('moves a plain grid by rows of four, within notes 0..127, and ends a held note as it began', () => {
    const { snapshot, midi } = steps([down(1, 0), { type: 'ui.scroll', rows: 1 }, up(1)]);
    expect(snapshot.context.pads.map((pad) => pad.note)).toEqual(Array.from({ length: 16 }, (_, index) => 40 + index));
    expect(midi.at(-1)).toEqual({ type: 'note_off', channel: 0, note: 36 });
    expect(steps([{ type: 'ui.scroll', rows: -100 }]).snapshot.context.pads[0]?.note).toBe(0);
    expect(steps([{ type: 'ui.scroll', rows: 100 }]).snapshot.context.pads.at(-1)?.note).toBe(127);
  });

  it('sends poly aftertouch and ends everything on all off', () => {
    const { snapshot, midi } = steps([
      down(1, 0),
      down(2, 1),
      { type: 'ui.pressure', pointerId: 2, pressure: 64 },
      { type: 'ui.allOff' },
    ]);
    expect(midi.slice(2)).toEqual([
      { type: 'poly_aftertouch', channel: 0, note: 37, pressure: 64 },
      { type: 'note_off', channel: 0, note: 36 },
      { type: 'note_off', channel: 0, note: 37 },
    ]);
    expect(snapshot.hasTag('silent')).toBe(true);
  });
});
describe('drumPadsMachine path coverage', () => {
  it('reaches every state node, and every path replays on a real actor', () => {
    const machine = drumPadsMachine.provide({ actors: inertEffects() });
    const two = [ref(300, 'DrumPad'), ref(301, 'DrumPad')];
    const events: PathEvent<typeof machine>[] = [
      { type: 'live.value', key: 'pads', value: two },
      { type: 'live.value', key: 'name', value: 'Kit' },
      ...['id 300', 'id 301'].flatMap((target): DrumPadsEvent[] => [
        { type: 'live.value', key: `pad|${target}|name`, value: 'Kick' },
        { type: 'live.value', key: `pad|${target}|mute`, value: false },
        { type: 'live.value', key: `pad|${target}|chains`, value: [] },
      ]),
      done('notes', [36, 37]),
      failure('observe.pads', new LinkError('timeout', 'no answer')),
      failure('observe.name', new LinkError('gone', 'deleted')),
      { type: 'ui.retry' },
      down(1, 0),
      up(1),
      { type: 'ui.repeat', on: true },
      { type: 'ui.repeat', on: false },
    ];
    const summary = (context: DrumPadsContext) => [
      context.held.length,
      context.received,
      context.pads,
      context.retries > 0,
    ];
    const bound = coverage(machine, events, { rack: RACK }, machine, summary);
    // idle is where a machine without a rack lives
    const plain = coverage(machine, [down(1, 0), up(1), { type: 'ui.repeat', on: true }], {}, machine, summary);
    const reached = new Set([...bound.reached, ...plain.reached]);
    expect(bound.stateNodes.filter((id) => !reached.has(id))).toEqual([]);
    expect(bound.reached).toEqual(
      expect.arrayContaining([
        'drumPads.source.bound.ready',
        'drumPads.source.failed',
        'drumPads.source.gone',
        'drumPads.repeat.on.pulsing',
      ]),
    );
    expect(plain.reached).toEqual(expect.arrayContaining(['drumPads.source.idle', 'drumPads.notes.playing']));
  });
});
