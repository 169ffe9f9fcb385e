import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LIVE_PALETTE, cssColor, paletteColor, textOn } from './live-colors';

describe('Live colors', () => {
  it('has the palette the simulator uses, entry for entry', () => {
    const python = readFileSync(
      new URL('../../live-script/simulator/live_modules/Live/_colors.py', import.meta.url),
      'utf8',
    );
    const table = python.slice(python.indexOf('PALETTE = ('), python.indexOf(')', python.indexOf('PALETTE = (')));
    const entries = [...table.matchAll(/0x([0-9A-Fa-f]{6})/g)].map((match) => parseInt(match[1] as string, 16));
    expect(entries).toHaveLength(70);
    expect(LIVE_PALETTE).toEqual(entries);
  });

  it('writes colors as CSS and picks a text color that reads on them', () => {
    expect(cssColor(0xffa529)).toBe('#ffa529');
    expect(cssColor(0x0a9c8e)).toBe('#0a9c8e');
    expect(textOn(0xffffff)).toBe('#111');
    expect(textOn(0x1a2f96)).toBe('#fff');
    expect(paletteColor(70)).toBe(paletteColor(0));
    expect(paletteColor(-1)).toBe(0x3c3c3c);
  });
});
