/**
 * The lane's canvas, back to front: the background, the beats that do not
 * play shaded as the roll shades them (and the loop's strip along the top),
 * guide lines at the axis labels, the grid lines at the zoom (the roll's),
 * the clip's notes faintly (their rows squeezed into the lane's height, so
 * the rhythm shows), the envelope (its line, filled lightly below; with no
 * automation, the parameter's value dashed), the pending ranges over it in
 * their state's color (the line inside them redrawn in that color, so no
 * pending edit is hidden), and what a finger previews (a ramp, an erase).
 * The playhead and the live value are DOM over the canvas (they move every
 * frame; the canvas repaints only when what it shows changes).
 */
import { rowMap, type RollSize } from '../piano-roll/geometry';
import { gridLines } from '../piano-roll/grid-lines';
import { VELOCITY_SHADES } from '../piano-roll/palette';
import { playedRange } from '../piano-roll/viewport';
import type { RollClip, RollGrid, RollNote, RollRows } from '../piano-roll/roll-types';
import { envelopePath, traceSegments } from './envelope-path';
import type { EnvelopePoint, LaneParameter, LaneViewport, PendingRange, StrokePreview } from './envelope-types';
import { bandTop, beatToX, noteBands, valueToY } from './lane-geometry';
import type { LanePalette } from './lane-palette';

/** Everything a frame of the lane shows. */
export interface LaneScene {
  view: LaneViewport;
  size: RollSize;
  clip: RollClip;
  grid: RollGrid;
  parameter: LaneParameter | null;
  exists: boolean;
  points: readonly EnvelopePoint[];
  pending: readonly PendingRange[];
  preview: StrokePreview | null;
  notes: readonly RollNote[];
  rows: RollRows;
  /** The parameter's value, dashed across when there is no automation (null: not drawn). */
  current: number | null;
  /** The ys of the axis labels shown: faint guide lines. */
  guides: readonly number[];
  palette: LanePalette;
}

/** How strongly the notes show behind the envelope. */
const NOTE_ALPHA = 0.22;
const FILL_ALPHA = 0.16;
const PENDING_ALPHA = 0.2;

function drawTime(ctx: CanvasRenderingContext2D, scene: LaneScene): void {
  const { view, size, clip, palette } = scene;
  const { roll } = palette;
  ctx.fillStyle = roll.background;
  ctx.fillRect(0, 0, size.width, size.height);

  const played = playedRange(clip);
  const [x0, x1] = [beatToX(view, played.start), beatToX(view, played.end)];
  ctx.fillStyle = roll.outside;
  if (x0 > 0) ctx.fillRect(0, 0, Math.min(x0, size.width), size.height);
  if (x1 < size.width) ctx.fillRect(Math.max(0, x1), 0, size.width - Math.max(0, x1), size.height);

  ctx.fillStyle = roll.divisionLine;
  for (const y of scene.guides) ctx.fillRect(0, Math.round(y), size.width, 1);

  const lines = gridLines({ ...view, topRow: 0, rowPx: 1 }, size.width, clip.signature, scene.grid);
  const vertical = (xs: number[], color: string): void => {
    ctx.fillStyle = color;
    for (const x of xs) ctx.fillRect(Math.round(x), 0, 1, size.height);
  };
  vertical(lines.divisions, roll.divisionLine);
  vertical(lines.beats, roll.beatLine);
  vertical(lines.bars, roll.barLine);
  if (clip.loop.on) {
    ctx.fillStyle = palette.loop;
    ctx.globalAlpha = 0.7;
    ctx.fillRect(x0, 0, x1 - x0, 3);
    ctx.globalAlpha = 1;
  }
}

function drawNotes(ctx: CanvasRenderingContext2D, scene: LaneScene): void {
  const { view, size, notes, palette } = scene;
  if (notes.length === 0) return;
  const map = rowMap(scene.rows);
  let [low, high] = [Infinity, -Infinity];
  for (const note of notes) {
    const row = map.rowOf(note.pitch);
    if (row < 0) continue;
    low = Math.min(low, row);
    high = Math.max(high, row);
  }
  const bands = noteBands(low, high, size.height);
  if (bands === null) return;
  const height = Math.max(1, Math.min(bands.bandPx - 1, 10));
  ctx.globalAlpha = NOTE_ALPHA;
  ctx.fillStyle = palette.roll.notes[VELOCITY_SHADES - 1] ?? palette.roll.muted;
  for (const note of notes) {
    const row = map.rowOf(note.pitch);
    if (row < 0) continue;
    const x = beatToX(view, note.start);
    const right = beatToX(view, note.start + note.duration);
    if (right < 0 || x > size.width) continue;
    ctx.fillRect(Math.round(x), Math.round(bandTop(bands, row)), Math.max(2, Math.round(right - x) - 1), height);
  }
  ctx.globalAlpha = 1;
}

