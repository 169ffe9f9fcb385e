import { createActor, getInitialSnapshot, setup, SimulatedClock } from 'xstate';
import { describe, expect, it } from 'vitest';
import { LinkError } from '../link/errors';
import { FakeLive, inertEffects, settle } from '../fake-live/fake-live';
import { after, coverage, done, failure, nextSnapshot, type PathEvent } from './graph-coverage';
import { sceneMachine } from './scene';
import type { Settled } from './settling';

const SCENE = 'id 41';

function liveWithScene(): FakeLive {
  return new FakeLive().define(SCENE, { name: 'Chorus', color: 0xff3636, is_triggered: false });
}

function start(live: FakeLive, input: Record<string, unknown> = {}, clock?: SimulatedClock) {
  const machine = sceneMachine.provide({ actors: live.effects() });
  return createActor(machine, { input: { scene: SCENE, ...input }, ...(clock ? { clock } : {}) }).start();
}

describe('sceneMachine', () => {
  it('starts by reading the scene, and is ready with what it read', () => {
    const machine = sceneMachine.provide({ actors: inertEffects() });
    const loading = getInitialSnapshot(machine, { scene: SCENE });
    expect(loading.value).toBe('loading');
    const ready = nextSnapshot(machine, loading, done('readScene', { name: 'Intro', color: 7, is_triggered: true }));
    expect(ready.value).toEqual({ ready: 'triggered' });
    expect(ready.context).toMatchObject({ name: 'Intro', color: 7, triggered: true });
  });

  it('loads, tells the session, and follows Live: renamed, recolored, triggered, launched', async () => {
    const live = liveWithScene();
    const reports: string[] = [];
    const reportTo = createActor(
      setup({ types: { events: {} as Settled } }).createMachine({
        on: { 'child.settled': { actions: ({ event }) => reports.push(event.id) } },
      }),
    ).start();
    const actor = start(live, { reportTo, id: 'scene:id 41' });
    await settle();
    expect(actor.getSnapshot().value).toEqual({ ready: 'idle' });
    expect(actor.getSnapshot().context).toMatchObject({ name: 'Chorus', color: 0xff3636 });
    expect(reports).toEqual(['scene:id 41']);
    live.change(SCENE, 'name', 'Chorus 2');
    live.change(SCENE, 'color', 0x1aff2f);
    live.change(SCENE, 'is_triggered', true);
    expect(actor.getSnapshot().value).toEqual({ ready: 'triggered' });
    expect(actor.getSnapshot().context).toMatchObject({ name: 'Chorus 2', color: 0x1aff2f });
    live.change(SCENE, 'is_triggered', false);
    expect(actor.getSnapshot().value).toEqual({ ready: 'idle' });
  });

  it('fires the scene through Live, and shows a fire Live refused', async () => {
    const live = liveWithScene();
    const actor = start(live);
    await settle();
    actor.send({ type: 'ui.fire' });
    await settle();
    expect(live.calls).toContain(`call ${SCENE} fire`);
    live.on('fire', () => {
      throw new LinkError('live_error', 'fire: refused');
    });
    actor.send({ type: 'ui.fire' });
    await settle();
    expect(actor.getSnapshot().context.commandError).toBe('fire: refused');
    expect(actor.getSnapshot().matches('ready')).toBe(true);
  });

  it('sends every fire of taps faster than Live answers', async () => {
    const live = liveWithScene();
    const actor = start(live);
    await settle();
    actor.send({ type: 'ui.fire' });
    actor.send({ type: 'ui.fire' });
    actor.send({ type: 'ui.fire' });
    await settle();
    expect(live.calls).toEqual([`call ${SCENE} fire`, `call ${SCENE} fire`, `call ${SCENE} fire`]);
  });

  it('fails, retries with backoff on a simulated clock, and at once on ui.retry', async () => {
    const live = liveWithScene();
    live.failures.set(`${SCENE} name`, new LinkError('unavailable', 'Live is offline'));
    const clock = new SimulatedClock();
    const actor = start(live, {}, clock);
    await settle();
    expect(actor.getSnapshot().value).toBe('failed');
    expect(actor.getSnapshot().context.error).toEqual({ code: 'unavailable', message: 'Live is offline' });
    clock.increment(999);
    await settle();
    expect(actor.getSnapshot().context.retries).toBe(0);
    clock.increment(1);
    await settle();
    expect(actor.getSnapshot().value).toBe('failed');
    expect(actor.getSnapshot().context.retries).toBe(1);
    live.failures.clear();
    actor.send({ type: 'ui.retry' });
    await settle();
    expect(actor.getSnapshot().value).toEqual({ ready: 'idle' });
    expect(actor.getSnapshot().context.error).toBeNull();
  });

  it('ends when the scene is deleted in Live', async () => {
    const live = liveWithScene();
    const actor = start(live);
    await settle();
    live.remove(SCENE);
    expect(actor.getSnapshot().value).toBe('gone');
    expect(actor.getSnapshot().status).toBe('done');
    expect(live.watching(SCENE, 'is_triggered')).toBe(0);
  });

  it('reaches every state node, and every path replays on a real actor', () => {
    const machine = sceneMachine.provide({ actors: inertEffects() });
    const events: PathEvent<typeof machine>[] = [
      done('readScene', { name: 'Intro', color: 1, is_triggered: false }),
      failure('readScene', new LinkError('live_error', 'x')),
      failure('readScene', new LinkError('gone', 'x')),
      failure('observe.triggered', new LinkError('gone', 'x')),
      { type: 'live.value', key: 'triggered', value: true },
      { type: 'live.value', key: 'triggered', value: false },
      { type: 'ui.retry' },
      after('retryDelay', 'scene.failed'),
    ];
    const summary = (c: { triggered: boolean; retries: number }) => [c.triggered, c.retries > 0];
    const result = coverage(machine, events, { scene: SCENE }, machine, summary);
    expect(result.unreached).toEqual([]);
  });
});
