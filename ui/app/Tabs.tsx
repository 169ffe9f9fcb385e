/**
 * The app's pages as ARIA tabs: a tab list (arrow keys, Home and End move
 * between tabs) and the panel of the selected one. Panels not shown are not
 * rendered, so a hidden page's controls cost nothing. `aside` sits at the
 * end of the tab row (where a tablet has room to spare). On a phone on its
 * side the tabs stand in a column beside the page and the aside at the end
 * of the transport's row (app.css), where a tap on its text unfolds it.
 *
 * While `offline`, the selected page is dimmed and inert (no touch, no
 * focus: no edit is silently lost), unless it `worksOffline` (it keeps its
 * edits until Live is back); `banner` is shown over it either way.
 */
import { useEffect, useId, useRef, useState, type KeyboardEvent, type MouseEvent, type ReactNode } from 'react';

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

/**
 * The aside, whose words a short screen folds away (app.css): a tap on them (not on a control in it)
 * unfolds them, and a tap anywhere else folds them again. Only whether they are unfolded is its own.
 */
function Aside({ children }: { children: ReactNode }) {
  const [unfolded, setUnfolded] = useState(false);
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!unfolded) return undefined;
    const outside = (event: PointerEvent): void => {
      if (event.target instanceof Node && box.current?.contains(event.target)) return;
      setUnfolded(false);
    };
    document.addEventListener('pointerdown', outside, true);
    return () => document.removeEventListener('pointerdown', outside, true);
  }, [unfolded]);
  const toggle = (event: MouseEvent<HTMLDivElement>): void => {
    // the lock and the theme switch do their own work
    if (event.target instanceof Element && event.target.closest('button, a, input, select')) return;
    setUnfolded(!unfolded);
  };
  return (
    <div ref={box} className="ls-tabs-aside" data-unfolded={unfolded || undefined} onClick={toggle}>
      {children}
    </div>
  );
}

export function Tabs({ label, tabs, selected, onSelect, aside, offline = false, banner }: TabsProps) {
  const base = useId();
  const list = useRef<HTMLDivElement>(null);
  const current = tabs.find((tab) => tab.id === selected) ?? tabs[0];
  const move = (event: KeyboardEvent<HTMLDivElement>): void => {
    const index = tabs.findIndex((tab) => tab.id === current?.id);
    // up and down too: on a phone on its side the tabs stand in a column
    const next =
      event.key === 'ArrowRight' || event.key === 'ArrowDown'
        ? (index + 1) % tabs.length
        : event.key === 'ArrowLeft' || event.key === 'ArrowUp'
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
        {aside && <Aside>{aside}</Aside>}
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
