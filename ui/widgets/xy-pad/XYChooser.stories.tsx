import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, within } from 'storybook/test';
import { FILTER_PARAMETERS } from '../../fake-studio/studio-set';
import { XYChooser, type XYChoice, type XYChooserProps } from './XYChooser';

/** The studio Bass track's choices: its mixer, then its Auto Filter's parameters after Device On. */
const CHOICES: XYChoice[] = [
  { path: 'mixer_device volume', name: 'Volume', device: 'Mixer' },
  { path: 'mixer_device panning', name: 'Pan', device: 'Mixer' },
  ...FILTER_PARAMETERS.slice(1).map((parameter, index) => ({
    path: `devices 0 parameters ${index + 1}`,
    name: parameter.name,
    device: 'Auto Filter',
  })),
];

const meta = {
  title: 'Controls/XY Chooser',
  component: XYChooser,
  args: {
    state: 'ready',
    choices: CHOICES,
    x: 'devices 0 parameters 1',
    y: 'devices 0 parameters 2',
    onChoose: fn(),
    onRetry: fn(),
  },
  argTypes: { state: { control: 'inline-radio', options: ['loading', 'ready', 'failed', 'gone'] } },
} satisfies Meta<typeof XYChooser>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The track's devices being read: nothing to choose yet. */
export const Loading: Story = { args: { state: 'loading', choices: CHOICES.slice(0, 2), x: null, y: null } };

/** Frequency across, Resonance up; any parameter of the track by device, or none. */
export const Ready: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await userEvent.selectOptions(canvas.getByRole('combobox', { name: 'Y (up)' }), 'mixer_device panning');
    await expect(args.onChoose).toHaveBeenCalledWith('y', 'mixer_device panning');
    await userEvent.selectOptions(canvas.getByRole('combobox', { name: 'X (across)' }), '');
    await expect(args.onChoose).toHaveBeenLastCalledWith('x', null);
  },
};

/** A parameter chosen before that the track no longer has: said, not dropped. */
export const Missing: Story = {
  args: { x: null, missing: { x: 'Saturator › Drive' } },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByText(/X was Saturator › Drive/)).toBeInTheDocument();
  },
};

/** The devices could not be read: why, and a retry. */
export const Failed: Story = {
  args: { state: 'failed', error: 'Live did not answer', x: null, y: null },
  play: async ({ canvasElement, args }) => {
    await userEvent.click(within(canvasElement).getByRole('button', { name: 'Retry' }));
    await expect(args.onRetry).toHaveBeenCalled();
  },
};

/** The track was deleted. */
export const Gone: Story = { args: { state: 'gone', x: null, y: null } };

const states: Array<{ title: string; props: Partial<XYChooserProps> }> = [
  { title: 'loading', props: { state: 'loading', x: null, y: null } },
  { title: 'ready', props: {} },
  { title: 'missing', props: { x: null, missing: { x: 'Saturator › Drive' } } },
  { title: 'failed', props: { state: 'failed', error: 'Live did not answer', x: null, y: null } },
  { title: 'gone', props: { state: 'gone', x: null, y: null } },
];

/** Every state. */
export const AllStates: Story = {
  parameters: { controls: { disable: true } },
  render: (args) => (
    <div className="ls-story-grid" style={{ flexDirection: 'column', alignItems: 'stretch' }}>
      {states.map(({ title, props }) => (
        <figure key={title} style={{ justifyItems: 'stretch' }}>
          <XYChooser {...args} {...props} />
          <figcaption>{title}</figcaption>
        </figure>
      ))}
    </div>
  ),
};
