import type { Meta, StoryObj } from '@storybook/react-vite';
import { useState, type CSSProperties } from 'react';
import { expect, fn, userEvent, within } from 'storybook/test';
import { pointerDown, pointerUp } from '../../test/pointer';
import { paletteColor } from '../../theme/live-colors';
import { PianoRoll } from '../piano-roll/PianoRoll';
import { BASS_GROOVE, clipOf, DRUM_GROOVE, KIT } from '../piano-roll/roll-fixtures';
import type { RollViewport } from '../piano-roll/roll-types';
import {
  CURVED,
  FILTER_FREQ,
  FILTER_FREQ_AXIS,
  FILTER_TYPE,
  STRAIGHT,
  TRACK_VOLUME,
  TRACK_VOLUME_AXIS,
  TYPE_STEPS,
  VOLUME_RIDE,
} from './envelope-fixtures';
import type { LaneViewport } from './envelope-types';
import { EnvelopeLane, type EnvelopeLaneProps } from './EnvelopeLane';

const meta = {
  title: 'Clip Editor/Envelope Lane',
  component: EnvelopeLane,
  args: {
    clip: clipOf(2),
    grid: 0.25,
    viewport: null,
    parameter: FILTER_FREQ,
    exists: true,
    points: STRAIGHT,
    pending: [],
    preview: null,
    notes: BASS_GROOVE,
    rows: { kind: 'keys' },
    playhead: null,
    liveValue: null,
    axis: FILTER_FREQ_AXIS,
    tool: 'draw',
    mode: 'edit',
    readout: null,
    loading: false,
    disabled: false,
    notice: null,
    color: null,
    label: 'Automation',
    onViewport: fn(),
    onIntent: fn(),
  },
  argTypes: {
    mode: { control: 'inline-radio', options: ['edit', 'navigate'] },
    tool: { control: 'inline-radio', options: ['draw', 'step', 'ramp', 'erase'] },
    grid: { control: 'select', options: [1, 0.5, 0.25, 0.125, 1 / 3, 1 / 6, null] },
    playhead: { control: { type: 'range', min: 0, max: 8, step: 0.05 } },
    liveValue: { control: { type: 'range', min: 0, max: 1, step: 0.01 } },
    points: { control: false },
    notes: { control: false },
    color: { control: 'select', options: [null, paletteColor(14), paletteColor(25), paletteColor(40)] },
  },
  parameters: {
    controls: { exclude: ['onViewport', 'onIntent', 'onSize', 'onRetry', 'onDiscard', 'onDismiss'] },
  },
  render: (args) => (
    <div style={{ height: 260 }}>
      <EnvelopeLane {...args} />
    </div>
  ),
} satisfies Meta<typeof EnvelopeLane>;

export default meta;
type Story = StoryObj<typeof meta>;

/** A parameter with no envelope in this clip: its value dashed across, an invitation to draw. */
export const NoAutomation: Story = {
  args: { exists: false, points: [], liveValue: 0.62 },
  play: async ({ canvasElement }) => {
    const lane = within(canvasElement);
    await expect(lane.getByRole('application')).toHaveAccessibleName('Frequency automation, none yet');
    await expect(lane.getByText('No automation yet: draw to create it')).toBeInTheDocument();
  },
};

/** Steps and ramps as Live has them: a rise, a hold, a drop, a ramp up, a step down; held flat beyond the ends. */
export const Straight: Story = {
  play: async ({ canvasElement }) => {
    const lane = within(canvasElement);
    await expect(lane.getByRole('application')).toHaveAccessibleName('Frequency automation, 10 breakpoints');
    await expect(lane.getByRole('list', { name: 'Values' })).toBeInTheDocument();
  },
};

/** Live 12's curved segments (the events' control coefficients), between straight ones. */
export const Curved: Story = { args: { points: CURVED, color: paletteColor(25) } };

/** A quantized parameter: Auto Filter's filter type in steps, its four items along the axis. */
export const Quantized: Story = {
  args: { parameter: FILTER_TYPE, axis: [], points: TYPE_STEPS, tool: 'step' },
  play: async ({ canvasElement }) => {
    const items = within(canvasElement).getAllByRole('listitem');
    await expect(items.map((item) => item.textContent)).toEqual(['Notch', 'Bandpass', 'Highpass', 'Lowpass']);
  },
};

/** A ramp under a finger (drawn on release), its value in Live's units; the last stroke on its way to Live. */
export const Drawing: Story = {
  args: {
    tool: 'ramp',
    preview: { kind: 'ramp', from: { beat: 4.25, value: 0.22 }, to: { beat: 7.5, value: 0.86 } },
    readout: '8.72 kHz',
    pending: [{ start: 1, end: 2.5, state: 'sending' }],
  },
  play: async ({ canvasElement, args }) => {
    const surface = within(canvasElement).getByRole('application');
    // pointer 1 (the mouse's) is one a browser holds active: capturing it works outside a test too
    pointerDown(surface, { pointerId: 1 });
    pointerUp(surface, 0, 0, { pointerId: 1 });
    await expect(args.onIntent).toHaveBeenCalledWith(expect.objectContaining({ type: 'start', tool: 'ramp' }));
    await expect(args.onIntent).toHaveBeenLastCalledWith({ type: 'end' });
  },
};

