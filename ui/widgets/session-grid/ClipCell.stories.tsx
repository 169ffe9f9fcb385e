import type { Meta, StoryObj } from '@storybook/react-vite';
import { useActorRef } from '@xstate/react';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { StatePanel } from '../../fake-studio/StatePanel';
import { STUDIO_TRACKS, studioTargets } from '../../fake-studio/studio-set';
import { useStudio, withStudio } from '../../fake-studio/studio-react';
import { LIVE_PALETTE, paletteColor } from '../../theme/live-colors';
import { drag, pointerDown, pointerUp } from '../../test/pointer';
import { ClipCell, type ClipCellProps } from './ClipCell';
import { ClipSlotCell } from './ClipSlotCell';
import { seedClipCell } from './seed';
import { CLIP_CELL_STATES } from './states';

const tap = (element: HTMLElement): void => {
  pointerDown(element);
  pointerUp(element, 0, 0);
};

const meta = {
  title: 'Session/Clip Cell',
  component: ClipCell,
  args: {
    state: 'stopped',
    name: 'Beat A',
    color: LIVE_PALETTE[14] ?? null,
    progress: null,
    location: 'Drums, slot 1',
    armed: false,
    notice: null,
    error: null,
    size: 'medium',
    onLaunch: fn(),
    onSelect: fn(),
    onHold: fn(),
    onPlace: fn(),
    onRecord: fn(),
    onRetry: fn(),
  },
  argTypes: {
    state: { control: 'select', options: CLIP_CELL_STATES },
    name: { control: 'text' },
    color: { control: 'select', options: [null, ...LIVE_PALETTE] },
    progress: { control: { type: 'range', min: 0, max: 1, step: 0.01 } },
    size: { control: 'inline-radio', options: ['small', 'medium', 'large'] },
    armed: { control: 'boolean' },
    notice: { control: 'text' },
    location: { control: 'text' },
  },
} satisfies Meta<typeof ClipCell>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The cell of a slot with no clip: a tap selects it in Live (nothing is created); a hold (or right click) offers a new clip. */
export const Empty: Story = {
  args: seedClipCell('empty'),
  play: async ({ canvasElement, args }) => {
    const slot = within(canvasElement).getByRole('button', { name: 'Select Drums, slot 1' });
    await expect(slot).toHaveAccessibleDescription('Empty. Hold for a new clip');
    tap(slot);
    await expect(args.onSelect).toHaveBeenCalledTimes(1);
    await expect(args.onHold).not.toHaveBeenCalled();
    await userEvent.pointer({ keys: '[MouseRight]', target: slot });
    await expect(args.onHold).toHaveBeenCalledTimes(1);
    await expect(args.onLaunch).not.toHaveBeenCalled();
  },
};

/** A finger swiping across a clip scrolls the grid: nothing launches. */
export const Swiped: Story = {
  args: seedClipCell('stopped'),
  play: async ({ canvasElement, args }) => {
    const launch = within(canvasElement).getByRole('button', { name: 'Launch Beat A' });
    drag(launch, 0, 40);
    drag(launch, 60, 0);
    await expect(args.onLaunch).not.toHaveBeenCalled();
    tap(launch);
    await expect(args.onLaunch).toHaveBeenCalledTimes(1);
  },
};

/** A clip held by a finger (a long press): lifted, its actions open as the finger lifts. */
export const Held: Story = {
  args: seedClipCell('playing'),
  play: async ({ canvasElement, args }) => {
    const launch = within(canvasElement).getByRole('button', { name: 'Launch Beat A' });
    pointerDown(launch);
    await waitFor(() => expect(launch.closest('.ls-clip')).toHaveAttribute('data-held', 'true'), { timeout: 2000 });
    pointerUp(launch, 0, 0);
    await expect(args.onHold).toHaveBeenCalledTimes(1);
    await expect(args.onLaunch).not.toHaveBeenCalled();
    // hold again and stay held: the cell shows it is lifted
    pointerDown(launch);
    await waitFor(() => expect(launch.closest('.ls-clip')).toHaveAttribute('data-held', 'true'), { timeout: 2000 });
  },
};

