import type { Meta, StoryObj } from '@storybook/react-vite';
import { useState } from 'react';
import { expect, userEvent, within } from 'storybook/test';
import { ThemeSwitch, type Theme } from './theme-switch';
import './app.css';

const meta = {
  title: 'App/Theme Switch',
  component: ThemeSwitch,
  args: { theme: 'dark', onChange: () => undefined },
} satisfies Meta<typeof ThemeSwitch>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Dark: the switch offers Light. */
export const WhileDark: Story = {
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole('button', { name: 'Light' })).toBeVisible();
  },
};
/** Light: the switch offers Dark. */
export const WhileLight: Story = { args: { theme: 'light' } };

function Switching() {
  const [theme, setTheme] = useState<Theme>('dark');
  return (
    <div className="ls-root" data-theme={theme} style={{ padding: 16 }}>
      <ThemeSwitch theme={theme} onChange={setTheme} />
    </div>
  );
}

/** Each press switches, and the switch then offers the other theme. */
export const Interactive: Story = {
  render: () => <Switching />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole('button', { name: 'Light' }));
    await expect(canvas.getByRole('button', { name: 'Dark' })).toBeVisible();
    await userEvent.click(canvas.getByRole('button', { name: 'Dark' }));
    await expect(canvas.getByRole('button', { name: 'Light' })).toBeVisible();
  },
};

export const AllStates: Story = {
  parameters: { controls: { disable: true } },
  render: () => (
    <div style={{ display: 'flex', gap: 16 }}>
      {(['dark', 'light'] as const).map((theme) => (
        <figure key={theme} className="ls-root" data-theme={theme} style={{ margin: 0, padding: 12 }}>
          <ThemeSwitch theme={theme} onChange={() => undefined} />
          <figcaption className="ls-label">while {theme}</figcaption>
        </figure>
      ))}
    </div>
  ),
};
