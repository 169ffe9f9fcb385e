/**
 * Paints the live knobs of a group (`dial-layer.tsx`) on canvases under
 * them: each knob's dial and value text (`dial-paint.ts`). A knob registers
 * its face and value boxes and hands over what it shows; once per frame the
 * painter repaints only the knobs that changed.
 *
 * The group is cut into bands of TILE pixels, a canvas each: a canvas's
 * whole bitmap is handed to the compositor whenever anything on it changed,
 * so a long page of knobs would copy megabytes a frame for the few rows in
 * view. A band out of view is not painted; it is marked stale and painted
 * whole as it comes into view (IntersectionObserver, a margin ahead).
 *
 * Where the knobs sit is read when it may have changed (a knob added or
 * removed, a size changed: ResizeObserver on the group and on each face),
 * not every frame: a read after the frame's DOM changes would force a
 * layout. A knob that moved has everything painted again.
 */
import {
  paintDial,
  paintValue,
  setFont,
  DIAL_BLEED,
  type Box,
  type DialContext,
  type DialLook,
  type DialView,
  type TextMeasure,
} from './dial-paint';

/** The elements of a knob the painter draws into: the dial's square and the value's line. */
export interface DialBoxes {
  face: HTMLElement;
  value: HTMLElement;
}

/** A registered knob: new views go in, and it leaves when it is no longer painted. */
export interface DialHandle {
  update: (view: DialView) => void;
  remove: () => void;
}

/** Where a knob's two parts sit in the group, in CSS pixels. */
interface Place {
  face: Box;
  value: Box;
}

interface Entry {
  boxes: DialBoxes;
  view: DialView;
  dirty: boolean;
  /** Where it was last painted, to clear it. */
  painted: Place | null;
  /** Where it sits now, as last measured. */
  place: Place | null;
  /** The theme's colors with the value's color and font (read from its CSS once), as it is painted. */
  look: DialLook | null;
}

/** What the painter draws with: a 2D context's drawing and its transform. */
export type PainterContext = DialContext & Pick<CanvasRenderingContext2D, 'setTransform'>;

interface Tile {
  canvas: HTMLCanvasElement;
  context: PainterContext;
  top: number;
  height: number;
  /** In view or about to be. */
  visible: boolean;
  /** Something on it changed while out of view: painted whole when it shows. */
  stale: boolean;
}

/** A band's height in CSS pixels: small enough that the bands in view are little more than the view. */
export const TILE = 256;
/** How far ahead of the view a band counts as shown, so a scroll finds it painted. */
const AHEAD = '96px';

/** The theme's colors a dial is painted with, as custom properties of the page's CSS. */
const THEME_COLORS = {
  track: '--ls-surface-3',
  accent: '--ls-accent',
  cap: '--ls-surface-2',
  capTouched: '--ls-surface-3',
  capEdge: '--ls-line',
  pointer: '--ls-text',
} as const;

type ThemeColors = Omit<DialLook, 'text' | 'font'>;

/** Resolves the theme's colors where `element` sits (a probe turns each custom property into rgb()). */
function readThemeColors(element: HTMLElement): ThemeColors {
  const probe = element.ownerDocument.createElement('span');
  probe.style.display = 'none';
  element.appendChild(probe);
  const resolve = (property: string): string => {
    probe.style.color = `var(${property})`;
    return getComputedStyle(probe).color;
  };
  const colors = Object.fromEntries(
    Object.entries(THEME_COLORS).map(([part, property]) => [part, resolve(property)]),
  ) as ThemeColors;
  probe.remove();
  return colors;
}

function readText(value: HTMLElement): Pick<DialLook, 'text' | 'font'> {
  const style = getComputedStyle(value);
  return {
    text: style.color,
    font: `${style.fontStyle} ${style.fontWeight} ${style.fontSize} ${style.fontFamily}`,
  };
}

const sameBox = (a: Box, b: Box): boolean => a.x === b.x && a.y === b.y && a.width === b.width && a.height === b.height;

const sameView = (a: DialView, b: DialView): boolean =>
  a.ratio === b.ratio && a.origin === b.origin && a.touched === b.touched && a.text === b.text && a.color === b.color;

/** The vertical extent of a place, its drawing's bleed included. */
function extent(place: Place): { top: number; bottom: number } {
  return {
    top: Math.min(place.face.y, place.value.y) - DIAL_BLEED,
    bottom: Math.max(place.face.y + place.face.height, place.value.y + place.value.height) + DIAL_BLEED,
  };
}

const touches = (tile: Tile, place: Place): boolean => {
  const { top, bottom } = extent(place);
  return bottom > tile.top && top < tile.top + tile.height;
};

/**
 * Text widths by font and text, measured on a context of their own: values
 * repeat ("50 %"), and measuring one costs about as much as painting it.
 */
