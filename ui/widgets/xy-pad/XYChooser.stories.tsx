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

/** A device in a rack: titled after its racks and chains, and short by its own chain (once, when the chain has its name). */
const inRack = (path: string, name: string, within: string[], device: string): XYChoice => ({
  path,
  name,
  device: [...within, device].join(' › '),
  shortDevice: within.at(-1) === device ? device : `${within.at(-1)} › ${device}`,
});

/**
 * The studio Keys track's choices: its Instrument Rack's macros, the
 * Electric in its Electric chain, and in its Space chain an Audio Effect
 * Rack (a rack in the rack) holding a Reverb.
 */
const RACK_CHOICES: XYChoice[] = [
  ...CHOICES.slice(0, 2),
  { path: 'devices 0 parameters 1', name: 'Tone', device: 'Keys Rack' },
  { path: 'devices 0 parameters 2', name: 'Space', device: 'Keys Rack' },
  inRack('devices 0 chains 0 devices 0 parameters 1', 'Tine Color', ['Keys Rack', 'Electric'], 'Electric'),
  inRack('devices 0 chains 0 devices 0 parameters 2', 'Tine Decay', ['Keys Rack', 'Electric'], 'Electric'),
  inRack('devices 0 chains 1 devices 0 parameters 1', 'Size', ['Keys Rack', 'Space'], 'Verb Rack'),
  inRack(
    'devices 0 chains 1 devices 0 chains 0 devices 0 parameters 1',
    'Decay Time',
    ['Keys Rack', 'Space', 'Verb Rack', 'Hall'],
    'Reverb',
  ),
  inRack(
    'devices 0 chains 1 devices 0 chains 0 devices 0 parameters 2',
    'Dry/Wet',
    ['Keys Rack', 'Space', 'Verb Rack', 'Hall'],
    'Reverb',
  ),
];
const REVERB_DECAY = 'devices 0 chains 1 devices 0 chains 0 devices 0 parameters 1';
const TINE_DECAY = 'devices 0 chains 0 devices 0 parameters 2';

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

/**
 * A track whose instrument is a rack: each device in the rack's chains (and
 * in a rack in the rack) grouped under where it sits; closed, a picker
 * names the device by its chain only.
 */
export const InRacks: Story = {
  args: { choices: RACK_CHOICES, x: REVERB_DECAY, y: 'devices 0 parameters 1' },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    const x = canvas.getByRole('combobox', { name: 'X (across)' });
    await expect(x).toHaveValue(REVERB_DECAY);
    await expect(within(x).getByRole('option', { selected: true })).toHaveTextContent('Decay Time · Hall › Reverb');
    await expect(
      within(x).getByRole('group', { name: 'Keys Rack › Space › Verb Rack › Hall › Reverb' }),
    ).toBeInTheDocument();
    await userEvent.selectOptions(canvas.getByRole('combobox', { name: 'Y (up)' }), TINE_DECAY);
    await expect(args.onChoose).toHaveBeenCalledWith('y', TINE_DECAY);
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
  { title: 'in racks', props: { choices: RACK_CHOICES, x: REVERB_DECAY, y: TINE_DECAY } },
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
