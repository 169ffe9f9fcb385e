import type { Meta, StoryObj } from '@storybook/react-vite';
import { useActorRef } from '@xstate/react';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { plainPads } from '../../../machines/drum-pad-list';
import { REPEAT_RATES } from '../../../machines/note-repeat';
import { StatePanel } from '../../fake-studio/StatePanel';
import { STUDIO_TRACKS, studioTargets } from '../../fake-studio/studio-set';
import { useStudio, withStudio } from '../../fake-studio/studio-react';
import { LIVE_PALETTE, paletteColor } from '../../theme/live-colors';
import { pointerDown, pointerUp } from '../../test/pointer';
import { MidiLog } from '../keyboard/MidiLog';
import { DrumPads } from './DrumPads';
import { Pads, type PadsProps } from './Pads';
import { fingersOnPads, LOADING_PADS, PADS_STATES, rackContext, seedDrumPads, STUDIO_PADS } from './seed';

const DRUMS_COLOR = paletteColor(STUDIO_TRACKS[0]?.colorIndex ?? 15);

const meta = {
  title: 'Instruments/Pads',
  component: Pads,
  args: {
    pads: [],
    size: 'medium',
    color: null,
    rackName: '',
    repeat: false,
    rate: '1/16',
    onPadDown: fn(),
    onPadUp: fn(),
    onPressure: fn(),
    onAllOff: fn(),
    onRepeat: fn(),
    onRate: fn(),
    onRetry: fn(),
    onScroll: fn(),
  },
  argTypes: {
    size: { control: 'inline-radio', options: ['small', 'medium', 'large'] },
    color: { control: 'select', options: [null, ...LIVE_PALETTE.slice(0, 28)] },
    rackName: { control: 'text' },
    repeat: { control: 'boolean' },
    rate: { control: 'select', options: REPEAT_RATES },
    held: { control: 'object' },
    error: { control: 'text' },
    pads: { control: false },
    state: { control: false },
  },
} satisfies Meta<typeof Pads>;

export default meta;
type Story = StoryObj<typeof meta>;

const KIT = rackContext();

/** No Drum Rack: a plain grid of notes from C1, the first bottom-left. A touch strikes; Space plays the focused pad. */
export const Plain: Story = {
  args: seedDrumPads(PADS_STATES.plain),
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    const c1 = canvas.getByRole('button', { name: 'C1' });
    pointerDown(c1, { pointerId: 31 });
    await expect(args.onPadDown).toHaveBeenCalledWith(31, 0, expect.any(Number));
    pointerUp(c1, 0, 0, { pointerId: 31 });
    await expect(args.onPadUp).toHaveBeenCalledWith(31);
    await userEvent.click(canvas.getByRole('button', { name: 'Higher pads' }));
    await expect(args.onScroll).toHaveBeenCalledWith(1);
    c1.focus();
    await userEvent.keyboard('{ArrowUp}');
    await expect(canvas.getByRole('button', { name: 'E1' })).toHaveFocus();
    await userEvent.keyboard('{ >}{/ }');
    await expect(args.onPadDown).toHaveBeenLastCalledWith(-1, 4, 100);
  },
};

/** The rack is being read: the pads Live has named so far, the others waiting, none playable. */
export const Loading: Story = {
  args: seedDrumPads(PADS_STATES.loading, rackContext({ pads: LOADING_PADS, received: ['pads'] })),
  play: async ({ canvasElement }) => {
    const grid = within(canvasElement).getByRole('group', { name: 'Drum pads' });
    await expect(grid).toHaveAttribute('aria-busy', 'true');
    await expect(within(grid).getByRole('button', { name: 'Kick, C1' })).toHaveAttribute('aria-disabled', 'true');
  },
};

/** The studio's 808 kit, named as in Live, silent. */
export const Ready: Story = {
  args: { ...seedDrumPads(PADS_STATES.ready, KIT), color: DRUMS_COLOR },
};

/** Three fingers down: a kick hard, a snare soft, a hat in between; the bars show how hard. */
export const Playing: Story = {
  args: {
    ...seedDrumPads(PADS_STATES.playing, rackContext({ held: fingersOnPads(STUDIO_PADS, [0, 2, 5], [120, 40, 80]) })),
    color: DRUMS_COLOR,
  },
  play: async ({ canvasElement }) => {
    const pressed = within(canvasElement)
      .getAllByRole('button', { pressed: true })
      .map((pad) => pad.getAttribute('aria-label'));
    await expect(pressed).toEqual(['Hat Closed, F1', 'Kick, C1', 'Snare, D1']);
  },
};

