import { describe, expect, it } from 'vitest';
import type { LinkState } from '../../link/live-link';
import { connectionMachine, type ConnectionContext } from '../../machines/connection';
import type { ConnectionPhase } from '../widgets/connection-badge/ConnectionBadge';
import { connectionNotice, connectionView, type ConnectionNotice } from './use-connection';

const SIMULATOR = { state: 'online', host: 'simulator', live_version: '12.3.6', set_name: 'Demo' } as const;
const OFFLINE = { state: 'offline', host: null, live_version: null, set_name: null } as const;

function linkState(status: LinkState['status'], extra: Partial<LinkState> = {}): LinkState {
  return {
    status,
    live: SIMULATOR,
    midi: { mode: 'virtual', detail: 'to the virtual ports' },
    sessions: 1,
    rtt: null,
    slow: false,
    locked: false,
    pages: [],
    presence: [],
    ...extra,
  };
}

const noticeOf = (
  phase: ConnectionPhase,
  state: LinkState | null,
  lastHost: ConnectionContext['lastHost'] = null,
): ConnectionNotice =>
  connectionNotice(connectionView(connectionMachine.resolveState({ value: phase, context: { state, lastHost } })));

const waiting = (reason: NonNullable<LinkState['retry']>['reason'], sessions: number) =>
  linkState('reconnecting', { sessions, retry: { reason, at: 5000 } });

describe('connectionNotice', () => {
  it('tells nothing while Live plays', () => {
    expect(noticeOf('online', linkState('online'))).toEqual({ kind: 'none' });
  });

  it('puts a banner over the pages while Live is offline, saying whether the simulator restarts', () => {
    const away = linkState('live-offline', { live: OFFLINE });
    expect(noticeOf('liveOffline', away)).toEqual({ kind: 'banner', cause: 'live-not-running', retryAt: null });
    expect(noticeOf('liveOffline', away, 'simulator')).toMatchObject({ cause: 'simulator-restarting' });
    const onTheSimulator = { ...away, midi: { mode: 'simulator', detail: 'to the simulator' } } as const;
    expect(noticeOf('liveOffline', onTheSimulator)).toMatchObject({ cause: 'simulator-restarting' });
  });

  it('puts a banner over the pages while the bridge is away, with the time of the next try', () => {
    expect(noticeOf('reconnecting', waiting({ kind: 'lost' }, 1))).toEqual({
      kind: 'banner',
      cause: 'bridge-lost',
      retryAt: 5000,
    });
    expect(noticeOf('reconnecting', waiting({ kind: 'unreachable' }, 1))).toMatchObject({
      kind: 'banner',
      cause: 'bridge-unreachable',
    });
    expect(noticeOf('reconnecting', waiting({ kind: 'socket-refused' }, 1))).toMatchObject({
      kind: 'banner',
      cause: 'socket-refused',
    });
  });

  it('says it is connecting before the first answer, and gives a screen when the first try failed', () => {
    expect(noticeOf('connecting', null)).toEqual({ kind: 'banner', cause: 'connecting', retryAt: null });
    expect(noticeOf('connecting', waiting({ kind: 'unreachable' }, 0))).toEqual({
      kind: 'screen',
      screen: 'unreachable',
      retryAt: 5000,
      detail: null,
    });
    expect(noticeOf('connecting', waiting({ kind: 'socket-refused' }, 0))).toMatchObject({ screen: 'socket-refused' });
  });

  it('gives a screen of its own to what only the musician can mend', () => {
    expect(noticeOf('authFailed', linkState('auth-failed'))).toMatchObject({ kind: 'screen', screen: 'wrong-token' });
    expect(noticeOf('reconnecting', waiting({ kind: 'limited', retryAfterMs: 30_000 }, 1))).toMatchObject({
      kind: 'screen',
      screen: 'too-many-guesses',
      retryAt: 5000,
    });
    expect(
      noticeOf('incompatible', linkState('incompatible', { incompatible: 'this bridge speaks protocol 2, not 1' })),
    ).toEqual({
      kind: 'screen',
      screen: 'incompatible',
      retryAt: null,
      detail: 'this bridge speaks protocol 2, not 1',
    });
  });
});