/** The envelope's line in `color` (and, with `fill`, the area under it), within `from`..`to` beats. */
function drawEnvelope(
  ctx: CanvasRenderingContext2D,
  scene: LaneScene,
  parameter: LaneParameter,
  span: { from: number; to: number },
  color: string,
  fill: boolean,
): void {
  const { view, size } = scene;
  const segments = envelopePath(scene.points, span.from, span.to);
  const toX = (beat: number): number => beatToX(view, beat);
  const toY = (value: number): number => valueToY(value, parameter, size.height);
  const line = new Path2D();
  const ends = traceSegments(line, segments, toX, toY);
  if (ends === null) return;
  if (fill) {
    const area = new Path2D(line);
    area.lineTo(ends.last.x, size.height);
    area.lineTo(ends.first.x, size.height);
    area.closePath();
    ctx.globalAlpha = FILL_ALPHA;
    ctx.fillStyle = color;
    ctx.fill(area);
    ctx.globalAlpha = 1;
  }
  ctx.strokeStyle = color;
  ctx.lineWidth = 2;
  ctx.lineJoin = 'round';
  ctx.stroke(line);
}

function drawPending(ctx: CanvasRenderingContext2D, scene: LaneScene, parameter: LaneParameter | null): void {
  const { view, size, palette } = scene;
  for (const range of scene.pending) {
    const color = palette.roll[range.state];
    const [x0, x1] = [beatToX(view, range.start), beatToX(view, range.end)];
    if (x1 < 0 || x0 > size.width) continue;
    ctx.globalAlpha = PENDING_ALPHA;
    ctx.fillStyle = color;
    ctx.fillRect(x0, 0, Math.max(2, x1 - x0), size.height);
    ctx.globalAlpha = 1;
    ctx.setLineDash([4, 3]);
    ctx.strokeStyle = color;
    ctx.lineWidth = 1.5;
    ctx.beginPath();
    for (const x of [x0, x1]) {
      ctx.moveTo(Math.round(x) + 0.5, 0);
      ctx.lineTo(Math.round(x) + 0.5, size.height);
    }
    ctx.stroke();
    ctx.setLineDash([]);
    if (parameter !== null) {
      ctx.save();
      ctx.beginPath();
      ctx.rect(x0, 0, Math.max(2, x1 - x0), size.height);
      ctx.clip();
      drawEnvelope(ctx, scene, parameter, { from: range.start, to: range.end }, color, false);
      ctx.restore();
    }
  }
}

function drawPreview(ctx: CanvasRenderingContext2D, scene: LaneScene, parameter: LaneParameter | null): void {
  const { view, size, palette, preview } = scene;
  if (preview === null) return;
  if (preview.kind === 'erase') {
    const [x0, x1] = [beatToX(view, preview.start), beatToX(view, preview.end)];
    const [left, right] = [Math.min(x0, x1), Math.max(x0, x1)];
    ctx.globalAlpha = 0.28;
    ctx.fillStyle = palette.erase;
    ctx.fillRect(left, 0, Math.max(2, right - left), size.height);
    ctx.globalAlpha = 1;
    ctx.fillStyle = palette.erase;
    ctx.fillRect(Math.round(left), 0, 1, size.height);
    ctx.fillRect(Math.round(right), 0, 1, size.height);
    return;
  }
  if (parameter === null) return;
  const at = (point: { beat: number; value: number }) => ({
    x: beatToX(view, point.beat),
    y: valueToY(point.value, parameter, size.height),
  });
  const [from, to] = [at(preview.from), at(preview.to)];
  ctx.strokeStyle = palette.line;
  ctx.lineWidth = 2.5;
  ctx.setLineDash([6, 4]);
  ctx.beginPath();
  ctx.moveTo(from.x, from.y);
  ctx.lineTo(to.x, to.y);
  ctx.stroke();
  ctx.setLineDash([]);
  ctx.fillStyle = palette.line;
  for (const end of [from, to]) {
    ctx.beginPath();
    ctx.arc(end.x, end.y, 5, 0, Math.PI * 2);
    ctx.fill();
  }
}

/** One frame of the lane on a canvas scaled for `dpr` (its size is `scene.size` times `dpr`). */
export function drawLane(ctx: CanvasRenderingContext2D, scene: LaneScene, dpr: number): void {
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  drawTime(ctx, scene);
  drawNotes(ctx, scene);
  const { parameter, view, size, palette } = scene;
  if (parameter !== null) {
    const span = { from: view.startBeat, to: view.startBeat + size.width / view.pxPerBeat };
    if (scene.points.length > 0) drawEnvelope(ctx, scene, parameter, span, palette.line, true);
    else if (!scene.exists && scene.current !== null) {
      const y = Math.round(valueToY(scene.current, parameter, size.height)) + 0.5;
      ctx.strokeStyle = palette.current;
      ctx.lineWidth = 1.5;
      ctx.setLineDash([6, 5]);
      ctx.beginPath();
      ctx.moveTo(0, y);
      ctx.lineTo(size.width, y);
      ctx.stroke();
      ctx.setLineDash([]);
    }
  }
  drawPending(ctx, scene, parameter);
  drawPreview(ctx, scene, parameter);
}
