/**
 * The page's grid while it is built: every widget drawn as it will play
 * (but not playing), under a handle that takes the touch. A tap selects a
 * widget; dragging its handle moves it and dragging its corner resizes it,
 * cell by cell, with the place it would land outlined (in record red where
 * it does not fit: dropped there, it stays where it was). Arrow keys move
 * the focused widget a cell, with Shift they resize it; Enter selects it.
 */
import { useRef, useState, type KeyboardEvent, type PointerEvent, type ReactNode } from 'react';
import type { PageWidget } from '../../protocol/src/pages';
import { clampMove, clampSize, COLUMNS, fits, type Box } from './grid';
import { cellStyle, PageGrid } from './PageGrid';

interface Drag {
  id: string;
  mode: 'move' | 'resize';
  pointer: number;
  startX: number;
  startY: number;
  from: Box;
  to: Box;
}

export interface BuilderCanvasProps {
  widgets: readonly PageWidget[];
  rows: number;
  selected: string | null;
  renderWidget: (widget: PageWidget) => ReactNode;
  /** How a widget's handle reads ("Knob: Bass › Saturator › Drive"). */
  describe: (widget: PageWidget) => string;
  bound: (widget: PageWidget) => boolean;
  onSelect: (id: string) => void;
  onMove: (id: string, x: number, y: number) => void;
  onResize: (id: string, w: number, h: number) => void;
}

/** A cell's width and a row's height on screen, gaps included. */
function pitch(grid: HTMLElement | null): { cell: number; row: number } {
  if (!grid) return { cell: 64, row: 80 };
  const gap = parseFloat(getComputedStyle(grid).columnGap) || 0;
  const row = parseFloat(getComputedStyle(grid).getPropertyValue('--ls-grid-row')) || 72;
  return { cell: (grid.getBoundingClientRect().width + gap) / COLUMNS, row: row + gap };
}

const same = (a: Box, b: Box): boolean => a.x === b.x && a.y === b.y && a.w === b.w && a.h === b.h;

export function BuilderCanvas(props: BuilderCanvasProps) {
  const { widgets, rows, selected, renderWidget, describe, bound, onSelect, onMove, onResize } = props;
  const canvas = useRef<HTMLDivElement>(null);
  const [drag, setDrag] = useState<Drag | null>(null);

  const start = (event: PointerEvent<HTMLElement>, widget: PageWidget, mode: Drag['mode']) => {
    if (event.button !== 0) return;
    event.stopPropagation();
    event.currentTarget.setPointerCapture(event.pointerId);
    const from = { x: widget.x, y: widget.y, w: widget.w, h: widget.h };
    setDrag({
      id: widget.id,
      mode,
      pointer: event.pointerId,
      startX: event.clientX,
      startY: event.clientY,
      from,
      to: from,
    });
  };
  const follow = (event: PointerEvent<HTMLElement>, widget: PageWidget) => {
    if (!drag || drag.pointer !== event.pointerId) return;
    const { cell, row } = pitch(canvas.current?.querySelector('.ls-page-grid') ?? null);
    const dx = Math.round((event.clientX - drag.startX) / cell);
    const dy = Math.round((event.clientY - drag.startY) / row);
    const to =
      drag.mode === 'move'
        ? clampMove({ ...drag.from, x: drag.from.x + dx, y: drag.from.y + dy })
        : clampSize(widget.kind, { ...drag.from, w: drag.from.w + dx, h: drag.from.h + dy });
    if (!same(to, drag.to)) setDrag({ ...drag, to });
  };
  const end = (event: PointerEvent<HTMLElement>) => {
    if (!drag || drag.pointer !== event.pointerId) return;
    setDrag(null);
    // a widget touched is selected, moved or not (a tap is a drag that went nowhere)
    if (drag.mode === 'move') onSelect(drag.id);
    if (same(drag.to, drag.from)) return;
    if (drag.mode === 'move') onMove(drag.id, drag.to.x, drag.to.y);
    else onResize(drag.id, drag.to.w, drag.to.h);
  };
  const keys = (event: KeyboardEvent<HTMLElement>, widget: PageWidget) => {
    const step = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] }[event.key];
    if (!step) return;
    event.preventDefault();
    const [dx = 0, dy = 0] = step;
    if (event.shiftKey) onResize(widget.id, widget.w + dx, widget.h + dy);
    else onMove(widget.id, widget.x + dx, widget.y + dy);
  };

  return (
    <div className="ls-builder-canvas ls-page-grid-scroll" ref={canvas}>
      <PageGrid widgets={widgets} rows={rows} renderWidget={renderWidget} label="The page’s grid">
        {widgets.map((widget) => (
          <button
            key={widget.id}
            type="button"
            className="ls-builder-handle"
            style={cellStyle(widget)}
            aria-pressed={widget.id === selected}
            aria-label={describe(widget)}
            aria-keyshortcuts="ArrowLeft ArrowRight ArrowUp ArrowDown Shift+ArrowLeft Shift+ArrowRight Shift+ArrowUp Shift+ArrowDown"
            data-unbound={!bound(widget) || undefined}
            data-widget={widget.id}
            onPointerDown={(event) => start(event, widget, 'move')}
            onPointerMove={(event) => follow(event, widget)}
            onPointerUp={end}
            onPointerCancel={() => setDrag(null)}
            // Enter or Space (a pointer selects on its way up, above)
            onClick={(event) => {
              if (event.detail === 0) onSelect(widget.id);
            }}
            onKeyDown={(event) => keys(event, widget)}
          >
            <span aria-hidden>{describe(widget)}</span>
            {widget.id === selected && (
              <span
                className="ls-builder-resize"
                role="presentation"
                data-resize={widget.id}
                onPointerDown={(event) => start(event, widget, 'resize')}
                onPointerMove={(event) => follow(event, widget)}
                onPointerUp={end}
                onPointerCancel={() => setDrag(null)}
              />
            )}
          </button>
        ))}
        {drag && !same(drag.to, drag.from) && (
          <div
            className="ls-builder-drop"
            style={cellStyle(drag.to)}
            data-fits={fits(widgets, drag.to, drag.id)}
            aria-hidden
          />
        )}
      </PageGrid>
    </div>
  );
}
