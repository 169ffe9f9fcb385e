import { createActor } from 'xstate';
import { describe, expect, it } from 'vitest';
import type { LinkState } from '../link/live-link';
import { connectionMachine } from './connection';
import type { LinkStateEvent } from './effects';
import { FakeLive, inertEffects } from '../fake-live/fake-live';
import { coverage } from './graph-coverage';
import { provideMachines } from './provide';

const state = (status: LinkState['status'], live: LinkState['live'] = null): LinkState => ({
  status,
  live,
  midi: null,
  sessions: 1,
  rtt: null,
  slow: false,
  locked: false,
  pages: [],
  presence: [],
});

describe('connectionMachine', () => {
  it('follows the link', () => {
    const live = new FakeLive();
    const actor = createActor(provideMachines(live.effects()).connection).start();
    expect(actor.getSnapshot().value).toBe('connecting');
    live.link(state('online'));
    expect(actor.getSnapshot().value).toBe('online');
    expect(actor.getSnapshot().hasTag('usable')).toBe(true);
    live.link(state('live-offline'));
    expect(actor.getSnapshot().value).toBe('liveOffline');
    live.link(state('reconnecting'));
    expect(actor.getSnapshot().value).toBe('reconnecting');
    expect(actor.getSnapshot().context.state?.status).toBe('reconnecting');
  });

  it('remembers which Live answered last, while Live is offline', () => {
    const live = new FakeLive();
    const actor = createActor(provideMachines(live.effects()).connection).start();
    expect(actor.getSnapshot().context.lastHost).toBeNull();
    live.link(state('online', { state: 'online', host: 'simulator', live_version: '12.3.6', set_name: 'Demo' }));
    live.link(state('live-offline', { state: 'offline', host: null, live_version: null, set_name: null }));
    expect(actor.getSnapshot().context.lastHost).toBe('simulator');
    live.link(state('incompatible'));
    expect(actor.getSnapshot().value).toBe('incompatible');
    expect(actor.getSnapshot().hasTag('failed')).toBe(true);
  });

  it('reaches every state node, and every path replays on a real actor', () => {
    const machine = connectionMachine.provide({ actors: inertEffects() });
    const statuses = [
      'connecting',
      'online',
      'live-offline',
      'reconnecting',
      'auth-failed',
      'incompatible',
      'closed',
    ] as const;
    const result = coverage(
      machine,
      statuses.map((status): LinkStateEvent => ({ type: 'link.state', state: state(status) })),
      undefined,
      machine,
    );
    expect(result.unreached).toEqual([]);
  });
});
