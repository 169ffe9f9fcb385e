/**
 * The roll's canvas: rows (piano keys light and dark, or the scale; pads
 * alternating), bar, beat and grid lines at the zoom, the beats that do not
 * play shaded (outside the loop when it loops: the ruler tints the loop
 * itself, a tint over the whole roll would cost every frame a blend of
 * every pixel), then the notes shown, and only those: a
 * fill per velocity shade (one path each, not one per note), selected notes
 * lighter and outlined, muted ones grey, pending ones hatched with a dashed
 * outline in their state's color, and those another tablet has selected
 * outlined in that tablet's color.
 */
import { noteName, pitchClass } from '../../../machines/scales';
import { beatToX, rowTop, visibleRows, type RollSize, type RowMap } from './geometry';
import { gridLines } from './grid-lines';
import { forEachNoteIn, type NoteIndex } from './note-index';
import { shadeOf, VELOCITY_SHADES, type RollPalette } from './palette';
import type { RollClip, RollGrid, RollNote, RollNoteKey, RollScale, RollViewport } from './roll-types';
import { playedRange } from './viewport';

/** Everything a frame of the roll shows. */
export interface RollScene {
  view: RollViewport;
  size: RollSize;
  index: NoteIndex;
  rows: RowMap;
  clip: RollClip;
  grid: RollGrid;
  scale: RollScale | null;
  palette: RollPalette;
  /** The notes a lasso holds while it is drawn: shown as selected. */
  lasso: ReadonlySet<RollNoteKey> | null;
  /** Notes other tablets have selected: outlined in each tablet's color. */
  others?: ReadonlyMap<RollNoteKey, string> | null;
}

const BLACK = [false, true, false, true, false, false, true, false, true, false, true, false];

/** Whether a row is a black key (keys) or an odd pad (pads): drawn darker. */
function rowTone(rows: RowMap, row: number, scale: RollScale | null): 'dark' | 'light' | 'scale' | 'root' {
  if (rows.kind === 'pads') return row % 2 === 1 ? 'dark' : 'light';
  const pc = pitchClass(row);
  if (scale === null) return BLACK[pc] ? 'dark' : 'light';
  const degree = (((pc - scale.root) % 12) + 12) % 12;
  if (degree === 0) return 'root';
  return scale.intervals.includes(degree) ? 'scale' : 'dark';
}

/** Horizontal rows and lines, then vertical lines, then the shading of time. */
function drawBackground(ctx: CanvasRenderingContext2D, scene: RollScene): void {
  const { view, size, rows, palette, scale } = scene;
  ctx.fillStyle = palette.background;
  ctx.fillRect(0, 0, size.width, size.height);
  const { low, high } = visibleRows(view, size.height, rows.count);
  const tones = { dark: new Path2D(), scale: new Path2D(), root: new Path2D(), light: null };
  const lines = new Path2D();
  const octaves = new Path2D();
  const lined = view.rowPx >= 5;
  for (let row = low; row <= high; row += 1) {
    const top = Math.round(rowTop(view, row));
    const bottom = Math.round(rowTop(view, row - 1));
    tones[rowTone(rows, row, scale)]?.rect(0, top, size.width, bottom - top);
    // the line under a C is an octave's, drawn whatever the zoom
    if (rows.kind === 'keys' && pitchClass(row) === 0) octaves.rect(0, bottom - 1, size.width, 1);
    else if (lined) lines.rect(0, bottom - 1, size.width, 1);
  }
  ctx.fillStyle = palette.rowDark;
  ctx.fill(tones.dark);
  ctx.fillStyle = palette.rowScale;
  ctx.fill(tones.scale);
  ctx.fillStyle = palette.rowRoot;
  ctx.fill(tones.root);
  // below the lowest row (a rack with few pads): nothing to play there
  const floor = Math.round(rowTop(view, -1));
  if (floor < size.height) {
    ctx.fillStyle = palette.outside;
    ctx.fillRect(0, floor, size.width, size.height - floor);
  }

  const grid = gridLines(view, size.width, scene.clip.signature, scene.grid);
  const vertical = (xs: number[], color: string, width: number): void => {
    ctx.beginPath();
    for (const x of xs) ctx.rect(Math.round(x), 0, width, size.height);
    ctx.fillStyle = color;
    ctx.fill();
  };
  vertical(grid.divisions, palette.divisionLine, 1);
  ctx.fillStyle = palette.rowLine;
  ctx.fill(lines);
  vertical(grid.beats, palette.beatLine, 1);
  ctx.fillStyle = palette.octaveLine;
  ctx.fill(octaves);
  vertical(grid.bars, palette.barLine, 1);

  const played = playedRange(scene.clip);
  const [x0, x1] = [beatToX(view, played.start), beatToX(view, played.end)];
  ctx.fillStyle = palette.outside;
  if (x0 > 0) ctx.fillRect(0, 0, Math.min(x0, size.width), size.height);
  if (x1 < size.width) ctx.fillRect(Math.max(0, x1), 0, size.width - Math.max(0, x1), size.height);
}

const hatches = new WeakMap<CanvasRenderingContext2D, Map<string, CanvasPattern | null>>();

