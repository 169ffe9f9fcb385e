/**
 * How LiveSurface looks on a tablet's home screen: its names, its colors
 * and its icons. The web app manifest (vite.config.ts), the icons' script
 * (scripts/make-icons.ts) and ui/index.html's meta tags all follow this
 * (home-screen.test.ts checks that the files agree with it).
 */

/** The name under the icon and in the app switcher. */
export const APP_NAME = 'LiveSurface';
/** What a launcher shows where the name does not fit. */
export const APP_SHORT_NAME = 'LiveSurface';
export const APP_DESCRIPTION = 'A touch control surface for Ableton Live: clips, mixer, devices, keys and pads.';

/** The dark theme's page background (ui/theme/theme.css `--ls-bg`): the splash screen while the app starts. */
export const BACKGROUND_COLOR = '#17181b';
/**
 * The status bar's and the browser's bar's tint before the app runs: the page's background too, as
 * theme-switch.tsx sets it for the theme in use once the app runs (so the bar does not change color then).
 */
export const THEME_COLOR = BACKGROUND_COLOR;

/** One icon file under ui/public (served at the app's root). */
export interface AppIcon {
  /** Its path under ui/public, as the manifest and index.html name it. */
  file: string;
  /** Square, in pixels. */
  size: number;
  /**
   * `any`: a rounded tile on transparent corners, shown as it is. `maskable`: full bleed, the logo inside the
   * central circle a launcher's mask keeps (Android). `apple`: full bleed and opaque, iOS rounds it itself.
   */
  shape: 'any' | 'maskable' | 'apple';
}

/** The icons the manifest lists: the sizes Android asks for (192 on the launcher, 512 for the splash). */
export const MANIFEST_ICONS: readonly AppIcon[] = [
  { file: 'icons/icon-192.png', size: 192, shape: 'any' },
  { file: 'icons/icon-512.png', size: 512, shape: 'any' },
  { file: 'icons/maskable-512.png', size: 512, shape: 'maskable' },
];

/**
 * The icons iOS and iPadOS take from `<link rel="apple-touch-icon">` (they ignore the manifest's):
 * 180 for an iPhone, 167 for an iPad Pro, 152 for other iPads. The one without sizes sits at the
 * root, where iOS looks when a page names none.
 */
export const APPLE_ICONS: readonly AppIcon[] = [
  { file: 'apple-touch-icon.png', size: 180, shape: 'apple' },
  { file: 'icons/apple-touch-icon-167.png', size: 167, shape: 'apple' },
  { file: 'icons/apple-touch-icon-152.png', size: 152, shape: 'apple' },
];

/** The browser tab's icon, as a PNG inside an .ico (the SVG one, favicon.svg, is for browsers that take it). */
export const FAVICON_SIZES: readonly number[] = [16, 32, 48];
