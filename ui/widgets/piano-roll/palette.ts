/**
 * The roll's colors: read from the theme's CSS variables (piano-roll.css
 * defines the roll's own, dark and light), so the canvas follows the theme
 * like the DOM does; and the velocity ramp, velocity as the strength of the
 * note's color, as in Live: soft notes pale, loud ones saturated.
 */

/** An RGB color, 0..255 each. */
export type Rgb = readonly [number, number, number];

/** How many velocity shades the notes are drawn in (a fill per shade, not one per note). */
export const VELOCITY_SHADES = 16;

/** The shade a velocity (0..127) is drawn in. */
export const shadeOf = (velocity: number): number =>
  Math.min(VELOCITY_SHADES - 1, Math.max(0, Math.floor((velocity / 128) * VELOCITY_SHADES)));

/** `#rgb`, `#rrggbb`, `rgb(r g b)` or `rgb(r, g, b)` as RGB; null for anything else. */
export function parseColor(text: string): Rgb | null {
  const value = text.trim().toLowerCase();
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/.exec(value)?.[1];
  if (hex !== undefined) {
    const full = hex.length === 3 ? [...hex].map((digit) => digit + digit).join('') : hex;
    return [0, 2, 4].map((at) => parseInt(full.slice(at, at + 2), 16)) as unknown as Rgb;
  }
  const rgb = /^rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)/.exec(value);
  if (rgb) return [Number(rgb[1]), Number(rgb[2]), Number(rgb[3])];
  return null;
}

/** `a` mixed with `b`: `t` 0 is `a`, 1 is `b`. */
export const mix = (a: Rgb, b: Rgb, t: number): Rgb => [
  a[0] + (b[0] - a[0]) * t,
  a[1] + (b[1] - a[1]) * t,
  a[2] + (b[2] - a[2]) * t,
];

/** A color as CSS, with an alpha below 1 when given. */
export function css(color: Rgb, alpha = 1): string {
  const [r, g, b] = color.map((channel) => Math.round(channel));
  return alpha >= 1 ? `rgb(${r} ${g} ${b})` : `rgb(${r} ${g} ${b} / ${alpha.toFixed(3)})`;
}

/** Fills for each velocity shade, from `soft` (a whisper) to `strong` (full velocity). */
export function velocityRamp(soft: Rgb, strong: Rgb): string[] {
  return Array.from({ length: VELOCITY_SHADES }, (_, shade) =>
    // a curve: the loud half stays strong, the soft end fades to a whisper
    css(mix(soft, strong, 0.15 + 0.85 * Math.pow(shade / (VELOCITY_SHADES - 1), 1.3))),
  );
}

/** Everything the canvas paints with. */
export interface RollPalette {
  background: string;
  /** Black keys' rows, out-of-scale rows. */
  rowDark: string;
  /** In-scale rows when the scale is shown; the root's. */
  rowScale: string;
  rowRoot: string;
  rowLine: string;
  octaveLine: string;
  barLine: string;
  beatLine: string;
  divisionLine: string;
  /** Over the beats that do not play (before the start, after the end, outside the loop). */
  outside: string;
  notes: string[];
  selected: string[];
  noteBorder: string;
  selectedBorder: string;
  muted: string;
  noteText: string;
  selectedText: string;
  sending: string;
  offline: string;
  refused: string;
}

const FALLBACK = {
  background: '#2a2c31',
  rowDark: '#24262a',
  rowScale: '#33363c',
  rowRoot: '#3b3a35',
  rowLine: '#202226',
  octaveLine: '#15161a',
  barLine: '#0f1012',
  beatLine: '#1a1b1f',
  divisionLine: '#222429',
  outside: 'rgb(0 0 0 / 0.35)',
  note: '#ffa629',
  noteSoft: '#5a4d3c',
  selected: '#ffe3b8',
  selectedSoft: '#8d8478',
  noteBorder: 'rgb(0 0 0 / 0.55)',
  selectedBorder: '#ffffff',
  muted: '#5d6067',
  noteText: '#17181b',
  selectedText: '#17181b',
  sending: '#9aa0a8',
  offline: '#f5c542',
  refused: '#ff4d4d',
};

type PaletteVariable = keyof typeof FALLBACK;

// palettes already built, by the variables' values: a frame reads the variables (cheap) but builds
// the velocity ramps only when the theme or the clip's color changes
const built = new Map<string, RollPalette>();

// the theme's epoch: a data-theme attribute changing anywhere may change every variable
let themeEpoch = 0;
let watching = false;
const lastRead = new WeakMap<Element, { epoch: number; noteColor: string | null; palette: RollPalette }>();

/**
 * The `--ls-roll-*` variables as `element` sees them; `noteColor` (Live's
 * clip color as CSS) replaces the note color. Read again only after the
 * theme changed (a frame would otherwise read two dozen variables).
 */
export function readPalette(element: Element, noteColor: string | null): RollPalette {
  if (!watching && typeof MutationObserver !== 'undefined') {
    watching = true;
    new MutationObserver(() => {
      themeEpoch += 1;
    }).observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'], subtree: true });
  }
  const last = lastRead.get(element);
  if (last && last.epoch === themeEpoch && last.noteColor === noteColor) return last.palette;
  const palette = readVariables(element, noteColor);
  lastRead.set(element, { epoch: themeEpoch, noteColor, palette });
  return palette;
}

function readVariables(element: Element, noteColor: string | null): RollPalette {
  const style = getComputedStyle(element);
  const raw = {} as Record<PaletteVariable, string>;
  for (const name of Object.keys(FALLBACK) as PaletteVariable[]) {
    const variable = `--ls-roll-${name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}`;
    raw[name] = style.getPropertyValue(variable).trim() || FALLBACK[name];
  }
  if (noteColor !== null) raw.note = noteColor;
  const key = Object.values(raw).join('|');
  const known = built.get(key);
  if (known) return known;
  const rgb = (name: PaletteVariable): Rgb => parseColor(raw[name]) ?? (parseColor(FALLBACK[name]) as Rgb);
  const note = rgb('note');
  const palette: RollPalette = {
    ...raw,
    notes: velocityRamp(rgb('noteSoft'), note),
    selected: velocityRamp(rgb('selectedSoft'), rgb('selected')),
  };
  if (built.size > 16) built.clear();
  built.set(key, palette);
  return palette;
}
