/**
 * The automation lane: a parameter's envelope in a clip as Live has it
 * (with the strokes in flight applied by the editor), over the clip's time
 * as the piano roll shows it (the same viewport, loop, grid and playhead,
 * the notes faintly behind), the value axis in the parameter's own units
 * down the side (as wide as the roll's keys, so times line up). A pure
 * view: what to draw comes in as props; fingers go out as
 * `EnvelopeIntent`s (see use-lane-gestures) and viewports. Pending ranges
 * are tinted in their state's color (grey: sending, amber: offline, red:
 * refused) so no stroke is hidden; offline or loading, the lane takes no
 * strokes but still scrolls and zooms.
 */
import { memo, useEffect, useId, useMemo, type KeyboardEvent } from 'react';
import { cssColor } from '../../theme/live-colors';
import { useBoxSize, useCanvasPaint } from '../piano-roll/use-canvas';
import { useTouchOwned } from '../../touch/use-touch-owned';
import { drawLane } from './draw-lane';
import type {
  AxisLabel,
  EnvelopeIntent,
  EnvelopePoint,
  EnvelopeTool,
  LaneParameter,
  LaneViewport,
  PendingRange,
  RollClip,
  RollGrid,
  RollNote,
  RollRows,
  StrokePreview,
} from './envelope-types';
import { beatToX, clampLane, fitLane, laneBounds, panLane, valueToY, zoomLane } from './lane-geometry';
import { readLanePalette } from './lane-palette';
import { useLaneGestures } from './use-lane-gestures';
import { axisLabels, placeAxis } from './value-axis';
import { RollNotice } from '../piano-roll/RollNotice';
import '../piano-roll/piano-roll.css';
import './envelope.css';

export interface EnvelopeLaneProps {
  clip: RollClip;
  grid: RollGrid;
  /**
   * What the lane shows across (the roll's viewport, say). Null at first: the lane fits the loop (or the
   * clip) once it knows its width, and hands that to `onViewport`.
   */
  viewport: LaneViewport | null;
  onViewport: (viewport: LaneViewport) => void;
  /** The parameter shown; null before one is chosen. */
  parameter: LaneParameter | null;
  /** The clip has an envelope for the parameter (Live's `automation_envelope` is not None). */
  exists: boolean;
  /** The envelope's breakpoints, strokes in flight applied. */
  points: readonly EnvelopePoint[];
  /** Ranges drawn that Live does not have yet. */
  pending: readonly PendingRange[];
  /** What the finger down shows before it lifts (a ramp, an erase range). */
  preview: StrokePreview | null;
  /** The clip's notes, drawn faintly behind for orientation. */
  notes: readonly RollNote[];
  rows: RollRows;
  /** Where the clip plays (beats of clip time), or null when it does not. */
  playhead: number | null;
  /** The parameter's value now: a dot on the playhead, or the dashed line when there is no automation. */
  liveValue: number | null;
  /** The value axis's labels in Live's units; a quantized parameter's items when empty. */
  axis: readonly AxisLabel[];
  tool: EnvelopeTool;
  mode: 'edit' | 'navigate';
  /** The value under the drawing finger in Live's units (`2.40 kHz`): shown by the finger and announced. */
  readout: string | null;
  /** The envelope is being read from Live. */
  loading?: boolean;
  /** Live offline: dimmed, no strokes (scrolling and zooming still work). */
  disabled?: boolean;
  /** A word from the editor over the lane: why a stroke was refused, what waits for Live. */
  notice?: string | null;
  /** With a notice: try the pending strokes again, give them up, or (a notice that only tells) say it was read. */
  onRetry?: () => void;
  onDismiss?: () => void;
  onDiscard?: () => void;
  onIntent: (intent: EnvelopeIntent) => void;
  /** The drawing area was measured. */
  onSize?: (size: { width: number; height: number }) => void;
  /** Live's color for the clip (RGB), for the faint notes; the theme's note color when null. */
  color?: number | null;
  /** The lane's accessible name. */
  label?: string;
}

