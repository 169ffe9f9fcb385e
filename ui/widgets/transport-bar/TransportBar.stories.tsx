import type { Meta, StoryObj } from '@storybook/react-vite';
import { useActorRef } from '@xstate/react';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import type { TransportContext } from '../../../machines/transport';
import { positionView, transportView } from '../../connect/use-transport';
import { StatePanel } from '../../fake-studio/StatePanel';
import { withStudio, useStudio } from '../../fake-studio/studio-react';
import { doubleTap, drag } from '../../test/pointer';
import { DEMO_CUES, transportSnapshot, type TransportStateValue } from './seed';
import { SongPosition } from './SongPosition';
import { SongTransport } from './SongTransport';
import { TRANSPORT_STATES } from './states';
import { TransportBar, type TransportBarProps } from './TransportBar';

/** The bar's props with the song position as values (the real bar's readout follows the actor). */
type TransportArgs = Omit<TransportBarProps, 'position'> & { songTime: number; numerator: number; denominator: number };

function TransportStory({ songTime, numerator, denominator, ...bar }: TransportArgs) {
  const { text } = positionView(transportSnapshot({ ready: 'playing' }, { songTime, numerator, denominator }));
  return <TransportBar {...bar} position={<SongPosition text={text} state={bar.state} />} />;
}

/** The transport machine in `value`, as the bar's props (what SongTransport would pass). */
type SeededTransport = ReturnType<typeof transportView> & Pick<TransportArgs, 'songTime' | 'numerator' | 'denominator'>;

function seeded(value: TransportStateValue, context: Partial<TransportContext> = {}): SeededTransport {
  const snapshot = transportSnapshot(value, context);
  const { songTime, numerator, denominator } = snapshot.context;
  return { ...transportView(snapshot), songTime, numerator, denominator };
}

const meta = {
  title: 'Transport/Transport Bar',
  render: TransportStory,
  args: {
    ...seeded({ ready: 'stopped' }),
    size: 'medium',
    onPlay: fn(),
    onStop: fn(),
    onArrangementRecord: fn(),
    onSessionRecord: fn(),
    onMetronome: fn(),
    onTempo: fn(),
    onTap: fn(),
    onStopAllClips: fn(),
    onQuantization: fn(),
    onUndo: fn(),
    onRedo: fn(),
    onLoop: fn(),
    onLoopStart: fn(),
    onLoopLength: fn(),
    onPunchIn: fn(),
    onPunchOut: fn(),
    onCaptureMidi: fn(),
    onPrevCue: fn(),
    onNextCue: fn(),
    onJumpToCue: fn(),
    onSetOrDeleteCue: fn(),
    onDismissNotice: fn(),
    onRetry: fn(),
  },
  argTypes: {
    state: { control: 'select', options: TRANSPORT_STATES },
    tempo: { control: { type: 'range', min: 20, max: 999, step: 0.01 } },
    songTime: { control: { type: 'range', min: 0, max: 512, step: 0.25 } },
    numerator: { control: { type: 'number', min: 1, max: 32 } },
    denominator: { control: 'select', options: [1, 2, 4, 8, 16] },
    size: { control: 'inline-radio', options: ['small', 'medium', 'large'] },
    layout: { control: 'inline-radio', options: [undefined, 'row', 'compact', 'tight'] },
    quantization: { control: { type: 'range', min: 0, max: 13, step: 1 } },
    error: { control: 'text' },
  },
} satisfies Meta<TransportArgs>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Waiting for the song's first values. */
export const Loading: Story = {
  args: seeded('loading', { received: [] }),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('group', { name: 'Transport' })).toHaveAttribute('aria-busy', 'true');
    await expect(canvas.getByRole('slider', { name: 'Tempo' })).toHaveAttribute('aria-valuetext', 'Loading');
  },
};

/**
 * Stopped at the start. Every button asks the transport to act; the tempo
 * takes arrows (one BPM, Shift a tenth) and Delete (back to 120).
 */
