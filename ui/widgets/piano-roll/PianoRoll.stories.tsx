import type { Meta, StoryObj } from '@storybook/react-vite';
import type { CSSProperties } from 'react';
import { expect, fn, userEvent, within } from 'storybook/test';
import { paletteColor } from '../../theme/live-colors';
import { ClipEditorFrame } from './ClipEditorFrame';
import { ClipEditorToolbar, type ClipEditorToolbarProps } from './ClipEditorToolbar';
import { PianoRoll, type PianoRollProps } from './PianoRoll';
import { A_MINOR, BASS_GROOVE, clipOf, denseClip, DRUM_GROOVE, KIT, note } from './roll-fixtures';
import type { RollNote } from './roll-types';

const KEYS = { kind: 'keys' } as const;
const DENSE = denseClip(2000, 64);

const meta = {
  title: 'Clip Editor/Piano Roll',
  component: PianoRoll,
  args: {
    notes: BASS_GROOVE,
    clip: clipOf(2),
    viewport: null,
    grid: 0.25,
    rows: KEYS,
    scale: null,
    playhead: null,
    mode: 'edit',
    disabled: false,
    loading: false,
    follow: false,
    velocityLane: false,
    color: null,
    label: 'Bass',
    notice: null,
    onViewport: fn(),
    onIntent: fn(),
  },
  argTypes: {
    mode: { control: 'inline-radio', options: ['edit', 'navigate'] },
    grid: { control: 'select', options: [1, 0.5, 0.25, 0.125, 1 / 3, 1 / 6, null] },
    playhead: { control: { type: 'range', min: 0, max: 8, step: 0.05 } },
    notes: { control: false },
    clip: { control: 'object' },
    color: { control: 'select', options: [null, paletteColor(14), paletteColor(25), paletteColor(40)] },
  },
  parameters: { controls: { exclude: ['onViewport', 'onIntent', 'onSize', 'onRetry', 'onDiscard'] } },
} satisfies Meta<typeof PianoRoll>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The toolbar as the connected editor would give it, its callbacks spies. */
const bar: Omit<ClipEditorToolbarProps, 'mode' | 'grid' | 'selected' | 'velocityLane' | 'follow'> = {
  onMode: fn(),
  onGrid: fn(),
  onFollow: fn(),
  onFit: fn(),
  onDelete: fn(),
  onDuplicate: fn(),
  onTranspose: fn(),
  onQuantize: fn(),
  onMute: fn(),
  onLoopLength: fn(),
  canUndo: true,
  canRedo: false,
  onUndo: fn(),
  onRedo: fn(),
  soundNotes: true,
  onSoundNotes: fn(),
  onVelocityLane: fn(),
};

const EDITOR: CSSProperties = { height: 'min(680px, calc(100vh - 32px))' };

/** The roll with its toolbar under it, as the editor shows it. */
function Editor(args: PianoRollProps) {
  return (
    <div style={EDITOR}>
      <ClipEditorFrame
        roll={<PianoRoll {...args} />}
        toolbar={
          <ClipEditorToolbar
            {...bar}
            mode={args.mode}
            grid={args.grid}
            follow={args.follow ?? false}
            velocityLane={args.velocityLane ?? false}
            selected={args.notes.filter((one) => one.selected).length}
            disabled={args.disabled}
          />
        }
      />
    </div>
  );
}

const withEditor: Pick<Story, 'render'> = { render: (args) => <Editor {...args} /> };

const selectSome = (notes: readonly RollNote[], keys: readonly RollNote['key'][]): RollNote[] =>
  notes.map((one) => ({ ...one, selected: keys.includes(one.key) }));

/** The notes are being read from Live. */
export const Loading: Story = { ...withEditor, args: { notes: [], loading: true } };

/** A new clip: one empty bar, the grid inviting a tap. */
export const EmptyClip: Story = { ...withEditor, args: { notes: [], clip: clipOf(1), label: 'New clip' } };

/** Two bars of bass in A minor, the scale on the keys, velocities in their lane. */
export const Groove: Story = {
  ...withEditor,
  args: { scale: A_MINOR, velocityLane: true, color: paletteColor(25) },
  play: async ({ canvasElement }) => {
    const roll = within(canvasElement);
    await expect(roll.getByRole('application', { name: 'Notes' })).toHaveAccessibleDescription('16 notes');
    // (the rows in view need a size: jsdom has none, Chromium does)
    await expect(roll.getByRole('list', { name: 'Keys' })).toBeInTheDocument();
  },
};

/** A beat on a Drum Rack: the rows are its pads, only those that exist, by name. */
export const DrumGroove: Story = {
  ...withEditor,
  args: { notes: DRUM_GROOVE, rows: KIT, label: 'Drums', velocityLane: true, color: paletteColor(14) },
};

/** 2,000 notes over 64 bars, the first eight looping. */
export const DenseClip: Story = {
  ...withEditor,
  args: { notes: DENSE, clip: clipOf(64, { end: 32 }), label: 'Dense' },
};

/** Some notes selected (lighter, outlined); some muted (grey). */
export const Selection: Story = {
  ...withEditor,
  args: {
    notes: selectSome(BASS_GROOVE, [5, 6, 7, 8]).map((one) =>
      one.key === 12 || one.key === 14 ? { ...one, mute: true } : one,
    ),
  },
};