type LaneState = 'loading' | 'none' | 'offline' | 'ready';

const stateOf = (loading: boolean, parameter: LaneParameter | null, disabled: boolean): LaneState =>
  loading ? 'loading' : parameter === null ? 'none' : disabled ? 'offline' : 'ready';

function statusOf(state: LaneState, notice: string | null): string | null {
  if (state === 'loading') return 'Reading the automation…';
  if (state === 'none') return 'Choose a parameter to automate';
  // (the editor's notice, when there is one, says more than the badge would)
  if (state === 'offline') return notice ? null : 'Live is offline: strokes wait';
  return null;
}

/** The lane's name for assistive technology: the parameter and how much automation it has. */
export function laneName(parameter: LaneParameter | null, exists: boolean, points: number, loading: boolean): string {
  if (parameter === null) return 'Automation, no parameter chosen';
  if (loading) return `${parameter.name} automation, loading`;
  if (!exists && points === 0) return `${parameter.name} automation, none yet`;
  return `${parameter.name} automation, ${points} ${points === 1 ? 'breakpoint' : 'breakpoints'}`;
}

const PENDING_WORDS = { sending: 'sending', offline: 'waiting for Live', refused: 'refused by Live' } as const;

/** How far the keys pan (a quarter of the width) and zoom. */
const KEY_PAN = 0.25;
const KEY_ZOOM = 1.5;

