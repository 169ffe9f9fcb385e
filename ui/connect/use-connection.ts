/**
 * The connection actor, as the badge shows it (`useConnection`) and as the
 * app tells it around its pages (`useConnectionNotice`): nothing while Live
 * plays; a banner over dimmed, inert pages while Live or the bridge is away
 * and may come back by itself; a screen of its own for what only the
 * musician can mend (another address, a reload), or while the page never
 * reached the bridge at all.
 */
import { useSelector } from '@xstate/react';
import type { ActorRefFrom, SnapshotFrom } from 'xstate';
import type { RetryReason } from '../../link/live-link';
import type { ConnectionMachine } from '../../machines/connection';
import type { FailureScreen } from '../app/StatusView';
import type { ConnectionBadgeProps, ConnectionPhase } from '../widgets/connection-badge/ConnectionBadge';
import type { OfflineCause } from '../widgets/connection-badge/OfflineBanner';
import { sameView } from './same';

/** The connection actor the app runs. */
export type ConnectionActor = ActorRefFrom<ConnectionMachine>;

/** What the app shows of the connection, flat (so it compares field by field). */
export interface ConnectionView {
  phase: ConnectionPhase;
  live: ConnectionBadgeProps['live'];
  rttMean: number | null;
  rttJitter: number | null;
  slow: boolean;
  /** Why the link waits to try again, while it does. */
  retryReason: RetryReason['kind'] | null;
  /** When it tries again (ms since the epoch: the browser link's clock). */
  retryAt: number | null;
  /** The bridge greeted this page at least once: the pages have something to show. */
  everOnline: boolean;
  /** The bridge runs the simulator, or the simulator answered last: a Live offline is the simulator restarting. */
  onSimulator: boolean;
  /** The bridge's words when it refused this page's protocol. */
  incompatible: string | null;
}

/** The view of a connection snapshot. */
export function connectionView(snapshot: SnapshotFrom<ConnectionMachine>): ConnectionView {
  const state = snapshot.context.state;
  // the round trip in tenths of a millisecond: finer changes are not worth a render
  const rtt = state?.rtt
    ? { mean: Math.round(state.rtt.mean * 10) / 10, jitter: Math.round(state.rtt.jitter * 10) / 10 }
    : null;
  return {
    phase: typeof snapshot.value === 'string' ? snapshot.value : 'connecting',
    live: state?.live ?? null,
    rttMean: rtt?.mean ?? null,
    rttJitter: rtt?.jitter ?? null,
    slow: state?.slow ?? false,
    retryReason: state?.retry?.reason.kind ?? null,
    retryAt: state?.retry?.at ?? null,
    everOnline: (state?.sessions ?? 0) > 0,
    onSimulator: state?.midi?.mode === 'simulator' || snapshot.context.lastHost === 'simulator',
    incompatible: state?.incompatible ?? null,
  };
}

/** The badge's view of the connection actor. */
export function useConnection(actor: ConnectionActor): ConnectionView {
  return useSelector(actor, connectionView, sameView);
}

/** What the app tells of the connection around its pages. */
export type ConnectionNotice =
  | { kind: 'none' }
  /** The pages stay, dimmed and inert (but for those that keep their edits), under a banner. */
  | { kind: 'banner'; cause: OfflineCause; retryAt: number | null }
  /** A screen instead of the pages. */
  | { kind: 'screen'; screen: FailureScreen; retryAt: number | null; detail: string | null };

const NONE: ConnectionNotice = { kind: 'none' };

/** What the link's wait means: before the page ever reached the bridge, a failure screen; after, a banner. */
function waitingNotice(view: ConnectionView): ConnectionNotice {
  const { retryReason, retryAt, everOnline } = view;
  const screen = (failure: FailureScreen): ConnectionNotice => ({
    kind: 'screen',
    screen: failure,
    retryAt,
    detail: null,
  });
  const banner = (cause: OfflineCause): ConnectionNotice => ({ kind: 'banner', cause, retryAt });
  switch (retryReason) {
    case null:
      return banner(everOnline ? 'bridge-lost' : 'connecting');
    case 'limited':
      return screen('too-many-guesses');
    case 'unreachable':
      return everOnline ? banner('bridge-unreachable') : screen('unreachable');
    case 'socket-refused':
      return everOnline ? banner('socket-refused') : screen('socket-refused');
    case 'lost':
      return banner('bridge-lost');
    default:
      return retryReason satisfies never;
  }
}

/** What the app tells of a connection view. */
export function connectionNotice(view: ConnectionView): ConnectionNotice {
  switch (view.phase) {
    case 'online':
      return NONE;
    case 'liveOffline':
      return { kind: 'banner', cause: view.onSimulator ? 'simulator-restarting' : 'live-not-running', retryAt: null };
    case 'connecting':
    case 'reconnecting':
      return waitingNotice(view);
    case 'authFailed':
      return { kind: 'screen', screen: 'wrong-token', retryAt: null, detail: null };
    case 'incompatible':
      return { kind: 'screen', screen: 'incompatible', retryAt: null, detail: view.incompatible };
    case 'closed':
      return { kind: 'banner', cause: 'closed', retryAt: null };
    default:
      return view.phase satisfies never;
  }
}

const noticeOf = (snapshot: SnapshotFrom<ConnectionMachine>): ConnectionNotice =>
  connectionNotice(connectionView(snapshot));

/** What the app tells of the connection actor; a new value only when the notice changes (not the round trip). */
export function useConnectionNotice(actor: ConnectionActor): ConnectionNotice {
  return useSelector(actor, noticeOf, sameView);
}
