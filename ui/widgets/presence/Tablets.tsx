/** The list of tablets on this tablet's presence actor. */
import { memo } from 'react';
import { useTablets, type TabletPresenceActor } from '../../connect/use-presence';
import { TabletsView } from './TabletsView';

export const Tablets = memo(function Tablets({ actor }: { actor: TabletPresenceActor }) {
  return <TabletsView {...useTablets(actor)} />;
});