/** Note repeat on at 1/8 triplets, a closed hat held: it strikes again on every step. */
export const Repeating: Story = {
  args: {
    ...seedDrumPads(PADS_STATES.repeating, rackContext({ rate: '1/8t', held: fingersOnPads(STUDIO_PADS, [5], 90) })),
    color: DRUMS_COLOR,
  },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('button', { name: 'Repeat' })).toHaveAttribute('aria-pressed', 'true');
    await userEvent.selectOptions(canvas.getByRole('combobox', { name: 'Repeat rate' }), '1/32');
    await expect(args.onRate).toHaveBeenCalledWith('1/32');
    await userEvent.click(canvas.getByRole('button', { name: 'Repeat' }));
    await expect(args.onRepeat).toHaveBeenCalledWith(false);
  },
};

/** Two pads muted in Live: dimmed and struck through, still playable. */
export const MutedPads: Story = {
  args: seedDrumPads(
    PADS_STATES.ready,
    rackContext({
      pads: STUDIO_PADS.map((pad, index) => (index === 3 || index === 12 ? { ...pad, mute: true } : pad)),
    }),
  ),
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole('button', { name: 'Clap, D#1, muted' })).toHaveAttribute(
      'aria-disabled',
      'false',
    );
  },
};

/** A kit with gaps: pads with nothing on them, named "Empty" by Live, drawn as outlines (still playable). */
export const EmptyPads: Story = {
  args: seedDrumPads(
    PADS_STATES.ready,
    rackContext({
      pads: STUDIO_PADS.map((pad, index) => (index % 5 === 4 ? { ...pad, name: 'Empty', empty: true } : pad)),
    }),
  ),
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole('button', { name: 'Empty, E1' })).toHaveAttribute(
      'data-empty',
      'true',
    );
  },
};

/** Live could not say the rack's pads: why, and a retry. */
export const Failed: Story = {
  args: seedDrumPads(
    PADS_STATES.failed,
    rackContext({ pads: LOADING_PADS, error: { code: 'timeout', message: 'Live did not answer' } }),
  ),
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('status', { name: 'Pads' })).toHaveTextContent('Live did not answer');
    await userEvent.click(canvas.getByRole('button', { name: 'Retry' }));
    await expect(args.onRetry).toHaveBeenCalled();
  },
};

/** The rack was deleted in Live: said so, the pads no longer play. */
export const Gone: Story = {
  args: seedDrumPads(PADS_STATES.gone, KIT),
};

/** Long names as kits have them: each wraps only between words; a long word shrinks, one too long ends in "…". */
const LONG_NAMES = STUDIO_PADS.map((pad, index) => {
  const names: Record<number, string> = {
    0: 'Kick Sub Boom',
    4: 'Tambourine',
    5: 'Hat Closed Tight',
    9: 'Shaker Percussions',
    13: 'Crashcymbalwashlong',
  };
  return names[index] ? { ...pad, name: names[index] } : pad;
});

/** Long names on narrow pads: words whole, "Tambourine" smaller to fit, never "Tambouri ne"; one too long ends in "…". */
export const LongNames: Story = {
  args: { ...seedDrumPads(PADS_STATES.ready, rackContext({ pads: LONG_NAMES })), size: 'small' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const tambourine = canvas.getByRole('button', { name: 'Tambourine, E1' });
    await expect(tambourine).toHaveStyle({ '--ls-pad-longest': '10' });
    await expect(tambourine.querySelectorAll('.ls-pad-word')).toHaveLength(1);
    await expect(
      canvas.getByRole('button', { name: 'Hat Closed Tight, F1' }).querySelectorAll('.ls-pad-word'),
    ).toHaveLength(3);
  },
};

/** Filling a tablet on its side (a page's space): the pads as wide and tall as it allows. */
export const FillingATablet: Story = {
  args: { ...seedDrumPads(PADS_STATES.ready, rackContext({ pads: LONG_NAMES })), color: DRUMS_COLOR },
  render: (args) => (
    <div style={{ width: 1100, height: 560, display: 'flex', flexDirection: 'column' }}>
      <Pads {...args} fill />
    </div>
  ),
  play: async ({ canvasElement }) => {
    await expect(canvasElement.querySelector('.ls-pads')).toHaveAttribute('data-fill', 'true');
  },
};

/** Filling a phone upright. */
export const FillingAPhone: Story = {
  args: seedDrumPads(PADS_STATES.plain),
  render: (args) => (
    <div style={{ width: 360, height: 600, display: 'flex', flexDirection: 'column' }}>
      <Pads {...args} fill />
    </div>
  ),
};

