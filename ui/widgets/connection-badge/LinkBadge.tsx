/** The connection badge on the connection actor. */
import { memo } from 'react';
import { useConnection, type ConnectionActor } from '../../connect/use-connection';
import { ConnectionBadge } from './ConnectionBadge';

export const LinkBadge = memo(function LinkBadge({ actor }: { actor: ConnectionActor }) {
  const view = useConnection(actor);
  const rtt = view.rttMean === null || view.rttJitter === null ? null : { mean: view.rttMean, jitter: view.rttJitter };
  return <ConnectionBadge phase={view.phase} live={view.live} rtt={rtt} slow={view.slow} />;
});
