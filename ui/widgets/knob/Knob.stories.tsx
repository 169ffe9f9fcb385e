import type { Meta, StoryObj } from '@storybook/react-vite';
import { useActorRef } from '@xstate/react';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { StatePanel } from '../../fake-studio/StatePanel';
import { formats, studioTargets } from '../../fake-studio/studio-set';
import { useStudio, withStudio } from '../../fake-studio/studio-react';
import { LIVE_PALETTE } from '../../theme/live-colors';
import { doubleTap, drag } from '../../test/pointer';
import { seedParameter, type ParameterStateValue } from '../../fake-studio/seed';
import type { ParameterContext } from '../../../machines/parameter';
import { CONTROL_STATES } from '../control-state';
import { DialLayer } from './dial-layer';
import { Knob, type KnobProps } from './Knob';
import { ParameterKnob } from './ParameterKnob';

const meta = {
  title: 'Controls/Knob',
  component: Knob,
  args: {
    label: 'Frequency',
    value: 0.62,
    min: 0,
    max: 1,
    defaultValue: 1,
    display: formats.hertz(0.62),
    state: 'ready',
    mode: 'relative',
    size: 'medium',
    color: null,
    onStart: fn(),
    onChange: fn(),
    onCommit: fn(),
    onReset: fn(),
    onRetry: fn(),
  },
  argTypes: {
    value: { control: { type: 'range', min: -1, max: 24, step: 0.01 } },
    min: { control: 'number' },
    max: { control: 'number' },
    state: { control: 'select', options: CONTROL_STATES },
    mode: { control: 'inline-radio', options: ['relative', 'circular'] },
    size: { control: 'inline-radio', options: ['small', 'medium', 'large'] },
    color: { control: 'select', options: [null, ...LIVE_PALETTE.slice(0, 28)] },
    items: { control: 'object' },
    display: { control: 'text' },
  },
} satisfies Meta<typeof Knob>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The parameter machine in `value`, as the knob's props (what ParameterKnob would pass). */
function seeded(
  value: ParameterStateValue,
  context: Partial<ParameterContext> = {},
): Pick<KnobProps, 'label' | 'value' | 'min' | 'max' | 'defaultValue' | 'items' | 'display' | 'state' | 'error'> {
  const { name, error, ...view } = seedParameter(value, { display: formats.hertz(0.62), ...context });
  return { ...view, label: name, error };
}

/** No parameter bound to it yet. */
export const Idle: Story = { args: seeded('idle', { parameter: null, name: 'Macro 1', value: 0, display: null }) };

/** Reading the parameter from Live. */
export const Loading: Story = { args: seeded('loading', { display: null }) };

/** Bound and showing Live's value in Live's units. Arrow keys move it, Delete resets it. */
export const Ready: Story = {
  args: seeded({ bound: 'ready' }),
  play: async ({ canvasElement, args }) => {
    const knob = within(canvasElement).getByRole('slider', { name: 'Frequency' });
    await userEvent.click(knob);
    await userEvent.keyboard('{ArrowUp}');
    await expect(args.onChange).toHaveBeenLastCalledWith(expect.closeTo(0.63, 5));
    await userEvent.keyboard('{Delete}');
    await expect(args.onReset).toHaveBeenCalled();
  },
};

/** Held by a finger: highlighted, with the value readout above it. */
export const Touched: Story = { args: seeded({ bound: 'touched' }) };

/** Live refused or did not answer: a retry button instead of input. */
export const Failed: Story = {
  args: seeded('failed', { error: { code: 'timeout', message: 'Live did not answer within 30 s' } }),
  play: async ({ canvasElement, args }) => {
    await userEvent.click(within(canvasElement).getByRole('button', { name: 'Retry Frequency' }));
    await expect(args.onRetry).toHaveBeenCalledTimes(1);
  },
};

/** The device was deleted in Live. */
export const Gone: Story = { args: seeded('gone') };

/** A quantized parameter clicks through its items. */
export const Quantized: Story = {
  args: {
    label: 'Filter Type',
    value: 1,
    min: 0,
    max: 4,
    defaultValue: 0,
    items: ['Lowpass', 'Highpass', 'Bandpass', 'Notch', 'Morph'],
    display: null,
  },
};

/** A range across zero draws from the middle (a pan). */
export const Bipolar: Story = {
  args: {
    label: 'Pan',
    value: -0.3,
    min: -1,
    max: 1,
    defaultValue: 0,
    display: formats.pan(-0.3),
    color: LIVE_PALETTE[23] ?? null,
  },
};