class TextWidths {
  private readonly widths = new Map<string, number>();
  private readonly measures = new Map<string, TextMeasure>();
  constructor(private readonly context: PainterContext) {}
  /** Measures in `font`. */
  in(font: string): TextMeasure {
    let measure = this.measures.get(font);
    if (!measure) {
      measure = this.measureIn(font);
      this.measures.set(font, measure);
    }
    return measure;
  }

  private measureIn(font: string): TextMeasure {
    return {
      measureText: (text) => {
        const key = `${font}|${text}`;
        let width = this.widths.get(key);
        if (width === undefined) {
          if (this.widths.size > 4096) this.widths.clear();
          setFont(this.context, font);
          width = this.context.measureText(text).width;
          this.widths.set(key, width);
        }
        return { width };
      },
    };
  }
}

/** Makes a band's canvas and its 2D context; null where the DOM paints none. */
export type CanvasFactory = () => { canvas: HTMLCanvasElement; context: PainterContext } | null;

export class DialPainter {
  private readonly entries = new Set<Entry>();
  private tiles: Tile[] = [];
  /** Places of knobs that left, cleared at the next frame. */
  private readonly leftovers: Place[] = [];
  private frame: number | null = null;
  /** Paint every knob at the next frame, not only those that changed. */
  private everything = true;
  /** Where the knobs sit is to be read again (one was added, or a size changed). */
  private measure = true;
  private theme: ThemeColors | null = null;
  private width = 0;
  private scale = 1;
  private readonly resized: ResizeObserver | null;
  private readonly themed: MutationObserver | null;
  private readonly shown: IntersectionObserver | null;
  /** Measures text on a canvas of its own (never shown). */
  private readonly widths: TextWidths | null;

  constructor(
    private readonly layer: HTMLElement,
    private readonly makeCanvas: CanvasFactory,
  ) {
    const measuring = makeCanvas();
    this.widths = measuring ? new TextWidths(measuring.context) : null;
    // a knob laid out anew changes a size: its own (a rotation, a font), or its group's (a bank shown, a page shown)
    this.resized = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(() => this.remeasure());
    this.resized?.observe(layer);
    // a theme switch changes no size: repaint with its colors
    this.themed = typeof MutationObserver === 'undefined' ? null : new MutationObserver(() => this.invalidate());
    for (let node: Element | null = layer; node; node = node.parentElement)
      if (node.hasAttribute('data-theme') || node === layer.ownerDocument.documentElement)
        this.themed?.observe(node, { attributes: true, attributeFilter: ['data-theme'] });
    this.shown =
      typeof IntersectionObserver === 'undefined'
        ? null
        : new IntersectionObserver((changes) => this.seen(changes), { rootMargin: `${AHEAD} 0px` });
  }

  add(boxes: DialBoxes, view: DialView): DialHandle {
    const entry: Entry = { boxes, view, dirty: true, painted: null, place: null, look: null };
    this.entries.add(entry);
    this.resized?.observe(boxes.face);
    this.remeasure();
    return {
      update: (next) => {
        if (sameView(entry.view, next)) return;
        entry.view = next;
        entry.dirty = true;
        this.schedule();
      },
      remove: () => {
        if (!this.entries.delete(entry)) return;
        this.resized?.unobserve(boxes.face);
        if (entry.painted) this.leftovers.push(entry.painted);
        this.remeasure();
      },
    };
  }

  /** Reads where every knob sits at the next frame (and paints all if one moved). */
  remeasure(): void {
    this.measure = true;
    this.schedule();
  }

  /** Paints everything again at the next frame, the theme's colors and fonts read anew. */
  invalidate(): void {
    this.theme = null;
    for (const entry of this.entries) entry.look = null;
    this.everything = true;
    this.remeasure();
  }

  destroy(): void {
    if (this.frame !== null) cancelAnimationFrame(this.frame);
    this.frame = null;
    this.resized?.disconnect();
    this.themed?.disconnect();
    this.shown?.disconnect();
    for (const tile of this.tiles) tile.canvas.remove();
    this.tiles = [];
    this.entries.clear();
  }

  private schedule(): void {
    this.frame ??= requestAnimationFrame(() => {
      this.frame = null;
      this.paint();
    });
  }

  private seen(changes: IntersectionObserverEntry[]): void {
    let stale = false;
    for (const change of changes) {
      const tile = this.tiles.find((candidate) => candidate.canvas === change.target);
      if (!tile) continue;
      tile.visible = change.isIntersecting;
      stale ||= tile.visible && tile.stale;
    }
    if (stale) this.schedule();
  }

