import { createActor, getInitialSnapshot, SimulatedClock } from 'xstate';
import { describe, expect, it } from 'vitest';
import { LinkError } from '../link/errors';
import { FakeLive, inertEffects, settle } from '../fake-live/fake-live';
import { after, coverage, done, failure, type PathEvent } from './graph-coverage';
import { clampValue, parameterMachine, steppedValue } from './parameter';

const PARAM = 'id 20';
const FILTER = 'id 21';

function live(): FakeLive {
  return new FakeLive()
    .define(PARAM, {
      name: 'Frequency',
      value: 0.5,
      min: 0,
      max: 1,
      default_value: 0.7,
      is_quantized: false,
      value_items: [],
    })
    .define(FILTER, {
      name: 'Filter Type',
      value: 1,
      min: 0,
      max: 4,
      default_value: 0,
      is_quantized: true,
      value_items: ['Lowpass', 'Highpass', 'Bandpass', 'Notch', 'Morph'],
    });
}

function start(fake: FakeLive, parameter: string | null = PARAM, clock?: SimulatedClock) {
  return createActor(parameterMachine.provide({ actors: fake.effects() }), {
    input: { parameter },
    ...(clock ? { clock } : {}),
  }).start();
}

describe('clampValue and steppedValue', () => {
  it('keep values in range, whole for quantized parameters', () => {
    const continuous = { min: 0, max: 1, quantized: false, value: 0.995 };
    expect(clampValue(continuous, 1.7)).toBe(1);
    expect(clampValue(continuous, -3)).toBe(0);
    expect(clampValue(continuous, Number.NaN)).toBe(0);
    expect(steppedValue(continuous, 1)).toBe(1);
    const quantized = { min: 0, max: 4, quantized: true, value: 1 };
    expect(clampValue(quantized, 2.6)).toBe(3);
    expect(steppedValue(quantized, 1)).toBe(2);
    expect(steppedValue({ ...quantized, value: 4 }, 1)).toBe(4);
  });
});

