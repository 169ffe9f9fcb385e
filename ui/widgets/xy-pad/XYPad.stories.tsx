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
import { ParameterXYPad } from './ParameterXYPad';
import { XYPad, type XYAxis, type XYPadProps } from './XYPad';

function axis(value: ParameterStateValue, context: Partial<ParameterContext>): XYAxis {
  const { name, value: number, min, max, defaultValue, display, state } = seedParameter(value, context);
  return { label: name, value: number, min, max, defaultValue, display, state };
}

const frequency = (value: ParameterStateValue = { bound: 'ready' }, v = 0.62) =>
  axis(value, { name: 'Frequency', value: v, defaultValue: 1, display: formats.hertz(v) });
const resonance = (value: ParameterStateValue = { bound: 'ready' }, v = 0.3) =>
  axis(value, { name: 'Resonance', value: v, defaultValue: 0, display: formats.percent(v) });

const meta = {
  title: 'Controls/XY Pad',
  component: XYPad,
  args: {
    label: 'Auto Filter',
    x: frequency(),
    y: resonance(),
    springBack: false,
    size: 'medium',
    color: null,
    onStart: fn(),
    onChange: fn(),
    onCommit: fn(),
    onReset: fn(),
    onRetry: fn(),
  },
  argTypes: {
    size: { control: 'inline-radio', options: ['small', 'medium', 'large'] },
    color: { control: 'select', options: [null, ...LIVE_PALETTE.slice(0, 28)] },
    x: { control: 'object' },
    y: { control: 'object' },
  },
} satisfies Meta<typeof XYPad>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Idle: Story = {
  args: { x: axis('idle', { name: 'X', display: null }), y: axis('idle', { name: 'Y', display: null }) },
};
export const Loading: Story = { args: { x: frequency('loading'), y: resonance('loading') } };

/** Each axis is a slider for the keyboard: arrows move it. */
export const Ready: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('group', { name: 'Auto Filter' })).toBeInTheDocument();
    const x = canvas.getByRole('slider', { name: 'Frequency' });
    await expect(x).toHaveAttribute('aria-orientation', 'horizontal');
    x.focus();
    await userEvent.keyboard('{ArrowRight}');
    await expect(args.onChange).toHaveBeenLastCalledWith(expect.closeTo(0.63, 5), 0.3);
    canvas.getByRole('slider', { name: 'Resonance' }).focus();
    await userEvent.keyboard('{ArrowDown}');
    await expect(args.onChange).toHaveBeenLastCalledWith(0.62, expect.closeTo(0.29, 5));
  },
};
export const Touched: Story = { args: { x: frequency({ bound: 'touched' }), y: resonance({ bound: 'touched' }) } };
export const Failed: Story = { args: { x: frequency('failed'), y: resonance() } };
export const Gone: Story = { args: { x: frequency('gone'), y: resonance('gone') } };
/** Letting go returns both to their defaults. */
export const SpringBack: Story = { args: { springBack: true, color: LIVE_PALETTE[11] ?? null } };

/** Filling a page's space, wider than tall: the thumb goes where the finger is, across the whole surface. */
export const Filling: Story = {
  args: { x: frequency(undefined, 0.8), y: resonance({ bound: 'touched' }, 0.25), color: LIVE_PALETTE[23] ?? null },
  render: (args) => (
    <div style={{ width: 640, height: 320, display: 'flex', flexDirection: 'column' }}>
      <XYPad {...args} fill />
    </div>
  ),
  play: async ({ canvasElement }) => {
    await expect(canvasElement.querySelector('.ls-xy')).toHaveAttribute('data-fill', 'true');
  },
};

const pages: Array<{ title: string; props: Partial<XYPadProps> }> = [
  {
    title: 'idle',
    props: { x: axis('idle', { name: 'X', display: null }), y: axis('idle', { name: 'Y', display: null }) },
  },
  { title: 'loading', props: { x: frequency('loading'), y: resonance('loading') } },
  { title: 'ready', props: {} },
  { title: 'touched', props: { x: frequency({ bound: 'touched' }, 0.3), y: resonance({ bound: 'touched' }, 0.75) } },
  { title: 'failed', props: { x: frequency('failed'), y: resonance() } },
  { title: 'gone', props: { x: frequency('gone'), y: resonance('gone') } },
  {
    title: 'colored, small',
    props: {
      size: 'small',
      color: LIVE_PALETTE[23] ?? null,
      x: frequency(undefined, 0.8),
      y: resonance(undefined, 0.1),
    },
  },
];

export const AllStates: Story = {
  parameters: { controls: { disable: true } },
  render: (args) => (
    <div className="ls-story-grid">
      {pages.map(({ title, props }) => (
        <figure key={title}>
          <XYPad {...args} size="small" {...props} />
          <figcaption>{title}</figcaption>
        </figure>
      ))}
      <figure>
        <div style={{ width: 420, height: 220, display: 'flex', flexDirection: 'column' }}>
          <XYPad {...args} x={frequency(undefined, 0.8)} y={resonance({ bound: 'touched' }, 0.25)} fill />
        </div>
        <figcaption>filling a wide space</figcaption>
      </figure>
    </div>
  ),
};

function StudioXY() {
  const studio = useStudio();
  const x = useActorRef(studio.machines.parameter, { input: { parameter: studioTargets.filterParameter(1) } });
  const y = useActorRef(studio.machines.parameter, { input: { parameter: studioTargets.filterParameter(2) } });
  return (
    <div style={{ display: 'flex', gap: 24 }}>
      <ParameterXYPad label="Auto Filter" x={x} y={y} />
      <div>
        <StatePanel actor={x} label="frequency" />
        <StatePanel actor={y} label="resonance" />
      </div>
    </div>
  );
}

/** The filter's frequency and resonance on the fake studio. */
export const Interactive: Story = {
  decorators: [withStudio({ latencyMs: 120 })],
  parameters: { controls: { disable: true } },
  render: () => <StudioXY />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const group = await canvas.findByRole('group', { name: 'Auto Filter' });
    const resonanceSlider = await within(group).findByRole('slider', { name: 'Resonance' }, { timeout: 3000 });
    await waitFor(() => expect(resonanceSlider).toHaveAttribute('aria-valuetext', '30 %'), { timeout: 3000 });
    const surface = group.querySelector('.ls-xy-surface') as HTMLElement;
    // a finger lands and moves: both parameters follow it
    drag(surface, 20, -20);
    await waitFor(() => expect(canvas.getAllByText('gesture id 203 end').length).toBeGreaterThan(0));
    doubleTap(surface);
    await waitFor(() => expect(resonanceSlider).toHaveAttribute('aria-valuetext', '0 %'));
  },
};
