import type { Meta, StoryObj } from '@storybook/react-vite';
import { useActorRef } from '@xstate/react';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import type { KeyboardContext } from '../../../machines/keyboard';
import { PITCH_CLASSES, SCALE_MODES, SCALE_NAMES } from '../../../machines/scales';
import type { KeyboardView } from '../../connect/use-keyboard';
import { StatePanel } from '../../fake-studio/StatePanel';
import { STUDIO_TRACKS } from '../../fake-studio/studio-set';
import { useStudio, withStudio } from '../../fake-studio/studio-react';
import { LIVE_PALETTE, paletteColor } from '../../theme/live-colors';
import { drag, pointerDown, pointerUp } from '../../test/pointer';
import { Keyboard, type KeyboardProps } from './Keyboard';
import { fingersOn, seedKeyboard, type KeyboardStateValue } from './seed';
import { LiveKeyboard } from './LiveKeyboard';
import { MidiLog } from './MidiLog';

const KEYS_COLOR = paletteColor(STUDIO_TRACKS[2]?.colorIndex ?? 19);

const meta = {
  title: 'Instruments/Keyboard',
  component: Keyboard,
  args: {
    octave: 3,
    octaves: 2,
    root: 0,
    scale: 'chromatic',
    scaleMode: 'dim',
    pressed: [],
    bend: 0,
    modulation: 0,
    pressure: 0,
    size: 'medium',
    color: null,
    onNoteDown: fn(),
    onNoteMove: fn(),
    onNoteUp: fn(),
    onPressure: fn(),
    onOctave: fn(),
    onAllOff: fn(),
    onBend: fn(),
    onBendRelease: fn(),
    onModulation: fn(),
    onChannelPressure: fn(),
    onScale: fn(),
    onScaleMode: fn(),
    onFollowSong: fn(),
  },
  argTypes: {
    octave: { control: { type: 'range', min: -2, max: 8, step: 1 } },
    octaves: { control: { type: 'range', min: 1, max: 4, step: 1 } },
    root: {
      control: { type: 'select', labels: Object.fromEntries(PITCH_CLASSES.map((name, index) => [index, name])) },
      options: PITCH_CLASSES.map((_, index) => index),
    },
    scale: { control: 'select', options: SCALE_NAMES },
    scaleMode: { control: 'inline-radio', options: SCALE_MODES },
    size: { control: 'inline-radio', options: ['small', 'medium', 'large'] },
    color: { control: 'select', options: [null, ...LIVE_PALETTE.slice(0, 28)] },
    pressed: { control: 'object' },
    bend: { control: { type: 'range', min: -8192, max: 8191, step: 1 } },
    modulation: { control: { type: 'range', min: 0, max: 127, step: 1 } },
    pressure: { control: { type: 'range', min: 0, max: 127, step: 1 } },
    state: { control: false },
    bending: { control: false },
  },
} satisfies Meta<typeof Keyboard>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The keyboard machine in `value`, as the keyboard's props (what LiveKeyboard would pass). */
function seeded(value: KeyboardStateValue, context: Partial<KeyboardContext> = {}): KeyboardView {
  return seedKeyboard(value, context);
}

const SILENT = { notes: 'silent', bend: 'centred' } as const;
const PLAYING = { notes: 'playing', bend: 'centred' } as const;
const BENDING = { notes: 'playing', bend: 'bending' } as const;

/** Nothing sounds. A touch strikes a key; the computer keys play too (S is D). */
export const Silent: Story = {
  args: seeded(SILENT),
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    const e3 = canvas.getByRole('button', { name: 'E3' });
    pointerDown(e3, { pointerId: 21 });
    await expect(args.onNoteDown).toHaveBeenCalledWith(21, 64, expect.any(Number));
    pointerUp(e3, 0, 0, { pointerId: 21 });
    await expect(args.onNoteUp).toHaveBeenCalledWith(21);
    e3.focus();
    await userEvent.keyboard('{s>}{/s}');
    await expect(args.onNoteDown).toHaveBeenLastCalledWith(expect.any(Number), 62, 100);
  },
};

