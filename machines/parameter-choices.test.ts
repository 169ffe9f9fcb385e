import { createActor, SimulatedClock } from 'xstate';
import { describe, expect, it } from 'vitest';
import { LinkError } from '../link/errors';
import { FakeLive, inertEffects, settle } from '../fake-live/fake-live';
import { ref } from '../fake-live/test-sets';
import { coverage, done, failure, type PathEvent } from './graph-coverage';
import { mixerChoices } from './parameter-chain';
import { parameterChoicesMachine, type ParameterChoicesContext } from './parameter-choices';

const TRACK = 'id 1';

/** A device with "Device On" and the named parameters, its parameters' ids following its own. */
function device(live: FakeLive, id: number, name: string, parameters: string[], rack = {}): FakeLive {
  ['Device On', ...parameters].forEach((parameter, index) => live.define(`id ${id + 1 + index}`, { name: parameter }));
  const refs = ['Device On', ...parameters].map((_, index) => ref(id + 1 + index));
  return live.define(`id ${id}`, { name, parameters: refs, can_have_chains: false, ...rack });
}

/** A rack: a device that holds chains (and, a Drum Rack, return chains). */
function rack(live: FakeLive, id: number, name: string, macros: string[], chains: number[], returns: number[] = []) {
  return device(live, id, name, macros, {
    can_have_chains: true,
    chains: chains.map((chain) => ref(chain, 'Chain')),
    return_chains: returns.map((chain) => ref(chain, 'Chain')),
  });
}

const chain = (live: FakeLive, id: number, name: string, devices: number[]) =>
  live.define(`id ${id}`, { name, devices: devices.map((inner) => ref(inner, 'Device')) });

/** A track with a filter (On, Frequency, Resonance) and a reverb (On, Decay). */
function liveWithChain(): FakeLive {
  const live = new FakeLive();
  device(live, 100, 'Auto Filter', ['Frequency', 'Resonance']);
  device(live, 200, 'Reverb', ['Decay Time']);
  return live.define(TRACK, { devices: [ref(100, 'Device'), ref(200, 'Device')] });
}

/**
 * A track with an Instrument Rack (a macro; chains Piano with an Electric,
 * and Space with an Audio Effect Rack whose chain Hall holds a Reverb), a
 * Drum Rack (pads Kick and Snare, each a Simpler, an empty pad chain, and a
 * return chain with a Delay) and a Utility.
 */
function liveWithRacks(): FakeLive {
  const live = new FakeLive();
  rack(live, 100, 'Keys Rack', ['Tone'], [110, 111]);
  chain(live, 110, 'Piano', [120]);
  device(live, 120, 'Electric', ['Tine Decay']);
  chain(live, 111, 'Space', [130]);
  rack(live, 130, 'Verb Rack', [], [140]);
  chain(live, 140, 'Hall', [150]);
  device(live, 150, 'Reverb', ['Decay Time', 'Dry/Wet']);
  rack(live, 300, 'Kit', ['Kick Tune'], [310, 311, 312], [313]);
  chain(live, 310, 'Kick', [320]);
  device(live, 320, 'Simpler', ['Ve Decay']);
  chain(live, 311, 'Snare', [330]);
  device(live, 330, 'Simpler', ['Ve Decay']);
  chain(live, 312, 'Empty', []);
  chain(live, 313, 'A', [340]);
  device(live, 340, 'Delay', ['Feedback']);
  device(live, 400, 'Utility', ['Gain']);
  return live.define(TRACK, { devices: [ref(100, 'Device'), ref(300, 'Device'), ref(400, 'Device')] });
}

function start(live: FakeLive, clock?: SimulatedClock) {
  const machine = parameterChoicesMachine.provide({
    actors: {
      observe: live.effects().observe,
      observeMany: live.effects().observeMany,
      readEach: live.effects().readEach,
    },
  });
  return createActor(machine, { input: { track: TRACK }, ...(clock ? { clock } : {}) }).start();
}

/** Until the walk's reads (a few per level of racks) are all answered. */
async function settled(times = 12): Promise<void> {
  for (let step = 0; step < times; step += 1) await settle();
}

const described = (context: ParameterChoicesContext) =>
  context.choices.map((choice) => `${choice.device} › ${choice.name} @ ${choice.path} = ${choice.target}`);

