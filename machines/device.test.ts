import { createActor } from 'xstate';
import { describe, expect, it } from 'vitest';
import { childOf, FakeLive, inertEffects, settle } from '../fake-live/fake-live';
import { ref } from '../fake-live/test-sets';
import { bankCount, deviceMachine } from './device';
import { coverage, done, failure, type PathEvent } from './graph-coverage';
import { provideMachines } from './provide';

function liveWithDevice(): FakeLive {
  const live = new FakeLive();
  const parameters = Array.from({ length: 12 }, (_, index) => ref(200 + index, 'DeviceParameter'));
  live.define('id 50', {
    name: 'Auto Filter',
    class_name: 'AutoFilter',
    class_display_name: 'Auto Filter',
    is_active: true,
    parameters,
  });
  for (let index = 0; index < 12; index += 1) {
    live.define(`id ${200 + index}`, {
      name: index === 0 ? 'Device On' : `P${index}`,
      value: 1,
      min: 0,
      max: 1,
      default_value: 0,
      is_quantized: index === 0,
      value_items: [],
    });
  }
  return live;
}

describe('deviceMachine', () => {
  it('shows its parameters in banks of eight and switches the device on and off', async () => {
    const live = liveWithDevice();
    const machines = provideMachines(live.effects());
    const actor = createActor(machines.device, { input: { device: 'id 50' } }).start();
    await settle();
    expect(bankCount(actor.getSnapshot().context)).toBe(2);
    const bank = () =>
      actor
        .getSnapshot()
        .context.bankActors.map(
          (id) => childOf(actor.getSnapshot(), id, machines.parameter)?.getSnapshot().context.name,
        );
    await settle();
    expect(bank()).toEqual(['P1', 'P2', 'P3', 'P4', 'P5', 'P6', 'P7', 'P8']);
    actor.send({ type: 'ui.bank', index: 7 });
    await settle();
    expect(bank()).toEqual(['P9', 'P10', 'P11']);
    actor.send({ type: 'ui.toggle' });
    await settle();
    expect(live.calls).toContain('set id 200 value 0');
  });

  it('reaches every state node, and every path replays on a real actor', () => {
    const machine = deviceMachine.provide({ actors: inertEffects() });
    const events: PathEvent<typeof machine>[] = [
      done('readDevice', { name: 'D', class_name: 'X', class_display_name: 'X', is_active: true, parameters: [] }),
      failure('readDevice', new Error('x')),
      failure('readDevice', Object.assign(new Error('x'), { code: 'gone' })),
      { type: 'ui.bank', index: 1 },
    ];
    expect(coverage(machine, events, { device: 'id 50' }, machine).unreached).toEqual([]);
  });
});
