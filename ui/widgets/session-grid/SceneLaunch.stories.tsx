import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, within } from 'storybook/test';
import { LIVE_PALETTE, paletteColor } from '../../theme/live-colors';
import { SceneLaunch, type SceneLaunchProps } from './SceneLaunch';
import { seedSceneLaunch } from './seed';
import { SCENE_LAUNCH_STATES } from './states';

const meta = {
  title: 'Session/Scene Launch',
  component: SceneLaunch,
  args: {
    state: 'idle',
    name: 'Chorus',
    number: 3,
    color: LIVE_PALETTE[22] ?? null,
    error: null,
    size: 'medium',
    onLaunch: fn(),
    onRetry: fn(),
  },
  argTypes: {
    state: { control: 'select', options: SCENE_LAUNCH_STATES },
    name: { control: 'text' },
    number: { control: { type: 'number', min: 1 } },
    color: { control: 'select', options: [null, ...LIVE_PALETTE] },
    size: { control: 'inline-radio', options: ['small', 'medium', 'large'] },
  },
} satisfies Meta<typeof SceneLaunch>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The scene is being read from Live. */
export const Loading: Story = { args: seedSceneLaunch('loading') };

/** Ready: a tap (or Enter) launches every clip of its row. */
export const Idle: Story = {
  args: seedSceneLaunch('idle'),
  play: async ({ canvasElement, args }) => {
    const launch = within(canvasElement).getByRole('button', { name: 'Launch scene Chorus' });
    await userEvent.click(launch);
    await expect(args.onLaunch).toHaveBeenCalledTimes(1);
    launch.focus();
    await userEvent.keyboard(' ');
    await expect(args.onLaunch).toHaveBeenCalledTimes(2);
  },
};

/** Launched, waiting for the next launch quantum: it blinks. */
export const Triggered: Story = { args: seedSceneLaunch('triggered') };

/** A scene with no name: Live shows its number. */
export const Unnamed: Story = {
  args: { ...seedSceneLaunch('idle', { name: '' }), number: 5 },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole('button', { name: 'Launch scene 5' })).toHaveTextContent('Scene 5');
  },
};

/** Live did not answer: a retry. */
export const Failed: Story = {
  args: seedSceneLaunch('failed'),
  play: async ({ canvasElement, args }) => {
    await userEvent.click(within(canvasElement).getByRole('button', { name: 'Retry scene Chorus' }));
    await expect(args.onRetry).toHaveBeenCalledTimes(1);
  },
};

/** The scene was deleted in Live. */
export const Gone: Story = { args: seedSceneLaunch('gone') };

const cells: Array<{ title: string; props: Partial<SceneLaunchProps> }> = [
  ...SCENE_LAUNCH_STATES.map((state) => ({ title: state, props: seedSceneLaunch(state) })),
  { title: 'unnamed', props: { ...seedSceneLaunch('idle', { name: '' }), number: 5 } },
  {
    title: 'long name',
    props: seedSceneLaunch('idle', { name: 'Breakdown with the long riser', color: paletteColor(26) }),
  },
  { title: 'refused launch', props: seedSceneLaunch('idle', { commandError: 'the set is locked' }) },
  { title: 'small', props: { ...seedSceneLaunch('idle', { name: 'Intro' }), size: 'small' } },
  { title: 'large', props: { ...seedSceneLaunch('triggered', { name: 'Drop' }), size: 'large' } },
];

/** Every state and variant side by side. */
export const AllStates: Story = {
  parameters: { controls: { disable: true } },
  render: (args) => (
    <div className="ls-story-grid">
      {cells.map(({ title, props }) => (
        <figure key={title}>
          <SceneLaunch {...args} {...props} />
          <figcaption>{title}</figcaption>
        </figure>
      ))}
    </div>
  ),
};