  /** As many bands as the group is tall, each sized for the screen's pixels. */
  private layTiles(width: number, height: number, scale: number): void {
    const count = Math.max(0, Math.ceil(height / TILE));
    while (this.tiles.length > count) {
      const tile = this.tiles.pop();
      if (tile) {
        this.shown?.unobserve(tile.canvas);
        tile.canvas.remove();
      }
    }
    while (this.tiles.length < count) {
      const made = this.makeCanvas();
      if (!made) break;
      made.canvas.className = 'ls-dial-tile';
      this.layer.appendChild(made.canvas);
      // until the observer says otherwise, a band counts as shown (it is painted once at least)
      this.tiles.push({ ...made, top: 0, height: 0, visible: true, stale: true });
      this.shown?.observe(made.canvas);
    }
    this.tiles.forEach((tile, index) => {
      const top = index * TILE;
      const tall = Math.min(TILE, height - top);
      const [pixelsWide, pixelsTall] = [Math.round(width * scale), Math.round(tall * scale)];
      if (tile.top !== top || tile.height !== tall) {
        tile.top = top;
        tile.height = tall;
        tile.canvas.style.top = `${top}px`;
        tile.canvas.style.height = `${tall}px`;
      }
      if (tile.canvas.width !== pixelsWide || tile.canvas.height !== pixelsTall) {
        tile.canvas.width = pixelsWide;
        tile.canvas.height = pixelsTall;
      }
    });
  }

  /** Lays the bands out and reads where each knob sits; says whether anything moved. */
  private measureAll(): boolean {
    const area = this.layer.getBoundingClientRect();
    const scale = window.devicePixelRatio || 1;
    const heightBefore = this.tiles.reduce((sum, tile) => sum + tile.height, 0);
    let moved = area.width !== this.width || area.height !== heightBefore || scale !== this.scale;
    this.width = area.width;
    this.scale = scale;
    if (moved) this.layTiles(area.width, area.height, scale);
    const relative = (element: HTMLElement): Box => {
      const box = element.getBoundingClientRect();
      return { x: box.left - area.left, y: box.top - area.top, width: box.width, height: box.height };
    };
    for (const entry of this.entries) {
      const place = { face: relative(entry.boxes.face), value: relative(entry.boxes.value) };
      // a knob that moved (a reflow, a bank shown) leaves its old drawing behind
      if (entry.painted && (!sameBox(entry.painted.face, place.face) || !sameBox(entry.painted.value, place.value)))
        moved = true;
      entry.place = place;
    }
    return moved;
  }

  private paint(): void {
    if (this.measure) {
      this.measure = false;
      if (this.measureAll()) this.everything = true;
    }
    if (this.tiles.length === 0) return;
    this.theme ??= readThemeColors(this.layer);
    const theme = this.theme;
    const widths = this.widths;
    if (!widths) return;

    const draw = (tile: Tile, entry: Entry): void => {
      const place = entry.place;
      // hidden (a page not shown): nothing to paint until it shows and is measured again
      if (!place || place.face.width === 0 || !touches(tile, place)) return;
      const look = (entry.look ??= { ...theme, ...readText(entry.boxes.value) });
      const shifted = (box: Box): Box => ({ ...box, y: box.y - tile.top });
      paintDial(tile.context, shifted(place.face), entry.view, look);
      paintValue(tile.context, shifted(place.value), entry.view.text, look, widths.in(look.font));
    };
    const clearPlace = (tile: Tile, place: Place): void => {
      if (!touches(tile, place)) return;
      for (const box of [place.face, place.value])
        tile.context.clearRect(
          box.x - DIAL_BLEED,
          box.y - tile.top - DIAL_BLEED,
          box.width + 2 * DIAL_BLEED,
          box.height + 2 * DIAL_BLEED,
        );
    };

    for (const tile of this.tiles) {
      tile.stale ||= this.everything;
      tile.context.setTransform(this.scale, 0, 0, this.scale, 0, 0);
      if (!tile.visible) {
        // out of view: only remember that it is behind
        if (this.leftovers.some((place) => touches(tile, place))) tile.stale = true;
        for (const entry of this.entries)
          if (
            entry.dirty &&
            ((entry.place && touches(tile, entry.place)) || (entry.painted && touches(tile, entry.painted)))
          )
            tile.stale = true;
        continue;
      }
      if (tile.stale) {
        tile.context.clearRect(0, 0, this.width, tile.height);
        for (const entry of this.entries) draw(tile, entry);
        tile.stale = false;
        continue;
      }
      for (const place of this.leftovers) clearPlace(tile, place);
      for (const entry of this.entries) {
        if (!entry.dirty) continue;
        if (entry.painted) clearPlace(tile, entry.painted);
        draw(tile, entry);
      }
    }
    for (const entry of this.entries) {
      entry.dirty = false;
      entry.painted = entry.place;
    }
    this.leftovers.length = 0;
    this.everything = false;
  }
}
