/**
 * Dark or light, remembered on this device (a setting, `ui/settings`). The
 * switch says the theme it switches to: "Light" while dark, "Dark" while
 * light.
 */
import { useEffect } from 'react';
import { z } from 'zod';
import { readSetting, useStoredState } from '../settings/stored-state';

export const Theme = z.enum(['dark', 'light']);
export type Theme = z.infer<typeof Theme>;

const SETTING = 'theme';
/** Where the theme was kept before settings had a schema (a plain string). */
const LEGACY_KEY = 'livesurface-theme';

/** The theme a device chose before, for the first read: dark unless it chose light. */
function legacyTheme(): Theme {
  try {
    return globalThis.localStorage?.getItem(LEGACY_KEY) === 'light' ? 'light' : 'dark';
  } catch {
    return 'dark'; // a browser that forbids storage throws on access
  }
}

/** The theme this device chose (for screens shown before the app, such as the failure screens). */
export function storedTheme(): Theme {
  return readSetting(SETTING, Theme, legacyTheme());
}

/** The page's colours outside the app's root (the overscroll area, the browser's bar) follow the theme. */
function applyToDocument(theme: Theme): void {
  document.documentElement.dataset.theme = theme;
  const bar = getComputedStyle(document.documentElement).getPropertyValue('--ls-bg').trim();
  if (bar) document.querySelector('meta[name="theme-color"]')?.setAttribute('content', bar);
}

/** The theme and its setter; the choice survives a reload. */
export function useTheme(): [Theme, (theme: Theme) => void] {
  const [theme, setTheme] = useStoredState(SETTING, Theme, legacyTheme());
  useEffect(() => applyToDocument(theme), [theme]);
  return [theme, setTheme];
}

const opposite = (theme: Theme): Theme => (theme === 'dark' ? 'light' : 'dark');

export function ThemeSwitch({ theme, onChange }: { theme: Theme; onChange: (theme: Theme) => void }) {
  const next = opposite(theme);
  return (
    <button
      type="button"
      className="ls-theme-switch"
      data-theme-next={next}
      title={`Switch to the ${next} theme`}
      onClick={() => onChange(next)}
    >
      {next === 'light' ? 'Light' : 'Dark'}
    </button>
  );
}