export const Stopped: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('timer', { name: 'Song position' })).toHaveTextContent('1.1.1');
    await expect(canvas.getByRole('status')).toHaveTextContent('Stopped');
    await userEvent.click(canvas.getByRole('button', { name: 'Play' }));
    await userEvent.click(canvas.getByRole('button', { name: 'Stop' }));
    await userEvent.click(canvas.getByRole('button', { name: 'Metronome' }));
    await userEvent.click(canvas.getByRole('button', { name: 'Tap Tempo' }));
    await expect(args.onPlay).toHaveBeenCalledTimes(1);
    await expect(args.onStop).toHaveBeenCalledTimes(1);
    await expect(args.onMetronome).toHaveBeenCalledTimes(1);
    await expect(args.onTap).toHaveBeenCalledTimes(1);
    const tempo = canvas.getByRole('slider', { name: 'Tempo' });
    await expect(tempo).toHaveAttribute('aria-valuetext', '120.00 BPM');
    tempo.focus();
    await userEvent.keyboard('{ArrowUp}');
    await expect(args.onTempo).toHaveBeenLastCalledWith(121);
    await userEvent.keyboard('{Shift>}{ArrowDown}{/Shift}');
    await expect(args.onTempo).toHaveBeenLastCalledWith(119.9);
  },
};

/** Playing: the play button lit, the position running, the metronome on. */
export const Playing: Story = {
  args: seeded({ ready: 'playing' }, { playing: true, metronome: true, songTime: 45.5, tempo: 128 }),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('timer', { name: 'Song position' })).toHaveTextContent('12.2.3');
    await expect(canvas.getByRole('button', { name: 'Metronome' })).toHaveAttribute('aria-pressed', 'true');
    await expect(canvas.getByRole('status')).toHaveTextContent('Playing');
  },
};

/** Recording into the arrangement and the session, in 6/8. */
export const Recording: Story = {
  args: seeded(
    { ready: 'playing' },
    {
      playing: true,
      arrangementRecord: true,
      sessionRecord: true,
      songTime: 13.5,
      numerator: 6,
      denominator: 8,
      tempo: 92.5,
    },
  ),
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    const record = canvas.getByRole('button', { name: 'Arrangement Record' });
    await expect(record).toHaveAttribute('aria-pressed', 'true');
    await expect(canvas.getByRole('button', { name: 'Session Record' })).toHaveAttribute('aria-pressed', 'true');
    await expect(canvas.getByRole('timer', { name: 'Song position' })).toHaveTextContent('5.4.1');
    await userEvent.click(record);
    await expect(args.onArrangementRecord).toHaveBeenCalledTimes(1);
  },
};

/** Live refused an observation: nothing takes input, the reason shows. */
export const Failed: Story = {
  args: seeded('failed', { error: { code: 'unavailable', message: 'Live is offline' } }),
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByText('Live is offline')).toBeInTheDocument();
    await expect(canvas.getByRole('slider', { name: 'Tempo' })).toHaveAttribute('aria-disabled', 'true');
    await userEvent.click(canvas.getByRole('button', { name: 'Play (Failed)' }));
    await expect(args.onPlay).not.toHaveBeenCalled();
    await userEvent.click(canvas.getByRole('button', { name: 'Retry Transport' }));
    await expect(args.onRetry).toHaveBeenCalledTimes(1);
  },
};

/** The arrangement loop on, bars 5 to 9, its steppers open: each tap moves the start or the length by a bar. */
export const LoopOn: Story = {
  args: {
    ...seeded({ ready: 'playing' }, { playing: true, loop: true, loopStart: 16, loopLength: 16, songTime: 18 }),
    open: 'loop',
  },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('button', { name: 'Loop' })).toHaveAttribute('aria-pressed', 'true');
    const region = canvas.getByRole('dialog', { name: 'Loop Region' });
    await expect(within(region).getByRole('status', { name: 'Loop Start' })).toHaveTextContent('5.1.1');
    await expect(within(region).getByRole('status', { name: 'Loop Length' })).toHaveTextContent('4.0.0');
    await userEvent.click(canvas.getByRole('button', { name: 'Loop a Bar Longer' }));
    await expect(args.onLoopLength).toHaveBeenCalledWith(1);
  },
};

