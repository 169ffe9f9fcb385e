/**
 * The lane's colors: the piano roll's palette (its background, lines,
 * shading, note and pending colors, from the `--ls-roll-*` variables that
 * envelope.css declares for the lane as piano-roll.css does for the roll)
 * and the envelope's own (`--ls-env-*`), read again only when the roll's
 * palette changes (a theme switch), not every frame.
 */
import { readPalette, type RollPalette } from '../piano-roll/palette';

/** Everything the lane's canvas paints with. */
export interface LanePalette {
  roll: RollPalette;
  /** The envelope's line, and the fill under it (drawn at a low alpha). */
  line: string;
  /** The value the parameter has when there is no automation (dashed). */
  current: string;
  /** An erase range being chosen. */
  erase: string;
  /** The loop region's strip along the top. */
  loop: string;
}

const FALLBACK = { line: '#54c7ff', current: '#9aa0a8', erase: '#e9eaec', loop: '#ffa629' };

const extras = new WeakMap<RollPalette, Omit<LanePalette, 'roll'>>();

/** The lane's palette as `element` sees it; `noteColor` (Live's clip color as CSS) colors the faint notes. */
export function readLanePalette(element: Element, noteColor: string | null): LanePalette {
  const roll = readPalette(element, noteColor);
  let extra = extras.get(roll);
  if (!extra) {
    const style = getComputedStyle(element);
    const read = (name: keyof typeof FALLBACK): string =>
      style.getPropertyValue(`--ls-env-${name}`).trim() || FALLBACK[name];
    extra = { line: read('line'), current: read('current'), erase: read('erase'), loop: read('loop') };
    extras.set(roll, extra);
  }
  return { roll, ...extra };
}