const allStates: Array<{ title: string; props: Partial<PadsProps> }> = [
  { title: 'plain notes (no rack)', props: seedDrumPads(PADS_STATES.plain) },
  {
    title: 'plain notes, two held',
    props: seedDrumPads(PADS_STATES.plainPlaying, { held: fingersOnPads(plainPads(), [0, 7], [127, 50]) }),
  },
  {
    title: 'loading',
    props: seedDrumPads(PADS_STATES.loading, rackContext({ pads: LOADING_PADS, received: ['pads'] })),
  },
  { title: 'ready', props: { ...seedDrumPads(PADS_STATES.ready, KIT), color: DRUMS_COLOR } },
  {
    title: 'playing, velocities',
    props: {
      ...seedDrumPads(PADS_STATES.playing, rackContext({ held: fingersOnPads(STUDIO_PADS, [0, 2, 5], [120, 40, 80]) })),
      color: DRUMS_COLOR,
    },
  },
  {
    title: 'note repeat 1/8T, held',
    props: {
      ...seedDrumPads(PADS_STATES.repeating, rackContext({ rate: '1/8t', held: fingersOnPads(STUDIO_PADS, [5], 90) })),
      color: DRUMS_COLOR,
    },
  },
  { title: 'note repeat on, waiting', props: seedDrumPads(PADS_STATES.repeatWaiting, KIT) },
  {
    title: 'muted pads',
    props: seedDrumPads(
      PADS_STATES.ready,
      rackContext({
        pads: STUDIO_PADS.map((pad, index) => (index === 3 || index === 12 ? { ...pad, mute: true } : pad)),
      }),
    ),
  },
  {
    title: 'empty pads',
    props: seedDrumPads(
      PADS_STATES.ready,
      rackContext({
        pads: STUDIO_PADS.map((pad, index) => (index % 5 === 4 ? { ...pad, name: 'Empty', empty: true } : pad)),
      }),
    ),
  },
  {
    title: 'failed',
    props: seedDrumPads(
      PADS_STATES.failed,
      rackContext({ pads: LOADING_PADS, error: { code: 'timeout', message: 'Live did not answer' } }),
    ),
  },
  { title: 'gone', props: seedDrumPads(PADS_STATES.gone, KIT) },
  { title: 'small', props: { ...seedDrumPads(PADS_STATES.ready, KIT), size: 'small' } },
  {
    title: 'long names, small',
    props: { ...seedDrumPads(PADS_STATES.ready, rackContext({ pads: LONG_NAMES })), size: 'small' },
  },
];

/** Every state and variant. */
export const AllStates: Story = {
  parameters: { controls: { disable: true } },
  render: (args) => (
    <div className="ls-story-grid">
      {allStates.map(({ title, props }) => (
        <figure key={title}>
          <Pads {...args} {...props} />
          <figcaption>{title}</figcaption>
        </figure>
      ))}
    </div>
  ),
};

function StudioPads() {
  const studio = useStudio();
  const actor = useActorRef(studio.machines.drumPads, { input: { rack: studioTargets.drumRack } });
  return (
    <div>
      <DrumPads actor={actor} color={DRUMS_COLOR} />
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 16 }}>
        <StatePanel actor={actor} label="drum pads" />
        <MidiLog actor={actor} />
      </div>
    </div>
  );
}

const logged = (canvasElement: HTMLElement) =>
  [...canvasElement.querySelectorAll('[data-testid="midi-log"] li')]
    .map((item) => JSON.parse(item.getAttribute('data-message') ?? '{}') as { type: string; note?: number })
    .reverse();

/**
 * The real drum pads machine on the fake studio's Drum Rack: the pads named
 * from Live, a finger roll, note repeat on the song's tempo, and the MIDI it
 * plays.
 */
export const Interactive: Story = {
  decorators: [withStudio()],
  parameters: { controls: { disable: true } },
  render: () => <StudioPads />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const kick = await canvas.findByRole('button', { name: 'Kick, C1' });
    await waitFor(() => expect(canvas.getByTestId('actor-state')).toHaveTextContent('source.bound.ready'));
    pointerDown(kick, { pointerId: 41 });
    pointerDown(canvas.getByRole('button', { name: 'Snare, D1' }), { pointerId: 42 });
    await waitFor(() => expect(canvas.getAllByRole('button', { pressed: true })).toHaveLength(2));
    pointerUp(kick, 0, 0, { pointerId: 41 });
    pointerUp(kick, 0, 0, { pointerId: 42 });
    await waitFor(() => expect(canvas.getByTestId('actor-state')).toHaveTextContent('notes.silent'));
    const messages = logged(canvasElement);
    await expect(messages.filter((message) => message.type === 'note_on').map((message) => message.note)).toEqual([
      36, 38,
    ]);
    await expect(messages.filter((message) => message.type === 'note_off')).toHaveLength(2);
    // note repeat: a held pad strikes again on its own
    await userEvent.click(canvas.getByRole('button', { name: 'Repeat' }));
    await userEvent.selectOptions(canvas.getByRole('combobox', { name: 'Repeat rate' }), '1/32');
    pointerDown(kick, { pointerId: 43 });
    await waitFor(() =>
      expect(
        logged(canvasElement).filter((message) => message.type === 'note_on' && message.note === 36).length,
      ).toBeGreaterThanOrEqual(3),
    );
    pointerUp(kick, 0, 0, { pointerId: 43 });
    await waitFor(() => expect(canvas.getByTestId('actor-state')).toHaveTextContent('notes.silent'));
  },
};
