import type { Meta, StoryObj } from '@storybook/react-vite';
import { useActorRef } from '@xstate/react';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { StatePanel } from '../../fake-studio/StatePanel';
import { studioTargets } from '../../fake-studio/studio-set';
import { useStudio, withStudio } from '../../fake-studio/studio-react';
import { LIVE_PALETTE } from '../../theme/live-colors';
import { pointerDown } from '../../test/pointer';
import { CONTROL_STATES } from '../control-state';
import { notAChoice, ParameterRadio } from './ParameterRadio';
import { Radio, type RadioProps } from './Radio';

const FILTER_TYPES = ['Lowpass', 'Highpass', 'Bandpass', 'Notch', 'Morph'];
const SATURATOR_TYPES = [
  'Analog Clip',
  'Soft Sine',
  'Medium Curve',
  'Hard Curve',
  'Sinoid Fold',
  'Digital Clip',
  'Bass Shaper',
  'Waveshaper',
];

const meta = {
  title: 'Controls/Radio',
  component: Radio,
  args: {
    label: 'Filter Type',
    items: FILTER_TYPES,
    chosen: 0,
    state: 'ready',
    size: 'medium',
    color: null,
    error: null,
    onChoose: fn(),
    onRetry: fn(),
  },
  argTypes: {
    state: { control: 'select', options: CONTROL_STATES },
    size: { control: 'inline-radio', options: ['small', 'medium', 'large'] },
    color: { control: 'select', options: [null, ...LIVE_PALETTE.slice(0, 28)] },
    items: { control: 'object' },
  },
} satisfies Meta<typeof Radio>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Live's item lit; a tap chooses another, the arrow keys move the choice. */
export const Ready: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('radio', { name: 'Lowpass' })).toHaveAttribute('aria-checked', 'true');
    pointerDown(canvas.getByRole('radio', { name: 'Notch' }));
    await expect(args.onChoose).toHaveBeenLastCalledWith(3);
    canvas.getByRole('radio', { name: 'Lowpass' }).focus();
    await userEvent.keyboard('{ArrowLeft}');
    await expect(args.onChoose).toHaveBeenLastCalledWith(4);
    await expect(canvas.getByRole('radio', { name: 'Morph' })).toHaveFocus();
  },
};

/** A choice on its way to Live (the parameter touched). */
export const Touched: Story = { args: { chosen: 2, state: 'touched' } };

/** Waiting for the parameter's items. */
export const Loading: Story = { args: { items: [], chosen: null, state: 'loading' } };

/** Live did not answer: retry. */
export const Failed: Story = { args: { items: [], chosen: null, state: 'failed', error: 'Live did not answer' } };

/** What it was bound to was deleted in Live. */
export const Gone: Story = { args: { chosen: 1, state: 'gone' } };

/** Nothing bound to it. */
export const Idle: Story = { args: { items: [], chosen: null, state: 'idle' } };

/** Bound to a parameter with no items (a frequency): it says so. */
export const NotAChoice: Story = {
  args: { label: 'Frequency', items: [], chosen: null, state: 'failed', error: notAChoice('Frequency') },
};

/** Many items wrap to the width they have, in Live's color. */
export const ManyItems: Story = {
  args: { label: 'Type', items: SATURATOR_TYPES, chosen: 2, color: LIVE_PALETTE[23] ?? null },
};

const pages: Array<{ title: string; props: Partial<RadioProps> }> = [
  { title: 'ready', props: {} },
  { title: 'touched', props: { chosen: 2, state: 'touched' } },
  { title: 'loading', props: { items: [], chosen: null, state: 'loading' } },
  { title: 'failed', props: { items: [], chosen: null, state: 'failed', error: 'Live did not answer' } },
  { title: 'gone', props: { chosen: 1, state: 'gone' } },
  { title: 'idle', props: { items: [], chosen: null, state: 'idle' } },
  {
    title: 'not a choice',
    props: { label: 'Frequency', items: [], chosen: null, state: 'failed', error: notAChoice('Frequency') },
  },
  { title: 'many items', props: { label: 'Type', items: SATURATOR_TYPES, chosen: 2, color: LIVE_PALETTE[23] ?? null } },
  { title: 'small', props: { size: 'small', label: 'Stereo Link', items: ['L/R', 'M/S'], chosen: 1 } },
  { title: 'large', props: { size: 'large', label: 'Model', items: ['Peak', 'RMS', 'Expand'], chosen: 0 } },
];

export const AllStates: Story = {
  parameters: { controls: { disable: true } },
  render: (args) => (
    <div className="ls-story-grid">
      {pages.map(({ title, props }) => (
        <figure key={title}>
          <Radio {...args} {...props} />
          <figcaption>{title}</figcaption>
        </figure>
      ))}
    </div>
  ),
};

function StudioFilterType() {
  const studio = useStudio();
  const actor = useActorRef(studio.machines.parameter, { input: { parameter: studioTargets.filterParameter(3) } });
  return (
    <div>
      <ParameterRadio actor={actor} />
      <StatePanel actor={actor} label="parameter" />
    </div>
  );
}

/** The Bass filter's type on the fake studio: each tap is a gesture Live records. */
export const Interactive: Story = {
  decorators: [withStudio({ latencyMs: 120 })],
  parameters: { controls: { disable: true } },
  render: () => <StudioFilterType />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const lowpass = await canvas.findByRole('radio', { name: 'Lowpass' }, { timeout: 3000 });
    await waitFor(() => expect(lowpass).toHaveAttribute('aria-checked', 'true'), { timeout: 3000 });
    pointerDown(canvas.getByRole('radio', { name: 'Bandpass' }));
    await waitFor(() =>
      expect(canvas.getByRole('radio', { name: 'Bandpass' })).toHaveAttribute('aria-checked', 'true'),
    );
    await waitFor(() => expect(canvas.getByText(/gesture id 204 end/)).toBeInTheDocument(), { timeout: 3000 });
  },
};
