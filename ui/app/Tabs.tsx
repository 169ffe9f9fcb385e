/**
 * The app's pages as ARIA tabs: a tab list (arrow keys, Home and End move
 * between tabs) and the panel of the selected one. Panels not shown are not
 * rendered, so a hidden page's controls cost nothing. `aside` sits at the
 * end of the tab row (where a tablet has room to spare).
 *
 * While `offline`, the selected page is dimmed and inert (no touch, no
 * focus: no edit is silently lost), unless it `worksOffline` (it keeps its
 * edits until Live is back); `banner` is shown over it either way.
 */
import { useId, useRef, type KeyboardEvent, type ReactNode } from 'react';

export interface Tab {
  id: string;
  label: string;
  render: () => ReactNode;
  /** The page keeps the musician's edits while Live is offline and sends them later: it stays usable. */
  worksOffline?: boolean;
}

export interface TabsProps {
  label: string;
  tabs: readonly Tab[];
  selected: string;
  onSelect: (id: string) => void;
  aside?: ReactNode;
  /** Live or the bridge is away: pages that do not work offline are dimmed and inert. */
  offline?: boolean;
  /** Over the selected page (the connection's banner), outside what goes inert so it is still read out. */
  banner?: (tab: Tab) => ReactNode;
}

export function Tabs({ label, tabs, selected, onSelect, aside, offline = false, banner }: TabsProps) {
  const base = useId();
  const list = useRef<HTMLDivElement>(null);
  const current = tabs.find((tab) => tab.id === selected) ?? tabs[0];
  const move = (event: KeyboardEvent<HTMLDivElement>): void => {
    const index = tabs.findIndex((tab) => tab.id === current?.id);
    const next =
      event.key === 'ArrowRight'
        ? (index + 1) % tabs.length
        : event.key === 'ArrowLeft'
          ? (index - 1 + tabs.length) % tabs.length
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? tabs.length - 1
              : null;
    if (next === null) return;
    event.preventDefault();
    const tab = tabs[next];
    if (!tab) return;
    onSelect(tab.id);
    list.current?.querySelector<HTMLElement>(`#${CSS.escape(`${base}-${tab.id}`)}`)?.focus();
  };
  return (
    <>
      <div className="ls-tabs-row">
        <div className="ls-tabs" role="tablist" aria-label={label} ref={list} onKeyDown={move}>
          {tabs.map((tab) => (
            <button
              key={tab.id}
              id={`${base}-${tab.id}`}
              type="button"
              role="tab"
              className="ls-tab"
              aria-selected={tab.id === current?.id}
              aria-controls={`${base}-${tab.id}-panel`}
              tabIndex={tab.id === current?.id ? 0 : -1}
              onClick={() => onSelect(tab.id)}
            >
              {tab.label}
            </button>
          ))}
        </div>
        {aside && <div className="ls-tabs-aside">{aside}</div>}
      </div>
      {current && (
        <section
          className="ls-tab-panel"
          role="tabpanel"
          id={`${base}-${current.id}-panel`}
          aria-labelledby={`${base}-${current.id}`}
        >
          {banner?.(current)}
          <div className="ls-tab-page" inert={offline && !current.worksOffline} data-offline={offline || undefined}>
            {current.render()}
          </div>
        </section>
      )}
    </>
  );
}
