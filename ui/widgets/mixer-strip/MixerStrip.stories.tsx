import type { Meta, StoryObj } from '@storybook/react-vite';
import { useActorRef } from '@xstate/react';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import type { ParameterContext } from '../../../machines/parameter';
import type { TrackContext } from '../../../machines/track';
import { knownColor, trackView, useMixerParameter } from '../../connect/use-track';
import { StatePanel } from '../../fake-studio/StatePanel';
import {
  TRACK_READY,
  seedParameter,
  trackSnapshot,
  type ParameterStateValue,
  type TrackStateValue,
} from '../../fake-studio/seed';
import { formats, studioTargets } from '../../fake-studio/studio-set';
import { useStudio, withStudio } from '../../fake-studio/studio-react';
import { LIVE_PALETTE, paletteColor } from '../../theme/live-colors';
import { doubleTap, drag } from '../../test/pointer';
import { Button } from '../button/Button';
import { CONTROL_STATES, type ControlState } from '../control-state';
import { Fader } from '../fader/Fader';
import { Knob } from '../knob/Knob';
import { Meter } from '../meter/Meter';
import { MixerRow } from './MixerRow';
import { MixerStrip, type MixerStripProps } from './MixerStrip';
import {
  LoadingKnob,
  LoadingVolume,
  PAN_LABEL,
  UNITY_GAIN,
  VOLUME_LABEL,
  VOLUME_MARKS,
  sendLabel,
} from './strip-parts';
import { TrackStrip } from './TrackStrip';

/** A strip's values, which the real strip gets from the parameter actors and the meter. */
interface StripValues {
  /** Live's track volume, 0..1 (0.85 is 0 dB). */
  volume: number;
  pan: number;
  /** Each send's level, one per return track. */
  sendLevels: number[];
  /** The output meter, left and right. */
  level: [number, number];
  /** The volume fader held by a finger. */
  volumeTouched: boolean;
}

type StripArgs = Omit<MixerStripProps, 'volume' | 'pan' | 'sends'> & StripValues;

const control = (state: ControlState, touched: boolean): ParameterStateValue =>
  state === 'gone' ? 'gone' : touched ? { bound: 'touched' } : { bound: 'ready' };

/** A parameter seeded from the real machine, as the props a Fader or Knob takes (the strip names its controls). */
function seededControl(value: ParameterStateValue, context: Partial<ParameterContext>) {
  const { state, value: shown, min, max, defaultValue, items, display, error } = seedParameter(value, context);
  return { state, value: shown, min, max, defaultValue, items, display, error };
}

/** The strip's slots, filled with pure controls as TrackStrip fills them with connected ones. */
function stripSlots({ state, name, volume, pan, sendLevels, level, volumeTouched }: StripArgs) {
  if (state === 'loading') {
    return {
      volume: <LoadingVolume />,
      pan: <LoadingKnob label={PAN_LABEL} size="medium" />,
      sends: sendLevels.map((_, index) => <LoadingKnob key={index} label={sendLabel(index)} size="small" />),
    };
  }
  return {
    volume: (
      <Fader
        {...seededControl(control(state, volumeTouched), {
          name: 'Track Volume',
          value: volume,
          defaultValue: UNITY_GAIN,
          display: formats.volume(volume),
        })}
        label={VOLUME_LABEL}
        marks={VOLUME_MARKS}
        onChange={fn()}
      >
        <Meter label={`${name} level`} level={level} state={state} />
      </Fader>
    ),
    pan: (
      <Knob
        {...seededControl(control(state, false), {
          name: 'Track Panning',
          value: pan,
          min: -1,
          max: 1,
          defaultValue: 0,
          display: formats.pan(pan),
        })}
        label={PAN_LABEL}
      />
    ),
    sends: sendLevels.map((send, index) => (
      <Knob
        key={index}
        {...seededControl(control(state, false), { value: send, defaultValue: 0, display: formats.volume(send) })}
        label={sendLabel(index)}
        size="small"
      />
    )),
  };
}

function StripStory(args: StripArgs) {
  // the values' args fill the slots (which replace `volume` and `pan`); the strip reads only its own props
  return <MixerStrip {...args} {...stripSlots(args)} />;
}

/** The track machine in `value`, as the strip's props (what TrackStrip would pass). */
type SeededStrip = Pick<
  StripArgs,
  'name' | 'color' | 'kind' | 'state' | 'mute' | 'solo' | 'arm' | 'canBeArmed' | 'error' | 'sendLevels'
>;

function seeded(value: TrackStateValue, context: Partial<TrackContext> = {}): SeededStrip {
  // a track past loading has heard its name and color from Live
  const received = value === 'loading' ? [] : ['name', 'color', 'devices', 'mute', 'solo', 'arm'];
  const snapshot = trackSnapshot(value, { received, ...context });
  const { sends, ...view } = trackView(snapshot);
  return {
    ...view,
    color: knownColor(snapshot),
    sendLevels: Array.from({ length: sends }, (_, index) => [0.62, 0.3][index] ?? 0),
  };
}

