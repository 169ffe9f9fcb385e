/** The drum pads on a FakeLive rack: observations as it scrolls, failures, note repeat on a simulated clock. */
import { createActor, SimulatedClock } from 'xstate';
import { describe, expect, it } from 'vitest';
import { LinkError } from '../link/errors';
import type { MidiMessage } from '../protocol/src/index';
import type { DrumPadsEvent, DrumPadsInput } from './drum-pads';
import { padsKnown } from './drum-pad-list';
import { settle, type FakeLive } from '../fake-live/fake-live';
import {
  DRUM_RACK as RACK,
  drumRack as rackLive,
  padTarget,
  RACK_PAD_NAMES as NAMES,
  visiblePads as visible,
} from '../fake-live/test-sets';
import type { RepeatRate } from './note-repeat';
import { provideMachines } from './provide';

function start(live: FakeLive, input: DrumPadsInput = { rack: RACK }, clock?: SimulatedClock) {
  return createActor(provideMachines(live.effects()).drumPads, { input, ...(clock ? { clock } : {}) }).start();
}

const down = (pointerId: number, pad: number, velocity = 100): DrumPadsEvent => ({
  type: 'ui.padDown',
  pointerId,
  pad,
  velocity,
});
const up = (pointerId: number): DrumPadsEvent => ({ type: 'ui.padUp', pointerId });
const notesOn = (midi: MidiMessage[]): number[] =>
  midi.flatMap((message) => (message.type === 'note_on' ? [message.note] : []));

