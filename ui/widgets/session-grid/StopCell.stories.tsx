import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, within } from 'storybook/test';
import { StopCell, type StopCellProps } from './StopCell';
import { seedStopCell } from './seed';
import { STOP_CELL_STATES } from './states';

const meta = {
  title: 'Session/Stop Cell',
  component: StopCell,
  args: { trackName: 'Drums', state: 'playing', size: 'medium', onStop: fn() },
  argTypes: {
    state: { control: 'select', options: STOP_CELL_STATES },
    trackName: { control: 'text' },
    size: { control: 'inline-radio', options: ['small', 'medium', 'large'] },
  },
} satisfies Meta<typeof StopCell>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The track is being read from Live. */
export const Loading: Story = { args: seedStopCell('loading') };

/** Nothing plays on the track: dim, but a press still cancels a clip waiting to start. */
export const Stopped: Story = { args: seedStopCell('stopped') };

/** A clip of the track plays: a tap stops it on the next launch quantum. */
export const Playing: Story = {
  args: seedStopCell('playing'),
  play: async ({ canvasElement, args }) => {
    const stop = within(canvasElement).getByRole('button', { name: 'Stop Drums' });
    await expect(stop).toHaveAccessibleDescription('A clip is playing');
    await userEvent.click(stop);
    await expect(args.onStop).toHaveBeenCalledTimes(1);
  },
};

/** A stop is fired (Live's fired_slot_index is -2): it blinks until the clip stops. */
export const Stopping: Story = { args: seedStopCell('stopping') };

/** The track could not be read. */
export const Failed: Story = {
  args: seedStopCell('failed'),
  play: async ({ canvasElement, args }) => {
    await userEvent.click(within(canvasElement).getByRole('button', { name: 'Stop Drums' }));
    await expect(args.onStop).not.toHaveBeenCalled();
  },
};

/** The track was deleted in Live. */
export const Gone: Story = { args: seedStopCell('gone') };

const cells: Array<{ title: string; props: Partial<StopCellProps> }> = [
  ...STOP_CELL_STATES.map((state) => ({ title: state, props: seedStopCell(state) })),
  { title: 'small', props: { ...seedStopCell('playing'), size: 'small' } },
  { title: 'large', props: { ...seedStopCell('stopping'), size: 'large' } },
];

/** Every state side by side. */
export const AllStates: Story = {
  parameters: { controls: { disable: true } },
  render: (args) => (
    <div className="ls-story-grid">
      {cells.map(({ title, props }) => (
        <figure key={title}>
          <StopCell {...args} {...props} />
          <figcaption>{title}</figcaption>
        </figure>
      ))}
    </div>
  ),
};
