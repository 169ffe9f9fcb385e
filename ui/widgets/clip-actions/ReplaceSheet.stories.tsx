import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { LIVE_PALETTE } from '../../theme/live-colors';
import { SheetFrame } from './frame';
import { ReplaceSheet } from './ReplaceSheet';

const meta = {
  title: 'Session/Replace Sheet',
  component: ReplaceSheet,
  args: {
    verb: 'Move',
    incoming: 'Bass 2',
    replaced: 'Bassline',
    location: 'Bass, slot 3',
    color: LIVE_PALETTE[23] ?? null,
    onReplace: fn(),
    onCancel: fn(),
  },
  decorators: [
    (Story) => (
      <SheetFrame height={300}>
        <Story />
      </SheetFrame>
    ),
  ],
} satisfies Meta<typeof ReplaceSheet>;

export default meta;
type Story = StoryObj<typeof meta>;

/** A clip dropped on another: both clips and the place are named; Cancel has the focus. */
export const MoveOntoAClip: Story = {
  play: async ({ canvasElement, args }) => {
    const sheet = within(canvasElement).getByRole('alertdialog', { name: 'Move onto a clip?' });
    await expect(sheet).toHaveAccessibleDescription('Replace “Bassline” in Bass, slot 3 with “Bass 2”?');
    // (focus moves in as the sheet's effect runs, which may follow the play function's start)
    await waitFor(() => expect(within(sheet).getByRole('button', { name: 'Cancel' })).toHaveFocus());
    await userEvent.click(within(sheet).getByRole('button', { name: 'Replace' }));
    await expect(args.onReplace).toHaveBeenCalledTimes(1);
    await expect(args.onCancel).not.toHaveBeenCalled();
  },
};

/** Copied onto a clip; Escape (as Cancel) replaces nothing. */
export const CopyOntoAClip: Story = {
  args: { verb: 'Copy' },
  play: async ({ canvasElement, args }) => {
    const sheet = within(canvasElement).getByRole('alertdialog', { name: 'Copy onto a clip?' });
    await waitFor(() => expect(within(sheet).getByRole('button', { name: 'Cancel' })).toHaveFocus());
    await userEvent.keyboard('{Escape}');
    await expect(args.onCancel).toHaveBeenCalledTimes(1);
    await expect(args.onReplace).not.toHaveBeenCalled();
  },
};

/** Unnamed clips are called "the clip". */
export const Unnamed: Story = {
  args: { incoming: '', replaced: '', color: null },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole('alertdialog')).toHaveAccessibleDescription(
      'Replace the clip in Bass, slot 3 with the clip?',
    );
  },
};

export const AllStates: Story = {
  decorators: [(Story) => <Story />],
  render: (args) => (
    <div style={{ display: 'grid', gap: 16 }}>
      <SheetFrame height={280}>
        <ReplaceSheet {...args} />
      </SheetFrame>
      <SheetFrame height={280}>
        <ReplaceSheet {...args} verb="Copy" incoming="" replaced="Swell" location="Pad, slot 2" color={null} />
      </SheetFrame>
    </div>
  ),
};
