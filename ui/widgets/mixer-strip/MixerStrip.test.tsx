// @vitest-environment jsdom
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Profiler } from 'react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { AnyActorRef } from 'xstate';
import type { ParameterContext } from '../../../machines/parameter';
import { sessionMachine } from '../../../machines/session';
import { sessionSelectionMachine } from '../../../machines/session-selection';
import type { TrackContext } from '../../../machines/track';
import { TRACK_READY, parameterSnapshot, trackSnapshot, type TrackStateValue } from '../../fake-studio/seed';
import { fakeActor, type FakeActor } from '../../test/fake-actor';
import { drag, pointerDown } from '../../test/pointer';
import { RENDER_MODES } from '../../test/render-modes';
import { rendered } from '../../test/render-count';
import { Fader } from '../fader/Fader';
import { Knob } from '../knob/Knob';
import { Meter } from '../meter/Meter';
import { MixerRow } from './MixerRow';
import { MixerStrip, type MixerStripProps } from './MixerStrip';
import { TrackStrip } from './TrackStrip';

// each view counts its renders, so a test sees which parts of a strip one change reaches
const counts = vi.hoisted(() => new Map<string, number>());
vi.mock('./MixerStrip', async (importOriginal) => {
  const original = await importOriginal<typeof import('./MixerStrip')>();
  const { counted } = await import('../../test/render-count');
  return { ...original, MixerStrip: counted(original.MixerStrip, 'MixerStrip', counts) };
});
vi.mock('../fader/Fader', async (importOriginal) => {
  const original = await importOriginal<typeof import('../fader/Fader')>();
  const { counted } = await import('../../test/render-count');
  return { ...original, Fader: counted(original.Fader, 'Fader', counts) };
});
vi.mock('../knob/Knob', async (importOriginal) => {
  const original = await importOriginal<typeof import('../knob/Knob')>();
  const { counted } = await import('../../test/render-count');
  return { ...original, Knob: counted(original.Knob, 'Knob', counts) };
});
vi.mock('../meter/Meter', async (importOriginal) => {
  const original = await importOriginal<typeof import('../meter/Meter')>();
  const { counted } = await import('../../test/render-count');
  return { ...original, Meter: counted(original.Meter, 'Meter', counts) };
});

const VIEWS = ['MixerStrip', 'Fader', 'Knob', 'Meter'] as const;

function strip(props: Partial<MixerStripProps> = {}): MixerStripProps {
  return {
    name: 'Drums',
    color: 0xf66c03,
    kind: 'track',
    state: 'ready',
    mute: false,
    solo: false,
    arm: false,
    canBeArmed: true,
    volume: (
      <Fader label="Volume" value={0.85} display="0.0 dB">
        <Meter label="Drums level" level={[0.5, 0.4]} />
      </Fader>
    ),
    pan: <Knob label="Pan" value={0} min={-1} max={1} display="C" />,
    sends: [
      <Knob key="a" label="Send A" value={0.3} display="-12.0 dB" size="small" />,
      <Knob key="b" label="Send B" value={0} display="-inf dB" size="small" />,
    ],
    onToggle: vi.fn(),
    onRetry: vi.fn(),
    ...props,
  };
}

