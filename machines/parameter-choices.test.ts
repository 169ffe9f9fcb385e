import { createActor, SimulatedClock } from 'xstate';
import { describe, expect, it } from 'vitest';
import { LinkError } from '../link/errors';
import { FakeLive, inertEffects, settle } from '../fake-live/fake-live';
import { ref } from '../fake-live/test-sets';
import { coverage, done, failure, type PathEvent } from './graph-coverage';
import {
  mixerChoices,
  namedParameters,
  parameterChoices,
  parameterChoicesMachine,
  type ParameterChoicesContext,
} from './parameter-choices';

const TRACK = 'id 1';

/** A track with a filter (On, Frequency, Resonance) and a reverb (On, Decay). */
function liveWithChain(): FakeLive {
  const live = new FakeLive();
  live.define('id 100', { name: 'Auto Filter', parameters: [ref(101), ref(102), ref(103)] });
  live.define('id 101', { name: 'Device On' });
  live.define('id 102', { name: 'Frequency' });
  live.define('id 103', { name: 'Resonance' });
  live.define('id 200', { name: 'Reverb', parameters: [ref(201), ref(202)] });
  live.define('id 201', { name: 'Device On' });
  live.define('id 202', { name: 'Decay Time' });
  return live.define(TRACK, { devices: [ref(100, 'Device'), ref(200, 'Device')] });
}

function start(live: FakeLive, clock?: SimulatedClock) {
  const machine = parameterChoicesMachine.provide({
    actors: { observe: live.effects().observe, readEach: live.effects().readEach },
  });
  return createActor(machine, { input: { track: TRACK }, ...(clock ? { clock } : {}) }).start();
}

const described = (context: ParameterChoicesContext) =>
  context.choices.map((choice) => `${choice.device} › ${choice.name} @ ${choice.path} = ${choice.target}`);

describe('parameterChoices', () => {
  it('names every parameter after Device On, by its path from the track', () => {
    expect(namedParameters([['a', 'b', 'c'], ['d']])).toEqual(['b', 'c']);
    const choices = parameterChoices('id 1', ['Filter'], [['id 9', 'id 10']], ['Cutoff']);
    expect(choices.slice(2)).toEqual([
      { path: 'devices 0 parameters 1', target: 'id 10', name: 'Cutoff', device: 'Filter' },
    ]);
    expect(parameterChoices('id 1', [''], [['id 9', 'id 10']], null)[2]).toMatchObject({
      name: 'Parameter 1',
      device: 'Device 1',
    });
    expect(mixerChoices('id 4').map((choice) => choice.target)).toEqual([
      'id 4 mixer_device volume',
      'id 4 mixer_device panning',
    ]);
  });
});

describe('parameterChoicesMachine on FakeLive', () => {
  it('offers the mixer and each device’s parameters, and reads again when the chain changes', async () => {
    const live = liveWithChain();
    const actor = start(live);
    expect(actor.getSnapshot().hasTag('loading')).toBe(true);
    await settle();
    await settle();
    expect(actor.getSnapshot().hasTag('ready')).toBe(true);
    expect(described(actor.getSnapshot().context)).toEqual([
      'Mixer › Volume @ mixer_device volume = id 1 mixer_device volume',
      'Mixer › Pan @ mixer_device panning = id 1 mixer_device panning',
      'Auto Filter › Frequency @ devices 0 parameters 1 = id 102',
      'Auto Filter › Resonance @ devices 0 parameters 2 = id 103',
      'Reverb › Decay Time @ devices 1 parameters 1 = id 202',
    ]);
    live.change(TRACK, 'devices', [ref(200, 'Device')]);
    await settle();
    await settle();
    expect(described(actor.getSnapshot().context).slice(2)).toEqual([
      'Reverb › Decay Time @ devices 0 parameters 1 = id 202',
    ]);
    live.change(TRACK, 'devices', []);
    expect(actor.getSnapshot().hasTag('ready')).toBe(true);
    expect(actor.getSnapshot().context.choices).toEqual(mixerChoices(TRACK));
    actor.stop();
    expect(live.watching(TRACK, 'devices')).toBe(0);
  });

  it('fails with the error, retries, and is gone with its track', async () => {
    const live = liveWithChain();
    live.failures.set('id 102 name', new LinkError('timeout', 'Live did not answer'));
    const clock = new SimulatedClock();
    const actor = start(live, clock);
    await settle();
    await settle();
    expect(actor.getSnapshot().hasTag('failed')).toBe(true);
    expect(actor.getSnapshot().context.error).toEqual({ code: 'timeout', message: 'Live did not answer' });
    live.failures.clear();
    actor.send({ type: 'ui.retry' });
    await settle();
    await settle();
    expect(actor.getSnapshot().hasTag('ready')).toBe(true);
    expect(actor.getSnapshot().context.choices).toHaveLength(5);
    live.remove(TRACK);
    expect(actor.getSnapshot().hasTag('gone')).toBe(true);
    actor.stop();
  });
});

describe('parameterChoicesMachine path coverage', () => {
  it('reaches every state node, and every path replays on a real actor', () => {
    const machine = parameterChoicesMachine.provide({ actors: inertEffects() });
    const events: PathEvent<typeof machine>[] = [
      { type: 'live.value', key: 'devices', value: [ref(100, 'Device')] },
      { type: 'live.value', key: 'devices', value: [] },
      done('deviceNames', ['Auto Filter']),
      done('lists', [[ref(101), ref(102)]]),
      done('names', ['Frequency']),
      failure('names', new LinkError('gone', 'deleted')),
      failure('lists', new LinkError('timeout', 'no answer')),
      failure('observe.devices', new LinkError('gone', 'deleted')),
      { type: 'ui.retry' },
    ];
    const summary = (context: ParameterChoicesContext) => [
      context.devices.length,
      context.choices.length,
      context.error?.code ?? null,
    ];
    const result = coverage(machine, events, { track: TRACK }, machine, summary);
    expect(result.unreached).toEqual([]);
  });
});
