import { createActor, SimulatedClock } from 'xstate';
import { describe, expect, it } from 'vitest';
import { LinkError } from '../link/errors';
import { FakeLive, inertEffects, settle } from '../fake-live/fake-live';
import { ref } from '../fake-live/test-sets';
import { coverage, done, failure, type PathEvent } from './graph-coverage';
import { provideMachines } from './provide';
import { firstDrumRack, rackFinderMachine, type RackFinderContext } from './rack-finder';

const TRACK = 'id 1';

function liveWithChain(...classes: string[]): FakeLive {
  const live = new FakeLive();
  classes.forEach((className, index) => live.define(`id ${100 + index}`, { class_name: className }));
  return live.define(TRACK, { devices: classes.map((_, index) => ref(100 + index, 'Device')) });
}

function start(live: FakeLive, clock?: SimulatedClock) {
  return createActor(provideMachines(live.effects()).rackFinder, {
    input: { track: TRACK },
    ...(clock ? { clock } : {}),
  }).start();
}

describe('firstDrumRack', () => {
  it('is the first device whose class is a Drum Rack’s', () => {
    expect(firstDrumRack(['id 1', 'id 2', 'id 3'], ['Compressor2', 'DrumGroupDevice', 'DrumGroupDevice'])).toBe('id 2');
    expect(firstDrumRack(['id 1'], ['InstrumentGroupDevice'])).toBeNull();
    expect(firstDrumRack(['id 1'], null)).toBeNull();
  });
});

describe('rackFinderMachine on FakeLive', () => {
  it('finds the Drum Rack in the chain, reading each class once per change', async () => {
    const live = liveWithChain('MidiArpeggiator', 'DrumGroupDevice', 'Reverb');
    const actor = start(live);
    expect(actor.getSnapshot().hasTag('loading')).toBe(true);
    await settle();
    expect(actor.getSnapshot().hasTag('ready')).toBe(true);
    expect(actor.getSnapshot().context.rack).toBe('id 101');
    expect(live.watching(TRACK, 'devices')).toBe(1);
    actor.stop();
  });

  it('follows the chain: the rack deleted, then another added', async () => {
    const live = liveWithChain('DrumGroupDevice', 'Reverb');
    const actor = start(live);
    await settle();
    expect(actor.getSnapshot().context.rack).toBe('id 100');
    live.change(TRACK, 'devices', [ref(101, 'Device')]);
    await settle();
    expect(actor.getSnapshot().context.rack).toBeNull();
    expect(actor.getSnapshot().hasTag('ready')).toBe(true);
    live.define('id 102', { class_name: 'DrumGroupDevice' });
    live.change(TRACK, 'devices', [ref(101, 'Device'), ref(102, 'Device')]);
    await settle();
    expect(actor.getSnapshot().context.rack).toBe('id 102');
    live.change(TRACK, 'devices', []);
    expect(actor.getSnapshot().context.rack).toBeNull();
    expect(actor.getSnapshot().hasTag('ready')).toBe(true);
    actor.stop();
  });

  it('fails, retries with a growing delay and at once on ui.retry; is gone with its track', async () => {
    const live = liveWithChain('DrumGroupDevice');
    live.failures.set('id 100 class_name', new LinkError('timeout', 'Live did not answer'));
    const clock = new SimulatedClock();
    const actor = start(live, clock);
    await settle();
    expect(actor.getSnapshot().hasTag('failed')).toBe(true);
    expect(actor.getSnapshot().context.error).toEqual({ code: 'timeout', message: 'Live did not answer' });
    clock.increment(1000);
    await settle();
    expect(actor.getSnapshot().context.retries).toBe(1);
    live.failures.clear();
    actor.send({ type: 'ui.retry' });
    await settle();
    expect(actor.getSnapshot().context).toMatchObject({ rack: 'id 100', error: null, retries: 0 });
    live.remove(TRACK);
    expect(actor.getSnapshot().hasTag('gone')).toBe(true);
    expect(actor.getSnapshot().context.rack).toBeNull();
    actor.stop();
  });
});

describe('rackFinderMachine path coverage', () => {
  it('reaches every state node, and every path replays on a real actor', () => {
    const machine = rackFinderMachine.provide({ actors: inertEffects() });
    const events: PathEvent<typeof machine>[] = [
      { type: 'live.value', key: 'devices', value: [ref(100, 'Device')] },
      { type: 'live.value', key: 'devices', value: [] },
      done('classes', ['DrumGroupDevice']),
      failure('classes', new LinkError('gone', 'deleted')),
      failure('classes', new LinkError('timeout', 'no answer')),
      failure('observe.devices', new LinkError('gone', 'deleted')),
      { type: 'ui.retry' },
    ];
    const summary = (context: RackFinderContext) => [context.devices.length, context.rack, context.error?.code ?? null];
    const result = coverage(machine, events, { track: TRACK }, machine, summary);
    expect(result.unreached).toEqual([]);
  });
});
