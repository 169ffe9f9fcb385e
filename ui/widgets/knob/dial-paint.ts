/**
 * A knob's dial and value text painted on a 2D canvas: the same drawing as
 * the knob's SVG (`Knob.tsx`, `knob.css`), in the same 100-unit geometry
 * scaled to the dial's box. A page of many moving knobs paints them all on
 * one canvas (`dial-layer.tsx`): one bitmap changes per frame instead of
 * hundreds of SVG and text boxes restyled, laid out and painted. Pure: what
 * is drawn comes in as arguments.
 */
import { SWEEP_DEGREES, angleAt } from './arc';

/** A box in the canvas's CSS pixels. */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** What a live knob shows: where its value sits, its words, and whether a finger holds it. */
export interface DialView {
  /** 0..1 along the sweep. */
  ratio: number;
  /** Where the arc starts: 0, or the middle of a range across zero. */
  origin: number;
  touched: boolean;
  /** The value in words. */
  text: string;
  /** The arc's color (a CSS color), or null for the theme's accent. */
  color: string | null;
}

/** The theme's colors and the value's font, read once from the page's CSS. */
export interface DialLook {
  track: string;
  accent: string;
  cap: string;
  capTouched: string;
  capEdge: string;
  pointer: string;
  text: string;
  font: string;
}

/** Stroke widths in the dial's 100 units, as `knob.css` draws them. */
const ARC_WIDTH = 8;
const CAP_EDGE_WIDTH = 1.5;
const POINTER_WIDTH = 5;
const ARC_RADIUS = 40;
const CAP_RADIUS = 30;

/** Canvas radians (0 at 3 o'clock, clockwise) of a ratio along the sweep. */
const radiansAt = (ratio: number): number => ((angleAt(ratio) - 90) * Math.PI) / 180;

/** The part of the 2D context the painter uses (a test records it). */
export type DialContext = Pick<
  CanvasRenderingContext2D,
  'beginPath' | 'arc' | 'moveTo' | 'lineTo' | 'stroke' | 'fill' | 'fillText' | 'measureText' | 'clearRect'
> & {
  strokeStyle: CanvasRenderingContext2D['strokeStyle'];
  fillStyle: CanvasRenderingContext2D['fillStyle'];
  lineWidth: number;
  lineCap: CanvasLineCap;
  font: string;
  textAlign: CanvasTextAlign;
  textBaseline: CanvasTextBaseline;
};

/** Paints the dial (track, value arc, cap, pointer) in the square `face`. */
export function paintDial(context: DialContext, face: Box, view: DialView, look: DialLook): void {
  const size = Math.min(face.width, face.height);
  const unit = size / 100;
  const cx = face.x + face.width / 2;
  const cy = face.y + face.height / 2;
  const color = view.color ?? look.accent;
  context.lineCap = 'round';

  context.beginPath();
  context.arc(cx, cy, ARC_RADIUS * unit, radiansAt(0), radiansAt(1));
  context.strokeStyle = look.track;
  context.lineWidth = ARC_WIDTH * unit;
  context.stroke();

  const from = Math.min(view.origin, view.ratio);
  const to = Math.max(view.origin, view.ratio);
  if ((to - from) * SWEEP_DEGREES < 0.01) {
    // a zero-length arc: the SVG's round caps still show a dot where it starts
    const at = radiansAt(from);
    context.beginPath();
    context.arc(
      cx + ARC_RADIUS * unit * Math.cos(at),
      cy + ARC_RADIUS * unit * Math.sin(at),
      (ARC_WIDTH / 2) * unit,
      0,
      2 * Math.PI,
    );
    context.fillStyle = color;
    context.fill();
  } else {
    context.beginPath();
    context.arc(cx, cy, ARC_RADIUS * unit, radiansAt(from), radiansAt(to));
    context.strokeStyle = color;
    context.stroke();
  }

  context.beginPath();
  context.arc(cx, cy, CAP_RADIUS * unit, 0, 2 * Math.PI);
  context.fillStyle = view.touched ? look.capTouched : look.cap;
  context.fill();
  context.strokeStyle = view.touched ? color : look.capEdge;
  context.lineWidth = CAP_EDGE_WIDTH * unit;
  context.stroke();

  const tip = radiansAt(view.ratio);
  context.beginPath();
  context.moveTo(cx, cy);
  context.lineTo(cx + CAP_RADIUS * unit * Math.cos(tip), cy + CAP_RADIUS * unit * Math.sin(tip));
  context.strokeStyle = look.pointer;
  context.lineWidth = POINTER_WIDTH * unit;
  context.stroke();
}

/** What measures a text's width: a 2D context, or a cache of its widths. */
export interface TextMeasure {
  measureText: (text: string) => { width: number };
}

/** The text cut to `width` with an ellipsis, as the SVG knob's value box cuts it (`text-overflow`). */
export function fitText(context: TextMeasure, text: string, width: number): string {
  if (context.measureText(text).width <= width) return text;
  let kept = text.length;
  while (kept > 0 && context.measureText(`${text.slice(0, kept)}…`).width > width) kept -= 1;
  return kept > 0 ? `${text.slice(0, kept)}…` : '';
}

/** The font each context was last given: reading `font` back serializes it, and setting it parses it. */
const fonts = new WeakMap<object, string>();

/** Gives `context` the font `font`, unless it has it already. */
export function setFont(context: Pick<DialContext, 'font'>, font: string): void {
  if (fonts.get(context) === font) return;
  context.font = font;
  fonts.set(context, font);
}

/**
 * Paints the value's words centred in `box`, cut to fit; `widths` measures
 * them (the context, or a cache of its widths).
 */
export function paintValue(
  context: DialContext,
  box: Box,
  text: string,
  look: DialLook,
  widths: TextMeasure = context,
): void {
  setFont(context, look.font);
  context.textAlign = 'center';
  context.textBaseline = 'middle';
  context.fillStyle = look.text;
  context.fillText(fitText(widths, text, box.width), box.x + box.width / 2, box.y + box.height / 2);
}

/** How far a dial's drawing reaches past its face (the arc's round caps stay inside the 100 units). */
export const DIAL_BLEED = 1;