/** Live went away: the lane dims and takes no strokes; the one drawn meanwhile waits, amber, with the editor's word. */
export const OfflinePending: Story = {
  args: {
    disabled: true,
    pending: [{ start: 2, end: 4, state: 'offline' }],
    notice: 'Live is offline: 1 stroke waits and goes when it is back.',
    onDiscard: fn(),
  },
};

/** Live refused a stroke: the range stays in sight, red, until the word has been read. */
export const Refused: Story = {
  args: {
    points: CURVED,
    pending: [{ start: 4.5, end: 6, state: 'refused' }],
    notice: 'Live refused a stroke: the clip was deleted meanwhile.',
    onDismiss: fn(),
  },
  play: async ({ canvasElement, args }) => {
    await userEvent.click(within(canvasElement).getByRole('button', { name: 'OK' }));
    await expect(args.onDismiss).toHaveBeenCalled();
  },
};

/** The envelope is being read from Live. */
export const Loading: Story = { args: { loading: true, exists: false, points: [] } };

/** No parameter chosen yet: time and notes, nothing to draw on. */
export const NoParameter: Story = {
  args: { parameter: null, exists: false, points: [], axis: [] },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole('status')).toHaveTextContent('Choose a parameter to automate');
  },
};

/** The clip plays: the playhead goes across, the volume's value now a dot on it. */
export const Playing: Story = {
  args: {
    parameter: TRACK_VOLUME,
    axis: TRACK_VOLUME_AXIS,
    points: VOLUME_RIDE,
    playhead: 4.6,
    liveValue: 0.55,
    color: paletteColor(14),
  },
};

/** A Drum Rack's clip: the axis as wide as the roll's pads, the beat faintly behind. */
export const OnPads: Story = {
  args: { notes: DRUM_GROOVE, rows: KIT, points: CURVED, color: paletteColor(14) },
};

/** Close up: sixteenths a finger wide. */
export const ZoomedIn: Story = { args: { viewport: { startBeat: 2.6, pxPerBeat: 300 }, points: STRAIGHT } };

const STACK: CSSProperties = {
  display: 'grid',
  gridTemplateRows: 'minmax(0, 1fr) 180px',
  gap: 'var(--ls-gap)',
  height: 'min(640px, calc(100vh - 32px))',
};

/** Under the piano roll, on one viewport: pinch or pan either and both move, their beats lined up. */
function UnderTheRollView(args: EnvelopeLaneProps) {
  const [view, setView] = useState<RollViewport | null>(null);
  const onLane = (next: LaneViewport): void => setView((old) => (old ? { ...old, ...next } : old));
  return (
    <div style={STACK}>
      <PianoRoll
        notes={args.notes}
        clip={args.clip}
        viewport={view}
        onViewport={setView}
        grid={args.grid}
        rows={args.rows}
        scale={null}
        playhead={args.playhead}
        mode="navigate"
        onIntent={fn()}
        color={args.color ?? null}
        label="Bass"
      />
      <EnvelopeLane {...args} viewport={view} onViewport={onLane} />
    </div>
  );
}

/** The lane under the roll, sharing its viewport. */
export const UnderTheRoll: Story = {
  args: { points: CURVED, playhead: 3.2, liveValue: 0.5 },
  render: (args) => <UnderTheRollView {...args} />,
};

const allStates: { title: string; props: Partial<EnvelopeLaneProps> }[] = [
  { title: 'no automation', props: NoAutomation.args ?? {} },
  { title: 'steps and ramps', props: {} },
  { title: 'curved (Live 12)', props: Curved.args ?? {} },
  { title: 'quantized', props: Quantized.args ?? {} },
  { title: 'drawing a ramp, a stroke sending', props: Drawing.args ?? {} },
  { title: 'offline, a stroke waiting', props: OfflinePending.args ?? {} },
  { title: 'refused', props: Refused.args ?? {} },
  { title: 'loading', props: Loading.args ?? {} },
  { title: 'no parameter', props: NoParameter.args ?? {} },
  { title: 'playing', props: Playing.args ?? {} },
  { title: 'drum rack', props: OnPads.args ?? {} },
];

/** Every state side by side. */
export const AllStates: Story = {
  parameters: { controls: { disable: true } },
  render: (args) => (
    <div
      className="ls-story-grid"
      style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(min(100%, 480px), 1fr))' }}
    >
      {allStates.map(({ title, props }) => (
        <figure key={title} style={{ justifyItems: 'stretch' }}>
          <div style={{ height: 200 }}>
            <EnvelopeLane {...args} {...props} />
          </div>
          <figcaption>{title}</figcaption>
        </figure>
      ))}
    </div>
  ),
};