describe('drumPadsMachine on FakeLive', () => {
  it('loads the rack’s visible pads: names and mute observed, notes read once', async () => {
    const live = rackLive();
    const actor = start(live);
    await settle();
    const snapshot = actor.getSnapshot();
    expect(snapshot.value).toEqual({ source: { bound: 'ready' }, notes: 'silent', repeat: 'off' });
    expect(snapshot.context.rackName).toBe('808 Core Kit');
    expect(snapshot.context.pads.map((pad) => pad.name)).toEqual(NAMES.slice(0, 16));
    expect(snapshot.context.pads.map((pad) => pad.note)).toEqual(Array.from({ length: 16 }, (_, index) => 36 + index));
    expect(snapshot.context.pads[14]?.mute).toBe(true);
    expect(snapshot.context.pads.map((pad) => pad.empty)).toEqual(
      Array.from({ length: 16 }, (_, index) => index === 13),
    );
    expect(live.watching(padTarget(0), 'name')).toBe(1);
    expect(live.watching(padTarget(15), 'mute')).toBe(1);
    // a pad's note has no listener in Live
    expect(live.watching(padTarget(0), 'note')).toBe(0);
    actor.send(down(1, 2, 77));
    actor.send(up(1));
    expect(live.midi).toEqual([
      { type: 'note_on', channel: 0, note: 38, velocity: 77 },
      { type: 'note_off', channel: 0, note: 38 },
    ]);
    actor.stop();
  });

  it('renames and mutes a pad when Live does', async () => {
    const live = rackLive();
    const actor = start(live);
    await settle();
    live.change(padTarget(0), 'name', 'Kick 909');
    live.change(padTarget(1), 'mute', true);
    live.change(padTarget(2), 'chains', []);
    expect(actor.getSnapshot().context.pads[0]?.name).toBe('Kick 909');
    expect(actor.getSnapshot().context.pads[1]?.mute).toBe(true);
    expect(actor.getSnapshot().context.pads[2]?.empty).toBe(true);
    actor.stop();
  });

  it('follows the rack as it scrolls: new pads observed, old ones let go, a held note ends as it began', async () => {
    const live = rackLive();
    const actor = start(live);
    await settle();
    actor.send(down(1, 0));
    live.change(RACK, 'visible_drum_pads', visible(4));
    await settle();
    const { context } = actor.getSnapshot();
    expect(actor.getSnapshot().hasTag('ready')).toBe(true);
    expect(context.pads.map((pad) => pad.note)).toEqual(Array.from({ length: 16 }, (_, index) => 40 + index));
    expect(context.pads.map((pad) => pad.name).slice(-4)).toEqual(['Bongo', 'Clave', 'Guiro', 'Agogo']);
    expect(padsKnown(context.pads)).toBe(true);
    expect(live.watching(padTarget(0), 'name')).toBe(0);
    expect(live.watching(padTarget(19), 'name')).toBe(1);
    // pads still in view keep their one observation
    expect(live.watching(padTarget(4), 'name')).toBe(1);
    actor.send(up(1));
    expect(live.midi.at(-1)).toEqual({ type: 'note_off', channel: 0, note: 36 });
    actor.send(down(2, 0));
    expect(live.midi.at(-1)).toEqual({ type: 'note_on', channel: 0, note: 40, velocity: 100 });
    actor.stop();
  });

  it('reads the notes of pads that scroll into view while a read is on its way', async () => {
    const live = rackLive();
    live.latencyMs = 5;
    const actor = start(live);
    await settle();
    // the first read (pads 0..15) has not answered yet
    live.change(RACK, 'visible_drum_pads', visible(4));
    await new Promise((resolve) => setTimeout(resolve, 30));
    const { context } = actor.getSnapshot();
    expect(context.pads.map((pad) => pad.note)).toEqual(Array.from({ length: 16 }, (_, index) => 40 + index));
    expect(context.reading).toEqual([]);
    expect(actor.getSnapshot().hasTag('ready')).toBe(true);
    actor.stop();
  });

  it('scrolls the rack in Live, and shows the pads Live then shows', async () => {
    const live = rackLive();
    live.define(`${RACK} view`, { drum_pads_scroll_position: 9 });
    // as Live does: the rack's visible pads follow its view's scroll position
    live.follow((target, prop, value) => {
      if (target === `${RACK} view` && prop === 'drum_pads_scroll_position')
        live.change(RACK, 'visible_drum_pads', visible(((value as number) - 9) * 4));
    });
    const actor = start(live);
    await settle();
    actor.send({ type: 'ui.scroll', rows: 1 });
    // a second tap before Live answered goes on from the row asked for, not the one shown
    actor.send({ type: 'ui.scroll', rows: -1 });
    actor.send({ type: 'ui.scroll', rows: 1 });
    await settle();
    await settle();
    expect(live.calls.filter((call) => call.includes('drum_pads_scroll_position'))).toEqual([
      `set ${RACK} view drum_pads_scroll_position 10`,
      `set ${RACK} view drum_pads_scroll_position 9`,
      `set ${RACK} view drum_pads_scroll_position 10`,
    ]);
    expect(actor.getSnapshot().hasTag('ready')).toBe(true);
    expect(actor.getSnapshot().context.pads.map((pad) => pad.note)).toEqual(
      Array.from({ length: 16 }, (_, index) => 40 + index),
    );
    expect(actor.getSnapshot().context.scrollRow).toBeNull();
    actor.stop();
  });

  it('is gone when the rack is deleted, ending what sounded and observing nothing', async () => {
    const live = rackLive();
    const actor = start(live);
    await settle();
    actor.send(down(1, 0));
    actor.send(down(2, 3));
    live.remove(RACK);
    expect(actor.getSnapshot().hasTag('gone')).toBe(true);
    expect(actor.getSnapshot().hasTag('silent')).toBe(true);
    expect(live.midi.slice(-2)).toEqual([
      { type: 'note_off', channel: 0, note: 36 },
      { type: 'note_off', channel: 0, note: 39 },
    ]);
    expect(live.watching(padTarget(0), 'name')).toBe(0);
    actor.send(down(3, 0));
    expect(live.midi).toHaveLength(4);
    actor.stop();
  });

  it('fails, retries with a growing delay, and at once on ui.retry', async () => {
    const live = rackLive();
    live.failures.set(`${RACK} visible_drum_pads`, new LinkError('timeout', 'Live did not answer'));
    const clock = new SimulatedClock();
    const actor = start(live, { rack: RACK }, clock);
    await settle();
    expect(actor.getSnapshot().hasTag('failed')).toBe(true);
    expect(actor.getSnapshot().context.error).toEqual({ code: 'timeout', message: 'Live did not answer' });
    clock.increment(1000);
    await settle();
    expect(actor.getSnapshot().context.retries).toBe(1);
    expect(actor.getSnapshot().hasTag('failed')).toBe(true);
    // the next try waits twice as long
    clock.increment(1999);
    expect(actor.getSnapshot().context.retries).toBe(1);
    clock.increment(1);
    expect(actor.getSnapshot().context.retries).toBe(2);
    live.failures.clear();
    actor.send({ type: 'ui.retry' });
    await settle();
    expect(actor.getSnapshot().hasTag('ready')).toBe(true);
    expect(actor.getSnapshot().context).toMatchObject({ retries: 0, error: null });
    actor.stop();
  });

  it('fails when a pad cannot be observed, and loads again when a pad is deleted', async () => {
    const live = rackLive();
    const actor = start(live);
    await settle();
    live.breakObservation(padTarget(3), 'mute', new LinkError('live_error', 'mute: unreadable'));
    expect(actor.getSnapshot().hasTag('failed')).toBe(true);
    expect(actor.getSnapshot().context.error?.message).toBe('mute: unreadable');
    actor.send({ type: 'ui.retry' });
    await settle();
    expect(actor.getSnapshot().hasTag('ready')).toBe(true);
    live.breakObservation(padTarget(5), 'name', new LinkError('gone', 'the pad was deleted'));
    expect(actor.getSnapshot().hasTag('loading')).toBe(true);
    await settle();
    expect(actor.getSnapshot().hasTag('ready')).toBe(true);
    actor.stop();
  });
});

