import { createActor } from 'xstate';
import { describe, expect, it } from 'vitest';
import { childOf, FakeLive, inertEffects, settle } from '../fake-live/fake-live';
import { ref } from '../fake-live/test-sets';
import { bankCount, deviceMachine, MOST_BANKS_SHOWN, shownBankCount } from './device';
import { coverage, done, failure, type PathEvent } from './graph-coverage';
import { provideMachines } from './provide';

function liveWithDevice(count = 12): FakeLive {
  const live = new FakeLive();
  const parameters = Array.from({ length: count }, (_, index) => ref(200 + index, 'DeviceParameter'));
  live.define('id 50', {
    name: 'Auto Filter',
    class_name: 'AutoFilter',
    class_display_name: 'Auto Filter',
    is_active: true,
    parameters,
  });
  for (let index = 0; index < count; index += 1) {
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

  it('shows as many banks as its panel fits, pages by them, and keeps the last page full of what is left', async () => {
    const live = liveWithDevice(1 + 8 * 4 + 3);
    const machines = provideMachines(live.effects());
    const actor = createActor(machines.device, { input: { device: 'id 50' } }).start();
    // a fit told while the device is read is kept for when it is ready
    actor.send({ type: 'ui.fit', banks: 2 });
    expect(actor.getSnapshot().context.banksShown).toBe(2);
    actor.send({ type: 'ui.fit', banks: 1 });
    await settle();
    const names = () =>
      actor
        .getSnapshot()
        .context.bankActors.map(
          (id) => childOf(actor.getSnapshot(), id, machines.parameter)?.getSnapshot().context.name,
        );
    expect(bankCount(actor.getSnapshot().context)).toBe(5);
    expect(shownBankCount(actor.getSnapshot().context)).toBe(1);
    actor.send({ type: 'ui.fit', banks: 2 });
    await settle();
    expect(names()).toHaveLength(16);
    expect(names().at(-1)).toBe('P16');
    actor.send({ type: 'ui.bank', index: 4 });
    await settle();
    expect(names()).toEqual(['P33', 'P34', 'P35']);
    expect(shownBankCount(actor.getSnapshot().context)).toBe(1);
    actor.send({ type: 'ui.bank', index: 2 });
    actor.send({ type: 'ui.fit', banks: 99 });
    await settle();
    expect(actor.getSnapshot().context.banksShown).toBe(MOST_BANKS_SHOWN);
    expect(shownBankCount(actor.getSnapshot().context)).toBe(3);
    expect(names()).toHaveLength(8 * 2 + 3);
    // a bank still shown keeps its actors: no reload
    const kept = actor.getSnapshot().children['param-17'];
    // a width that fits no whole bank still shows one
    actor.send({ type: 'ui.fit', banks: 0 });
    await settle();
    expect(names()).toEqual(['P17', 'P18', 'P19', 'P20', 'P21', 'P22', 'P23', 'P24']);
    expect(actor.getSnapshot().children['param-17']).toBe(kept);
    expect(actor.getSnapshot().children['param-25']).toBeUndefined();
    actor.stop();
  });

  it('reaches every state node, and every path replays on a real actor', () => {
    const machine = deviceMachine.provide({ actors: inertEffects() });
    const events: PathEvent<typeof machine>[] = [
      done('readDevice', { name: 'D', class_name: 'X', class_display_name: 'X', is_active: true, parameters: [] }),
      failure('readDevice', new Error('x')),
      failure('readDevice', Object.assign(new Error('x'), { code: 'gone' })),
      { type: 'ui.bank', index: 1 },
      { type: 'ui.fit', banks: 2 },
    ];
    expect(coverage(machine, events, { device: 'id 50' }, machine).unreached).toEqual([]);
  });
});
