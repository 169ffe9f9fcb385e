import type { Meta, StoryObj } from '@storybook/react-vite';
import { useActorRef } from '@xstate/react';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import type { ParameterContext } from '../../../machines/parameter';
import { StatePanel } from '../../fake-studio/StatePanel';
import { seedParameter, type ParameterStateValue } from '../../fake-studio/seed';
import { formats, studioTargets } from '../../fake-studio/studio-set';
import { useStudio, withStudio } from '../../fake-studio/studio-react';
import { LIVE_PALETTE } from '../../theme/live-colors';
import { doubleTap, drag } from '../../test/pointer';
import { CONTROL_STATES } from '../control-state';
import { Fader, type FaderProps } from './Fader';
import { ParameterFader } from './ParameterFader';

/** Live's unity gain on a track volume. */
const UNITY = 0.85;

const meta = {
  title: 'Controls/Fader',
  component: Fader,
  args: {
    label: 'Track Volume',
    value: 0.85,
    min: 0,
    max: 1,
    defaultValue: UNITY,
    display: formats.volume(0.85),
    state: 'ready',
    orientation: 'vertical',
    size: 'medium',
    color: null,
    marks: [UNITY],
    onStart: fn(),
    onChange: fn(),
    onCommit: fn(),
    onReset: fn(),
    onRetry: fn(),
  },
  argTypes: {
    value: { control: { type: 'range', min: -1, max: 1, step: 0.01 } },
    min: { control: 'number' },
    max: { control: 'number' },
    state: { control: 'select', options: CONTROL_STATES },
    orientation: { control: 'inline-radio', options: ['vertical', 'horizontal'] },
    size: { control: 'inline-radio', options: ['small', 'medium', 'large'] },
    color: { control: 'select', options: [null, ...LIVE_PALETTE.slice(0, 28)] },
    items: { control: 'object' },
    marks: { control: 'object' },
    children: { control: false },
  },
} satisfies Meta<typeof Fader>;

export default meta;
type Story = StoryObj<typeof meta>;

function seeded(
  value: ParameterStateValue,
  context: Partial<ParameterContext> = {},
): Pick<FaderProps, 'label' | 'value' | 'min' | 'max' | 'defaultValue' | 'items' | 'display' | 'state' | 'error'> {
  const { name, error, ...view } = seedParameter(value, {
    name: 'Track Volume',
    value: 0.85,
    defaultValue: UNITY,
    display: formats.volume(0.85),
    ...context,
  });
  return { ...view, label: name, error };
}

export const Idle: Story = { args: seeded('idle', { parameter: null, name: 'Unassigned', value: 0, display: null }) };

export const Loading: Story = { args: seeded('loading', { display: null }) };

/** Arrow keys move it; Page keys move it ten steps; Delete resets it. */
export const Ready: Story = {
  args: seeded({ bound: 'ready' }),
  play: async ({ canvasElement, args }) => {
    const fader = within(canvasElement).getByRole('slider', { name: 'Track Volume' });
    await expect(fader).toHaveAttribute('aria-orientation', 'vertical');
    fader.focus();
    await userEvent.keyboard('{PageDown}');
    await expect(args.onChange).toHaveBeenLastCalledWith(expect.closeTo(0.75, 5));
  },
};

export const Touched: Story = { args: seeded({ bound: 'touched' }) };

export const Failed: Story = { args: seeded('failed', { error: { code: 'unavailable', message: 'Live is offline' } }) };

export const Gone: Story = { args: seeded('gone') };

/** Sideways, e.g. a crossfader or a send in a narrow strip. */
export const Horizontal: Story = {
  args: { orientation: 'horizontal', label: 'A-Send', value: 0.4, display: formats.volume(0.4), marks: [] },
};

/** A range across zero fills from the middle. */
export const Bipolar: Story = {
  args: {
    label: 'Env Amount',
    value: -0.4,
    min: -1,
    max: 1,
    defaultValue: 0,
    display: '-40 %',
    marks: [0],
    color: LIVE_PALETTE[19] ?? null,
  },
};

const pages: Array<{ title: string; props: Partial<FaderProps> }> = [
  { title: 'idle', props: seeded('idle', { name: 'Unassigned', value: 0, display: null }) },
  { title: 'loading', props: seeded('loading', { display: null }) },
  { title: 'ready', props: seeded({ bound: 'ready' }) },
  { title: 'touched', props: seeded({ bound: 'touched' }, { value: 0.62, display: formats.volume(0.62) }) },
  { title: 'failed', props: seeded('failed') },
  { title: 'gone', props: seeded('gone') },
  {
    title: 'bipolar',
    props: {
      label: 'Env Amount',
      value: 0.5,
      min: -1,
      max: 1,
      display: '50 %',
      marks: [0],
      color: LIVE_PALETTE[19] ?? null,
    },
  },
  {
    title: 'quantized',
    props: {
      label: 'Filter Type',
      value: 2,
      max: 4,
      items: ['Lowpass', 'Highpass', 'Bandpass', 'Notch', 'Morph'],
      display: null,
      marks: [],
    },
  },
  { title: 'small', props: { size: 'small', value: 0.3, display: formats.volume(0.3) } },
  { title: 'large', props: { size: 'large', color: LIVE_PALETTE[15] ?? null } },
];

export const AllStates: Story = {
  parameters: { controls: { disable: true } },
  render: (args) => (
    <div className="ls-story-grid">
      {pages.map(({ title, props }) => (
        <figure key={title}>
          <Fader {...args} {...props} />
          <figcaption>{title}</figcaption>
        </figure>
      ))}
      <figure>
        <Fader {...args} orientation="horizontal" label="A-Send" value={0.4} display={formats.volume(0.4)} marks={[]} />
        <figcaption>horizontal</figcaption>
      </figure>
      <figure>
        <Fader
          {...args}
          orientation="horizontal"
          label="Pan"
          value={0.3}
          min={-1}
          max={1}
          display={formats.pan(0.3)}
          marks={[0]}
          state="touched"
        />
        <figcaption>horizontal touched</figcaption>
      </figure>
    </div>
  ),
};

function StudioVolume() {
  const studio = useStudio();
  const actor = useActorRef(studio.machines.parameter, {
    input: { parameter: studioTargets.volume(studioTargets.track(1)) },
  });
  return (
    <div>
      <ParameterFader actor={actor} label="Bass" marks={[UNITY]} color={LIVE_PALETTE[23] ?? null} />
      <StatePanel actor={actor} label="parameter" />
    </div>
  );
}

/** The Bass track's volume on the fake studio: drag, fine drag, double-tap back to 0 dB. */
export const Interactive: Story = {
  decorators: [withStudio({ latencyMs: 150 })],
  parameters: { controls: { disable: true } },
  render: () => <StudioVolume />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const fader = await canvas.findByRole('slider', { name: 'Bass' }, { timeout: 3000 });
    await waitFor(() => expect(fader).toHaveAttribute('aria-valuetext', '0.0 dB'), { timeout: 3000 });
    // no layout in jsdom: 200 px stand for the whole range there
    drag(fader, 0, 30);
    await waitFor(() => expect(Number(fader.getAttribute('aria-valuenow'))).toBeLessThan(0.85));
    doubleTap(fader);
    await waitFor(() => expect(fader).toHaveAttribute('aria-valuetext', '0.0 dB'));
    await expect(canvas.getByTestId('actor-state')).toHaveTextContent('bound.ready');
  },
};
