/**
 * The rows down the roll's side: a piano's keys (C named, every key when
 * there is room, the set's scale marked when asked), or a Drum Rack's pads
 * by name, only those that exist, as Live's fold shows them. Only the rows
 * in view are in the DOM. One finger drags them up and down in any mode: a
 * thumb scrolls the pitches without touching a note.
 */
import { memo, useRef, type CSSProperties } from 'react';
import { noteName, pitchClass } from '../../../machines/scales';
import { rowMap, rowTop, visibleRows } from './geometry';
import type { RollRows, RollScale, RollViewport } from './roll-types';
import { panBy } from './viewport';
import './piano-roll.css';

export interface RollSideRowsProps {
  rows: RollRows;
  /** The roll's viewport: only `topRow` and `rowPx` matter here. */
  viewport: RollViewport;
  /** The height the rows have (the roll's). */
  height: number;
  scale: RollScale | null;
  /** A finger dragged the rows (the roll clamps it); without it they do not scroll. */
  onViewport?: (view: RollViewport) => void;
}

const BLACK = new Set([1, 3, 6, 8, 10]);

/** Where a key stands in the scale: its degree's kind, or null when no scale is shown. */
export function scaleRole(pitch: number, scale: RollScale | null): 'root' | 'in' | 'out' | null {
  if (scale === null) return null;
  const degree = (((pitchClass(pitch) - scale.root) % 12) + 12) % 12;
  if (degree === 0) return 'root';
  return scale.intervals.includes(degree) ? 'in' : 'out';
}

const ROLE_TEXT = { root: 'root', in: 'in scale', out: 'out of scale' } as const;

function RollSideRowsView({ rows, viewport, height, scale, onViewport }: RollSideRowsProps) {
  const map = rowMap(rows);
  const { low, high } = visibleRows(viewport, height, map.count);
  const drag = useRef<{ id: number; y: number; from: RollViewport } | null>(null);
  const keys = map.kind === 'keys';
  const items = [];
  for (let row = high; row >= low; row -= 1) {
    const pitch = map.pitchOf(row) ?? 0;
    const role = keys ? scaleRole(pitch, scale) : null;
    const note = noteName(pitch);
    const name = keys ? note : (map.nameOf(row) ?? note);
    const black = keys && BLACK.has(pitchClass(pitch));
    // keys: every white key named when there is room, the Cs always (a black key's name would sit on it)
    const labelled = keys
      ? (!black && viewport.rowPx >= 16) || (pitchClass(pitch) === 0 && viewport.rowPx >= 7)
      : viewport.rowPx >= 9;
    const style: CSSProperties = {
      transform: `translateY(${rowTop(viewport, row).toFixed(1)}px)`,
      height: viewport.rowPx,
    };
    items.push(
      <div
        key={row}
        role="listitem"
        className="ls-roll-row"
        data-black={black || undefined}
        data-c={(keys && pitchClass(pitch) === 0) || undefined}
        data-odd={(!keys && row % 2 === 1) || undefined}
        data-scale={role ?? undefined}
        aria-label={[name, !keys && name !== note ? note : null, role ? ROLE_TEXT[role] : null]
          .filter(Boolean)
          .join(', ')}
        style={style}
      >
        {labelled && (
          <span className="ls-roll-row-name" aria-hidden="true">
            {name}
          </span>
        )}
        {labelled && !keys && viewport.rowPx >= 24 && (
          <span className="ls-roll-row-note" aria-hidden="true">
            {note}
          </span>
        )}
      </div>,
    );
  }
  return (
    <div
      className="ls-control ls-roll-side"
      role="list"
      aria-label={keys ? 'Keys' : 'Pads'}
      data-rows={map.kind}
      onPointerDown={(event) => {
        if (!onViewport || drag.current !== null) return;
        event.currentTarget.setPointerCapture?.(event.pointerId);
        drag.current = { id: event.pointerId, y: event.clientY, from: viewport };
      }}
      onPointerMove={(event) => {
        const held = drag.current;
        if (held?.id === event.pointerId) onViewport?.(panBy(held.from, 0, event.clientY - held.y));
      }}
      onPointerUp={(event) => {
        if (drag.current?.id === event.pointerId) drag.current = null;
      }}
      onPointerCancel={(event) => {
        if (drag.current?.id === event.pointerId) drag.current = null;
      }}
    >
      {items}
    </div>
  );
}

const sameRows = (a: RollSideRowsProps, b: RollSideRowsProps): boolean =>
  a.rows === b.rows &&
  a.scale === b.scale &&
  a.height === b.height &&
  a.onViewport === b.onViewport &&
  a.viewport.topRow === b.viewport.topRow &&
  a.viewport.rowPx === b.viewport.rowPx;

/** The keys or pads down the roll's side (a pan across time does not re-render them). */
export const RollSideRows = memo(RollSideRowsView, sameRows);