export const EnvelopeLane = memo(function EnvelopeLane(props: EnvelopeLaneProps) {
  const { clip, grid, viewport, onViewport, parameter, exists, points, pending, preview, notes, rows } = props;
  const { playhead, liveValue, axis, tool, mode, readout, onIntent } = props;
  const { loading = false, disabled = false, notice = null, onRetry, onDismiss, onDiscard, onSize } = props;
  const { color = null, label = 'Automation' } = props;
  const state = stateOf(loading, parameter, disabled);
  const bounds = useMemo(() => laneBounds(clip, notes), [clip, notes]);

  const { boxRef, size } = useBoxSize();
  useTouchOwned(boxRef);
  const view = useMemo(() => {
    if (viewport === null) return fitLane(clip, size, bounds);
    return size.width > 0 ? clampLane(viewport, bounds, size) : viewport;
  }, [viewport, clip, size, bounds]);

  const placed = useMemo(
    () => (parameter === null ? [] : placeAxis(axisLabels(parameter, axis), parameter, size.height)),
    [parameter, axis, size.height],
  );
  const guides = useMemo(() => placed.map((one) => one.y), [placed]);
  const empty = !exists && points.length === 0;
  // the parameter's value moves while the clip plays: the canvas shows it only when there is no automation
  const current = empty ? liveValue : null;

  const canvasRef = useCanvasPaint(
    (ctx, drawn, dpr) => {
      const palette = readLanePalette(ctx.canvas, color === null ? null : cssColor(color));
      const scene = { view, size: drawn, clip, grid, parameter, exists, points, pending, preview, notes, rows };
      drawLane(ctx, { ...scene, current, guides, palette }, dpr);
    },
    [
      view.startBeat,
      view.pxPerBeat,
      clip,
      grid,
      parameter,
      exists,
      points,
      pending,
      preview,
      notes,
      rows,
      current,
      guides,
      color,
    ],
    size,
  );

  const gestures = useLaneGestures(
    {
      mode,
      drawable: state === 'ready',
      tool,
      view,
      size,
      bounds,
      range: parameter,
      onIntent,
      onViewport,
    },
    boxRef,
  );

  useEffect(() => {
    if (size.width > 0) onSize?.(size);
  }, [size, onSize]);

  // fitted once measured, the viewport becomes the editor's (as the roll hands over its own)
  const fitted = viewport === null && size.width > 0 ? view : null;
  useEffect(() => {
    if (fitted) onViewport(fitted);
  }, [fitted, onViewport]);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    const width = Math.max(size.width, 1);
    let next: LaneViewport | null = null;
    if (event.key === 'ArrowLeft') next = panLane(view, width * KEY_PAN);
    else if (event.key === 'ArrowRight') next = panLane(view, -width * KEY_PAN);
    else if (event.key === '+' || event.key === '=') next = zoomLane(view, width / 2, KEY_ZOOM);
    else if (event.key === '-') next = zoomLane(view, width / 2, 1 / KEY_ZOOM);
    if (next === null) return;
    event.preventDefault();
    onViewport(clampLane(next, bounds, size));
  };

  const summaryId = useId();
  const waiting = pending.map((range) => PENDING_WORDS[range.state]);
  const summary = [
    parameter && `${parameter.device} › ${parameter.name}`,
    waiting.length > 0 && `${waiting.length} ${waiting.length === 1 ? 'range' : 'ranges'} not yet in Live`,
  ]
    .filter(Boolean)
    .join(', ');
  const status = statusOf(state, notice);
  const playheadX = playhead === null ? null : beatToX(view, playhead);
  const playheadShown = playheadX !== null && playheadX >= 0 && (size.width === 0 || playheadX <= size.width);
  const dotY = parameter !== null && liveValue !== null ? valueToY(liveValue, parameter, size.height) : null;
  const at = gestures.drawingAt;
  const readoutStyle = at && {
    left: Math.max(4, Math.min(at.x + 18, size.width - 96)),
    top: Math.max(4, at.y - 40),
  };

  return (
    <section
      className="ls-env"
      aria-label={label}
      aria-busy={loading || undefined}
      data-mode={mode}
      data-tool={tool}
      data-state={state}
      data-rows={rows.kind}
    >
      <div className="ls-env-axis" role="list" aria-label="Values">
        {placed.map((one) => (
          <div
            key={`${one.value}:${one.text}`}
            role="listitem"
            className="ls-env-axis-label"
            title={one.text}
            style={{ transform: `translateY(${one.y.toFixed(1)}px) translateY(-50%)` }}
          >
            {one.text}
          </div>
        ))}
      </div>
      <div
        ref={boxRef}
        className="ls-control ls-env-surface"
        role="application"
        aria-roledescription="automation lane"
        aria-label={laneName(parameter, exists, points.length, loading)}
        aria-describedby={summaryId}
        aria-disabled={state !== 'ready' || undefined}
        tabIndex={0}
        data-start-beat={view.startBeat}
        data-px-per-beat={view.pxPerBeat}
        data-drawing={at ? true : undefined}
        onKeyDown={onKeyDown}
        {...gestures.handlers}
      >
        <canvas ref={canvasRef} className="ls-roll-canvas" aria-hidden="true" />
        {playheadShown && (
          <div
            className="ls-roll-playhead"
            aria-hidden="true"
            style={{ transform: `translateX(${(playheadX ?? 0).toFixed(1)}px)` }}
          />
        )}
        {playheadShown && dotY !== null && (
          <div
            className="ls-env-live-dot"
            aria-hidden="true"
            style={{ transform: `translate(${(playheadX ?? 0).toFixed(1)}px, ${dotY.toFixed(1)}px)` }}
          />
        )}
        {parameter !== null && !loading && empty && (
          <div className="ls-env-hint" aria-hidden="true">
            No automation yet: draw to create it
          </div>
        )}
        {readout !== null && (
          <div
            className="ls-readout ls-env-readout"
            aria-hidden="true"
            data-at={readoutStyle ? 'finger' : 'corner'}
            style={readoutStyle ?? undefined}
          >
            {readout}
          </div>
        )}
        <span id={summaryId} className="ls-visually-hidden">
          {summary}
        </span>
        {status && (
          <div className="ls-roll-status" role="status" data-kind={state === 'none' ? 'empty' : state}>
            {status}
          </div>
        )}
      </div>
      <span className="ls-visually-hidden" aria-live="polite" aria-atomic="true">
        {readout ?? ''}
      </span>
      <RollNotice notice={notice} onRetry={onRetry} onDiscard={onDiscard} onDismiss={onDismiss} />
    </section>
  );
});