describe.each(RENDER_MODES)('MixerStrip (%s)', (_, Mode) => {
  const show = (props: Partial<MixerStripProps> = {}) => {
    const all = strip(props);
    render(
      <Mode>
        <MixerStrip {...all} />
      </Mode>,
    );
    return {
      group: screen.getByRole('group', { name: all.name || 'Track' }),
      onToggle: all.onToggle,
      onRetry: all.onRetry,
    };
  };

  it('is a group named by the track, holding its controls in its slots', () => {
    const { group } = show();
    const strip = within(group);
    expect(strip.getByRole('slider', { name: 'Volume' })).toHaveAttribute('aria-valuetext', '0.0 dB');
    expect(strip.getByRole('slider', { name: 'Pan' })).toHaveAttribute('aria-valuetext', 'C');
    expect(strip.getByRole('slider', { name: 'Send A' })).toHaveAttribute('aria-valuetext', '-12.0 dB');
    expect(strip.getByRole('slider', { name: 'Send B' })).toBeInTheDocument();
    expect(strip.getByRole('meter', { name: 'Drums level' })).toHaveAttribute('aria-valuenow', '0.5');
    expect(group).toHaveAttribute('data-state', 'ready');
    expect(group).not.toHaveAttribute('aria-busy');
  });

  it('names its buttons plainly, and their aria-pressed tells the truth', () => {
    const { group } = show({ mute: true, solo: true, arm: false });
    const strip = within(group);
    expect(strip.getByRole('button', { name: 'Mute Drums' })).toHaveAttribute('aria-pressed', 'true');
    expect(strip.getByRole('button', { name: 'Solo Drums' })).toHaveAttribute('aria-pressed', 'true');
    expect(strip.getByRole('button', { name: 'Arm Drums' })).toHaveAttribute('aria-pressed', 'false');
  });

  it('lights the track activator while the track plays, and darkens it when muted', () => {
    show({ mute: false });
    expect(document.querySelector('.ls-strip-mute')).toHaveAttribute('data-active', 'true');
    document.body.innerHTML = '';
    show({ mute: true });
    expect(document.querySelector('.ls-strip-mute')).not.toHaveAttribute('data-active');
  });

  it('asks the track to flip a property on a press, by touch or keyboard', () => {
    const { group, onToggle } = show();
    const strip = within(group);
    pointerDown(strip.getByRole('button', { name: 'Mute Drums' }));
    pointerDown(strip.getByRole('button', { name: 'Solo Drums' }), { pointerId: 2 });
    fireEvent.click(strip.getByRole('button', { name: 'Arm Drums' }), { detail: 0 });
    expect(onToggle).toHaveBeenNthCalledWith(1, 'mute');
    expect(onToggle).toHaveBeenNthCalledWith(2, 'solo');
    expect(onToggle).toHaveBeenNthCalledWith(3, 'arm');
  });

  it('shows the number on the activator when given one', () => {
    const { group } = show({ position: '3' });
    expect(within(group).getByRole('button', { name: 'Mute Drums' })).toHaveTextContent('3');
  });

  it('offers no arm where the track cannot be armed, and no buttons at all on the master', () => {
    show({ kind: 'return', name: 'A-Reverb', canBeArmed: false });
    expect(screen.getByRole('button', { name: 'Solo A-Reverb' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /^Arm/ })).toBeNull();
    document.body.innerHTML = '';
    show({ kind: 'master', name: 'Main', canBeArmed: false, sends: [] });
    expect(screen.queryByRole('button', { name: /Mute|Solo|Arm/ })).toBeNull();
    expect(screen.queryByRole('slider', { name: /^Send/ })).toBeNull();
    expect(screen.getByRole('slider', { name: 'Volume' })).toBeInTheDocument();
  });

  it('selects its track in Live from its name with a click (a swipe across it selects nothing), and shows Live’s selection', async () => {
    const onSelect = vi.fn();
    const { group } = show({ selected: true, onSelect });
    const name = within(group).getByRole('button', { name: 'Select Drums in Live' });
    expect(group).toHaveAttribute('data-selected', 'true');
    expect(name).toHaveAttribute('aria-pressed', 'true');
    pointerDown(name);
    expect(onSelect).not.toHaveBeenCalled();
    await userEvent.click(name);
    expect(onSelect).toHaveBeenCalledTimes(1);
    document.body.innerHTML = '';
    const plain = show();
    expect(plain.group).not.toHaveAttribute('data-selected');
    expect(within(plain.group).getByRole('button', { name: 'Select Drums in Live' })).toBeDisabled();
  });

  it('heads the strip in the track’s color with a text color that reads on it', () => {
    const { group } = show({ color: 0xfff034 });
    expect(group.style.getPropertyValue('--ls-strip-color')).toBe('#fff034');
    expect(group.style.getPropertyValue('--ls-strip-text')).toBe('#111');
    document.body.innerHTML = '';
    const dark = show({ color: 0x1a2f96 });
    expect(dark.group.style.getPropertyValue('--ls-strip-text')).toBe('#fff');
    document.body.innerHTML = '';
    const unknown = show({ color: null });
    expect(unknown.group.style.getPropertyValue('--ls-strip-color')).toBe('');
  });

  it('is busy while loading, its buttons saying so and taking nothing', () => {
    const { group, onToggle } = show({ state: 'loading', name: '' });
    expect(group).toHaveAttribute('aria-busy', 'true');
    pointerDown(within(group).getByRole('button', { name: 'Mute Track (Loading)' }));
    expect(onToggle).not.toHaveBeenCalled();
  });

  it('says why it failed, takes no input, and offers a retry', () => {
    const { group, onToggle, onRetry } = show({ state: 'failed', error: 'Live did not answer' });
    expect(screen.getByRole('status')).toHaveTextContent('FailedLive did not answer');
    // the controls stay in place (no layout shift) but are inert: out of reach of touch and screen readers
    expect(group.querySelector('.ls-strip-body')).toHaveAttribute('inert');
    fireEvent.click(screen.getByRole('button', { name: 'Retry Drums' }));
    expect(onRetry).toHaveBeenCalledTimes(1);
    expect(onToggle).not.toHaveBeenCalled();
  });

  it('says when the track was deleted, with nothing to retry', () => {
    show({ state: 'gone' });
    expect(screen.getByRole('status')).toHaveTextContent('Deleted in Live');
    expect(screen.queryByRole('button', { name: /Retry/ })).toBeNull();
  });
});