/** Three fingers hold a C major chord. */
export const PlayingChord: Story = {
  args: seeded(PLAYING, { held: fingersOn([60, 64, 67]) }),
  play: async ({ canvasElement }) => {
    const pressed = within(canvasElement)
      .getAllByRole('button', { pressed: true })
      .map((key) => key.getAttribute('aria-label'));
    await expect(pressed).toEqual(['C3', 'E3', 'G3']);
  },
};

/** A chord held while a fourth finger bends it up; modulation raised. */
export const BendingChord: Story = {
  args: seeded(BENDING, { held: fingersOn([60, 64, 69]), bend: 5200, modulation: 48 }),
};

/** A minor around A: keys out of the scale dimmed (still playable), the roots marked. */
export const ScaleDimmed: Story = {
  args: seeded(SILENT, { root: 9, scale: 'minor', scaleMode: 'dim' }),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('button', { name: 'A#3' })).toHaveAttribute('data-out-of-scale', 'true');
    await expect(canvas.getByRole('button', { name: 'A3' })).toHaveAttribute('data-root', 'true');
  },
};

/** D major with the keys out of it hidden: a row of only the scale's keys, wider for fingers, each named. */
export const ScaleHidden: Story = {
  args: seeded(PLAYING, { root: 2, scale: 'major', scaleMode: 'hide', held: fingersOn([62, 69]) }),
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).queryByRole('button', { name: 'D#3' })).toBeNull();
  },
};

/** Following the set's scale in Live (A minor): the root and scale come from Live; choosing one by hand stops following. */
export const FollowingSongScale: Story = {
  args: seeded(SILENT, { root: 9, scale: 'minor', followSong: true }),
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('button', { name: 'Song scale' })).toHaveAttribute('aria-pressed', 'true');
    await userEvent.click(canvas.getByRole('button', { name: 'Song scale' }));
    await expect(args.onFollowSong).toHaveBeenCalledWith(false);
  },
};

/** Two octaves up (C5–C7), aftertouch pressed in, on the Keys track's color. */
export const HighOctave: Story = {
  args: { ...seeded(PLAYING, { octave: 5, held: fingersOn([84, 91]), pressure: 70 }), color: KEYS_COLOR },
};

/** Filling a tablet on its side (a page's space): keys and wheels take the height they are given. */
export const FillingATablet: Story = {
  args: { ...seeded(PLAYING, { held: fingersOn([60, 64, 67]) }), color: KEYS_COLOR },
  render: (args) => (
    <div style={{ width: 1100, height: 520, display: 'flex', flexDirection: 'column' }}>
      <Keyboard {...args} fill />
    </div>
  ),
  play: async ({ canvasElement }) => {
    await expect(canvasElement.querySelector('.ls-keyboard')).toHaveAttribute('data-fill', 'true');
  },
};

/**
 * Filling a phone upright: the height is much more than keys need, so the
 * keys stack in rows, each the next octaves up (in a browser, where the
 * space is measured).
 */
export const FillingAPhone: Story = {
  args: { ...seeded(PLAYING, { held: fingersOn([60, 76]) }), octaves: 2 },
  render: (args) => (
    <div style={{ width: 360, height: 640, display: 'flex', flexDirection: 'column' }}>
      <Keyboard {...args} fill />
    </div>
  ),
};

const allStates: Array<{ title: string; props: Partial<KeyboardProps> }> = [
  { title: 'silent', props: seeded(SILENT) },
  { title: 'playing a chord', props: seeded(PLAYING, { held: fingersOn([60, 64, 67]) }) },
  {
    title: 'bending while holding a chord',
    props: seeded(BENDING, { held: fingersOn([60, 64, 69]), bend: -6000, modulation: 90 }),
  },
  { title: 'scale dimmed (A minor)', props: seeded(PLAYING, { root: 9, scale: 'minor', held: fingersOn([69, 72]) }) },
  {
    title: 'scale hidden (D major)',
    props: seeded(PLAYING, { root: 2, scale: 'major', scaleMode: 'hide', held: fingersOn([66]) }),
  },
  {
    title: 'another octave, Live color, aftertouch',
    props: { ...seeded(PLAYING, { octave: 5, held: fingersOn([84, 88]), pressure: 80 }), color: KEYS_COLOR },
  },
  {
    title: 'following the set’s scale (A minor)',
    props: seeded(SILENT, { root: 9, scale: 'minor', followSong: true }),
  },
  {
    title: 'small, one octave',
    props: { ...seeded(SILENT, { root: 7, scale: 'majorPentatonic' }), size: 'small', octaves: 1 },
  },
];

