import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, within } from 'storybook/test';
import { LOCKED_REASON } from '../../../machines/session-edits';
import { LIVE_PALETTE } from '../../theme/live-colors';
import { SheetFrame } from './frame';
import { SlotMenu } from './SlotMenu';

const meta = {
  title: 'Session/Slot Menu',
  component: SlotMenu,
  args: {
    name: 'Beat A',
    location: 'Drums, slot 1',
    color: LIVE_PALETTE[14] ?? null,
    colorIndex: 14,
    lockedReason: null,
    duplicateTarget: 'Drums, slot 4',
    onDuplicate: fn(),
    onCopyTo: fn(),
    onMoveTo: fn(),
    onDelete: fn(),
    onRename: fn(),
    onRecolor: fn(),
    onClose: fn(),
  },
  decorators: [
    (Story) => (
      <SheetFrame height={560}>
        <Story />
      </SheetFrame>
    ),
  ],
} satisfies Meta<typeof SlotMenu>;

export default meta;
type Story = StoryObj<typeof meta>;

/** A clip's actions, open from a long press: duplicate, copy or move, delete, rename, color. */
export const Open: Story = {
  play: async ({ canvasElement, args }) => {
    const menu = within(canvasElement).getByRole('dialog', { name: 'Beat A' });
    await userEvent.click(within(menu).getByRole('button', { name: /Duplicate/ }));
    await expect(args.onDuplicate).toHaveBeenCalled();
    const name = within(menu).getByRole('textbox', { name: 'Name' });
    await userEvent.clear(name);
    await userEvent.type(name, 'Beat Z{Enter}');
    await expect(args.onRename).toHaveBeenCalledWith('Beat Z');
    await userEvent.click(within(menu).getByRole('radio', { name: 'Color 20' }));
    await expect(args.onRecolor).toHaveBeenCalledWith(19);
    await userEvent.keyboard('{Escape}');
    await expect(args.onClose).toHaveBeenCalled();
  },
};

/** No empty slot below: Duplicate says so; Copy to… still picks a place. */
export const NoRoomBelow: Story = {
  args: { duplicateTarget: null },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole('button', { name: /Duplicate/ })).toBeDisabled();
  },
};

/** Locked for performance: duplicate, copy, move and delete are disabled with the reason; rename and color stay. */
export const Locked: Story = {
  args: { lockedReason: LOCKED_REASON },
  play: async ({ canvasElement, args }) => {
    const menu = within(canvasElement);
    await expect(menu.getByRole('note')).toHaveTextContent(LOCKED_REASON);
    await expect(menu.getByRole('button', { name: 'Delete' })).toBeDisabled();
    await userEvent.click(menu.getByRole('radio', { name: 'Color 1' }));
    await expect(args.onRecolor).toHaveBeenCalledWith(0);
  },
};

/** An unnamed clip in a color outside Live's palette. */
export const Unnamed: Story = { args: { name: '', color: 0x336699, colorIndex: null } };

export const AllStates: Story = {
  decorators: [(Story) => <Story />],
  render: (args) => (
    <div style={{ display: 'grid', gap: 16 }}>
      <SheetFrame height={560}>
        <SlotMenu {...args} />
      </SheetFrame>
      <SheetFrame height={600}>
        <SlotMenu {...args} name="Walk" colorIndex={23} lockedReason={LOCKED_REASON} duplicateTarget={null} />
      </SheetFrame>
    </div>
  ),
};
