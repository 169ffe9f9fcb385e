/** SVG geometry of a knob's arc: 270 degrees, from 7:30 to 4:30 like Live's own knobs. */

export const SWEEP_DEGREES = 270;
const START = -135;

/** The angle (degrees, 0 at 12 o'clock, clockwise) of a ratio 0..1 along the sweep. */
export const angleAt = (ratio: number): number => START + Math.min(1, Math.max(0, ratio)) * SWEEP_DEGREES;

export function pointAt(cx: number, cy: number, radius: number, degrees: number): { x: number; y: number } {
  const radians = ((degrees - 90) * Math.PI) / 180;
  return { x: cx + radius * Math.cos(radians), y: cy + radius * Math.sin(radians) };
}

/** The path of an arc between two ratios of the sweep (in either order); empty when they meet. */
export function arcPath(cx: number, cy: number, radius: number, fromRatio: number, toRatio: number): string {
  const [a, b] = fromRatio <= toRatio ? [fromRatio, toRatio] : [toRatio, fromRatio];
  if (b - a < 1e-4) return '';
  const start = pointAt(cx, cy, radius, angleAt(a));
  const end = pointAt(cx, cy, radius, angleAt(b));
  const large = (b - a) * SWEEP_DEGREES > 180 ? 1 : 0;
  const f = (n: number): string => n.toFixed(2);
  return `M ${f(start.x)} ${f(start.y)} A ${radius} ${radius} 0 ${large} 1 ${f(end.x)} ${f(end.y)}`;
}