describe('parameterMachine', () => {
  it('is idle until bound', () => {
    expect(getInitialSnapshot(parameterMachine.provide({ actors: inertEffects() }), {}).value).toBe('idle');
  });

  it('loads the parameter and follows Live', async () => {
    const fake = live();
    const actor = start(fake);
    await settle();
    expect(actor.getSnapshot().value).toEqual({ bound: 'ready' });
    expect(actor.getSnapshot().context).toMatchObject({
      name: 'Frequency',
      value: 0.5,
      defaultValue: 0.7,
      quantized: false,
    });
    fake.change(PARAM, 'value', 0.25);
    expect(actor.getSnapshot().context.value).toBe(0.25);
  });

  it('sends gestures around a drag, clamps, and sends latest-wins', async () => {
    const fake = live();
    const actor = start(fake);
    await settle();
    actor.send({ type: 'ui.touch' });
    actor.send({ type: 'ui.change', value: 0.6 });
    actor.send({ type: 'ui.change', value: 1.4 });
    expect(actor.getSnapshot().context.value).toBe(1);
    actor.send({ type: 'ui.release' });
    await settle();
    expect(fake.calls).toEqual([
      `gesture ${PARAM} begin`,
      `setLatest ${PARAM} value 0.6`,
      `setLatest ${PARAM} value 1`,
      `gesture ${PARAM} end`,
    ]);
  });

  it('holds Live’s changes while touched and applies another control’s on release', async () => {
    const fake = live();
    const actor = start(fake);
    await settle();
    actor.send({ type: 'ui.touch' });
    actor.send({ type: 'ui.change', value: 0.8 });
    await settle();
    fake.change(PARAM, 'value', 0.1); // another tablet moved it meanwhile
    expect(actor.getSnapshot().context.value).toBe(0.8);
    expect(actor.getSnapshot().context.held).toBe(0.1);
    actor.send({ type: 'ui.release' });
    expect(actor.getSnapshot().context.value).toBe(0.1);
  });

  it('does not jump back to an echo of its own value on release', async () => {
    const fake = live();
    const actor = start(fake);
    await settle();
    actor.send({ type: 'ui.touch' });
    actor.send({ type: 'ui.change', value: 0.3 });
    await settle(); // the echo of 0.3 arrives while touched
    actor.send({ type: 'ui.change', value: 0.9 });
    actor.send({ type: 'ui.release' });
    expect(actor.getSnapshot().context.value).toBe(0.9);
  });

  it('shows values in Live’s own units, the latest only', async () => {
    const fake = live();
    fake.displays.set(PARAM, (value) => `${Math.round(26 * (19900 / 26) ** value)} Hz`);
    const actor = start(fake);
    await settle();
    expect(actor.getSnapshot().context.display).toBe('719 Hz');
    actor.send({ type: 'ui.change', value: 1 });
    expect(actor.getSnapshot().context.display).toBe('19900 Hz');
  });

  it('ignores late echoes of its own older values once it sent a newer one', async () => {
    const fake = live();
    const actor = start(fake);
    await settle();
    actor.send({ type: 'ui.change', value: 0.6 });
    actor.send({ type: 'ui.change', value: 0.8 });
    // Live confirms 0.6 after this control already shows 0.8: no flicker back
    fake.change(PARAM, 'value', 0.6);
    expect(actor.getSnapshot().context.value).toBe(0.8);
    fake.change(PARAM, 'value', 0.8);
    expect(actor.getSnapshot().context.value).toBe(0.8);
    // from now on 0.6 is news again (another client may set it)
    fake.change(PARAM, 'value', 0.6);
    expect(actor.getSnapshot().context.value).toBe(0.6);
  });

  it('steps through a quantized parameter’s items and resets to the default', async () => {
    const fake = live();
    const actor = start(fake, FILTER);
    await settle();
    expect(actor.getSnapshot().context.items).toEqual(['Lowpass', 'Highpass', 'Bandpass', 'Notch', 'Morph']);
    actor.send({ type: 'ui.step', delta: 1 });
    actor.send({ type: 'ui.step', delta: 5 });
    actor.send({ type: 'ui.reset' });
    await settle();
    expect(fake.calls).toEqual([
      `setLatest ${FILTER} value 2`,
      `setLatest ${FILTER} value 4`,
      `setLatest ${FILTER} value 0`,
    ]);
  });

  it('fails, retries on a simulated clock, and ends when the parameter is gone', async () => {
    const fake = live();
    fake.failures.set(`${PARAM} min`, new LinkError('unavailable', 'Live is offline'));
    const clock = new SimulatedClock();
    const actor = start(fake, PARAM, clock);
    await settle();
    expect(actor.getSnapshot().value).toBe('failed');
    fake.failures.clear();
    clock.increment(1000);
    await settle();
    expect(actor.getSnapshot().value).toEqual({ bound: 'ready' });
    fake.remove(PARAM);
    expect(actor.getSnapshot().value).toBe('gone');
  });

  it('rebinds to another parameter', async () => {
    const fake = live();
    const actor = start(fake);
    await settle();
    actor.send({ type: 'ui.bind', parameter: FILTER });
    await settle();
    expect(actor.getSnapshot().context.name).toBe('Filter Type');
    expect(fake.watching(PARAM, 'value')).toBe(0);
  });

  it('reaches every state node, and every path replays on a real actor', () => {
    const machine = parameterMachine.provide({ actors: inertEffects() });
    const events: PathEvent<typeof machine>[] = [
      { type: 'ui.bind', parameter: PARAM },
      done('load', { name: 'F', value: 0.5, min: 0, max: 1, default_value: 0, is_quantized: false, value_items: [] }),
      failure('load', new LinkError('live_error', 'x')),
      failure('load', new LinkError('gone', 'x')),
      { type: 'ui.touch' },
      { type: 'ui.release' },
      { type: 'ui.change', value: 0.2 },
      { type: 'live.value', key: 'value', value: 0.4 },
      { type: 'ui.retry' },
      after('retryDelay', 'parameter.failed'),
    ];
    const result = coverage(machine, events, {}, machine, (c: { held: number | null }) => c.held !== null);
    expect(result.unreached).toEqual([]);
  });
});

