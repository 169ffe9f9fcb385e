import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, within } from 'storybook/test';
import { TOUCHED, TRACK_GROUPS } from './envelope-fixtures';
import { ParameterPicker, type ParameterPickerProps } from './ParameterPicker';

const meta = {
  title: 'Clip Editor/Parameter Picker',
  component: ParameterPicker,
  args: {
    open: true,
    groups: TRACK_GROUPS,
    touched: TOUCHED,
    chosen: 'dev0/freq',
    loading: false,
    error: null,
    onChoose: fn(),
    onClose: fn(),
    onRetry: fn(),
  },
  parameters: { controls: { exclude: ['onChoose', 'onClose', 'onRetry'] } },
} satisfies Meta<typeof ParameterPicker>;

export default meta;
type Story = StoryObj<typeof meta>;

/** A bass track: touched parameters, those automated in the clip, the mixer, a filter and a Drum Rack's chains. */
export const Default: Story = {
  play: async ({ canvasElement, args }) => {
    const sheet = within(canvasElement).getByRole('dialog', { name: 'Automate' });
    const touched = within(sheet).getByRole('region', { name: 'Touched' });
    await userEvent.click(within(touched).getAllByRole('button')[0] as HTMLElement);
    await expect(args.onChoose).toHaveBeenCalledWith('dev0/res');
    await userEvent.keyboard('{Escape}');
    await expect(args.onClose).toHaveBeenCalled();
  },
};

/** Filtered by device: only the rack's Simplers (and what of them is touched or automated). */
export const Filtered: Story = {
  args: { initialFilter: 'simpler' },
  play: async ({ canvasElement }) => {
    const sheet = within(canvasElement).getByRole('dialog');
    await expect(within(sheet).getByRole('searchbox')).toHaveValue('simpler');
    await expect(within(sheet).queryByRole('region', { name: 'Mixer' })).toBeNull();
  },
};

/** The track's devices are being read. */
export const Loading: Story = { args: { loading: true, groups: [], touched: [] } };

/** They could not be read: the reason, and a retry. */
export const Failed: Story = {
  args: { error: 'Live did not answer: the track may have been deleted.', groups: [], touched: [] },
};

/** A track with nothing to automate. */
export const Empty: Story = { args: { groups: [], touched: [], chosen: null } };

const allStates: { title: string; props: Partial<ParameterPickerProps> }[] = [
  { title: 'touched, automated, a rack with chains', props: {} },
  { title: 'filtered', props: Filtered.args ?? {} },
  { title: 'loading', props: Loading.args ?? {} },
  { title: 'failed', props: Failed.args ?? {} },
  { title: 'empty', props: Empty.args ?? {} },
];

/** Every state, each sheet in its own box (a transform holds the fixed sheet inside it). */
export const AllStates: Story = {
  parameters: { controls: { disable: true } },
  render: (args) => (
    <div className="ls-story-grid">
      {allStates.map(({ title, props }) => (
        <figure key={title} style={{ width: 'min(100%, 460px)', justifyItems: 'stretch' }}>
          <div style={{ position: 'relative', height: 620, overflow: 'hidden', transform: 'translateZ(0)' }}>
            <ParameterPicker {...args} {...props} />
          </div>
          <figcaption>{title}</figcaption>
        </figure>
      ))}
    </div>
  ),
};
