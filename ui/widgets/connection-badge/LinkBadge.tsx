/** The connection badge on the connection actor. */
import { useSelector } from '@xstate/react';
import { memo } from 'react';
import type { ActorRefFrom, SnapshotFrom } from 'xstate';
import type { ConnectionMachine } from '../../../machines/connection';
import { sameView } from '../../connect/use-parameter';
import { ConnectionBadge, type ConnectionPhase } from './ConnectionBadge';

export type ConnectionActor = ActorRefFrom<ConnectionMachine>;

export function connectionView(snapshot: SnapshotFrom<ConnectionMachine>) {
  const state = snapshot.context.state;
  // the round trip in tenths of a millisecond: finer changes are not worth a render
  const rtt = state?.rtt
    ? { mean: Math.round(state.rtt.mean * 10) / 10, jitter: Math.round(state.rtt.jitter * 10) / 10 }
    : null;
  return {
    phase: (typeof snapshot.value === 'string' ? snapshot.value : 'connecting') as ConnectionPhase,
    live: state?.live ?? null,
    rttMean: rtt?.mean ?? null,
    rttJitter: rtt?.jitter ?? null,
    slow: state?.slow ?? false,
  };
}

export const LinkBadge = memo(function LinkBadge({ actor }: { actor: ConnectionActor }) {
  const view = useSelector(actor, connectionView, sameView);
  const rtt = view.rttMean === null || view.rttJitter === null ? null : { mean: view.rttMean, jitter: view.rttJitter };
  return <ConnectionBadge phase={view.phase} live={view.live} rtt={rtt} slow={view.slow} />;
});
