import { describe, expect, it } from 'vitest';
import type { BridgeHelloResult, LiveStatus, PageList, PresentClient } from '../protocol/src/index';
import { initialLinkState, nextLinkState, type LinkState } from './link-state';

const online: LiveStatus = { state: 'online', host: 'simulator', live_version: '12.3.6', set_name: 'Demo' };
const offline: LiveStatus = { state: 'offline', host: null, live_version: null, set_name: null };
const hello = (live: LiveStatus): BridgeHelloResult => ({
  protocol: 1,
  bridge_version: 'test',
  live,
  midi: { mode: 'simulator', detail: 'test' },
  locked: false,
  pages: [],
});

describe('nextLinkState', () => {
  it('starts connecting, with nothing known', () => {
    expect(initialLinkState).toEqual({
      status: 'connecting',
      live: null,
      midi: null,
      sessions: 0,
      rtt: null,
      slow: false,
      locked: false,
      pages: [],
      presence: [],
    });
  });

  it('counts greetings and takes Live and MIDI from the hello; a greeting clears slow', () => {
    const slow: LinkState = { ...initialLinkState, slow: true };
    const first = nextLinkState(slow, { type: 'greeted', hello: hello(online) });
    expect(first).toMatchObject({
      status: 'online',
      live: online,
      midi: { mode: 'simulator' },
      sessions: 1,
      slow: false,
    });
    const second = nextLinkState(first, { type: 'greeted', hello: hello(offline) });
    expect(second).toMatchObject({ status: 'live-offline', sessions: 2 });
  });

  it('follows Live going offline and back', () => {
    const greeted = nextLinkState(initialLinkState, { type: 'greeted', hello: hello(online) });
    const away = nextLinkState(greeted, { type: 'live', live: offline });
    expect(away).toMatchObject({ status: 'live-offline', live: offline });
    expect(nextLinkState(away, { type: 'live', live: online }).status).toBe('online');
  });

  it('says each retry, and the end of the link', () => {
    const retry = { reason: { kind: 'lost' }, at: 1250 } as const;
    const waiting = nextLinkState(initialLinkState, { type: 'retrying', status: 'reconnecting', retry });
    expect(waiting).toMatchObject({ status: 'reconnecting', retry });
    // a hello ends the wait
    expect(nextLinkState(waiting, { type: 'greeted', hello: hello(online) }).retry).toBeUndefined();
    expect(nextLinkState(initialLinkState, { type: 'incompatible', message: 'protocol 2' })).toMatchObject({
      status: 'incompatible',
      incompatible: 'protocol 2',
    });
    expect(nextLinkState(initialLinkState, { type: 'auth-failed' }).status).toBe('auth-failed');
    expect(nextLinkState(initialLinkState, { type: 'closed' }).status).toBe('closed');
  });

  it('is news only when slow really changes', () => {
    expect(nextLinkState(initialLinkState, { type: 'slow', slow: false })).toBe(initialLinkState);
    const slow = nextLinkState(initialLinkState, { type: 'slow', slow: true });
    expect(slow.slow).toBe(true);
    expect(nextLinkState(slow, { type: 'slow', slow: false }).slow).toBe(false);
  });

  it('keeps the saved pages from each hello and each pages event, and the same list through other changes', () => {
    const pages: PageList = [{ name: 'broken', revision: 'r1', error: 'not JSON: Unexpected end of JSON input' }];
    const greeted = nextLinkState(initialLinkState, { type: 'greeted', hello: { ...hello(online), pages } });
    expect(greeted.pages).toBe(pages);
    expect(nextLinkState(greeted, { type: 'live', live: offline }).pages).toBe(pages);
    const none = nextLinkState(greeted, { type: 'pages', pages: [] });
    expect(none.pages).toEqual([]);
    // a new socket's hello is the list now, whatever the last one said
    expect(nextLinkState(none, { type: 'greeted', hello: { ...hello(online), pages } }).pages).toBe(pages);
  });

  it('follows the lock', () => {
    const locked = nextLinkState(initialLinkState, { type: 'lock', locked: true });
    expect(locked.locked).toBe(true);
    expect(nextLinkState(locked, { type: 'lock', locked: true })).toBe(locked);
  });

  it('keeps the presence list the bridge tells, the same array through other changes, emptied when lost', () => {
    const alice: PresentClient = {
      client: 1,
      self: false,
      name: 'Alice',
      color: '#3f9fe0',
      page: 'mixer',
      rtt_ms: 3,
      holding: [{ object: 101, since: 1 }],
      selection: null,
    };
    const clients = [alice];
    const heard = nextLinkState(initialLinkState, { type: 'presence', clients });
    expect(heard.presence).toBe(clients);
    expect(nextLinkState(heard, { type: 'lock', locked: true }).presence).toBe(clients);
    expect(nextLinkState(heard, { type: 'greeted', hello: hello(online) }).presence).toBe(clients);
    const lost = nextLinkState(heard, { type: 'presence', clients: [] });
    expect(lost.presence).toEqual([]);
    // nothing to forget: no news
    expect(nextLinkState(lost, { type: 'presence', clients: [] })).toBe(lost);
  });

  it('keeps the latest round-trip figures', () => {
    const rtt = { last: 12, mean: 12, jitter: 0, samples: 1 };
    expect(nextLinkState(initialLinkState, { type: 'rtt', rtt }).rtt).toBe(rtt);
  });
});
