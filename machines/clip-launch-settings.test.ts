import { createActor } from 'xstate';
import { describe, expect, it } from 'vitest';
import { LinkError } from '../link/errors';
import { inertEffects, settle } from '../fake-live/fake-live';
import { slotWithClip } from '../fake-live/test-sets';
import { clipLaunchSettingsMachine } from './clip-launch-settings';
import { coverage, failure, type PathEvent } from './graph-coverage';
import { pick } from './provide';

function launchSettings(live = slotWithClip()) {
  live.define('id 11', { launch_mode: 0, launch_quantization: 0 });
  const machine = clipLaunchSettingsMachine.provide({ actors: pick(live.effects(), ['set', 'observe']) });
  return { live, actor: createActor(machine, { input: { clip: 'id 11' } }).start() };
}

describe('clipLaunchSettingsMachine', () => {
  it('shows the clip’s launch mode and quantization as Live has them, and sets them', async () => {
    const { live, actor } = launchSettings();
    await settle();
    expect(actor.getSnapshot().hasTag('ready')).toBe(true);
    actor.send({ type: 'ui.launchMode', value: 2 });
    actor.send({ type: 'ui.launchQuantization', value: 8 });
    await settle();
    expect(live.calls).toEqual(['set id 11 launch_mode 2', 'set id 11 launch_quantization 8']);
    expect(actor.getSnapshot().context).toMatchObject({ mode: 2, quantization: 8, commandError: null });
    // changed in Live (or by another tablet): shown
    live.change('id 11', 'launch_mode', 3);
    expect(actor.getSnapshot().context.mode).toBe(3);
  });

  it('sends only Live’s values, and tells a change Live refused', async () => {
    const { live, actor } = launchSettings();
    await settle();
    actor.send({ type: 'ui.launchMode', value: 4 });
    actor.send({ type: 'ui.launchQuantization', value: 15 });
    actor.send({ type: 'ui.launchQuantization', value: -1 });
    expect(live.calls).toEqual([]);
    live.failures.set('id 11 launch_mode', new LinkError('live_error', 'Invalid launch mode'));
    actor.send({ type: 'ui.launchMode', value: 1 });
    await settle();
    expect(actor.getSnapshot().context).toMatchObject({ mode: 0, commandError: 'Invalid launch mode' });
  });

  it('is gone with its clip', async () => {
    const { live, actor } = launchSettings();
    await settle();
    live.remove('id 11');
    await settle();
    expect(actor.getSnapshot().hasTag('gone')).toBe(true);
  });

  it('reaches every state node, and every path replays on a real actor', () => {
    const machine = clipLaunchSettingsMachine.provide({ actors: inertEffects() });
    const events: PathEvent<typeof machine>[] = [
      { type: 'live.value', key: 'mode', value: 1 },
      { type: 'live.value', key: 'quantization', value: 0 },
      failure('observe.mode', new Error('x')),
      failure('observe.quantization', new LinkError('gone', 'deleted')),
      { type: 'ui.retry' },
    ];
    const summary = (c: { received: string[] }) => c.received.length;
    expect(coverage(machine, events, { clip: 'id 11' }, machine, summary).unreached).toEqual([]);
  });
});