describe('parameterChoicesMachine on FakeLive', () => {
  it('offers the mixer and each device’s parameters, and reads again when the chain changes', async () => {
    const live = liveWithChain();
    const actor = start(live);
    expect(actor.getSnapshot().hasTag('loading')).toBe(true);
    await settled();
    expect(actor.getSnapshot().hasTag('ready')).toBe(true);
    expect(described(actor.getSnapshot().context)).toEqual([
      'Mixer › Volume @ mixer_device volume = id 1 mixer_device volume',
      'Mixer › Pan @ mixer_device panning = id 1 mixer_device panning',
      'Auto Filter › Frequency @ devices 0 parameters 1 = id 102',
      'Auto Filter › Resonance @ devices 0 parameters 2 = id 103',
      'Reverb › Decay Time @ devices 1 parameters 1 = id 202',
    ]);
    live.change(TRACK, 'devices', [ref(200, 'Device')]);
    await settled();
    expect(described(actor.getSnapshot().context).slice(2)).toEqual([
      'Reverb › Decay Time @ devices 0 parameters 1 = id 202',
    ]);
    live.change(TRACK, 'devices', []);
    expect(actor.getSnapshot().hasTag('ready')).toBe(true);
    expect(actor.getSnapshot().context.choices).toEqual(mixerChoices(TRACK));
    actor.stop();
    expect(live.watching(TRACK, 'devices')).toBe(0);
  });

  it('offers the devices in racks’ chains, racks in racks and a Drum Rack’s pads and returns, titled by where they sit', async () => {
    const live = liveWithRacks();
    const actor = start(live);
    await settled();
    expect(actor.getSnapshot().hasTag('ready')).toBe(true);
    // in the order Live shows them: each rack, then its chains' devices (its returns last), then the next device
    expect(described(actor.getSnapshot().context).slice(2)).toEqual([
      'Keys Rack › Tone @ devices 0 parameters 1 = id 102',
      'Keys Rack › Piano › Electric › Tine Decay @ devices 0 chains 0 devices 0 parameters 1 = id 122',
      'Keys Rack › Space › Verb Rack › Hall › Reverb › Decay Time @ devices 0 chains 1 devices 0 chains 0 devices 0 parameters 1 = id 152',
      'Keys Rack › Space › Verb Rack › Hall › Reverb › Dry/Wet @ devices 0 chains 1 devices 0 chains 0 devices 0 parameters 2 = id 153',
      'Kit › Kick Tune @ devices 1 parameters 1 = id 302',
      'Kit › Kick › Simpler › Ve Decay @ devices 1 chains 0 devices 0 parameters 1 = id 322',
      'Kit › Snare › Simpler › Ve Decay @ devices 1 chains 1 devices 0 parameters 1 = id 332',
      'Kit › A › Delay › Feedback @ devices 1 return_chains 0 devices 0 parameters 1 = id 342',
      'Utility › Gain @ devices 2 parameters 1 = id 402',
    ]);
    // every list below the track is observed: racks' chains and return chains, chains' devices
    for (const [target, prop] of [
      ['id 100', 'chains'],
      ['id 130', 'return_chains'],
      ['id 300', 'return_chains'],
      ['id 111', 'devices'],
      ['id 140', 'devices'],
      ['id 312', 'devices'],
      ['id 313', 'devices'],
    ] as const)
      expect(live.watching(target, prop), `${target} ${prop}`).toBe(1);
    expect(live.watching('id 400', 'chains')).toBe(0);
    actor.stop();
    expect(live.watching('id 140', 'devices')).toBe(0);
    expect(live.watching(TRACK, 'devices')).toBe(0);
  });

  it('reads again when a device is added to a rack’s chain, a chain to a rack, or one is removed', async () => {
    const live = liveWithRacks();
    const actor = start(live);
    await settled();
    const devices = () => [...new Set(actor.getSnapshot().context.choices.map((choice) => choice.device))];
    // a Compressor dropped into the empty pad's chain
    device(live, 500, 'Compressor', ['Threshold']);
    live.change('id 312', 'devices', [ref(500, 'Device')]);
    await settled();
    expect(actor.getSnapshot().hasTag('ready')).toBe(true);
    expect(actor.getSnapshot().context.choices).toContainEqual({
      path: 'devices 1 chains 2 devices 0 parameters 1',
      target: 'id 502',
      name: 'Threshold',
      device: 'Kit › Empty › Compressor',
      shortDevice: 'Empty › Compressor',
    });
    // a chain added to the rack inside the rack
    chain(live, 141, 'Room', [200]);
    device(live, 200, 'Echo', ['Feedback']);
    live.change('id 130', 'chains', [ref(140, 'Chain'), ref(141, 'Chain')]);
    await settled();
    expect(devices()).toContain('Keys Rack › Space › Verb Rack › Room › Echo');
    expect(live.watching('id 141', 'devices')).toBe(1);
    // the Space chain deleted: what was in it goes, and so do the observations of its lists
    live.remove('id 111');
    live.change('id 100', 'chains', [ref(110, 'Chain')]);
    await settled();
    expect(devices().filter((title) => title.includes('Space'))).toEqual([]);
    expect(live.watching('id 130', 'chains')).toBe(0);
    expect(live.watching('id 141', 'devices')).toBe(0);
    expect(actor.getSnapshot().status).toBe('active');
    // an observed list that answers what was read changes nothing
    const reads = actor.getSnapshot().context.choices;
    live.change('id 110', 'devices', [ref(120, 'Device')]);
    expect(actor.getSnapshot().hasTag('ready')).toBe(true);
    expect(actor.getSnapshot().context.choices).toBe(reads);
    actor.stop();
  });

  it('waits for the next change when a chain goes while read, and fails with the error, retries, and is gone with its track', async () => {
    const live = liveWithRacks();
    live.failures.set('id 150 name', new LinkError('gone', 'deleted'));
    const first = start(live);
    await settled();
    expect(first.getSnapshot().matches({ watching: 'waiting' })).toBe(true);
    live.failures.clear();
    // the lists read so far are observed: the change that deleted it reads again
    live.change('id 140', 'devices', []);
    await settled();
    expect(first.getSnapshot().hasTag('ready')).toBe(true);
    first.stop();
    live.define('id 140', { devices: [ref(150, 'Device')] });

    live.failures.set('id 122 name', new LinkError('timeout', 'Live did not answer'));
    const clock = new SimulatedClock();
    const actor = start(live, clock);
    await settled();
    expect(actor.getSnapshot().hasTag('failed')).toBe(true);
    expect(actor.getSnapshot().context.error).toEqual({ code: 'timeout', message: 'Live did not answer' });
    // failed: nothing below the track is observed until it reads again
    expect(live.watching('id 100', 'chains')).toBe(0);
    live.failures.clear();
    actor.send({ type: 'ui.retry' });
    await settled();
    expect(actor.getSnapshot().hasTag('ready')).toBe(true);
    expect(actor.getSnapshot().context.choices).toHaveLength(11);
    live.remove(TRACK);
    expect(actor.getSnapshot().hasTag('gone')).toBe(true);
    expect(live.watching('id 100', 'chains')).toBe(0);
    actor.stop();
  });

  it('lets a list’s observation end without failing (its rack deleted), and observes it again if it comes back', async () => {
    const live = liveWithRacks();
    const actor = start(live);
    await settled();
    live.breakObservation('id 140', 'devices', new LinkError('gone', 'deleted'));
    expect(actor.getSnapshot().status).toBe('active');
    expect(actor.getSnapshot().context.watching).not.toContain('devices id 140');
    live.change(TRACK, 'devices', [ref(100, 'Device')]);
    await settled();
    expect(live.watching('id 140', 'devices')).toBe(1);
    actor.stop();
  });
});