/** Turned around its centre instead of dragged up and down. */
export const Circular: Story = { args: { mode: 'circular', size: 'large' } };

const allStates: Array<{ title: string; props: Partial<KnobProps> }> = [
  { title: 'idle', props: { state: 'idle', label: 'Macro 1', display: null } },
  { title: 'loading', props: { state: 'loading' } },
  { title: 'ready', props: { state: 'ready' } },
  { title: 'touched', props: { state: 'touched' } },
  { title: 'failed', props: { state: 'failed', error: 'Live did not answer' } },
  { title: 'gone', props: { state: 'gone' } },
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
    title: 'bipolar',
    props: { label: 'Pan', value: 0.4, min: -1, max: 1, display: formats.pan(0.4), color: LIVE_PALETTE[19] ?? null },
  },
  { title: 'small', props: { size: 'small', label: 'Res', value: 0.3, display: '30 %' } },
  {
    title: 'large',
    props: { size: 'large', label: 'Drive', value: 12, max: 24, display: '12.0 dB', color: LIVE_PALETTE[15] ?? null },
  },
];

/** Every state and variant side by side. */
export const AllStates: Story = {
  parameters: { controls: { disable: true } },
  render: (args) => (
    <div className="ls-story-grid">
      {allStates.map(({ title, props }) => (
        <figure key={title}>
          <Knob {...args} {...props} />
          <figcaption>{title}</figcaption>
        </figure>
      ))}
    </div>
  ),
};

/**
 * The same knobs in a dial layer, as a device page shows them: the live ones
 * painted on the layer's canvas (one bitmap for many moving knobs), the
 * others drawn as SVG. They must look the same as above.
 */
export const PaintedStates: Story = {
  parameters: { controls: { disable: true } },
  render: (args) => (
    <div className="ls-story-grid ls-story-layer">
      <DialLayer>
        {allStates.map(({ title, props }) => (
          <figure key={title}>
            <Knob {...args} {...props} />
            <figcaption>{title}</figcaption>
          </figure>
        ))}
      </DialLayer>
    </div>
  ),
};

function StudioKnob({ parameter, mode }: { parameter: string; mode?: KnobProps['mode'] }) {
  const studio = useStudio();
  const actor = useActorRef(studio.machines.parameter, { input: { parameter } });
  return (
    <div>
      <ParameterKnob actor={actor} mode={mode} size="large" />
      <StatePanel actor={actor} label="parameter" />
    </div>
  );
}

/**
 * The real parameter machine on the fake studio: drag it (a second finger or
 * Shift for fine), double-tap to reset, and watch its states and gestures.
 */
export const Interactive: Story = {
  decorators: [withStudio({ latencyMs: 150 })],
  parameters: { controls: { disable: true } },
  render: () => <StudioKnob parameter={studioTargets.filterParameter(2)} />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const knob = await canvas.findByRole('slider', { name: 'Resonance' }, { timeout: 3000 });
    await waitFor(() => expect(knob).toHaveAttribute('aria-valuetext', '30 %'), { timeout: 3000 });
    drag(knob, 0, -44);
    await waitFor(() => expect(knob).toHaveAttribute('aria-valuetext', '50 %'), { timeout: 3000 });
    drag(knob, 0, -44, { shiftKey: true });
    await waitFor(() => expect(knob).toHaveAttribute('aria-valuetext', '52 %'), { timeout: 3000 });
    doubleTap(knob);
    await waitFor(() => expect(knob).toHaveAttribute('aria-valuetext', '0 %'), { timeout: 3000 });
    await expect(canvas.getByTestId('actor-state')).toHaveTextContent('bound.ready');
  },
};

/** The interactive knob painted in a dial layer, as on a device page. */
export const PaintedInteractive: Story = {
  decorators: [withStudio({ latencyMs: 150 })],
  parameters: { controls: { disable: true } },
  render: () => (
    <div className="ls-story-layer">
      <DialLayer>
        <StudioKnob parameter={studioTargets.filterParameter(2)} />
      </DialLayer>
    </div>
  ),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const knob = await canvas.findByRole('slider', { name: 'Resonance' }, { timeout: 3000 });
    // (painted where the DOM has a 2D context: the browser test looks at the canvas)
    await waitFor(() => expect(knob).toHaveAttribute('aria-valuetext', '30 %'), { timeout: 3000 });
  },
};
