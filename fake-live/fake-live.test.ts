import { assign, createActor, setup, toPromise } from 'xstate';
import { describe, expect, it } from 'vitest';
import { FakeLive, settle } from './fake-live';

function device(): FakeLive {
  return new FakeLive()
    .define('id 3', { name: 'Bass', devices: [{ $ref: 200, type: 'Device', path: null }], mixer_device: { $ref: 9 } })
    .define('id 9', { name: 'Mixer' })
    .define('id 200', { name: 'Auto Filter', parameters: [{ $ref: 201 }, { $ref: 202 }] })
    .define('id 201', { name: 'Device On', value: 1 })
    .define('id 202', { name: 'Frequency', value: 0.5 });
}

describe('FakeLive paths', () => {
  it('walks a path through the objects’ references, as Live resolves one', () => {
    const live = device();
    expect(live.resolve('id 200 parameters 1')).toBe('id 202');
    expect(live.resolve('id 3 devices 0 parameters 0')).toBe('id 201');
    expect(live.resolve('id 3 mixer_device')).toBe('id 9');
    expect(live.resolve('id 202')).toBe('id 202');
    // leading nowhere: itself (and gone when read)
    expect(live.resolve('id 200 parameters 7')).toBe('id 200 parameters 7');
    expect(live.resolve('id 3 nothing')).toBe('id 3 nothing');
  });

  it('reads, observes and sets an object by its path and by its id alike', async () => {
    const live = device();
    const effects = live.effects();
    const read = await toPromise(
      createActor(effects.read, { input: { target: 'id 3 devices 0 parameters 1', props: ['name'] } }).start(),
    );
    expect(read).toEqual({ name: 'Frequency' });
    // an observation by path hears a change made by id, and a change by path is the object's
    const watcher = createActor(
      setup({
        actors: { observe: effects.observe },
        types: { context: {} as { heard: unknown[] }, events: {} as { type: 'live.value'; value: unknown } },
      }).createMachine({
        context: { heard: [] },
        invoke: { src: 'observe', input: { target: 'id 200 parameters 1', prop: 'value', key: 'value' } },
        on: { 'live.value': { actions: assign({ heard: ({ context, event }) => [...context.heard, event.value] }) } },
      }),
    ).start();
    live.change('id 202', 'value', 0.8);
    live.change('id 3 devices 0 parameters 1', 'value', 0.3);
    await settle();
    expect(watcher.getSnapshot().context.heard).toEqual([0.5, 0.8, 0.3]);
    expect(live.objects.get('id 202')?.value).toBe(0.3);
    watcher.stop();
  });
});