/** A ready track actor whose mixer parameters are fake actors too. */
function fakeTrack(context: Partial<TrackContext> = {}, value: TrackStateValue = TRACK_READY) {
  const parameter = (overrides: Partial<ParameterContext>) =>
    fakeActor(parameterSnapshot({ bound: 'ready' }, overrides));
  const mixer = {
    volume: parameter({ name: 'Track Volume', value: 0.85, defaultValue: 0.85, display: '0.0 dB' }),
    panning: parameter({ name: 'Track Panning', value: 0, min: -1, max: 1, defaultValue: 0, display: 'C' }),
    'send-0': parameter({ name: 'A-Send', value: 0.3, defaultValue: 0, display: '-12.0 dB' }),
    'send-1': parameter({ name: 'B-Send', value: 0, defaultValue: 0, display: '-inf dB' }),
  };
  const children = Object.fromEntries(Object.entries(mixer).map(([id, fake]) => [id, fake.actor]));
  const snapshot = (next: Partial<TrackContext> = {}, state: TrackStateValue = value, withMixer = true) => {
    const base = trackSnapshot(state, {
      received: ['name', 'color', 'mute', 'solo', 'arm', 'devices'],
      meter: [0.2, 0.2],
      ...context,
      ...next,
    });
    return { ...base, children: withMixer ? children : {} } as typeof base;
  };
  const track = fakeActor(snapshot());
  return { track, mixer, snapshot };
}

const volumeAt = (value: number, display: string) =>
  parameterSnapshot({ bound: 'ready' }, { name: 'Track Volume', value, defaultValue: 0.85, display });

