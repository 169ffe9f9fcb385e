/**
 * A saved page, played: its title with "Edit", and its widgets on the grid.
 * A page whose file has a mistake (edited by hand) says what is wrong on its
 * own page. A pure view (the widgets it draws are given).
 */
import type { ReactNode } from 'react';
import type { PageWidget, SavedPage } from '../../protocol/src/pages';
import { rowsUsed } from './grid';
import { PageGrid } from './PageGrid';
import './builder.css';

export function SavedPageView({
  page,
  renderWidget,
  onEdit,
}: {
  page: SavedPage;
  renderWidget: (widget: PageWidget) => ReactNode;
  onEdit: () => void;
}) {
  return (
    <div className="ls-page ls-saved-page" aria-label={page.title}>
      <div className="ls-saved-page-head">
        <h2>{page.title}</h2>
        <button type="button" className="ls-tool" onClick={onEdit}>
          Edit page
        </button>
      </div>
      {page.widgets.length === 0 ? (
        <p className="ls-empty">This page has no widgets yet: edit it to add some.</p>
      ) : (
        <div className="ls-page-grid-scroll">
          <PageGrid
            widgets={page.widgets}
            rows={rowsUsed(page.widgets, 1)}
            renderWidget={renderWidget}
            label={page.title}
          />
        </div>
      )}
    </div>
  );
}

/** A saved page's file that cannot be read: where it is and what is wrong. */
export function BrokenPage({ name, error }: { name: string; error: string }) {
  return (
    <div className="ls-page ls-layout-error" role="alert">
      <h2>The page {name}.page.json has a mistake</h2>
      <pre>{error}</pre>
      <p className="ls-empty">Fix the file in the layouts folder and save it: every tablet loads it again.</p>
    </div>
  );
}
