/**
 * The lines down the roll that follow the zoom, as Live's adaptive grid
 * does: bars strongest, then beats, then the grid's own divisions; a level
 * whose lines would crowd closer than `MIN_LINE_PX` thins out (the grid
 * doubles, bars skip to every 2nd, 4th...) rather than turn into a wash.
 * And the ruler's labels: bar numbers, with beats (`3.2`) when there is room.
 */
import { beatToX } from './geometry';
import type { RollClip, RollGrid, RollViewport } from './roll-types';

/** Lines closer than this (px) are thinned. */
export const MIN_LINE_PX = 7;
/** Ruler labels closer than this (px) are thinned. */
export const MIN_LABEL_PX = 44;

/** The x of every line shown, by strength. */
export interface GridLines {
  bars: number[];
  beats: number[];
  divisions: number[];
  /** The spacing (beats) of the divisions drawn: the grid's, or a multiple when zoomed out. */
  division: number | null;
}

/** A beat's and a bar's length in beats of clip time (quarter notes). */
export function meter(signature: RollClip['signature']): { beat: number; bar: number } {
  const beat = 4 / Math.max(1, signature.denominator);
  return { beat, bar: beat * Math.max(1, signature.numerator) };
}

/** `step` doubled until its lines are at least `minPx` apart at this zoom. */
export function thinned(step: number, pxPerBeat: number, minPx: number): number {
  let spaced = step;
  while (spaced * pxPerBeat < minPx) spaced *= 2;
  return spaced;
}

const EPSILON = 1e-6;
const isMultiple = (beat: number, of: number): boolean => {
  const ratio = beat / of;
  return Math.abs(ratio - Math.round(ratio)) < EPSILON;
};

/** Every multiple of `step` from beat `from` to `to`. */
function multiples(step: number, from: number, to: number, visit: (beat: number) => void): void {
  // (+ 0: no -0 for a line at beat 0)
  for (let k = Math.ceil(from / step - EPSILON); k * step <= to + EPSILON; k += 1) visit(k * step + 0);
}

/** The grid lines across `width` px of `view`. */
export function gridLines(
  view: RollViewport,
  width: number,
  signature: RollClip['signature'],
  grid: RollGrid,
): GridLines {
  const { beat, bar } = meter(signature);
  const from = view.startBeat;
  const to = view.startBeat + width / view.pxPerBeat;
  const lines: GridLines = { bars: [], beats: [], divisions: [], division: null };
  const barStep = thinned(bar, view.pxPerBeat, MIN_LINE_PX);
  multiples(barStep, from, to, (at) => lines.bars.push(beatToX(view, at)));
  if (beat * view.pxPerBeat >= MIN_LINE_PX && beat < bar)
    multiples(beat, from, to, (at) => {
      if (!isMultiple(at, bar)) lines.beats.push(beatToX(view, at));
    });
  // with the grid off the divisions still show time: sixteenths, thinned
  const division = thinned(grid ?? beat / 4, view.pxPerBeat, MIN_LINE_PX);
  if (division < beat || (grid !== null && division < bar && !isMultiple(division, beat))) {
    lines.division = division;
    multiples(division, from, to, (at) => {
      if (!isMultiple(at, beat) && !isMultiple(at, bar)) lines.divisions.push(beatToX(view, at));
    });
  }
  return lines;
}

/** A ruler label: where, and what it says. */
export interface RulerLabel {
  beat: number;
  x: number;
  text: string;
  bar: boolean;
}

/** Live's position text: bar and beat from 1 (`1.1`), with the sixteenth when not on a beat (`1.2.3`). */
export function positionText(at: number, signature: RollClip['signature']): string {
  const { beat, bar } = meter(signature);
  const bars = Math.floor(at / bar + EPSILON);
  const inBar = at - bars * bar;
  const beats = Math.floor(inBar / beat + EPSILON);
  const sixteenth = (inBar - beats * beat) / (beat / 4);
  const base = `${bars + 1}.${beats + 1}`;
  return Math.abs(sixteenth) < EPSILON ? base : `${base}.${Math.floor(sixteenth + EPSILON) + 1}`;
}

/** The ruler's labels across `width` px: bar numbers, thinned, and beats when a beat is wide enough. */
export function rulerLabels(view: RollViewport, width: number, signature: RollClip['signature']): RulerLabel[] {
  const { beat, bar } = meter(signature);
  const from = view.startBeat;
  const to = view.startBeat + width / view.pxPerBeat;
  const labels: RulerLabel[] = [];
  const withBeats = beat * view.pxPerBeat >= MIN_LABEL_PX && beat < bar;
  const step = withBeats ? beat : thinned(bar, view.pxPerBeat, MIN_LABEL_PX);
  multiples(step, from, to, (at) => {
    const onBar = isMultiple(at, bar);
    const bars = Math.round(at / bar);
    labels.push({
      beat: at,
      x: beatToX(view, at),
      text: onBar ? String(bars + 1) : positionText(at, signature),
      bar: onBar,
    });
  });
  return labels;
}
