import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, within } from 'storybook/test';
import { LockSwitch } from './LockSwitch';

const meta = {
  title: 'Controls/Lock Switch',
  component: LockSwitch,
  args: {
    locked: false,
    confirming: false,
    busy: false,
    disabled: false,
    error: null,
    onLock: fn(),
    onUnlock: fn(),
    onConfirm: fn(),
    onKeep: fn(),
  },
} satisfies Meta<typeof LockSwitch>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Unlocked: one tap locks every tablet. */
export const Unlocked: Story = {
  play: async ({ canvasElement, args }) => {
    await userEvent.click(within(canvasElement).getByRole('button', { name: 'Lock' }));
    await expect(args.onLock).toHaveBeenCalled();
  },
};

/** Locked for performance: lit; a tap asks before unlocking. */
export const Locked: Story = {
  args: { locked: true },
  play: async ({ canvasElement, args }) => {
    await userEvent.click(within(canvasElement).getByRole('button', { name: 'Locked' }));
    await expect(args.onUnlock).toHaveBeenCalled();
  },
};

/** "Unlock editing?": Keep locked is the safe answer, and has the focus. */
export const Confirming: Story = {
  args: { locked: true, confirming: true },
  play: async ({ canvasElement, args }) => {
    const view = within(canvasElement);
    await expect(view.getByRole('button', { name: 'Keep locked' })).toHaveFocus();
    await userEvent.click(view.getByRole('button', { name: 'Unlock' }));
    await expect(args.onConfirm).toHaveBeenCalled();
  },
};

/** The bridge cannot be asked (no link). */
export const Unreachable: Story = { args: { disabled: true } };

/** The bridge refused (an older bridge without a lock). */
export const Failed: Story = { args: { error: 'this bridge has no perform lock' } };

export const AllStates: Story = {
  render: (args) => (
    <div style={{ display: 'grid', gap: 16, justifyItems: 'start' }}>
      {(
        [
          ['unlocked', {}],
          ['locked', { locked: true }],
          ['asking before unlocking', { locked: true, confirming: true }],
          ['asking the bridge', { busy: true }],
          ['no link', { disabled: true }],
          ['refused', { error: 'this bridge has no perform lock' }],
        ] as const
      ).map(([title, extra]) => (
        <section key={title} aria-label={title}>
          <h3 className="ls-label">{title}</h3>
          <LockSwitch {...args} {...extra} />
        </section>
      ))}
    </div>
  ),
};
