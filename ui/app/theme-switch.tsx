/** Dark or light, remembered on this tablet. */
import { useEffect, useState } from 'react';

export type Theme = 'dark' | 'light';
const KEY = 'livesurface-theme';

export function useTheme(): [Theme, (theme: Theme) => void] {
  const [theme, setTheme] = useState<Theme>(() =>
    globalThis.localStorage?.getItem(KEY) === 'light' ? 'light' : 'dark',
  );
  useEffect(() => {
    globalThis.localStorage?.setItem(KEY, theme);
    document.documentElement.dataset.theme = theme;
  }, [theme]);
  return [theme, setTheme];
}

export function ThemeSwitch({ theme, onChange }: { theme: Theme; onChange: (theme: Theme) => void }) {
  return (
    <button
      type="button"
      className="ls-theme-switch"
      aria-pressed={theme === 'light'}
      onClick={() => onChange(theme === 'dark' ? 'light' : 'dark')}
    >
      Light
    </button>
  );
}