/** Diagonal stripes in `color`, for notes Live does not have yet. */
function hatch(ctx: CanvasRenderingContext2D, color: string): CanvasPattern | null {
  const patterns = hatches.get(ctx) ?? new Map<string, CanvasPattern | null>();
  hatches.set(ctx, patterns);
  if (!patterns.has(color)) {
    const tile = document.createElement('canvas');
    tile.width = tile.height = 8;
    const paint = tile.getContext('2d');
    if (paint) {
      paint.strokeStyle = color;
      paint.lineWidth = 2;
      paint.beginPath();
      for (const offset of [-8, 0, 8]) {
        paint.moveTo(offset, 8);
        paint.lineTo(offset + 8, 0);
      }
      paint.stroke();
    }
    patterns.set(color, paint ? ctx.createPattern(tile, 'repeat') : null);
  }
  return patterns.get(color) ?? null;
}

// rectangles (x, y, width, height, ...) by fill, reused frame to frame: no garbage while panning
const MUTED = VELOCITY_SHADES * 2;
const fills: number[][] = Array.from({ length: MUTED + 1 }, () => []);
const borders: number[] = [];
const selectedBorders: number[] = [];

/** Fills `rects` (x, y, width, height, ...) in `color`: a fillRect each, cheaper than one path of them all. */
function fillRects(ctx: CanvasRenderingContext2D, rects: number[], color: string): void {
  if (rects.length === 0) return;
  ctx.fillStyle = color;
  for (let i = 0; i < rects.length; i += 4)
    ctx.fillRect(rects[i] as number, rects[i + 1] as number, rects[i + 2] as number, rects[i + 3] as number);
}

/**
 * The notes shown, batched by how they are filled. A note large enough for
 * one gets a border: its box in the border's color, its fill inset on top
 * (two rectangles, no stroking).
 */
function drawNotes(ctx: CanvasRenderingContext2D, scene: RollScene): void {
  const { view, size, rows, palette, lasso, others } = scene;
  const { low, high } = visibleRows(view, size.height, rows.count);
  // another tablet's selection: a path per color, stroked over the notes
  const outlined = new Map<string, Path2D>();
  for (const rects of fills) rects.length = 0;
  borders.length = 0;
  selectedBorders.length = 0;
  const pending = { sending: new Path2D(), offline: new Path2D(), refused: new Path2D() };
  const named: { note: RollNote; x: number; y: number; width: number }[] = [];
  const inset = view.rowPx >= 6 ? 1 : 0;
  const height = view.rowPx - 2 * inset;
  const names = rows.kind === 'keys' && view.rowPx >= 13;
  const gap = view.pxPerBeat > 8 ? 1 : 0;
  const to = view.startBeat + size.width / view.pxPerBeat;
  forEachNoteIn(scene.index, view.startBeat, to, (note) => {
    const row = rows.rowOf(note.pitch);
    if (row < low || row > high) return;
    const x = Math.round(beatToX(view, note.start));
    const width = Math.max(2, Math.round(beatToX(view, note.start + note.duration)) - x - gap);
    const y = Math.round(rowTop(view, row)) + inset;
    const selected = note.selected || (lasso?.has(note.key) ?? false);
    const fill = fills[note.mute ? MUTED : shadeOf(note.velocity) + (selected ? VELOCITY_SHADES : 0)] as number[];
    const edge = selected ? (height >= 6 && width >= 6 ? 2 : 0) : height >= 5 && width >= 5 ? 1 : 0;
    if (edge > 0) {
      (selected ? selectedBorders : borders).push(x, y, width, height);
      fill.push(x + edge, y + edge, width - 2 * edge, height - 2 * edge);
    } else fill.push(x, y, width, height);
    if (note.pending !== null) pending[note.pending].rect(x, y, width, height);
    const other = others?.get(note.key);
    if (other !== undefined) {
      const path = outlined.get(other) ?? new Path2D();
      path.rect(x - 1.5, y - 1.5, width + 3, height + 3);
      outlined.set(other, path);
    }
    if (names && width >= 26) named.push({ note, x, y, width });
  });
  fillRects(ctx, borders, palette.noteBorder);
  fillRects(ctx, selectedBorders, palette.selectedBorder);
  fills.forEach((rects, shade) => {
    const color =
      shade === MUTED
        ? palette.muted
        : shade < VELOCITY_SHADES
          ? palette.notes[shade]
          : palette.selected[shade - VELOCITY_SHADES];
    fillRects(ctx, rects, color ?? palette.muted);
  });
  for (const kind of ['sending', 'offline', 'refused'] as const) {
    const pattern = hatch(ctx, palette[kind]);
    if (pattern) {
      ctx.fillStyle = pattern;
      ctx.fill(pending[kind]);
    }
  }
  ctx.setLineDash([4, 3]);
  ctx.lineWidth = 2;
  for (const kind of ['sending', 'offline', 'refused'] as const) {
    ctx.strokeStyle = palette[kind];
    ctx.stroke(pending[kind]);
  }
  ctx.setLineDash([]);
  for (const [color, path] of outlined) {
    ctx.strokeStyle = color;
    ctx.stroke(path);
  }
  if (named.length > 0) {
    ctx.font = `${Math.min(12, Math.floor(height * 0.7))}px system-ui, sans-serif`;
    ctx.textBaseline = 'middle';
    for (const { note, x, y, width } of named) {
      const text = noteName(note.pitch);
      ctx.fillStyle = note.selected || lasso?.has(note.key) ? palette.selectedText : palette.noteText;
      if (ctx.measureText(text).width + 8 <= width) ctx.fillText(text, x + 4, y + height / 2 + 0.5);
    }
  }
}

/** One frame of the roll on a canvas scaled for `dpr` (its size is `scene.size` times `dpr`). */
export function drawRoll(ctx: CanvasRenderingContext2D, scene: RollScene, dpr: number): void {
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  drawBackground(ctx, scene);
  drawNotes(ctx, scene);
}