/** Punch In and Punch Out on, recording into the arrangement. */
export const Punch: Story = {
  args: seeded(
    { ready: 'playing' },
    { playing: true, arrangementRecord: true, loop: true, punchIn: true, punchOut: true },
  ),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('button', { name: 'Punch In' })).toHaveAttribute('aria-pressed', 'true');
    await expect(canvas.getByRole('button', { name: 'Punch Out' })).toHaveAttribute('aria-pressed', 'true');
  },
};

/** Notes were played on an armed track: Live has MIDI to capture, so Capture MIDI takes a touch. */
export const CaptureEnabled: Story = {
  args: seeded({ ready: 'playing' }, { playing: true, canCaptureMidi: true }),
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole('button', { name: 'Capture MIDI' }));
    await expect(args.onCaptureMidi).toHaveBeenCalledTimes(1);
  },
};

/** Nothing played since the last capture: Capture MIDI waits, dimmed. */
export const CaptureDisabled: Story = {
  args: seeded({ ready: 'stopped' }, { canCaptureMidi: false }),
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    const capture = canvas.getByRole('button', { name: 'Capture MIDI' });
    await expect(capture).toHaveAttribute('aria-disabled', 'true');
    await userEvent.click(capture);
    await expect(args.onCaptureMidi).not.toHaveBeenCalled();
  },
};

/** The set's cue points listed by time, the song between Intro and Drop: both jumps usable, one tap to a cue. */
export const CueList: Story = {
  args: {
    ...seeded({ ready: 'stopped' }, { cues: DEMO_CUES, songTime: 12, canJumpPrev: true, canJumpNext: true }),
    open: 'cues',
  },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    const list = canvas.getByRole('dialog', { name: 'Cue Points' });
    await expect(
      within(list)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual(['Intro1.1.1', 'Drop9.1.1', 'Outro17.1.1']);
    await userEvent.click(within(list).getByRole('button', { name: 'Jump to Drop (9.1.1)' }));
    await expect(args.onJumpToCue).toHaveBeenCalledWith('id 92');
    await userEvent.click(canvas.getByRole('button', { name: 'Next Cue' }));
    await expect(args.onNextCue).toHaveBeenCalledTimes(1);
  },
};

/** The global quantization's chooser open: Live's fourteen values, 1/4 chosen. */
export const QuantizationOpen: Story = {
  args: { ...seeded({ ready: 'stopped' }, { quantization: 7 }), open: 'quantization' },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    const list = canvas.getByRole('listbox', { name: 'Quantization' });
    await expect(within(list).getAllByRole('option')).toHaveLength(14);
    await expect(within(list).getByRole('option', { name: '1/4' })).toHaveAttribute('aria-selected', 'true');
    await userEvent.click(within(list).getByRole('option', { name: '2 Bars' }));
    await expect(args.onQuantization).toHaveBeenCalledWith(3);
  },
};

/** What Live's undo answered, below the bar; it goes by itself, or with a tap. */
export const UndoNotice: Story = {
  args: seeded({ ready: 'stopped' }, { notice: { id: 1, text: 'Undo Tempo Change', kind: 'info' } }),
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByText('Undo Tempo Change')).toBeInTheDocument();
    await userEvent.click(canvas.getByRole('button', { name: 'Dismiss' }));
    await expect(args.onDismissNotice).toHaveBeenCalledTimes(1);
  },
};

/** A command Live refused: said, as an alert. */
export const Refused: Story = {
  args: seeded(
    { ready: 'stopped' },
    { notice: { id: 2, text: 'Live refused Capture MIDI: There is no MIDI to capture', kind: 'refused' } },
  ),
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole('alert')).toHaveTextContent('Live refused Capture MIDI');
  },
};

