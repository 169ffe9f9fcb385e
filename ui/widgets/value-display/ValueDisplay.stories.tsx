import type { Meta, StoryObj } from '@storybook/react-vite';
import { useActorRef } from '@xstate/react';
import { expect, waitFor, within } from 'storybook/test';
import type { ParameterContext } from '../../../machines/parameter';
import { seedParameter, type ParameterStateValue } from '../../fake-studio/seed';
import { formats, studioTargets } from '../../fake-studio/studio-set';
import { useStudio, withStudio } from '../../fake-studio/studio-react';
import { LIVE_PALETTE } from '../../theme/live-colors';
import { drag } from '../../test/pointer';
import { CONTROL_STATES } from '../control-state';
import { ParameterKnob } from '../knob/ParameterKnob';
import { ParameterDisplay } from './ParameterDisplay';
import { ValueDisplay, type ValueDisplayProps } from './ValueDisplay';

const meta = {
  title: 'Controls/Value Display',
  component: ValueDisplay,
  args: {
    label: 'Frequency',
    value: 0.62,
    display: formats.hertz(0.62),
    state: 'ready',
    size: 'medium',
    color: null,
    width: 8,
  },
  argTypes: {
    state: { control: 'select', options: CONTROL_STATES },
    size: { control: 'inline-radio', options: ['small', 'medium', 'large'] },
    color: { control: 'select', options: [null, ...LIVE_PALETTE.slice(0, 28)] },
    width: { control: { type: 'range', min: 4, max: 16, step: 1 } },
    items: { control: 'object' },
  },
} satisfies Meta<typeof ValueDisplay>;

export default meta;
type Story = StoryObj<typeof meta>;

function seeded(
  value: ParameterStateValue,
  context: Partial<ParameterContext> = {},
): Pick<ValueDisplayProps, 'label' | 'value' | 'min' | 'max' | 'items' | 'display' | 'state'> {
  const {
    name,
    value: number,
    min,
    max,
    items,
    display,
    state,
  } = seedParameter(value, { display: formats.hertz(0.62), ...context });
  return { label: name, value: number, min, max, items, display, state };
}

export const Idle: Story = { args: seeded('idle', { name: 'Unassigned', display: null }) };
export const Loading: Story = { args: seeded('loading', { display: null }) };
export const Ready: Story = {
  args: seeded({ bound: 'ready' }),
  play: async ({ canvasElement }) => {
    const group = within(canvasElement).getByRole('group', { name: 'Frequency' });
    await expect(within(group).getByRole('status')).toHaveTextContent('1.60 kHz');
  },
};
export const Touched: Story = { args: seeded({ bound: 'touched' }) };
export const Failed: Story = { args: seeded('failed') };
export const Gone: Story = { args: seeded('gone') };
/** A quantized parameter shows its item. */
export const Quantized: Story = {
  args: {
    label: 'Filter Type',
    value: 2,
    max: 4,
    items: ['Lowpass', 'Highpass', 'Bandpass', 'Notch', 'Morph'],
    display: null,
  },
};

const pages: Array<{ title: string; props: Partial<ValueDisplayProps> }> = [
  { title: 'idle', props: seeded('idle', { name: 'Unassigned', display: null }) },
  { title: 'loading', props: seeded('loading', { display: null }) },
  { title: 'ready', props: seeded({ bound: 'ready' }) },
  { title: 'touched', props: seeded({ bound: 'touched' }) },
  { title: 'failed', props: seeded('failed') },
  { title: 'gone', props: seeded('gone') },
  {
    title: 'quantized',
    props: {
      label: 'Filter Type',
      value: 3,
      max: 4,
      items: ['Lowpass', 'Highpass', 'Bandpass', 'Notch', 'Morph'],
      display: null,
    },
  },
  {
    title: 'colored',
    props: { label: 'Drive', value: 12, max: 24, display: '12.0 dB', color: LIVE_PALETTE[15] ?? null },
  },
  { title: 'small', props: { size: 'small', label: 'Res', display: '30 %' } },
  { title: 'large', props: { size: 'large', label: 'Tempo', display: '120.00 BPM', width: 10 } },
];

export const AllStates: Story = {
  parameters: { controls: { disable: true } },
  render: (args) => (
    <div className="ls-story-grid">
      {pages.map(({ title, props }) => (
        <figure key={title}>
          <ValueDisplay {...args} {...props} />
          <figcaption>{title}</figcaption>
        </figure>
      ))}
    </div>
  ),
};

function StudioDisplay() {
  const studio = useStudio();
  const parameter = studioTargets.filterParameter(4);
  // two actors on one parameter, as two tablets would have: the display follows the knob through Live
  const knob = useActorRef(studio.machines.parameter, { input: { parameter } });
  const display = useActorRef(studio.machines.parameter, { input: { parameter } });
  return (
    <div style={{ display: 'flex', gap: 24, alignItems: 'center' }}>
      <ParameterKnob actor={knob} />
      <ParameterDisplay actor={display} size="large" />
    </div>
  );
}

/** A knob and a display on the filter's Drive, each with its own actor: the display follows through Live. */
export const Interactive: Story = {
  decorators: [withStudio({ latencyMs: 80 })],
  parameters: { controls: { disable: true } },
  render: () => <StudioDisplay />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const output = within(await canvas.findByRole('group', { name: 'Drive' })).getByRole('status');
    await waitFor(() => expect(output).toHaveTextContent('3.0 dB'), { timeout: 3000 });
    const knob = canvas.getByRole('slider', { name: 'Drive' });
    await waitFor(() => expect(knob).not.toHaveAttribute('aria-disabled'));
    drag(knob, 0, -110);
    await waitFor(() => expect(output).toHaveTextContent('15.0 dB'), { timeout: 3000 });
  },
};
