// @vitest-environment jsdom
import { act, render, renderHook, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { storedTheme, ThemeSwitch, useTheme } from './theme-switch';

function App() {
  const [theme, setTheme] = useTheme();
  return (
    <div className="ls-root" data-theme={theme}>
      <ThemeSwitch theme={theme} onChange={setTheme} />
    </div>
  );
}

afterEach(() => localStorage.clear());

describe('ThemeSwitch', () => {
  it('says the theme it switches to', async () => {
    render(<App />);
    await userEvent.click(screen.getByRole('button', { name: 'Light' }));
    expect(document.documentElement.dataset.theme).toBe('light');
    await userEvent.click(screen.getByRole('button', { name: 'Dark' }));
    expect(document.documentElement.dataset.theme).toBe('dark');
    expect(screen.getByRole('button', { name: 'Light' })).toHaveAttribute('title', 'Switch to the light theme');
  });

  it('keeps the theme for the next load', async () => {
    const first = render(<App />);
    await userEvent.click(screen.getByRole('button', { name: 'Light' }));
    first.unmount();
    expect(storedTheme()).toBe('light');
    render(<App />);
    expect(screen.getByRole('button', { name: 'Dark' })).toBeVisible();
  });

  it('reads the theme a device chose before settings had a schema, and ignores what it cannot read', () => {
    localStorage.setItem('livesurface-theme', 'light');
    expect(renderHook(() => useTheme()).result.current[0]).toBe('light');
    localStorage.clear();
    localStorage.setItem('livesurface:theme', '"purple"');
    const { result } = renderHook(() => useTheme());
    expect(result.current[0]).toBe('dark');
    act(() => result.current[1]('light'));
    expect(localStorage.getItem('livesurface:theme')).toBe('"light"');
  });
});