describe('drumPadsMachine note repeat (SimulatedClock)', () => {
  /** SimulatedClock fires each timer once per increment, so time passes a millisecond at a time. */
  function pass(clock: SimulatedClock, ms: number): void {
    for (let elapsed = 0; elapsed < ms; elapsed += 1) clock.increment(Math.min(1, ms - elapsed));
  }

  async function repeating(rate: RepeatRate, tempo: number) {
    const live = rackLive();
    live.define('live_set', { tempo });
    const clock = new SimulatedClock();
    const actor = start(live, { rack: RACK }, clock);
    await settle();
    actor.send({ type: 'ui.rate', rate });
    actor.send({ type: 'ui.repeat', on: true });
    return { live, clock, actor, kicks: () => notesOn(live.midi).filter((note) => note === 36).length };
  }

  it('strikes a held pad again at the rate, from the song’s tempo, and stops when it is let go', async () => {
    const { live, clock, actor, kicks } = await repeating('1/16', 120);
    actor.send(down(1, 0, 90));
    expect(kicks()).toBe(1);
    // 1/16 at 120 BPM: every 125 ms
    pass(clock, 1000);
    expect(kicks()).toBe(9);
    expect(live.midi.slice(-2)).toEqual([
      { type: 'note_off', channel: 0, note: 36 },
      { type: 'note_on', channel: 0, note: 36, velocity: 90 },
    ]);
    actor.send(up(1));
    pass(clock, 1000);
    expect(kicks()).toBe(9);
    expect(live.midi.at(-1)).toEqual({ type: 'note_off', channel: 0, note: 36 });
    actor.stop();
  });

  it('follows the tempo while repeating, and plays triplets', async () => {
    const { live, clock, actor, kicks } = await repeating('1/8t', 90);
    actor.send(down(1, 0));
    // 1/8 triplets at 90 BPM: every 222 ms, so four in 900 ms
    pass(clock, 900);
    expect(kicks()).toBe(5);
    live.change('live_set', 'tempo', 180);
    expect(actor.getSnapshot().context.tempo).toBe(180);
    // the beat under way ends at the old tempo (1111 ms), then one every 111 ms: 1222, 1333, 1444, 1555
    pass(clock, 705);
    expect(kicks()).toBe(10);
    pass(clock, 100);
    expect(kicks()).toBe(11);
    actor.stop();
  });

  it('repeats every held pad, observes the tempo only while on, and leaves no note hanging', async () => {
    const { live, clock, actor, kicks } = await repeating('1/4', 120);
    expect(live.watching('live_set', 'tempo')).toBe(1);
    actor.send(down(1, 0));
    actor.send(down(2, 2));
    pass(clock, 500);
    expect(kicks()).toBe(2);
    expect(notesOn(live.midi).filter((note) => note === 38)).toHaveLength(2);
    actor.send({ type: 'ui.allOff' });
    pass(clock, 2000);
    expect(kicks()).toBe(2);
    actor.send({ type: 'ui.repeat', on: false });
    expect(live.watching('live_set', 'tempo')).toBe(0);
    const open = new Map<number, number>();
    for (const message of live.midi) {
      if (message.type === 'note_on') open.set(message.note, (open.get(message.note) ?? 0) + 1);
      if (message.type === 'note_off') open.set(message.note, (open.get(message.note) ?? 0) - 1);
    }
    expect([...open.values()].every((count) => count === 0)).toBe(true);
    actor.stop();
  });
});
