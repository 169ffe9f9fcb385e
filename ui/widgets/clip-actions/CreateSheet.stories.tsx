import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, within } from 'storybook/test';
import { LOCKED_REASON } from '../../../machines/session-edits';
import { CreateSheet } from './CreateSheet';
import { SheetFrame } from './frame';

const meta = {
  title: 'Session/Create Sheet',
  component: CreateSheet,
  args: { location: 'Bass, slot 3', disabledReason: null, onCreate: fn(), onClose: fn() },
  decorators: [
    (Story) => (
      <SheetFrame height={300}>
        <Story />
      </SheetFrame>
    ),
  ],
} satisfies Meta<typeof CreateSheet>;

export default meta;
type Story = StoryObj<typeof meta>;

/** A long press on an empty slot: a new clip of 1, 2, 4, 8 or 16 bars. */
export const Open: Story = {
  play: async ({ canvasElement, args }) => {
    const sheet = within(canvasElement).getByRole('dialog', { name: 'New clip' });
    await userEvent.click(within(sheet).getByRole('button', { name: '8 bars' }));
    await expect(args.onCreate).toHaveBeenCalledWith(8);
  },
};

/** Locked for performance: no clip is created, and the sheet says why. */
export const Locked: Story = {
  args: { disabledReason: LOCKED_REASON },
  play: async ({ canvasElement }) => {
    const sheet = within(canvasElement);
    await expect(sheet.getByRole('button', { name: '1 bar' })).toBeDisabled();
    await expect(sheet.getByRole('button', { name: '1 bar' })).toHaveAccessibleDescription(LOCKED_REASON);
  },
};

/** An audio track: Live creates empty clips on MIDI tracks only. */
export const AudioTrack: Story = {
  args: {
    location: 'Vox, slot 2',
    disabledReason: 'Live creates empty clips on MIDI tracks only: record into an audio track instead',
  },
};

export const AllStates: Story = {
  decorators: [(Story) => <Story />],
  render: (args) => (
    <div style={{ display: 'grid', gap: 16 }}>
      <SheetFrame height={260}>
        <CreateSheet {...args} />
      </SheetFrame>
      <SheetFrame height={300}>
        <CreateSheet {...args} disabledReason={LOCKED_REASON} />
      </SheetFrame>
    </div>
  ),
};
