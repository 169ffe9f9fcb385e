/**
 * The velocity lane's arithmetic and its canvas: which notes a finger
 * drawing across the lane reaches, the velocity at a height, and the stems.
 */
import { beatToX, xToBeat, type RollSize, type RowMap } from './geometry';
import { gridLines } from './grid-lines';
import { candidates, forEachNoteIn, type NoteIndex } from './note-index';
import { shadeOf, VELOCITY_SHADES, type RollPalette } from './palette';
import type { RollClip, RollGrid, RollNote, RollViewport } from './roll-types';

/** Room (px) above the loudest stem's head and below the softest. */
export const LANE_PAD_PX = 6;
/** How far (px) from a stem a finger landing still reaches it. */
export const STEM_SLOP_PX = 10;

/** The velocity (1..127) at y in a lane `height` px tall: loud at the top. */
export function velocityAtY(y: number, height: number): number {
  const inner = Math.max(1, height - 2 * LANE_PAD_PX);
  const ratio = 1 - (y - LANE_PAD_PX) / inner;
  return Math.min(127, Math.max(1, Math.round(1 + ratio * 126)));
}

/** The y of a velocity's stem head. */
export const yOfVelocity = (velocity: number, height: number): number =>
  LANE_PAD_PX + (1 - (velocity - 1) / 126) * Math.max(1, height - 2 * LANE_PAD_PX);

/**
 * The notes whose stems lie between x `from` and `to` (either order), each
 * with the y the finger crossed it at (the line from `fromY` to `toY`):
 * only the selected notes when some are (as Live does), only notes on a row.
 */
export function stemsCrossed(
  index: NoteIndex,
  rows: RowMap,
  view: RollViewport,
  from: { x: number; y: number },
  to: { x: number; y: number },
): { note: RollNote; y: number }[] {
  const [left, right] = from.x <= to.x ? [from, to] : [to, from];
  const crossed: { note: RollNote; y: number }[] = [];
  const onlySelected = index.selected > 0;
  const [b0, b1] = [xToBeat(view, left.x), xToBeat(view, right.x)];
  forEachNoteIn(index, b0, b1 + 1e-9, (note) => {
    if (note.start < b0 || note.start > b1) return;
    if ((onlySelected && !note.selected) || rows.rowOf(note.pitch) < 0) return;
    const x = beatToX(view, note.start);
    const t = right.x > left.x ? (x - left.x) / (right.x - left.x) : 0;
    crossed.push({ note, y: left.y + (right.y - left.y) * t });
  });
  return crossed;
}

/** One frame of the lane: background, the grid's lines, a stem per note shown. */
export function drawLane(
  ctx: CanvasRenderingContext2D,
  scene: {
    view: RollViewport;
    size: RollSize;
    index: NoteIndex;
    rows: RowMap;
    clip: RollClip;
    grid: RollGrid;
    palette: RollPalette;
  },
  dpr: number,
): void {
  const { view, size, index, rows, palette } = scene;
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.fillStyle = palette.rowDark;
  ctx.fillRect(0, 0, size.width, size.height);
  const lines = gridLines(view, size.width, scene.clip.signature, scene.grid);
  const vertical = (xs: number[], color: string): void => {
    ctx.beginPath();
    for (const x of xs) ctx.rect(Math.round(x), 0, 1, size.height);
    ctx.fillStyle = color;
    ctx.fill();
  };
  vertical(lines.beats, palette.beatLine);
  vertical(lines.bars, palette.barLine);
  // the middle velocity, a guide for the eye
  ctx.fillStyle = palette.rowLine;
  ctx.fillRect(0, Math.round(yOfVelocity(64, size.height)), size.width, 1);

  const shades = Array.from({ length: VELOCITY_SHADES * 2 }, () => new Path2D());
  const muted = new Path2D();
  const bottom = size.height;
  const head = view.pxPerBeat >= 40 ? 6 : 4;
  const stem = (x: number, velocity: number, path: Path2D, withHead: boolean): void => {
    const top = Math.round(yOfVelocity(velocity, size.height));
    path.rect(x, top, 2, bottom - top);
    if (withHead) path.rect(x - head / 2 + 1, top - 2, head, 4);
  };
  const pathOf = (note: RollNote): Path2D =>
    note.mute ? muted : (shades[shadeOf(note.velocity) + (note.selected ? VELOCITY_SHADES : 0)] as Path2D);
  const to = view.startBeat + size.width / view.pxPerBeat;
  const [first, last] = candidates(index, view.startBeat, to);
  if (last - first > size.width / 3) {
    // more stems than room for them: the loudest of each pixel column hides the rest, draw only it
    const loudest = new Map<number, RollNote>();
    forEachNoteIn(index, view.startBeat, to, (note) => {
      if (rows.rowOf(note.pitch) < 0) return;
      const x = Math.round(beatToX(view, note.start));
      const known = loudest.get(x);
      if (x >= 0 && x <= size.width && (!known || known.velocity < note.velocity)) loudest.set(x, note);
    });
    for (const [x, note] of loudest) stem(x, note.velocity, pathOf(note), false);
  } else
    forEachNoteIn(index, view.startBeat, to, (note) => {
      if (rows.rowOf(note.pitch) < 0) return;
      const x = Math.round(beatToX(view, note.start));
      if (x >= -head && x <= size.width + head) stem(x, note.velocity, pathOf(note), true);
    });
  shades.forEach((path, shade) => {
    ctx.fillStyle =
      (shade < VELOCITY_SHADES ? palette.notes[shade] : palette.selected[shade - VELOCITY_SHADES]) ?? palette.muted;
    ctx.fill(path);
  });
  ctx.fillStyle = palette.muted;
  ctx.fill(muted);
}