describe('TrackStrip', () => {
  beforeEach(() => counts.clear());

  it.each(RENDER_MODES)(
    'shows the track and its mixer parameters, and sends presses and drags to their actors (%s)',
    (_, Mode) => {
      const { track, mixer } = fakeTrack();
      const { unmount } = render(
        <Mode>
          <TrackStrip actor={track.actor} position="1" />
        </Mode>,
      );
      // shown, the strip asks its track for the mixer (the parameters and the meter), and lets go when it goes
      const watching = () =>
        track.sent.filter((event) => event.type === 'ui.watchMixer').length -
        track.sent.filter((event) => event.type === 'ui.unwatchMixer').length;
      expect(watching()).toBeGreaterThan(0);
      const commands = () => track.sent.filter((event) => !event.type.endsWith('Mixer'));
      const strip = within(screen.getByRole('group', { name: 'Drums' }));
      expect(strip.getByRole('slider', { name: 'Volume' })).toHaveAttribute('aria-valuetext', '0.0 dB');
      expect(strip.getByRole('slider', { name: 'Pan' })).toHaveAttribute('aria-valuetext', 'C');
      expect(strip.getByRole('slider', { name: 'Send A' })).toHaveAttribute('aria-valuetext', '-12.0 dB');
      expect(strip.getByRole('meter', { name: 'Drums level' })).toHaveAttribute('aria-valuenow', '0.2');

      pointerDown(strip.getByRole('button', { name: 'Mute Drums' }));
      pointerDown(strip.getByRole('button', { name: 'Arm Drums' }), { pointerId: 2 });
      expect(commands()).toEqual([{ type: 'ui.mute' }, { type: 'ui.arm' }]);

      drag(strip.getByRole('slider', { name: 'Volume' }), 0, 40);
      expect(mixer.volume.sent.map((event) => event.type)).toEqual([
        'ui.touch',
        'ui.change',
        'ui.change',
        'ui.change',
        'ui.change',
        'ui.release',
      ]);
      expect(mixer.volume.sent[4]).toEqual({ type: 'ui.change', value: expect.closeTo(0.65, 5) as unknown });
      drag(strip.getByRole('slider', { name: 'Send B' }), 0, -22);
      expect(mixer['send-1'].sent.map((event) => event.type)).toContain('ui.change');
      unmount();
      expect(watching()).toBe(0);
    },
  );

  it('shows waiting controls until the track has its mixer, then the parameters', () => {
    const { track, snapshot } = fakeTrack();
    act(() => track.emit(snapshot({ received: [], name: '' }, 'loading', false)));
    render(<TrackStrip actor={track.actor} />);
    const group = screen.getByRole('group', { name: 'Track' });
    expect(group).toHaveAttribute('aria-busy', 'true');
    expect(within(group).getByRole('slider', { name: 'Volume' })).toHaveAttribute('aria-valuetext', 'Loading');
    expect(within(group).getByRole('slider', { name: 'Send B' })).toHaveAttribute('aria-valuetext', 'Loading');
    // no color from Live yet: no black header standing in for it
    expect(group.style.getPropertyValue('--ls-strip-color')).toBe('');

    act(() => track.emit(snapshot()));
    const ready = screen.getByRole('group', { name: 'Drums' });
    expect(within(ready).getByRole('slider', { name: 'Volume' })).toHaveAttribute('aria-valuetext', '0.0 dB');
    expect(ready.style.getPropertyValue('--ls-strip-color')).toBe('#f66c03');
  });

  it('follows the track into failed and gone', () => {
    const { track, snapshot } = fakeTrack();
    render(<TrackStrip actor={track.actor} />);
    act(() => track.emit(snapshot({ error: { code: 'unavailable', message: 'Live is offline' } }, 'failed')));
    expect(screen.getByRole('status')).toHaveTextContent('Live is offline');
    act(() => track.emit(snapshot({}, 'gone')));
    expect(screen.getByRole('status')).toHaveTextContent('Deleted in Live');
  });

  it('re-renders the meter alone when the meter moves, and the fader alone when the volume does', () => {
    const { track, mixer, snapshot } = fakeTrack();
    const commits = vi.fn();
    render(
      <Profiler id="strip" onRender={commits}>
        <TrackStrip actor={track.actor} />
      </Profiler>,
    );
    expect(commits).toHaveBeenCalledTimes(1);
    counts.clear();

    act(() => track.emit(snapshot({ meter: [0.7, 0.6] })));
    expect(screen.getByRole('meter', { name: 'Drums level' })).toHaveAttribute('aria-valuenow', '0.7');
    expect(commits).toHaveBeenCalledTimes(2);
    expect(rendered(counts, VIEWS)).toEqual({ MixerStrip: 0, Fader: 0, Knob: 0, Meter: 1 });

    counts.clear();
    act(() => mixer.volume.emit(volumeAt(0.5, '-9.2 dB')));
    expect(screen.getByRole('slider', { name: 'Volume' })).toHaveAttribute('aria-valuetext', '-9.2 dB');
    expect(commits).toHaveBeenCalledTimes(3);
    expect(rendered(counts, VIEWS)).toEqual({ MixerStrip: 0, Fader: 1, Knob: 0, Meter: 0 });

    counts.clear();
    act(() =>
      mixer['send-0'].emit(parameterSnapshot({ bound: 'ready' }, { name: 'A-Send', value: 0.5, display: '-6.0 dB' })),
    );
    expect(rendered(counts, VIEWS)).toEqual({ MixerStrip: 0, Fader: 0, Knob: 1, Meter: 0 });

    // a mute re-renders the strip and its buttons; every control stays as it was
    counts.clear();
    act(() => track.emit(snapshot({ meter: [0.7, 0.6], mute: true })));
    expect(rendered(counts, VIEWS)).toEqual({ MixerStrip: 1, Fader: 0, Knob: 0, Meter: 0 });

    // what the strip does not show (the playing slot) renders nothing and commits nothing
    counts.clear();
    const before = commits.mock.calls.length;
    act(() => track.emit(snapshot({ meter: [0.7, 0.6], mute: true, playingSlot: 2 })));
    expect(commits).toHaveBeenCalledTimes(before);
    expect(rendered(counts, VIEWS)).toEqual({ MixerStrip: 0, Fader: 0, Knob: 0, Meter: 0 });
  });
});

