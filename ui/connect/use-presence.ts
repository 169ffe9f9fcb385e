/**
 * This tablet's presence actor, as the app runs it (`useTabletPresence`):
 * started with the name and color the tablet kept (`ui/settings`) and the
 * page shown, told each page the musician opens, and keeping the name and
 * color it has (the first "Tablet N", a name or color the musician
 * chooses). And the list of tablets on that actor (`useTablets`).
 *
 * What the other actors tell it (a parameter held or let go, the notes a
 * clip editor selects) they send to the actor itself: `presence.hold`,
 * `presence.release`, `presence.select` (machines/tablet-presence.ts).
 */
import { useActorRef, useSelector } from '@xstate/react';
import { useEffect, useMemo, useState } from 'react';
import type { ActorRefFrom, InspectionEvent, SnapshotFrom } from 'xstate';
import type { TabletPresenceMachine } from '../../machines/tablet-presence';
import { keepTabletIdentity, storedTabletIdentity, TABLET_PALETTE } from '../settings/tablet-identity';
import type { TabletsViewProps } from '../widgets/presence/TabletsView';
import { tabletRows } from '../widgets/presence/tablet-rows';
import { sameView } from './same';

export type TabletPresenceActor = ActorRefFrom<TabletPresenceMachine>;

type Snapshot = SnapshotFrom<TabletPresenceMachine>;

const identityOf = (snapshot: Snapshot) => ({ name: snapshot.context.name, color: snapshot.context.color });

/** Runs this tablet's presence actor for the app: `page` is the tab shown. */
export function useTabletPresence(
  machine: TabletPresenceMachine,
  page: string,
  inspect?: (event: InspectionEvent) => void,
): TabletPresenceActor {
  const [kept] = useState(() => storedTabletIdentity());
  const actor = useActorRef(machine, { input: { ...kept, page }, inspect });
  const { name, color } = useSelector(actor, identityOf, sameView);
  // kept as soon as it is chosen: a random first color, the first "Tablet N", the musician's changes
  useEffect(() => keepTabletIdentity({ name, color }), [name, color]);
  useEffect(() => {
    actor.send({ type: 'app.page', page });
  }, [actor, page]);
  return actor;
}

/** What the list of tablets shows of the actor (the rows and this tablet's own fields). */
export function tabletsOf(snapshot: Snapshot) {
  return { clients: snapshot.context.clients, name: snapshot.context.name, color: snapshot.context.color };
}

/** The list of tablets on the presence actor, its panel opened and closed here. */
export function useTablets(actor: TabletPresenceActor): TabletsViewProps {
  const { clients, name, color } = useSelector(actor, tabletsOf, sameView);
  const [open, setOpen] = useState(false);
  const tablets = useMemo(() => tabletRows(clients), [clients]);
  const commands = useMemo(
    () => ({
      onRename: (text: string) => actor.send({ type: 'ui.rename', name: text }),
      onRecolor: (value: string) => actor.send({ type: 'ui.recolor', color: value }),
    }),
    [actor],
  );
  return { tablets, name, color, palette: TABLET_PALETTE, open, onOpenChange: setOpen, ...commands };
}