const READY_RETURN = {
  ready: { strip: 'on', arm: 'none', clips: 'none', mixer: 'watched', settle: 'settled' },
} as TrackStateValue;
const READY_MASTER = {
  ready: { strip: 'none', arm: 'none', clips: 'none', mixer: 'watched', settle: 'settled' },
} as TrackStateValue;
const RETURN = { kind: 'return', name: 'A-Reverb', color: paletteColor(50), canBeArmed: false } as const;
const MASTER = { kind: 'master', name: 'Main', color: paletteColor(55), canBeArmed: false, sends: 0 } as const;

const meta = {
  title: 'Mixer/Mixer Strip',
  render: StripStory,
  args: {
    ...seeded(TRACK_READY),
    position: '1',
    size: 'medium',
    volume: UNITY_GAIN,
    pan: 0,
    level: [0.62, 0.58],
    volumeTouched: false,
    onToggle: fn(),
    onSelect: fn(),
    onRetry: fn(),
  },
  argTypes: {
    name: { control: 'text' },
    color: { control: 'select', options: [null, ...LIVE_PALETTE] },
    kind: { control: 'inline-radio', options: ['track', 'return', 'master'] },
    state: { control: 'select', options: CONTROL_STATES.filter((state) => state !== 'idle' && state !== 'touched') },
    size: { control: 'inline-radio', options: ['small', 'medium', 'large'] },
    volume: { control: { type: 'range', min: 0, max: 1, step: 0.01 } },
    pan: { control: { type: 'range', min: -1, max: 1, step: 0.02 } },
    level: { control: 'object' },
    sendLevels: { control: 'object' },
    error: { control: 'text' },
  },
} satisfies Meta<StripArgs>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Reading the track from Live: no name or color yet, controls waiting for their parameters. */
export const Loading: Story = {
  args: { ...seeded('loading', { name: '', color: 0 }), level: [0, 0] },
  play: async ({ canvasElement }) => {
    const strip = within(canvasElement).getByRole('group', { name: 'Track' });
    await expect(strip).toHaveAttribute('aria-busy', 'true');
    await expect(within(strip).getByRole('slider', { name: 'Volume' })).toHaveAttribute('aria-valuetext', 'Loading');
  },
};

/**
 * A track playing at 0 dB: the activator lit (not muted), solo and arm off.
 * Each button asks the track to flip its property.
 */
export const Ready: Story = {
  play: async ({ canvasElement, args }) => {
    const strip = within(canvasElement).getByRole('group', { name: 'Drums' });
    const mute = within(strip).getByRole('button', { name: 'Mute Drums' });
    await expect(mute).toHaveAttribute('aria-pressed', 'false');
    await expect(within(strip).getByRole('slider', { name: 'Volume' })).toHaveAttribute('aria-valuetext', '0.0 dB');
    await expect(within(strip).getByRole('slider', { name: 'Pan' })).toHaveAttribute('aria-valuetext', 'C');
    await expect(within(strip).getByRole('slider', { name: 'Send A' })).toBeInTheDocument();
    await expect(within(strip).getByRole('meter', { name: 'Drums level' })).toHaveAttribute('aria-valuenow', '0.62');
    await userEvent.click(mute);
    await userEvent.click(within(strip).getByRole('button', { name: 'Solo Drums' }));
    await userEvent.click(within(strip).getByRole('button', { name: 'Arm Drums' }));
    await expect(args.onToggle).toHaveBeenNthCalledWith(1, 'mute');
    await expect(args.onToggle).toHaveBeenNthCalledWith(2, 'solo');
    await expect(args.onToggle).toHaveBeenNthCalledWith(3, 'arm');
  },
};

/** The track Live has selected: outlined; a tap on the name selects a track in Live. */
export const Selected: Story = {
  args: { selected: true },
  play: async ({ canvasElement, args }) => {
    const strip = within(canvasElement).getByRole('group', { name: 'Drums' });
    await expect(strip).toHaveAttribute('data-selected', 'true');
    const name = within(strip).getByRole('button', { name: 'Select Drums in Live' });
    await expect(name).toHaveAttribute('aria-pressed', 'true');
    await userEvent.click(name);
    await expect(args.onSelect).toHaveBeenCalledTimes(1);
  },
};

/** Four returns: four sends, each on a row of its own, values as long as "-32.9 dB" apart from each other. */
export const FourSends: Story = {
  args: { sendLevels: [0.3, 0.62, 0, 0.12], size: 'small' },
  play: async ({ canvasElement }) => {
    const strip = within(within(canvasElement).getByRole('group', { name: 'Drums' }));
    await expect(strip.getAllByRole('slider', { name: /^Send / })).toHaveLength(4);
    await expect(strip.getByRole('slider', { name: 'Send C' })).toHaveAttribute('aria-valuetext', '-inf dB');
  },
};