/**
 * A phone: the essentials in the bar, the rest in the sheet "More" opens
 * (the quantization, the loop and punch, Capture MIDI, undo and redo, the cues).
 */
export const PhoneLayout: Story = {
  args: {
    ...seeded({ ready: 'playing' }, { playing: true, cues: DEMO_CUES, canJumpNext: true, loop: true, songTime: 5 }),
    layout: 'compact',
    open: 'more',
  },
  render: (args) => (
    <div style={{ width: 358 }}>
      <TransportStory {...args} />
    </div>
  ),
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    const sheet = canvas.getByRole('dialog', { name: 'More Transport Controls' });
    await userEvent.click(within(sheet).getByRole('button', { name: 'Undo' }));
    await expect(args.onUndo).toHaveBeenCalledTimes(1);
    await expect(within(sheet).getByRole('button', { name: 'Loop' })).toHaveAttribute('aria-pressed', 'true');
  },
};

/**
 * A phone on its side: one row beside the pages' column of tabs, so the
 * metronome and tap tempo wait in "More" too (its dot says the metronome
 * clicks), before the quantization, the loop, undo and the cues.
 */
export const PhoneLandscapeLayout: Story = {
  args: {
    ...seeded({ ready: 'playing' }, { playing: true, metronome: true, songTime: 9 }),
    layout: 'tight',
    open: 'more',
  },
  render: (args) => (
    <div style={{ width: 560 }}>
      <TransportStory {...args} />
    </div>
  ),
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    const bar = canvas.getByRole('group', { name: 'Transport' });
    await expect(bar).toHaveAttribute('data-layout', 'tight');
    const sheet = canvas.getByRole('dialog', { name: 'More Transport Controls' });
    // the metronome and tap tempo are in the sheet, and only there
    await expect(canvas.getAllByRole('button', { name: 'Metronome' })).toHaveLength(1);
    await expect(within(sheet).getByRole('button', { name: 'Metronome' })).toHaveAttribute('aria-pressed', 'true');
    await userEvent.click(within(sheet).getByRole('button', { name: 'Tap Tempo' }));
    await expect(args.onTap).toHaveBeenCalledTimes(1);
    await expect(canvas.getByRole('slider', { name: 'Tempo' })).toBeInTheDocument();
  },
};

const pages: Array<{ title: string; args: Partial<TransportArgs> }> = [
  { title: 'loading', args: seeded('loading', { received: [] }) },
  { title: 'stopped', args: {} },
  {
    title: 'playing',
    args: seeded({ ready: 'playing' }, { playing: true, metronome: true, songTime: 45.5, tempo: 128 }),
  },
  {
    title: 'recording',
    args: seeded(
      { ready: 'playing' },
      {
        playing: true,
        arrangementRecord: true,
        sessionRecord: true,
        songTime: 13.5,
        numerator: 6,
        denominator: 8,
        tempo: 92.5,
      },
    ),
  },
  {
    title: 'a long song, a fast tempo',
    args: seeded({ ready: 'playing' }, { playing: true, songTime: 3999.75, tempo: 174 }),
  },
  { title: 'failed', args: seeded('failed', { error: { code: 'unavailable', message: 'Live is offline' } }) },
  {
    title: 'loop on, punch in and out',
    args: seeded(
      { ready: 'playing' },
      { playing: true, loop: true, loopStart: 16, loopLength: 8, punchIn: true, punchOut: true, songTime: 17 },
    ),
  },
  {
    title: 'MIDI to capture, cues either side, 1/16 quantization',
    args: seeded(
      { ready: 'stopped' },
      { canCaptureMidi: true, cues: DEMO_CUES, canJumpPrev: true, canJumpNext: true, quantization: 11, songTime: 40 },
    ),
  },
  {
    title: 'undo said',
    args: seeded({ ready: 'stopped' }, { notice: { id: 1, text: 'Undo Tempo Change', kind: 'info' } }),
  },
  {
    title: 'compact (a phone)',
    args: { ...seeded({ ready: 'playing' }, { playing: true, songTime: 9 }), layout: 'compact' },
  },
  {
    title: 'tight (a phone on its side), the metronome on',
    args: { ...seeded({ ready: 'playing' }, { playing: true, metronome: true, songTime: 9 }), layout: 'tight' },
  },
  { title: 'small', args: { size: 'small' } },
  { title: 'large', args: { ...seeded({ ready: 'playing' }, { playing: true, songTime: 8 }), size: 'large' } },
];

