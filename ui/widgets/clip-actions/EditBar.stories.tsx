import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, within } from 'storybook/test';
import { EditBar } from './EditBar';
import { SheetFrame } from './frame';

const meta = {
  title: 'Session/Edit Bar',
  component: EditBar,
  args: { onUndo: fn(), onDismiss: fn(), onCancelPlacing: fn() },
  decorators: [
    (Story) => (
      <SheetFrame height={90}>
        <Story />
      </SheetFrame>
    ),
  ],
} satisfies Meta<typeof EditBar>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Right after an edit: Undo takes it back (Live's own undo). */
export const Offering: Story = {
  args: { offer: 'Deleted Fill from Drums, slot 3' },
  play: async ({ canvasElement, args }) => {
    await userEvent.click(within(canvasElement).getByRole('button', { name: 'Undo' }));
    await expect(args.onUndo).toHaveBeenCalled();
  },
};

/** An edit on its way to Live. */
export const Busy: Story = { args: { busy: true } };

/** Refused by Live, with the reason; what went through can still be undone. */
export const Refused: Story = {
  args: { offer: 'Moved Walk to Pad, slot 1', error: 'No clip in this slot' },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole('alert')).toHaveTextContent('Moved Walk to Pad, slot 1, but');
  },
};

/** A clip being placed: where a tap puts it, and Cancel. */
export const Placing: Story = {
  args: { placing: 'Tap a slot of a MIDI track to move Walk there' },
  play: async ({ canvasElement, args }) => {
    await userEvent.click(within(canvasElement).getByRole('button', { name: 'Cancel' }));
    await expect(args.onCancelPlacing).toHaveBeenCalled();
  },
};

export const AllStates: Story = {
  decorators: [(Story) => <Story />],
  render: (args) => (
    <div style={{ display: 'grid', gap: 8 }}>
      {[
        { offer: 'New 2-bar clip in Bass, slot 3' },
        { busy: true },
        { offer: 'Moved Walk to Pad, slot 1', error: 'No clip in this slot' },
        { error: 'Locked for performance: unlock to create, duplicate, move or delete clips' },
        { placing: 'Tap a slot of a MIDI track to copy Beat B there' },
      ].map((props, index) => (
        <SheetFrame key={index} height={80}>
          <EditBar {...args} {...props} />
        </SheetFrame>
      ))}
    </div>
  ),
};