/** A clip is being moved: an empty slot of a fitting track takes the tap. */
export const PlacingFits: Story = {
  args: { ...seedClipCell('empty'), placing: { verb: 'Move', role: 'fits' } },
  play: async ({ canvasElement, args }) => {
    tap(within(canvasElement).getByRole('button', { name: 'Move here: Drums, slot 1' }));
    await expect(args.onPlace).toHaveBeenCalledTimes(1);
    await expect(args.onSelect).not.toHaveBeenCalled();
  },
};

/** A clip is being moved: a clip of a fitting track would be replaced (the grid asks first); a tap places, never launches. */
export const PlacingReplaces: Story = {
  args: { ...seedClipCell('playing', { playingPosition: 2 }), placing: { verb: 'Move', role: 'replaces' } },
  play: async ({ canvasElement, args }) => {
    tap(within(canvasElement).getByRole('button', { name: 'Move here, replacing Beat A: Drums, slot 1' }));
    await expect(args.onPlace).toHaveBeenCalledTimes(1);
    await expect(args.onLaunch).not.toHaveBeenCalled();
  },
};

/** While a clip is placed, other clips do not launch from a stray tap. */
export const PlacingUnfit: Story = {
  args: { ...seedClipCell('stopped'), placing: { verb: 'Move', role: 'unfit' } },
  play: async ({ canvasElement, args }) => {
    const launch = within(canvasElement).getByRole('button', { name: 'Launch Beat A' });
    await expect(launch).toHaveAttribute('aria-disabled', 'true');
    tap(launch);
    await expect(args.onLaunch).not.toHaveBeenCalled();
  },
};

/** Live's highlighted slot (its selected track in its selected scene). */
export const Highlighted: Story = { args: { ...seedClipCell('empty'), highlighted: true } };

/** An empty slot of an armed track: a tap records into it. */
export const EmptyArmed: Story = {
  args: { ...seedClipCell('empty'), armed: true },
  play: async ({ canvasElement, args }) => {
    await userEvent.click(within(canvasElement).getByRole('button', { name: 'Record into Drums, slot 1' }));
    await expect(args.onRecord).toHaveBeenCalledTimes(1);
  },
};

/** Asking Live whether the slot has a clip. */
export const Checking: Story = { args: seedClipCell('checking') };

/** Creating the clip the slot was asked for. */
export const Creating: Story = { args: seedClipCell('creating') };

/** Getting the clip and its first values. */
export const Loading: Story = { args: seedClipCell('loading') };

/** A clip that is not playing: a tap (or Enter) launches it. */
export const Stopped: Story = {
  args: seedClipCell('stopped'),
  play: async ({ canvasElement, args }) => {
    const launch = within(canvasElement).getByRole('button', { name: 'Launch Beat A' });
    await expect(launch).toHaveAccessibleDescription('Stopped. Hold for the clip’s actions');
    await userEvent.click(launch);
    await expect(args.onLaunch).toHaveBeenCalledTimes(1);
    launch.focus();
    await userEvent.keyboard('{Enter}');
    await expect(args.onLaunch).toHaveBeenCalledTimes(2);
  },
};

/** Launched, waiting for the next launch quantum: it blinks. */
export const Triggered: Story = { args: seedClipCell('triggered') };

/** Playing, with its position through the loop. */
export const Playing: Story = {
  args: seedClipCell('playing'),
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole('progressbar', { name: 'Beat A position' })).toHaveAttribute(
      'aria-valuenow',
      '38',
    );
  },
};

/** Recording into the clip. */
export const Recording: Story = { args: seedClipCell('recording', { name: 'Take 1' }) };

/** Live did not answer: a retry (it also retries by itself, later and later). */
export const Failed: Story = {
  args: seedClipCell('failed'),
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('button', { name: 'Drums, slot 1' })).toHaveAttribute('aria-disabled', 'true');
    await userEvent.click(canvas.getByRole('button', { name: 'Retry Drums, slot 1' }));
    await expect(args.onRetry).toHaveBeenCalledTimes(1);
  },
};

/** Playing, but an optional step failed (here its name could not be observed): marked in a corner. */
export const Degraded: Story = {
  args: seedClipCell('playing', { name: 'Beat A', optionalFailures: { name: 'name: unreadable' } }, { degraded: true }),
};

