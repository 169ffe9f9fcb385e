/** The connection badge on the connection actor: what it shows of the link to the bridge. */
import { useSelector } from '@xstate/react';
import type { ActorRefFrom, SnapshotFrom } from 'xstate';
import type { ConnectionMachine } from '../../machines/connection';
import type { ConnectionBadgeProps, ConnectionPhase } from '../widgets/connection-badge/ConnectionBadge';
import { sameView } from './same';

/** The connection actor the app runs. */
export type ConnectionActor = ActorRefFrom<ConnectionMachine>;

/** What the badge shows of the connection, flat (the round trip in two fields) so it compares field by field. */
export interface ConnectionView {
  phase: ConnectionPhase;
  live: ConnectionBadgeProps['live'];
  rttMean: number | null;
  rttJitter: number | null;
  slow: boolean;
}

/** The badge's view of a connection snapshot. */
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
  };
}

/** The badge's view of the connection actor. */
export function useConnection(actor: ConnectionActor): ConnectionView {
  return useSelector(actor, connectionView, sameView);
}