/** Every state, one bar per row. */
export const AllStates: Story = {
  parameters: { controls: { disable: true } },
  render: (args) => (
    <div className="ls-story-grid" style={{ flexDirection: 'column' }}>
      {pages.map(({ title, args: page }) => (
        <figure key={title} style={{ justifyItems: 'start' }}>
          <TransportStory {...args} {...page} />
          <figcaption>{title}</figcaption>
        </figure>
      ))}
    </div>
  ),
};

function StudioTransport() {
  const studio = useStudio();
  const transport = useActorRef(studio.machines.transport, { input: {} });
  return (
    <div>
      <SongTransport actor={transport} />
      <StatePanel actor={transport} label="transport" />
    </div>
  );
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The real transport machine on the fake studio: play, watch the song
 * position run, drag the tempo (a second finger or Shift for fine), double-tap
 * it back to 120, tap it in, stop; then the loop on and a quantization chosen.
 */
export const Interactive: Story = {
  decorators: [withStudio({ latencyMs: 60 })],
  parameters: { controls: { disable: true } },
  render: () => <StudioTransport />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await waitFor(() => expect(canvas.getByTestId('actor-state')).toHaveTextContent('live.ready.stopped'), {
      timeout: 3000,
    });
    const position = canvas.getByRole('timer', { name: 'Song position' });
    await expect(position).toHaveTextContent('1.1.1');

    await userEvent.click(canvas.getByRole('button', { name: 'Play' }));
    await waitFor(() => expect(canvas.getByTestId('actor-state')).toHaveTextContent('live.ready.playing'));
    await waitFor(() => expect(position).not.toHaveTextContent('1.1.1'), { timeout: 3000 });

    // the tempo's drag is relative and its scale fixed: 4 px a BPM, a tenth of that when fine
    const tempo = canvas.getByRole('slider', { name: 'Tempo' });
    drag(tempo, 0, -40);
    await waitFor(() => expect(tempo).toHaveAttribute('aria-valuetext', '130.00 BPM'));
    doubleTap(tempo);
    await waitFor(() => expect(tempo).toHaveAttribute('aria-valuetext', '120.00 BPM'));
    drag(tempo, 0, -44, { shiftKey: true });
    await waitFor(() => expect(tempo).toHaveAttribute('aria-valuetext', '121.10 BPM'));

    // two taps a moment apart: Live sets a whole tempo from them
    const tap = canvas.getByRole('button', { name: 'Tap Tempo' });
    await userEvent.click(tap);
    await sleep(300);
    await userEvent.click(tap);
    await waitFor(() => expect(tempo.getAttribute('aria-valuetext')).toMatch(/^\d+\.00 BPM$/), { timeout: 3000 });

    await userEvent.click(canvas.getByRole('button', { name: 'Stop' }));
    await waitFor(() => expect(canvas.getByTestId('actor-state')).toHaveTextContent('live.ready.stopped'));

    // the loop and the quantization, as Live confirms them
    await userEvent.click(canvas.getByRole('button', { name: 'Loop' }));
    await waitFor(() => expect(canvas.getByRole('button', { name: 'Loop' })).toHaveAttribute('aria-pressed', 'true'));
    await userEvent.click(canvas.getByRole('button', { name: 'Quantization: 1 Bar' }));
    await userEvent.click(canvas.getByRole('option', { name: '1/4' }));
    await waitFor(() => expect(canvas.getByRole('button', { name: 'Quantization: 1/4' })).toBeInTheDocument());
  },
};
