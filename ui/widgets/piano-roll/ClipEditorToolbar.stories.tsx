import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, within } from 'storybook/test';
import { ClipEditorToolbar, type ClipEditorToolbarProps } from './ClipEditorToolbar';

const meta = {
  title: 'Clip Editor/Toolbar',
  component: ClipEditorToolbar,
  args: {
    mode: 'edit',
    grid: 0.25,
    follow: false,
    selected: 0,
    selectionMuted: false,
    canUndo: false,
    canRedo: false,
    soundNotes: true,
    velocityLane: false,
    disabled: false,
    placement: 'bottom',
    onMode: fn(),
    onGrid: fn(),
    onFollow: fn(),
    onFit: fn(),
    onDelete: fn(),
    onDuplicate: fn(),
    onTranspose: fn(),
    onQuantize: fn(),
    onMute: fn(),
    onLoopLength: fn(),
    onUndo: fn(),
    onRedo: fn(),
    onSoundNotes: fn(),
    onVelocityLane: fn(),
  },
  argTypes: {
    mode: { control: 'inline-radio', options: ['edit', 'navigate'] },
    grid: { control: 'select', options: [1, 0.5, 0.25, 0.125, 1 / 3, 1 / 6, 1 / 12, null] },
    placement: { control: 'inline-radio', options: ['bottom', 'side'] },
  },
} satisfies Meta<typeof ClipEditorToolbar>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Nothing selected: the note actions wait for a selection. The mode switch says what a finger does. */
export const Editing: Story = {
  play: async ({ canvasElement, args }) => {
    const bar = within(canvasElement);
    await userEvent.click(bar.getByRole('button', { name: 'Navigate' }));
    await expect(args.onMode).toHaveBeenCalledWith('navigate');
    await expect(bar.getByRole('button', { name: 'Delete notes' })).toBeDisabled();
    await userEvent.selectOptions(bar.getByRole('combobox', { name: 'Grid' }), '1/8T');
    await expect(args.onGrid).toHaveBeenCalledWith(1 / 3);
  },
};

/** Three notes selected, all muted: every note action ready, mute lit. */
export const WithSelection: Story = {
  args: { selected: 3, selectionMuted: true, canUndo: true },
  play: async ({ canvasElement, args }) => {
    const bar = within(canvasElement);
    await userEvent.click(bar.getByRole('button', { name: 'Transpose up an octave' }));
    await expect(args.onTranspose).toHaveBeenCalledWith(12);
    await userEvent.click(bar.getByRole('button', { name: 'Mute notes' }));
    await expect(args.onMute).toHaveBeenCalledWith(false);
  },
};

/** Navigate mode, following the playhead, the velocity lane shown. */
export const Navigating: Story = { args: { mode: 'navigate', follow: true, velocityLane: true, grid: null } };

/** Live offline: nothing that changes the clip, the view still moves. */
export const Offline: Story = { args: { disabled: true, selected: 2, canUndo: true, canRedo: true } };

/** Down the side of the screen. */
export const Side: Story = { args: { placement: 'side', selected: 1, canUndo: true } };

const allStates: { title: string; props: Partial<ClipEditorToolbarProps> }[] = [
  { title: 'editing, nothing selected', props: {} },
  { title: 'a selection, muted', props: WithSelection.args ?? {} },
  { title: 'navigating, following', props: Navigating.args ?? {} },
  { title: 'offline', props: Offline.args ?? {} },
];

/** Every state, and the side placement. */
export const AllStates: Story = {
  parameters: { controls: { disable: true } },
  render: (args) => (
    <div style={{ display: 'flex', flexWrap: 'wrap', gap: 24, alignItems: 'flex-start' }}>
      <div style={{ display: 'grid', gap: 20, flex: '1 1 600px', minWidth: 0 }}>
        {allStates.map(({ title, props }) => (
          <figure key={title} style={{ margin: 0, display: 'grid', gap: 6 }}>
            <ClipEditorToolbar {...args} {...props} />
            <figcaption className="ls-label" style={{ textAlign: 'left' }}>
              {title}
            </figcaption>
          </figure>
        ))}
      </div>
      <figure style={{ margin: 0, display: 'grid', gap: 6, height: 620 }}>
        <ClipEditorToolbar {...args} {...Side.args} />
        <figcaption className="ls-label">side</figcaption>
      </figure>
    </div>
  ),
};
