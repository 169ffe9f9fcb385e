/**
 * The page builder's pages as the app's tabs: each saved page (played, or
 * edited on this tablet), and "New page" to build one. Thin: the pages come
 * from the bridge's list (every tablet's), the editing from the builder.
 */
import { useCallback, useState } from 'react';
import type { PageBuilderOutput } from '../../machines/page-builder';
import type { ProvidedMachines } from '../../machines/provide';
import type { ListedPage, PageList } from '../../protocol/src/pages';
import type { Tab } from '../app/Tabs';
import { LivePageEditor } from './LivePageEditor';
import { SavedWidget } from './SavedWidget';
import { BrokenPage, SavedPageView } from './SavedPageView';

/** A saved page's tab id. */
export const savedPageTab = (name: string): string => `page:${name}`;
export const NEW_PAGE_TAB = 'page:+new';

const emptyPage = () => ({ format: 'livesurface.page' as const, version: 1 as const, title: '', widgets: [] });

function SavedPageTab({
  machines,
  entry,
  taken,
  onGone,
}: {
  machines: ProvidedMachines;
  entry: Extract<ListedPage, { page: unknown }>;
  taken: readonly string[];
  onGone: () => void;
}) {
  const [editing, setEditing] = useState<{ revision: string } | null>(null);
  const done = useCallback(
    (output: PageBuilderOutput) => {
      setEditing(null);
      if (output.outcome === 'deleted') onGone();
    },
    [onGone],
  );
  if (editing)
    return (
      <LivePageEditor
        machines={machines}
        input={{ name: entry.name, revision: editing.revision, page: entry.page, taken }}
        latestRevision={entry.revision}
        onDone={done}
      />
    );
  return (
    <SavedPageView
      page={entry.page}
      renderWidget={(widget) => <SavedWidget widget={widget} />}
      onEdit={() => setEditing({ revision: entry.revision })}
    />
  );
}

function NewPageTab({
  machines,
  taken,
  onSaved,
}: {
  machines: ProvidedMachines;
  taken: readonly string[];
  onSaved: (name: string | null) => void;
}) {
  // a new draft after each save or cancel
  const [round, setRound] = useState(0);
  const done = useCallback(
    (output: PageBuilderOutput) => {
      setRound((count) => count + 1);
      onSaved(output.outcome === 'saved' ? output.name : null);
    },
    [onSaved],
  );
  return (
    <LivePageEditor
      key={round}
      machines={machines}
      input={{ name: null, revision: null, page: emptyPage(), taken }}
      latestRevision={null}
      onDone={done}
    />
  );
}

/** The tabs of the saved pages and of "New page". */
export function savedPageTabs({
  machines,
  pages,
  show,
}: {
  machines: ProvidedMachines;
  pages: PageList;
  /** Shows a tab (a saved page, or the session when its page was deleted). */
  show: (tab: string) => void;
}): Tab[] {
  const taken = pages.map((entry) => entry.name);
  return [
    ...pages.map((entry): Tab => ({
      id: savedPageTab(entry.name),
      label: 'page' in entry ? entry.page.title : `${entry.name} (mistake)`,
      render: () =>
        'page' in entry ? (
          <SavedPageTab
            key={entry.name}
            machines={machines}
            entry={entry}
            taken={taken}
            onGone={() => show('session')}
          />
        ) : (
          <BrokenPage name={entry.name} error={entry.error} />
        ),
    })),
    {
      id: NEW_PAGE_TAB,
      label: '+ New page',
      render: () => (
        <NewPageTab
          machines={machines}
          taken={taken}
          onSaved={(name) => {
            if (name !== null) show(savedPageTab(name));
          }}
        />
      ),
    },
  ];
}
