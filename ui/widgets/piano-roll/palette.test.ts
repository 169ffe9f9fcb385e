import { describe, expect, it } from 'vitest';
import { css, mix, parseColor, shadeOf, velocityRamp, VELOCITY_SHADES } from './palette';

describe('palette', () => {
  it('reads the colors the theme writes', () => {
    expect(parseColor('#ffa629')).toEqual([255, 166, 41]);
    expect(parseColor(' #fff ')).toEqual([255, 255, 255]);
    expect(parseColor('rgb(1 2 3 / 50%)')).toEqual([1, 2, 3]);
    expect(parseColor('rgb(1, 2, 3)')).toEqual([1, 2, 3]);
    expect(parseColor('color-mix(in srgb, red, blue)')).toBeNull();
  });

  it('mixes and writes colors', () => {
    expect(mix([0, 0, 0], [200, 100, 50], 0.5)).toEqual([100, 50, 25]);
    expect(css([1.4, 2, 3])).toBe('rgb(1 2 3)');
    expect(css([1, 2, 3], 0.5)).toBe('rgb(1 2 3 / 0.500)');
  });

  it('draws velocity as the strength of the color, soft to strong', () => {
    expect(shadeOf(0)).toBe(0);
    expect(shadeOf(127)).toBe(VELOCITY_SHADES - 1);
    expect(shadeOf(64)).toBe(VELOCITY_SHADES / 2);
    const ramp = velocityRamp([0, 0, 0], [255, 0, 0]);
    expect(ramp).toHaveLength(VELOCITY_SHADES);
    expect(ramp.at(-1)).toBe('rgb(255 0 0)');
    const reds = ramp.map((color) => parseColor(color)?.[0] ?? 0);
    expect(reds.every((red, i) => i === 0 || red > (reds[i - 1] ?? 0))).toBe(true);
  });
});