/** Muted: the activator goes dark, and says it is pressed. */
export const Muted: Story = {
  args: { ...seeded(TRACK_READY, { mute: true }), level: [0, 0] },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole('button', { name: 'Mute Drums' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
  },
};

/** Soloed: solo lit blue. */
export const Soloed: Story = { args: seeded(TRACK_READY, { solo: true }) };

/** Armed for recording: arm lit red. */
export const Armed: Story = { args: seeded(TRACK_READY, { arm: true }) };

/** The fader held: its readout in dB beside the thumb. */
export const Touched: Story = { args: { volume: 0.62, volumeTouched: true } };

/** A return track: sends, pan, volume, mute and solo, but no arm. */
export const ReturnTrack: Story = {
  args: { ...seeded(READY_RETURN, RETURN), position: 'A', level: [0.3, 0.28] },
  play: async ({ canvasElement }) => {
    const strip = within(canvasElement).getByRole('group', { name: 'A-Reverb' });
    await expect(within(strip).getByRole('button', { name: 'Solo A-Reverb' })).toBeInTheDocument();
    await expect(within(strip).queryByRole('button', { name: 'Arm A-Reverb' })).toBeNull();
  },
};

/** The master: no sends and none of the three buttons. */
export const Master: Story = {
  args: { ...seeded(READY_MASTER, MASTER), position: undefined, level: [0.7, 0.66] },
  play: async ({ canvasElement }) => {
    const strip = within(canvasElement).getByRole('group', { name: 'Main' });
    await expect(within(strip).queryByRole('button', { name: /Mute|Solo|Arm/ })).toBeNull();
    await expect(within(strip).getByRole('slider', { name: 'Volume' })).toBeInTheDocument();
  },
};

/** Live refused or did not answer: the strip keeps its shape, says why, and offers a retry. */
export const Failed: Story = {
  args: seeded('failed', { error: { code: 'timeout', message: 'Live did not answer within 30 s' } }),
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('status')).toHaveTextContent('Live did not answer within 30 s');
    await userEvent.click(canvas.getByRole('button', { name: 'Retry Drums' }));
    await expect(args.onRetry).toHaveBeenCalledTimes(1);
  },
};

/** The track was deleted in Live. */
export const Gone: Story = {
  args: seeded('gone'),
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole('status')).toHaveTextContent('Deleted in Live');
  },
};

const pages: Array<{ title: string; args: Partial<StripArgs> }> = [
  { title: 'ready', args: {} },
  { title: 'selected', args: { selected: true } },
  { title: 'four sends', args: { sendLevels: [0.3, 0.62, 0, 0.12] } },
  { title: 'muted', args: { ...seeded(TRACK_READY, { mute: true }), level: [0, 0] } },
  { title: 'soloed', args: seeded(TRACK_READY, { name: 'Bass', color: paletteColor(23), solo: true }) },
  {
    title: 'armed',
    args: { ...seeded(TRACK_READY, { name: 'Keys', color: paletteColor(19), arm: true }), level: [0.2, 0.18] },
  },
  {
    title: 'touched',
    args: {
      ...seeded(TRACK_READY, { name: 'Pad', color: paletteColor(25) }),
      volume: 0.62,
      pan: -0.4,
      volumeTouched: true,
    },
  },
  {
    title: 'hot',
    args: {
      ...seeded(TRACK_READY, { name: 'Lead vocal doubled', color: paletteColor(3) }),
      volume: 1,
      level: [1, 0.97],
    },
  },
  { title: 'return', args: { ...seeded(READY_RETURN, RETURN), position: 'A', level: [0.3, 0.28] } },
  { title: 'master', args: { ...seeded(READY_MASTER, MASTER), position: undefined, level: [0.7, 0.66] } },
  { title: 'loading', args: { ...seeded('loading', { name: '', color: 0 }), level: [0, 0] } },
  { title: 'failed', args: seeded('failed', { error: { code: 'timeout', message: 'Live did not answer' } }) },
  { title: 'gone', args: seeded('gone') },
  { title: 'small', args: { size: 'small' } },
];

/** Every state and kind side by side. */
export const AllStates: Story = {
  parameters: { controls: { disable: true } },
  render: (args) => (
    <div className="ls-story-grid">
      {pages.map(({ title, args: page }) => (
        <figure key={title}>
          <StripStory {...args} {...page} />
          <figcaption>{title}</figcaption>
        </figure>
      ))}
    </div>
  ),
};

