/**
 * A saved page's grid: each widget in its cells, the grid as wide as the
 * screen (never narrower than a knob per column, so it scrolls sideways on
 * a phone rather than crushing its widgets). A pure view: what each cell
 * shows is given.
 */
import type { CSSProperties, ReactNode } from 'react';
import type { PageWidget } from '../../protocol/src/pages';
import { COLUMNS } from './grid';
import './builder.css';

/** Where a box sits in the CSS grid. */
export const cellStyle = (box: { x: number; y: number; w: number; h: number }): CSSProperties => ({
  gridColumn: `${box.x + 1} / span ${box.w}`,
  gridRow: `${box.y + 1} / span ${box.h}`,
});

export function PageGrid({
  widgets,
  rows,
  renderWidget,
  children,
  label,
}: {
  widgets: readonly PageWidget[];
  rows: number;
  renderWidget: (widget: PageWidget) => ReactNode;
  /** What goes over the cells (the builder's handles and its drop preview). */
  children?: ReactNode;
  label: string;
}) {
  return (
    <div
      className="ls-page-grid"
      role="group"
      aria-label={label}
      style={{
        gridTemplateColumns: `repeat(${COLUMNS}, minmax(0, 1fr))`,
        gridTemplateRows: `repeat(${rows}, var(--ls-grid-row))`,
      }}
    >
      {widgets.map((widget) => (
        <div key={widget.id} className="ls-page-cell" data-kind={widget.kind} style={cellStyle(widget)}>
          {renderWidget(widget)}
        </div>
      ))}
      {children}
    </div>
  );
}