const cells: Array<{ title: string; props: Partial<ClipCellProps> }> = [
  ...CLIP_CELL_STATES.map((state) => ({ title: state, props: seedClipCell(state) })),
  { title: 'empty, armed', props: { ...seedClipCell('empty'), armed: true } },
  { title: 'highlighted in Live', props: { ...seedClipCell('empty'), highlighted: true } },
  { title: 'placing: fits', props: { ...seedClipCell('empty'), placing: { verb: 'Move', role: 'fits' } } },
  { title: 'placing: replaces', props: { ...seedClipCell('stopped'), placing: { verb: 'Copy', role: 'replaces' } } },
  { title: 'placing: source', props: { ...seedClipCell('stopped'), placing: { verb: 'Move', role: 'source' } } },
  { title: 'placing: unfit', props: { ...seedClipCell('empty'), placing: { verb: 'Move', role: 'unfit' } } },
  {
    title: 'recording, light color',
    props: seedClipCell('recording', { name: 'Take 2', color: paletteColor(3), playingPosition: 2 }),
  },
  {
    title: 'playing, dark color',
    props: seedClipCell('playing', { name: 'Sub', color: paletteColor(67), playingPosition: 5 }),
  },
  {
    title: 'degraded',
    props: seedClipCell(
      'stopped',
      { name: 'Bassline', optionalFailures: { looping: 'looping: refused' } },
      { degraded: true },
    ),
  },
  { title: 'refused launch', props: seedClipCell('stopped', { name: 'Frozen', commandError: 'the track is frozen' }) },
  {
    title: 'long name',
    props: seedClipCell('playing', {
      name: 'A very long clip name that never fits',
      color: paletteColor(19),
      playingPosition: 7,
    }),
  },
  { title: 'light color', props: seedClipCell('stopped', { name: 'Pad', color: paletteColor(3) }) },
  { title: 'dark color', props: seedClipCell('stopped', { name: 'Sub', color: paletteColor(67) }) },
  { title: 'unnamed', props: seedClipCell('stopped', { name: '', color: paletteColor(9) }) },
  { title: 'small', props: { ...seedClipCell('playing', { name: 'Hats' }), size: 'small' } },
  { title: 'large', props: { ...seedClipCell('triggered', { name: 'Drop' }), size: 'large' } },
];

/** Every state and variant side by side. */
export const AllStates: Story = {
  parameters: { controls: { disable: true } },
  render: (args) => (
    <div className="ls-story-grid">
      {cells.map(({ title, props }) => (
        <figure key={title}>
          <ClipCell {...args} {...props} />
          <figcaption>{title}</figcaption>
        </figure>
      ))}
    </div>
  ),
};

function StudioClip({ track, scene }: { track: number; scene: number }) {
  const studio = useStudio();
  const actor = useActorRef(studio.machines.clipSlot, { input: { slot: studioTargets.slot(track, scene) } });
  return (
    <div>
      <ClipSlotCell actor={actor} location={`${STUDIO_TRACKS[track]?.name}, slot ${scene + 1}`} size="large" />
      <StatePanel actor={actor} label="clip slot" />
    </div>
  );
}

/**
 * The real clip slot machine on the fake studio: tap it and watch the slot
 * go from stopped to playing (the transport starts with it) and its
 * position move.
 */
export const Interactive: Story = {
  decorators: [withStudio({ latencyMs: 120 })],
  parameters: { controls: { disable: true } },
  render: () => <StudioClip track={0} scene={0} />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const launch = await canvas.findByRole('button', { name: 'Launch Beat A' }, { timeout: 5000 });
    const cell = launch.closest('.ls-clip') as HTMLElement;
    await waitFor(() => expect(canvas.getByTestId('actor-state')).toHaveTextContent('play.stopped'), { timeout: 5000 });
    pointerDown(launch);
    pointerUp(launch, 0, 0);
    await waitFor(() => expect(cell).toHaveAttribute('data-state', 'playing'), { timeout: 5000 });
    const progress = canvas.getByRole('progressbar', { name: 'Beat A position' });
    const first = Number(progress.getAttribute('aria-valuenow'));
    await waitFor(() => expect(Number(progress.getAttribute('aria-valuenow'))).toBeGreaterThan(first), {
      timeout: 5000,
    });
  },
};