/** Every state and variant, one under another. */
export const AllStates: Story = {
  parameters: { controls: { disable: true } },
  render: (args) => (
    <div className="ls-story-grid" style={{ flexDirection: 'column', alignItems: 'stretch', paddingTop: 0 }}>
      {allStates.map(({ title, props }) => (
        <figure key={title} style={{ justifyItems: 'stretch' }}>
          <Keyboard {...args} {...props} />
          <figcaption>{title}</figcaption>
        </figure>
      ))}
    </div>
  ),
};

function StudioKeyboard() {
  const studio = useStudio();
  const actor = useActorRef(studio.machines.keyboard, { input: { channel: 0 } });
  return (
    <div>
      <LiveKeyboard actor={actor} color={KEYS_COLOR} />
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 16 }}>
        <StatePanel actor={actor} label="keyboard" />
        <MidiLog actor={actor} />
      </div>
    </div>
  );
}

const logged = (canvasElement: HTMLElement): string[] =>
  [...canvasElement.querySelectorAll('[data-testid="midi-log"] li')]
    .map((item) => item.getAttribute('data-message') ?? '')
    .reverse();

/**
 * The real keyboard machine on the fake studio: hold a chord, bend it with
 * another finger, slide, and watch the MIDI it plays (the Keys track's
 * instrument would hear it).
 */
export const Interactive: Story = {
  decorators: [withStudio()],
  parameters: { controls: { disable: true } },
  render: () => <StudioKeyboard />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const keys = within(canvas.getByRole('group', { name: 'Piano keys' }));
    const chord = ['C3', 'E3', 'G3'].map((name) => keys.getByRole('button', { name }));
    chord.forEach((key, index) => pointerDown(key, { pointerId: 11 + index }));
    await waitFor(() => expect(keys.getAllByRole('button', { pressed: true })).toHaveLength(3));
    await expect(canvas.getByTestId('actor-state')).toHaveTextContent('notes.playing');
    drag(canvas.getByRole('slider', { name: 'Pitch bend' }), 0, -40);
    chord.forEach((key, index) => pointerUp(key, 0, 0, { pointerId: 11 + index }));
    await waitFor(() => expect(canvas.getByTestId('actor-state')).toHaveTextContent('notes.silent, bend.centred'));
    const messages = logged(canvasElement).map((text) => JSON.parse(text) as { type: string; value?: number });
    await expect(messages.filter((message) => message.type === 'note_on')).toHaveLength(3);
    await expect(messages.filter((message) => message.type === 'note_off')).toHaveLength(3);
    await expect(messages.filter((message) => message.type === 'pitch_bend').at(-1)).toEqual({
      type: 'pitch_bend',
      channel: 0,
      value: 0,
    });
    // with no finger down, the scale changes under the keys
    await userEvent.selectOptions(canvas.getByRole('combobox', { name: 'Scale' }), 'minor');
    await waitFor(() => expect(keys.getByRole('button', { name: 'C#3' })).toHaveAttribute('data-out-of-scale', 'true'));
    // or follows the set's own scale in Live: A minor
    await userEvent.click(canvas.getByRole('button', { name: 'Song scale' }));
    await waitFor(() => expect(canvas.getByRole('combobox', { name: 'Root' })).toHaveValue('9'));
    await expect(keys.getByRole('button', { name: 'A3' })).toHaveAttribute('data-root', 'true');
  },
};
