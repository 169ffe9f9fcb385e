import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { FakeLive, settle } from '../fake-live/fake-live';
import type { LinkState } from '../link/live-link';
import { performLockMachine } from './perform-lock';

const linkState = (locked: boolean, status: LinkState['status'] = 'online'): LinkState => ({
  status,
  live: null,
  midi: null,
  sessions: 1,
  rtt: null,
  slow: false,
  locked,
  pages: [],
  presence: [],
});

function started() {
  const live = new FakeLive();
  const actor = createActor(performLockMachine.provide({ actors: live.effects() })).start();
  return { live, actor };
}

describe('performLock', () => {
  it('follows the lock every tablet sees, from the bridge', async () => {
    const { live, actor } = started();
    live.link(linkState(true));
    await settle();
    expect(actor.getSnapshot().context.locked).toBe(true);
    live.link(linkState(false));
    await settle();
    expect(actor.getSnapshot().context.locked).toBe(false);
    actor.stop();
  });

  it('locks at once, and unlocks only after a yes', async () => {
    const { live, actor } = started();
    live.link(linkState(false));
    await settle();
    actor.send({ type: 'ui.lock' });
    await settle();
    expect(live.calls).toEqual(['lock true']);
    expect(actor.getSnapshot().context.locked).toBe(true);
    actor.send({ type: 'ui.unlock' });
    expect(actor.getSnapshot().hasTag('confirming')).toBe(true);
    actor.send({ type: 'ui.keep' });
    await settle();
    expect(live.calls).toEqual(['lock true']);
    expect(actor.getSnapshot().context.locked).toBe(true);
    actor.send({ type: 'ui.unlock' });
    actor.send({ type: 'ui.confirm' });
    await settle();
    expect(live.calls).toEqual(['lock true', 'lock false']);
    expect(actor.getSnapshot().context.locked).toBe(false);
    actor.stop();
  });

  it('asks nothing while the bridge cannot be reached', async () => {
    const { live, actor } = started();
    live.link(linkState(false, 'reconnecting'));
    await settle();
    actor.send({ type: 'ui.lock' });
    await settle();
    expect(live.calls).toEqual([]);
    actor.stop();
  });
});