function StudioStrip() {
  const studio = useStudio();
  const track = useActorRef(studio.machines.track, { input: { track: studioTargets.track(0), kind: 'track' } });
  const slot = useActorRef(studio.machines.clipSlot, { input: { slot: studioTargets.slot(0, 0) } });
  const volume = useMixerParameter(track, 'volume');
  return (
    <div style={{ display: 'flex', gap: 24, alignItems: 'flex-start', paddingTop: 28 }}>
      <TrackStrip actor={track} position="1" />
      <div>
        <Button kind="trigger" label="Launch Beat A" onTrigger={() => slot.send({ type: 'ui.fire' })} />{' '}
        <Button kind="trigger" label="Stop Drums" onTrigger={() => track.send({ type: 'ui.stopClips' })} />
        <StatePanel actor={track} label="track" />
        {volume && <StatePanel actor={volume} label="volume" />}
      </div>
    </div>
  );
}

const panelState = (canvasElement: HTMLElement, label: string) =>
  within(within(canvasElement).getByRole('complementary', { name: `${label} of the actor` })).getByTestId(
    'actor-state',
  );

/**
 * The real track machine on the fake studio's Drums track: launch its clip
 * and the meter moves; drag the fader (a second finger or Shift for fine),
 * double-tap it back to 0 dB, mute and solo it, and watch what Live is asked.
 */
export const Interactive: Story = {
  decorators: [withStudio({ latencyMs: 100 })],
  parameters: { controls: { disable: true } },
  render: () => <StudioStrip />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const strip = await canvas.findByRole('group', { name: 'Drums' }, { timeout: 3000 });
    await waitFor(() => expect(panelState(canvasElement, 'track')).toHaveTextContent('settle.settled'), {
      timeout: 3000,
    });
    await waitFor(
      () => expect(within(strip).getByRole('slider', { name: 'Volume' })).toHaveAttribute('aria-valuetext', '0.0 dB'),
      { timeout: 3000 },
    );

    await userEvent.click(canvas.getByRole('button', { name: 'Launch Beat A' }));
    const meter = within(strip).getByRole('meter', { name: 'Drums level' });
    await waitFor(() => expect(Number(meter.getAttribute('aria-valuenow'))).toBeGreaterThan(0.3), { timeout: 3000 });

    const mute = within(strip).getByRole('button', { name: 'Mute Drums' });
    await userEvent.click(mute);
    await waitFor(() => expect(mute).toHaveAttribute('aria-pressed', 'true'));
    await userEvent.click(mute);
    await waitFor(() => expect(mute).toHaveAttribute('aria-pressed', 'false'));

    // no layout in jsdom: 200 px stand for the fader's whole length there
    const live = within(strip).getByRole('slider', { name: 'Volume' });
    drag(live, 0, 30);
    await waitFor(() => expect(Number(live.getAttribute('aria-valuenow'))).toBeLessThan(UNITY_GAIN));
    await waitFor(() => expect(panelState(canvasElement, 'volume')).toHaveTextContent('bound.ready'));
    doubleTap(live);
    await waitFor(() => expect(live).toHaveAttribute('aria-valuetext', '0.0 dB'));
    await userEvent.click(canvas.getByRole('button', { name: 'Stop Drums' }));
  },
};

function StudioMixer() {
  const studio = useStudio();
  const session = useActorRef(studio.machines.session);
  return <MixerRow session={session} />;
}

/** The whole set on the fake studio: a strip per track, the returns, the master. */
export const SessionMixer: Story = {
  decorators: [withStudio({ latencyMs: 60 })],
  parameters: { controls: { disable: true } },
  render: () => <StudioMixer />,
  play: async ({ canvasElement }) => {
    const mixer = within(within(canvasElement).getByRole('region', { name: 'Mixer' }));
    await waitFor(
      () =>
        expect(mixer.getAllByRole('group').map((strip) => strip.getAttribute('aria-label'))).toEqual([
          'Drums',
          'Bass',
          'Keys',
          'Pad',
          'A-Reverb',
          'B-Delay',
          'Main',
        ]),
      {
        timeout: 5000,
      },
    );
    const bass = within(mixer.getByRole('group', { name: 'Bass' }));
    await waitFor(
      () => expect(bass.getByRole('slider', { name: 'Volume' })).toHaveAttribute('aria-valuetext', '0.0 dB'),
      { timeout: 3000 },
    );
    await expect(bass.getByRole('button', { name: 'Mute Bass' })).toHaveTextContent('2');
    await expect(mixer.queryByRole('button', { name: 'Arm A-Reverb' })).toBeNull();
    await userEvent.click(bass.getByRole('button', { name: 'Solo Bass' }));
    await waitFor(() =>
      expect(bass.getByRole('button', { name: 'Solo Bass' })).toHaveAttribute('aria-pressed', 'true'),
    );
  },
};
