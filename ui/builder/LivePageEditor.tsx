/**
 * A page built on the page builder's actor: the editor's view, the object
 * browser when a slot is being picked, and the widgets drawn as they will
 * play. When the actor is done (saved, deleted, cancelled) `onDone` says how.
 */
import { useActorRef, useSelector } from '@xstate/react';
import { useEffect, useState } from 'react';
import type { BindingSlot, PageBuilderInput, PageBuilderOutput } from '../../machines/page-builder';
import type { ProvidedMachines } from '../../machines/provide';
import { useInspect } from '../app/inspect';
import { LiveObjectBrowser } from './LiveObjectBrowser';
import { PageEditor } from './PageEditor';
import { SavedWidget } from './SavedWidget';

export function LivePageEditor({
  machines,
  input,
  latestRevision,
  onDone,
}: {
  machines: ProvidedMachines;
  /** The page as the editor opens it (read once). */
  input: PageBuilderInput;
  /** The page's revision on the bridge now (another tablet may have saved it meanwhile). */
  latestRevision: string | null;
  onDone: (output: PageBuilderOutput) => void;
}) {
  const actor = useActorRef(machines.pageBuilder, { input, inspect: useInspect() });
  // the object browser, open for one slot of one widget
  const [browsingFor, setBrowsing] = useState<{ widget: string; slot: BindingSlot } | null>(null);
  const draft = useSelector(actor, (snapshot) => snapshot.context.draft);
  const selected = useSelector(actor, (snapshot) => snapshot.context.selected);
  const learning = useSelector(actor, (snapshot) =>
    snapshot.matches({ editing: 'learning' }) ? (snapshot.context.learning?.slot ?? null) : null,
  );
  const busy = useSelector(actor, (snapshot) => snapshot.hasTag('busy'));
  const error = useSelector(actor, (snapshot) => snapshot.context.error);
  const name = useSelector(actor, (snapshot) => snapshot.context.name);
  const revision = useSelector(actor, (snapshot) => snapshot.context.revision);
  const output = useSelector(actor, (snapshot) => (snapshot.status === 'done' ? snapshot.output : null));
  useEffect(() => {
    if (output) onDone(output);
  }, [output, onDone]);
  const browsing = browsingFor !== null && browsingFor.widget === selected ? browsingFor.slot : null;
  return (
    <PageEditor
      draft={draft}
      saved={name !== null}
      selected={selected}
      learning={learning}
      busy={busy}
      error={error}
      changedElsewhere={name !== null && latestRevision !== null && latestRevision !== revision}
      browser={
        browsing === null
          ? null
          : {
              slot: browsing,
              view: (
                <LiveObjectBrowser
                  machines={machines}
                  browseFor={browsing === 'track' ? 'track' : 'parameter'}
                  onPick={(path) => {
                    actor.send({ type: 'ui.pick', slot: browsing, path });
                    setBrowsing(null);
                  }}
                  onClose={() => setBrowsing(null)}
                />
              ),
            }
      }
      renderWidget={(widget) => <SavedWidget widget={widget} />}
      onTitle={(title) => actor.send({ type: 'ui.title', title })}
      onAdd={(kind) => actor.send({ type: 'ui.add', kind })}
      onSelect={(id) => actor.send({ type: 'ui.select', id })}
      onMove={(id, x, y) => actor.send({ type: 'ui.move', id, x, y })}
      onResize={(id, w, h) => actor.send({ type: 'ui.resize', id, w, h })}
      onLabel={(id, label) => actor.send({ type: 'ui.label', id, label })}
      onLearn={(slot) => {
        setBrowsing(null);
        actor.send({ type: 'ui.learn', slot });
      }}
      onStopLearning={() => actor.send({ type: 'ui.learn.cancel' })}
      onBrowse={(slot) => {
        actor.send({ type: 'ui.learn.cancel' });
        if (selected !== null) setBrowsing({ widget: selected, slot });
      }}
      onUnbind={(slot) => actor.send({ type: 'ui.unbind', slot })}
      onSelectedTrack={() => actor.send({ type: 'ui.track', track: { selected: true } })}
      onRemove={(id) => actor.send({ type: 'ui.remove', id })}
      onSave={() => actor.send({ type: 'ui.save' })}
      onCancel={() => actor.send({ type: 'ui.close' })}
      onDelete={() => actor.send({ type: 'ui.delete' })}
    />
  );
}
