/**
 * The piano roll: a clip's notes as Live has them (with the edits in
 * flight and the gesture under a finger applied by the editor), on a
 * canvas that draws only what is in view; the ruler with the loop and the
 * markers above, the keys or the Drum Rack's pads down the side, the
 * velocity lane below when asked. A pure view: notes, clip, viewport and
 * mode come in as props; fingers go out as `RollIntent`s (see
 * use-roll-gestures for which gesture makes which) and viewports. Pending
 * notes are hatched with a dashed outline (grey: sending, amber: offline,
 * red: refused) so no edit is hidden; offline, the roll is dimmed and
 * takes no edits but still scrolls and zooms.
 */
import { memo, useCallback, useEffect, useId, useLayoutEffect, useMemo, useRef, type KeyboardEvent } from 'react';
import { cssColor } from '../../theme/live-colors';
import { drawRoll } from './draw-roll';
import { beatToX, rowMap, type RollSize, type RowMap, type RowRange } from './geometry';
import { meter } from './grid-lines';
import { inLasso } from './hit-test';
import { LoopBar } from './LoopBar';
import { noteIndex, type NoteIndex } from './note-index';
import { readPalette } from './palette';
import { keyAction } from './roll-keys';
import type {
  RollClip,
  RollGrid,
  RollIntent,
  RollNote,
  RollNoteKey,
  RollRows,
  RollScale,
  RollViewport,
} from './roll-types';
import { RollSideRows } from './RollSideRows';
import { useBoxSize, useCanvasPaint } from './use-canvas';
import { useTouchOwned } from '../../touch/use-touch-owned';
import { useRollGestures } from './use-roll-gestures';
import { VelocityLane } from './VelocityLane';
import { boundsOf, clampViewport, fitTo, follow as followPlayhead, panBy, playedRange, zoomAt } from './viewport';
import { RollNotice } from './RollNotice';
import './piano-roll.css';

export interface PianoRollProps {
  notes: readonly RollNote[];
  clip: RollClip;
  /**
   * What the roll shows. Null at first: the roll fits the loop (or the clip) and its notes once it
   * knows its size, and hands that viewport to `onViewport`.
   */
  viewport: RollViewport | null;
  onViewport: (viewport: RollViewport) => void;
  grid: RollGrid;
  rows: RollRows;
  /** The set's scale, highlighted on the rows; null for none. */
  scale: RollScale | null;
  /** Where the clip plays (beats of clip time), or null when it does not. */
  playhead: number | null;
  mode: 'edit' | 'navigate';
  onIntent: (intent: RollIntent) => void;
  /** Live offline: dimmed, no edits (scrolling and zooming still work). */
  disabled?: boolean;
  /** The notes are being read from Live. */
  loading?: boolean;
  /** Turn the page with the playhead while the clip plays (not while a finger is on the roll). */
  follow?: boolean;
  /** Show the velocity lane under the roll. */
  velocityLane?: boolean;
  /** Live's color for the clip (RGB); the theme's note color when null. */
  color?: number | null;
  /** The roll's accessible name (the clip's name, say). */
  label?: string;
  /** A word from the editor over the roll: why an edit was refused, what waits for Live. */
  notice?: string | null;
  /** With a notice: try the pending edits again, or give them up. */
  onRetry?: () => void;
  onDiscard?: () => void;
  /** With a notice that only tells (an edit Live refused and that was undone here): it has been read. */
  onDismiss?: () => void;
  /** The notes' area was measured (for the editor's fit and follow). */
  onSize?: (size: RollSize) => void;
  /** Notes other tablets have selected, each outlined in that tablet's color (`#rrggbb`). */
  others?: ReadonlyMap<RollNoteKey, string> | null;
}

/** The rows the notes are on (keys), or all of them (pads); null with no notes on keys. */
export function rowsOfNotes(index: NoteIndex, rows: RowMap): RowRange | null {
  if (rows.kind === 'pads') return rows.count > 0 ? { low: 0, high: rows.count - 1 } : null;
  return index.pitches && { low: index.pitches.low, high: index.pitches.high };
}

