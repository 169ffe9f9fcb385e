/** The object browser on its actor (a `describe` of each object opened). Thin. */
import { useActorRef, useSelector } from '@xstate/react';
import type { ProvidedMachines } from '../../machines/provide';
import type { BrowseFor } from '../../machines/object-browser';
import { useInspect } from '../app/inspect';
import { ObjectBrowser } from './ObjectBrowser';

export function LiveObjectBrowser({
  machines,
  browseFor,
  onPick,
  onClose,
}: {
  machines: ProvidedMachines;
  browseFor: BrowseFor;
  onPick: (path: string) => void;
  onClose: () => void;
}) {
  const actor = useActorRef(machines.objectBrowser, { input: { browseFor }, inspect: useInspect() });
  const trail = useSelector(actor, (snapshot) => snapshot.context.trail);
  const entries = useSelector(actor, (snapshot) => snapshot.context.entries);
  const loading = useSelector(actor, (snapshot) => snapshot.hasTag('loading'));
  const error = useSelector(actor, (snapshot) => (snapshot.matches('failed') ? snapshot.context.error : null));
  return (
    <ObjectBrowser
      trail={trail}
      entries={entries}
      loading={loading}
      error={error}
      picking={browseFor === 'track' ? 'a track' : 'a parameter'}
      onOpen={(path, label) => actor.send({ type: 'ui.open', path, label })}
      onPick={onPick}
      onRetry={() => actor.send({ type: 'ui.retry' })}
      onClose={onClose}
    />
  );
}
