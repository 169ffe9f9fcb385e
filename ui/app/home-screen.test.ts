import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_NAME, APPLE_ICONS, BACKGROUND_COLOR, FAVICON_SIZES, MANIFEST_ICONS, THEME_COLOR } from './home-screen';

const UI = join(import.meta.dirname, '..');
const publicFile = (file: string) => readFileSync(join(UI, 'public', file));

/** A PNG's size and whether it has an alpha channel, from its header (IHDR). */
function pngHeader(data: Buffer): { width: number; height: number; alpha: boolean } {
  expect(data.subarray(1, 4).toString('latin1')).toBe('PNG');
  const colorType = data.readUInt8(25);
  return { width: data.readUInt32BE(16), height: data.readUInt32BE(20), alpha: colorType === 4 || colorType === 6 };
}

describe('the home screen files', () => {
  it.each([...MANIFEST_ICONS, ...APPLE_ICONS])('ui/public/$file is a PNG of $size px', ({ file, size, shape }) => {
    const { width, height, alpha } = pngHeader(publicFile(file));
    expect([width, height]).toEqual([size, size]);
    // iOS paints an icon's transparent pixels black: its tiles (and the maskable one) cover every pixel
    if (shape !== 'any') expect(alpha).toBe(false);
  });

  it('favicon.ico holds a PNG of each size', () => {
    const ico = publicFile('favicon.ico');
    expect(ico.readUInt16LE(2)).toBe(1);
    const count = ico.readUInt16LE(4);
    const sizes = Array.from({ length: count }, (_, index) => {
      const entry = 6 + 16 * index;
      const png = ico.subarray(
        ico.readUInt32LE(entry + 12),
        ico.readUInt32LE(entry + 12) + ico.readUInt32LE(entry + 8),
      );
      return pngHeader(png).width;
    });
    expect(sizes).toEqual(FAVICON_SIZES);
  });

  it("index.html names Apple's icons, title and the theme's color", () => {
    const html = readFileSync(join(UI, 'index.html'), 'utf8');
    expect(html).toContain(`<meta name="theme-color" content="${THEME_COLOR}" />`);
    expect(html).toContain(`<meta name="apple-mobile-web-app-title" content="${APP_NAME}" />`);
    expect(html).toContain('<meta name="apple-mobile-web-app-capable" content="yes" />');
    const links = [...html.matchAll(/<link rel="apple-touch-icon"(?: sizes="(\d+)x\d+")? href="\/([^"]+)"/g)];
    expect(links.map(([, , file]) => file)).toEqual(APPLE_ICONS.map(({ file }) => file));
    for (const [, size, file] of links) {
      if (size) expect(APPLE_ICONS.find((icon) => icon.file === file)?.size).toBe(Number(size));
    }
  });

  it("takes its colors from the dark theme's page", () => {
    const css = readFileSync(join(UI, 'theme', 'theme.css'), 'utf8');
    const dark = css.slice(0, css.indexOf("[data-theme='light'] {"));
    expect(dark).toContain(`--ls-bg: ${BACKGROUND_COLOR};`);
  });
});