function statusOf(
  loading: boolean,
  disabled: boolean,
  empty: boolean,
  mode: PianoRollProps['mode'],
  notice: string | null,
): string | null {
  if (loading) return 'Loading the notes…';
  // (the editor's notice, when there is one, says more than the badge would)
  if (disabled) return notice ? null : 'Live is offline: edits wait';
  if (empty) return mode === 'edit' ? 'No notes yet: tap the grid to add one' : 'No notes';
  return null;
}

export const PianoRoll = memo(function PianoRoll(props: PianoRollProps) {
  const { notes, clip, viewport, onViewport, grid, rows, scale, playhead, mode, onIntent } = props;
  const { disabled = false, loading = false, follow = false, velocityLane = false, color = null } = props;
  const { label = 'Piano roll', notice = null, onRetry, onDiscard, onDismiss, onSize, others = null } = props;
  const index = useMemo(() => noteIndex(notes), [notes]);
  const map = useMemo(() => rowMap(rows), [rows]);
  const bounds = useMemo(() => boundsOf(clip, map.count, index.lastEnd), [clip, map.count, index.lastEnd]);
  const editable = !disabled && !loading;

  const { boxRef, size } = useBoxSize();
  useTouchOwned(boxRef);
  const view = useMemo(() => {
    if (viewport === null) return fitTo(playedRange(clip), rowsOfNotes(index, map), size, bounds, map.kind === 'pads');
    return size.width > 0 ? clampViewport(viewport, bounds, size) : viewport;
  }, [viewport, clip, index, map, size, bounds]);

  const gestures = useRollGestures({ mode, editable, view, size, bounds, index, rows: map, onIntent, onViewport });
  const lassoRect = gestures.lasso?.rect ?? null;
  const lasso = useMemo(() => {
    if (lassoRect === null) return null;
    return new Set(index.notes.filter((note) => inLasso(view, map, note, lassoRect)).map((note) => note.key));
  }, [lassoRect, index, view, map]);
  const canvasRef = useCanvasPaint(
    (ctx, drawn, dpr) => {
      const palette = readPalette(ctx.canvas, color === null ? null : cssColor(color));
      drawRoll(ctx, { view, lasso, others, size: drawn, index, rows: map, clip, grid, scale, palette }, dpr);
    },
    [view, lasso, others, index, map, clip, grid, scale, color],
    size,
  );

  // the side rows and the lane scroll one axis each, from the view as it is now (they re-render less often)
  const latestView = useRef(view);
  const latestFit = useRef({ bounds, size, onViewport });
  useLayoutEffect(() => {
    latestView.current = view;
    latestFit.current = { bounds, size, onViewport };
  });
  const onRows = useCallback((next: RollViewport) => {
    const { bounds: b, size: s, onViewport: send } = latestFit.current;
    send(clampViewport({ ...latestView.current, topRow: next.topRow }, b, s));
  }, []);
  const onTime = useCallback((next: RollViewport) => {
    const { bounds: b, size: s, onViewport: send } = latestFit.current;
    send(clampViewport({ ...latestView.current, startBeat: next.startBeat }, b, s));
  }, []);

  useEffect(() => {
    if (size.width > 0) onSize?.(size);
  }, [size, onSize]);

  // fitted once measured, the viewport becomes the editor's: a loop dragged shorter later does not zoom the roll
  const fitted = viewport === null && size.width > 0 ? view : null;
  useEffect(() => {
    if (fitted) onViewport(fitted);
  }, [fitted, onViewport]);

  const holding = gestures.holding;
  useEffect(() => {
    if (!follow || playhead === null || size.width <= 0 || holding()) return;
    const next = followPlayhead(view, playhead, size.width);
    if (next !== view) onViewport(clampViewport(next, bounds, size));
  }, [follow, playhead, view, size, bounds, onViewport, holding]);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    const selected = index.notes.filter((note) => note.selected).map((note) => note.key);
    const context = {
      selected,
      editable: editable && mode === 'edit',
      grid,
      bar: meter(clip.signature).bar,
      rows: map.kind,
    };
    const action = keyAction(event.key, event.shiftKey, context);
    if (action === null) return;
    event.preventDefault();
    if (action.kind === 'intents') action.intents.forEach(onIntent);
    else {
      const moved =
        action.kind === 'pan'
          ? panBy(view, action.dx, action.dy)
          : zoomAt(view, { x: size.width / 2, y: size.height / 2 }, action.factorX, action.factorY);
      onViewport(clampViewport(moved, bounds, size));
    }
  };

  const summaryId = useId();
  const summary = [
    `${notes.length} ${notes.length === 1 ? 'note' : 'notes'}`,
    index.selected > 0 ? `${index.selected} selected` : null,
    index.pending > 0 ? `${index.pending} not yet in Live` : null,
  ]
    .filter(Boolean)
    .join(', ');
  const status = statusOf(loading, disabled, notes.length === 0, mode, notice);
  const playheadX = playhead === null ? null : beatToX(view, playhead);
  const lassoBox = lassoRect && {
    left: Math.min(lassoRect.x0, lassoRect.x1),
    top: Math.min(lassoRect.y0, lassoRect.y1),
    width: Math.abs(lassoRect.x1 - lassoRect.x0),
    height: Math.abs(lassoRect.y1 - lassoRect.y0),
  };

  return (
    <section
      className="ls-roll"
      aria-label={label}
      aria-busy={loading || undefined}
      data-mode={mode}
      data-state={loading ? 'loading' : disabled ? 'offline' : 'ready'}
      data-rows={map.kind}
      data-lane={velocityLane || undefined}
      data-others-selected={others?.size || undefined}
    >
      <div className="ls-roll-corner" aria-hidden="true">
        {mode === 'edit' ? 'Edit' : 'Move'}
      </div>
      <LoopBar clip={clip} viewport={view} width={size.width} grid={grid} disabled={!editable} onIntent={onIntent} />
      <RollSideRows rows={rows} viewport={view} height={size.height} scale={scale} onViewport={onRows} />
      <div
        ref={boxRef}
        className="ls-control ls-roll-notes"
        role="application"
        aria-roledescription="piano roll"
        aria-label="Notes"
        aria-describedby={summaryId}
        aria-disabled={!editable || undefined}
        tabIndex={0}
        data-gesture={lasso ? 'lasso' : undefined}
        // where the roll is: for tests and tools that point at notes
        data-start-beat={view.startBeat}
        data-px-per-beat={view.pxPerBeat}
        data-top-row={view.topRow}
        data-row-px={view.rowPx}
        onKeyDown={onKeyDown}
        {...gestures.handlers}
      >
        <canvas ref={canvasRef} className="ls-roll-canvas" aria-hidden="true" />
        {playheadX !== null && playheadX >= 0 && (size.width === 0 || playheadX <= size.width) && (
          <div
            className="ls-roll-playhead"
            aria-hidden="true"
            style={{ transform: `translateX(${playheadX.toFixed(1)}px)` }}
          />
        )}
        {lassoBox && (
          <div className="ls-roll-lasso" data-mode={gestures.lasso?.mode} aria-hidden="true" style={lassoBox} />
        )}
        <span id={summaryId} className="ls-visually-hidden">
          {summary}
        </span>
        {status && (
          <div
            className="ls-roll-status"
            role="status"
            data-kind={loading ? 'loading' : disabled ? 'offline' : 'empty'}
          >
            {status}
          </div>
        )}
      </div>
      <RollNotice notice={notice} onRetry={onRetry} onDiscard={onDiscard} onDismiss={onDismiss} />
      {velocityLane && (
        <>
          <div className="ls-roll-lane-label" aria-hidden="true">
            Velocity
          </div>
          <VelocityLane
            notes={notes}
            clip={clip}
            viewport={view}
            grid={grid}
            rows={rows}
            mode={mode}
            disabled={!editable}
            color={color}
            onIntent={onIntent}
            onViewport={onTime}
          />
        </>
      )}
    </section>
  );
});