describe('parameterMachine: held by another tablet', () => {
  const alice = (since: number, object = 20) => ({
    client: 7,
    self: false,
    name: 'Alice',
    color: '#4fc3f7',
    page: 'mixer',
    rtt_ms: 3,
    holding: [{ object, since }],
    selection: null,
  });

  it('shows another tablet’s hold, and neither moves nor touches while it lasts', async () => {
    const fake = live();
    const actor = start(fake);
    await settle();
    fake.presence([alice(1)]);
    expect(actor.getSnapshot().context.heldBy).toEqual({ name: 'Alice', color: '#4fc3f7' });
    actor.send({ type: 'ui.touch' });
    actor.send({ type: 'ui.change', value: 0.9 });
    actor.send({ type: 'ui.step', delta: 1 });
    await settle();
    expect(actor.getSnapshot().matches({ bound: 'ready' })).toBe(true);
    expect(fake.calls.filter((call) => call.startsWith('setLatest') || call.startsWith('gesture'))).toEqual([]);
    // Alice lets go: free again
    fake.presence([{ ...alice(1), holding: [] }]);
    expect(actor.getSnapshot().context.heldBy).toBeNull();
    actor.send({ type: 'ui.touch' });
    actor.send({ type: 'ui.change', value: 0.9 });
    await settle();
    expect(fake.calls).toContain('setLatest id 20 value 0.9');
    actor.stop();
  });

  it('holds its parameter for the others while touched, by Live object id', async () => {
    const fake = live();
    const actor = start(fake);
    await settle();
    actor.send({ type: 'ui.touch' });
    expect(fake.held.objects).toEqual([20]);
    actor.send({ type: 'ui.release' });
    expect(fake.held.objects).toEqual([]);
    actor.stop();
  });

  it('learns a path’s object id from its reference, so tablets addressing it differently meet', async () => {
    const fake = live();
    fake.paths.set('live_set tracks 0 devices 0 parameters 1', PARAM);
    const actor = start(fake, 'live_set tracks 0 devices 0 parameters 1');
    await settle();
    expect(actor.getSnapshot().context.object).toBe(20);
    fake.presence([alice(1)]);
    expect(actor.getSnapshot().context.heldBy?.name).toBe('Alice');
    actor.stop();
  });

  it('lets its touch go when another tablet takes it over, and takes it back by a long press', async () => {
    const fake = live();
    const actor = start(fake);
    await settle();
    actor.send({ type: 'ui.touch' });
    // Alice took it over: her hold is later than ours
    fake.presence([alice(99)]);
    expect(actor.getSnapshot().matches({ bound: 'ready' })).toBe(true);
    expect(fake.calls.filter((call) => call.startsWith('gesture'))).toEqual([
      'gesture id 20 begin',
      'gesture id 20 end',
    ]);
    actor.send({ type: 'ui.change', value: 0.1 });
    expect(fake.held.objects).toEqual([]);
    // a long press here takes it back: held at once, the other's older hold no longer counts
    actor.send({ type: 'ui.takeover' });
    expect(actor.getSnapshot().matches({ bound: 'touched' })).toBe(true);
    expect(fake.held.objects).toEqual([20]);
    fake.presence([alice(99)]); // the bridge has not heard of ours yet: still ours here
    expect(actor.getSnapshot().matches({ bound: 'touched' })).toBe(true);
    actor.send({ type: 'ui.change', value: 0.3 });
    await settle();
    expect(fake.calls).toContain('setLatest id 20 value 0.3');
    actor.stop();
  });
});