describe('parameterChoicesMachine path coverage', () => {
  it('reaches every state node, and every path replays on a real actor', () => {
    const machine = parameterChoicesMachine.provide({ actors: inertEffects() });
    const events: PathEvent<typeof machine>[] = [
      { type: 'live.value', key: 'devices', value: [ref(100, 'Device')] },
      { type: 'live.value', key: 'devices', value: [] },
      { type: 'live.value', key: 'chains id 100', value: [] },
      done('racks', [true]),
      done('chains', [[ref(110, 'Chain')]]),
      done('returnChains', [[]]),
      done('chainDevices', [[]]),
      done('names', ['Rack', 'Chain']),
      done('lists', [[ref(101), ref(102)]]),
      done('parameterNames', ['Macro 1']),
      failure('parameterNames', new LinkError('gone', 'deleted')),
      failure('chainDevices', new LinkError('timeout', 'no answer')),
      { type: 'live.failed', key: 'chains id 100', error: new LinkError('gone', 'deleted') },
      failure('observe.devices', new LinkError('gone', 'deleted')),
      { type: 'ui.retry' },
    ];
    const summary = (context: ParameterChoicesContext) => [
      context.devices.length,
      Math.min(context.tree.devices.length, 2),
      context.choices.length,
      context.error?.code ?? null,
    ];
    const result = coverage(machine, events, { track: TRACK }, machine, summary);
    expect(result.unreached).toEqual([]);
  });
});
