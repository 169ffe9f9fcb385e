/** A clip slot that fails: optional steps that degrade it, refusals it shows, failures it retries, its end. */
import { createActor, SimulatedClock } from 'xstate';
import { describe, expect, it } from 'vitest';
import { LinkError } from '../link/errors';
import { clipSlotMachine } from './clip-slot';
import { settle, type FakeLive } from '../fake-live/fake-live';
import { slotWithClip as liveWithClip } from '../fake-live/test-sets';

const SLOT = 'id 10';
const CLIP = 'id 11';

function start(live: FakeLive, input: Record<string, unknown> = {}, clock?: SimulatedClock) {
  const machine = clipSlotMachine.provide({ actors: live.effects() });
  return createActor(machine, { input: { slot: SLOT, ...input }, ...(clock ? { clock } : {}) }).start();
}

describe('clipSlotMachine when something fails', () => {
  it('shows a playing position it cannot observe as degraded, and keeps playing', async () => {
    const live = liveWithClip();
    live.failures.set(`${CLIP} playing_position`, new LinkError('live_error', 'playing_position: unreadable'));
    const actor = start(live);
    await settle();
    live.change(SLOT, 'playing_status', 1);
    expect(actor.getSnapshot().matches({ ready: { play: 'playing', health: 'degraded' } })).toBe(true);
    expect(actor.getSnapshot().context.optionalFailures).toEqual({
      playing_position: 'playing_position: unreadable',
    });
  });

  it('shows a fire Live refused, and carries on', async () => {
    const live = liveWithClip().on('fire', () => {
      throw new LinkError('live_error', 'fire: the track is frozen');
    });
    const actor = start(live);
    await settle();
    actor.send({ type: 'ui.fire' });
    await settle();
    expect(actor.getSnapshot().context.commandError).toBe('fire: the track is frozen');
    expect(actor.getSnapshot().matches('ready')).toBe(true);
  });

  it('shows a failed optional observation without failing', async () => {
    const live = liveWithClip();
    const actor = start(live);
    await settle();
    live.breakObservation(CLIP, 'name', new LinkError('live_error', 'name: unreadable'));
    expect(actor.getSnapshot().matches({ ready: { health: 'degraded' } })).toBe(true);
    expect(actor.getSnapshot().context.optionalFailures).toEqual({ name: 'name: unreadable' });
    expect(actor.getSnapshot().hasTag('playing') || actor.getSnapshot().hasTag('stopped')).toBe(true);
  });

  it('shows that looping could not be set, without failing', async () => {
    const live = liveWithClip();
    live.failures.set(`${CLIP} looping`, new LinkError('live_error', 'looping: refused'));
    const actor = start(live);
    await settle();
    expect(actor.getSnapshot().matches({ ready: { health: 'degraded', setup: 'done' } })).toBe(true);
    expect(actor.getSnapshot().context.optionalFailures.looping).toBe('looping: refused');
  });

  it('fails, then retries with backoff on a simulated clock', async () => {
    const live = liveWithClip();
    live.failures.set(`${SLOT} clip`, new LinkError('unavailable', 'Live is offline'));
    const clock = new SimulatedClock();
    const actor = start(live, {}, clock);
    await settle();
    expect(actor.getSnapshot().value).toBe('failed');
    expect(actor.getSnapshot().context.error).toEqual({ code: 'unavailable', message: 'Live is offline' });
    clock.increment(999);
    await settle();
    expect(actor.getSnapshot().value).toBe('failed');
    clock.increment(1);
    await settle();
    expect(actor.getSnapshot().value).toBe('failed');
    expect(actor.getSnapshot().context.retries).toBe(1);
    live.failures.clear();
    clock.increment(2000);
    await settle();
    expect(actor.getSnapshot().matches('ready')).toBe(true);
  });

  it('retries at once on ui.retry', async () => {
    const live = liveWithClip();
    live.failures.set(`${SLOT} clip`, new LinkError('live_error', 'boom'));
    const actor = start(live);
    await settle();
    live.failures.clear();
    actor.send({ type: 'ui.retry' });
    await settle();
    expect(actor.getSnapshot().matches('ready')).toBe(true);
  });

  it('ends when the slot itself is deleted', async () => {
    const live = liveWithClip();
    const actor = start(live);
    await settle();
    live.remove(SLOT);
    expect(actor.getSnapshot().value).toBe('gone');
    expect(actor.getSnapshot().status).toBe('done');
  });
});