describe('MixerRow', () => {
  beforeEach(() => counts.clear());

  function fakeSession(
    tracks: Record<string, Pick<FakeActor<unknown>, 'actor'>>,
    others: Record<string, AnyActorRef> = {},
  ) {
    const base = sessionMachine.resolveState({
      value: { live: 'ready' },
      context: {
        epoch: 1,
        tracks: ['id 1', 'id 2'],
        returns: ['id 5'],
        master: 'id 7',
        scenes: [],
        slots: {},
        children: [],
        settled: [],
        error: null,
      },
    });
    const children = {
      ...Object.fromEntries(Object.entries(tracks).map(([target, fake]) => [`track:${target}`, fake.actor])),
      ...others,
    };
    return fakeActor({ ...base, children });
  }

  it('lays out the tracks, then the returns, then the master, numbered as in Live', () => {
    const drums = fakeTrack();
    const bass = fakeTrack({ name: 'Bass', color: 0x007dc0 });
    const reverb = fakeTrack({ kind: 'return', name: 'A-Reverb', canBeArmed: false });
    const main = fakeTrack(
      { kind: 'master', name: 'Main', canBeArmed: false, sends: 0 },
      {
        ready: { strip: 'none', arm: 'none', clips: 'none', mixer: 'watched', settle: 'settled' },
      },
    );
    const session = fakeSession({ 'id 1': drums.track, 'id 2': bass.track, 'id 5': reverb.track, 'id 7': main.track });
    const commits = vi.fn();
    render(
      <Profiler id="row" onRender={commits}>
        <MixerRow session={session.actor} />
      </Profiler>,
    );
    const row = within(screen.getByRole('region', { name: 'Mixer' }));
    expect(row.getAllByRole('group').map((group) => group.getAttribute('aria-label'))).toEqual([
      'Drums',
      'Bass',
      'A-Reverb',
      'Main',
    ]);
    expect(row.getByRole('button', { name: 'Mute Bass' })).toHaveTextContent('2');
    expect(row.getByRole('button', { name: 'Mute A-Reverb' })).toHaveTextContent('A');
    expect(row.queryByRole('button', { name: 'Arm A-Reverb' })).toBeNull();
    expect(row.queryByRole('button', { name: /^(Mute|Solo|Arm) Main/ })).toBeNull();

    // one track's meter moving re-renders that track's meter, nothing else in the row
    counts.clear();
    act(() => bass.track.emit(bass.snapshot({ meter: [0.9, 0.8] })));
    expect(rendered(counts, VIEWS)).toEqual({ MixerStrip: 0, Fader: 0, Knob: 0, Meter: 1 });
    expect(commits).toHaveBeenCalledTimes(2);
  });

  it('outlines the strip of the track Live has selected, and a tap on a name selects that track', async () => {
    const drums = fakeTrack({ track: 'id 1' });
    const bass = fakeTrack({ track: 'id 2', name: 'Bass', color: 0x007dc0 });
    const selectionAt = (track: string) =>
      sessionSelectionMachine.resolveState({ value: 'following', context: { track, scene: null, error: null } });
    const selection = fakeActor(selectionAt('id 2'));
    const session = fakeSession({ 'id 1': drums.track, 'id 2': bass.track }, { selection: selection.actor });
    render(<MixerRow session={session.actor} />);
    expect(screen.getByRole('group', { name: 'Bass' })).toHaveAttribute('data-selected', 'true');
    expect(screen.getByRole('group', { name: 'Drums' })).not.toHaveAttribute('data-selected');
    await userEvent.click(screen.getByRole('button', { name: 'Select Drums in Live' }));
    expect(selection.sent).toEqual([{ type: 'ui.selectTrack', track: 'id 1' }]);
    act(() => selection.emit(selectionAt('id 1')));
    expect(screen.getByRole('group', { name: 'Drums' })).toHaveAttribute('data-selected', 'true');
    expect(screen.getByRole('group', { name: 'Bass' })).not.toHaveAttribute('data-selected');
  });

  it('says it is loading until the session has its tracks', () => {
    const base = sessionMachine.resolveState({
      value: { loading: 'shape' },
      context: {
        epoch: 1,
        tracks: [],
        returns: [],
        master: null,
        scenes: [],
        slots: {},
        children: [],
        settled: [],
        error: null,
      },
    });
    render(<MixerRow session={fakeActor(base).actor} />);
    expect(screen.getByRole('region', { name: 'Mixer' })).toHaveAttribute('aria-busy', 'true');
    expect(screen.getByRole('status')).toHaveTextContent('Loading the set');
  });
});
