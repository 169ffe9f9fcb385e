/**
 * The velocity lane under the roll: a stem per note shown, as tall as its
 * velocity, on the roll's time axis. In edit mode a finger drawing across
 * it sets the velocities of the stems it crosses to its height (only the
 * selected notes' when some are): `velocity` intents as it goes, then
 * `release` (or `cancel` on pointercancel). In navigate mode, or offline,
 * a finger scrolls time instead.
 */
import { memo, useLayoutEffect, useMemo, useRef, type PointerEvent } from 'react';
import { cssColor } from '../../theme/live-colors';
import { rowMap } from './geometry';
import { noteIndex } from './note-index';
import { readPalette } from './palette';
import type { RollClip, RollGrid, RollIntent, RollNote, RollNoteKey, RollRows, RollViewport } from './roll-types';
import { useBoxSize, useCanvasPaint } from './use-canvas';
import { drawLane, STEM_SLOP_PX, stemsCrossed, velocityAtY } from './velocity-draw';
import { panBy } from './viewport';
import './piano-roll.css';

export interface VelocityLaneProps {
  notes: readonly RollNote[];
  clip: RollClip;
  viewport: RollViewport;
  grid: RollGrid;
  /** The roll's rows: a note no row shows (a pad the rack does not have) has no stem either. */
  rows: RollRows;
  mode: 'edit' | 'navigate';
  disabled?: boolean;
  /** Live's color for the clip (RGB), else the theme's note color. */
  color?: number | null;
  onIntent: (intent: RollIntent) => void;
  /** A finger scrolled the lane (navigate mode); the roll clamps it. */
  onViewport?: (view: RollViewport) => void;
}

interface Stroke {
  id: number;
  last: { x: number; y: number };
  box: { left: number; top: number; height: number };
  /** Velocities sent in this gesture, by note. */
  sent: Map<RollNoteKey, number>;
  /** Navigate mode: the viewport when the finger landed. */
  pan: { x: number; from: RollViewport } | null;
}

function VelocityLaneView(props: VelocityLaneProps) {
  const { notes, clip, viewport, grid, rows, mode, disabled = false, color = null } = props;
  const index = useMemo(() => noteIndex(notes), [notes]);
  const map = useMemo(() => rowMap(rows), [rows]);
  const { boxRef, size } = useBoxSize();
  const canvasRef = useCanvasPaint(
    (ctx, drawn, dpr) => {
      const palette = readPalette(ctx.canvas, color === null ? null : cssColor(color));
      drawLane(ctx, { view: viewport, size: drawn, index, rows: map, clip, grid, palette }, dpr);
    },
    [viewport.startBeat, viewport.pxPerBeat, index, map, clip, grid, color],
    size,
  );
  const latest = useRef({ props, index, map });
  useLayoutEffect(() => {
    latest.current = { props, index, map };
  });
  const stroke = useRef<Stroke | null>(null);

  /** Velocities for the stems between two points of the finger, those not already sent. */
  const draw = (held: Stroke, from: { x: number; y: number }, to: { x: number; y: number }): void => {
    const { props: now, index: notesNow, map: rowsNow } = latest.current;
    const changes = stemsCrossed(notesNow, rowsNow, now.viewport, from, to)
      .map(({ note, y }) => ({ key: note.key, velocity: velocityAtY(y, held.box.height) }))
      .filter(({ key, velocity }) => held.sent.get(key) !== velocity);
    if (changes.length === 0) return;
    for (const { key, velocity } of changes) held.sent.set(key, velocity);
    now.onIntent({ type: 'velocity', changes });
  };

  const end = (event: PointerEvent<HTMLDivElement>, lifted: boolean): void => {
    const held = stroke.current;
    if (held?.id !== event.pointerId) return;
    stroke.current = null;
    if (event.currentTarget.hasPointerCapture?.(event.pointerId))
      event.currentTarget.releasePointerCapture(event.pointerId);
    if (held.sent.size > 0) latest.current.props.onIntent({ type: lifted ? 'release' : 'cancel' });
  };

  return (
    <div
      ref={boxRef}
      className="ls-control ls-roll-lane"
      role="group"
      aria-label="Velocity"
      aria-disabled={disabled || undefined}
      data-mode={mode}
      onPointerDown={(event) => {
        if (stroke.current !== null || (event.pointerType === 'mouse' && event.button !== 0)) return;
        event.preventDefault();
        event.currentTarget.setPointerCapture?.(event.pointerId);
        const rect = event.currentTarget.getBoundingClientRect();
        const at = { x: event.clientX - rect.left, y: event.clientY - rect.top };
        const editing = mode === 'edit' && !disabled;
        const held: Stroke = {
          id: event.pointerId,
          last: at,
          box: { left: rect.left, top: rect.top, height: rect.height },
          sent: new Map(),
          pan: editing ? null : { x: event.clientX, from: viewport },
        };
        stroke.current = held;
        if (editing) draw(held, { x: at.x - STEM_SLOP_PX, y: at.y }, { x: at.x + STEM_SLOP_PX, y: at.y });
      }}
      onPointerMove={(event) => {
        const held = stroke.current;
        if (held?.id !== event.pointerId) return;
        if (held.pan) {
          latest.current.props.onViewport?.(panBy(held.pan.from, event.clientX - held.pan.x, 0));
          return;
        }
        const at = { x: event.clientX - held.box.left, y: event.clientY - held.box.top };
        draw(held, held.last, at);
        held.last = at;
      }}
      onPointerUp={(event) => end(event, true)}
      onPointerCancel={(event) => end(event, false)}
      onLostPointerCapture={(event) => end(event, false)}
    >
      <canvas ref={canvasRef} className="ls-roll-canvas" aria-hidden="true" />
    </div>
  );
}

/** The velocity lane (memoized: the roll's vertical pans do not repaint it). */
export const VelocityLane = memo(
  VelocityLaneView,
  (a, b) =>
    a.notes === b.notes &&
    a.clip === b.clip &&
    a.grid === b.grid &&
    a.rows === b.rows &&
    a.mode === b.mode &&
    a.disabled === b.disabled &&
    a.color === b.color &&
    a.onIntent === b.onIntent &&
    a.onViewport === b.onViewport &&
    a.viewport.startBeat === b.viewport.startBeat &&
    a.viewport.pxPerBeat === b.viewport.pxPerBeat,
);