/** Notes two other tablets have selected, outlined in their colors, beside this tablet's own selection. */
export const OthersSelection: Story = {
  ...withEditor,
  args: {
    notes: selectSome(BASS_GROOVE, [5, 6]),
    others: new Map<number | string, string>([
      [1, '#4fc3f7'],
      [2, '#4fc3f7'],
      [9, '#ffb74d'],
      [10, '#ffb74d'],
    ]),
  },
};

const OFFLINE_EDITS = BASS_GROOVE.map((one) =>
  one.key === 3 || one.key === 11 ? { ...one, pending: 'offline' as const, start: one.start + 0.25 } : one,
).concat(note('new:1', 52, 6.5, 0.5, 100, { pending: 'offline', selected: true }));

/** Live went away: the roll dims and takes no edits; those made meanwhile show, hatched in amber, until Live is back. */
export const PendingOffline: Story = {
  ...withEditor,
  args: {
    notes: OFFLINE_EDITS,
    disabled: true,
    notice: 'Live is offline: 3 edits wait and go when it is back.',
  },
};

/** Just added, on its way to Live: hatched grey until Live answers. */
export const Sending: Story = {
  ...withEditor,
  args: { notes: [...BASS_GROOVE, note('new:2', 57, 2.5, 0.25, 100, { pending: 'sending', selected: true })] },
};

/** Live said no: the note stays in sight, hatched red, with the editor's word and a choice. */
export const RefusedEdit: Story = {
  ...withEditor,
  args: {
    notes: BASS_GROOVE.map((one) =>
      one.key === 9 ? { ...one, pending: 'refused' as const, pitch: 40, selected: true } : one,
    ),
    notice: 'Live refused moving a note: the clip changed meanwhile.',
    onRetry: fn(),
    onDiscard: fn(),
  },
  play: async ({ canvasElement, args }) => {
    await userEvent.click(within(canvasElement).getByRole('button', { name: 'Retry' }));
    await expect(args.onRetry).toHaveBeenCalled();
  },
};

/** The clip plays: the playhead goes across, the page follows it. */
export const Playing: Story = { ...withEditor, args: { playhead: 5.3, follow: true } };

/** Close up: sixteenths a finger wide, the notes named. */
export const ZoomedIn: Story = {
  ...withEditor,
  args: { viewport: { startBeat: 1.75, pxPerBeat: 260, topRow: 58, rowPx: 26 }, notes: selectSome(BASS_GROOVE, [4]) },
};

/** Far out: the whole 64 bars of the dense clip, bars thinned. */
export const ZoomedOut: Story = {
  ...withEditor,
  args: {
    notes: DENSE,
    clip: clipOf(64, { end: 32 }),
    viewport: { startBeat: -2, pxPerBeat: 4, topRow: 90, rowPx: 7 },
  },
};

/** Navigate mode: one finger scrolls, nothing is edited. */
export const Navigate: Story = { ...withEditor, args: { mode: 'navigate' } };

/** The toolbar down the left side (a tablet held by its sides). */
export const SideToolbar: Story = {
  args: { notes: DRUM_GROOVE, rows: KIT, label: 'Drums' },
  render: (args) => (
    <div style={EDITOR}>
      <ClipEditorFrame
        placement="side"
        roll={<PianoRoll {...args} />}
        toolbar={
          <ClipEditorToolbar
            {...bar}
            mode={args.mode}
            grid={args.grid}
            follow={false}
            velocityLane={false}
            selected={0}
            placement="side"
          />
        }
      />
    </div>
  ),
};

const allStates: { title: string; props: Partial<PianoRollProps> }[] = [
  { title: 'loading', props: Loading.args ?? {} },
  { title: 'empty clip', props: EmptyClip.args ?? {} },
  { title: 'groove, scale, velocity lane', props: Groove.args ?? {} },
  { title: 'drum rack pads', props: DrumGroove.args ?? {} },
  { title: 'dense (2,000 notes)', props: DenseClip.args ?? {} },
  { title: 'selection, muted notes', props: Selection.args ?? {} },
  { title: 'other tablets’ selections', props: OthersSelection.args ?? {} },
  { title: 'pending while offline', props: PendingOffline.args ?? {} },
  { title: 'sending', props: Sending.args ?? {} },
  { title: 'refused edit', props: RefusedEdit.args ?? {} },
  { title: 'playing', props: { ...Playing.args, follow: false } },
  { title: 'zoomed in', props: ZoomedIn.args ?? {} },
  { title: 'zoomed out', props: ZoomedOut.args ?? {} },
  { title: 'navigate mode', props: Navigate.args ?? {} },
];

/** Every state side by side. */
export const AllStates: Story = {
  parameters: { controls: { disable: true } },
  render: (args) => (
    <div
      className="ls-story-grid"
      style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(min(100%, 540px), 1fr))' }}
    >
      {allStates.map(({ title, props }) => (
        <figure key={title} style={{ justifyItems: 'stretch' }}>
          <div style={{ height: 300 }}>
            <PianoRoll {...args} {...props} />
          </div>
          <figcaption>{title}</figcaption>
        </figure>
      ))}
    </div>
  ),
};
