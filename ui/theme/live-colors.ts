/** Live's colors: its palette of 70, an RGB integer as CSS, and a text color that reads on it. */

/** Live's session colors, row by row (14 hues x 5 shades), as Live shows them. */
export const LIVE_PALETTE: readonly number[] = [
  0xff94a6, 0xffa529, 0xcc9927, 0xf7f47c, 0xbffb00, 0x1aff2f, 0x25ffa8, 0x5cffe8, 0x8bc5ff, 0x5480e4, 0x92a7ff,
  0xd86ce4, 0xe553a0, 0xffffff, 0xff3636, 0xf66c03, 0x99724b, 0xfff034, 0x87ff67, 0x3dc300, 0x00bfaf, 0x19e9ff,
  0x10a4ee, 0x007dc0, 0x886ce4, 0xb677c6, 0xff39d4, 0xd0d0d0, 0xe2675a, 0xffa374, 0xd3ad71, 0xedffae, 0xd2e498,
  0xbad074, 0x9bc48d, 0xd4fde1, 0xcdf1f8, 0xb9c1e3, 0xcdbbe4, 0xae98e5, 0xe5dce1, 0xa9a9a9, 0xc6928b, 0xb78256,
  0x99836a, 0xbfba69, 0xa6be00, 0x7db04d, 0x88c2ba, 0x9bb3c4, 0x85a5c2, 0x8393cc, 0xa595b5, 0xbf9fbe, 0xbc7196,
  0x7b7b7b, 0xaf3333, 0xa95131, 0x724f41, 0xdbc300, 0x85961f, 0x539f31, 0x0a9c8e, 0x236384, 0x1a2f96, 0x2f52a2,
  0x624bad, 0xa34bad, 0xcc2e6e, 0x3c3c3c,
];

/** A palette entry by index (Live's `color_index`), wrapping. */
export const paletteColor = (index: number): number =>
  LIVE_PALETTE[((index % LIVE_PALETTE.length) + LIVE_PALETTE.length) % LIVE_PALETTE.length] as number;

export function cssColor(rgb: number): string {
  return `#${(rgb & 0xffffff).toString(16).padStart(6, '0')}`;
}

/** Black or white, whichever reads better on `rgb` (WCAG relative luminance). */
export function textOn(rgb: number): string {
  const channel = (shift: number): number => {
    const c = ((rgb >> shift) & 0xff) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  const luminance = 0.2126 * channel(16) + 0.7152 * channel(8) + 0.0722 * channel(0);
  return luminance > 0.35 ? '#111' : '#fff';
}
