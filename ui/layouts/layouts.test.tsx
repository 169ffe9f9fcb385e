// @vitest-environment jsdom
/**
 * Layouts on the studio set: widgets bound by a track's name, a device's
 * name, a path; relative targets; two widgets on one parameter sharing its
 * actor; a track not in the set leaving its widgets unbound until it is;
 * mistaken targets failing on their widget alone; a track's keys and drum
 * pads, a quantized parameter's items, a chooser's track; every track of
 * the set and its mixer strip, a track's device chain, a chooser following
 * Live's selection; a failing layout kept to its page.
 */
import { act, render, screen, within } from '@testing-library/react';
import { createActor } from 'xstate';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { defineSelection } from '../../fake-live/selection';
import { ref, targetOf } from '../../fake-live/set-builder';
import { FakeStudio } from '../fake-studio/fake-studio';
import { studioTargets } from '../fake-studio/studio-set';
import { pointerDown, pointerUp } from '../test/pointer';
import { addDelayAndSelection, delayTargets } from '../widgets/device-panel/studio-devices';
import {
  Clip,
  Device,
  DeviceChain,
  Fader,
  FollowLiveChooser,
  Keys,
  Knob,
  Meter,
  Mixer,
  Pads,
  Radio,
  Strip,
  Track,
  TrackChooser,
  Tracks,
  useParameter,
} from './index';
import { LayoutProvider, useLayoutServices } from './layout-context';
import { LayoutErrorBoundary, labelOf } from './layout-pages';
import { bindTarget } from './targets';

async function settled(times = 20): Promise<void> {
  for (let i = 0; i < times; i += 1) await act(() => new Promise((resolve) => setTimeout(resolve, 0)));
}

/** A finger on a button and off it (the app's buttons act as it lands). */
function touch(button: HTMLElement): void {
  act(() => {
    pointerDown(button);
    pointerUp(button, 0, 0);
  });
}

describe('bindTarget', () => {
  const track = { kind: 'object', target: 'id 3' } as const;
  it('appends a relative target to its scope’s object, and keeps an absolute one', () => {
    expect(bindTarget(track, 'mixer_device  volume')).toEqual({ kind: 'bound', target: 'id 3 mixer_device volume' });
    expect(bindTarget(track, 'live_set tracks 1')).toEqual({ kind: 'bound', target: 'live_set tracks 1' });
    expect(bindTarget({ kind: 'top' }, 'id 12')).toEqual({ kind: 'bound', target: 'id 12' });
  });
  it('waits with its scope, and says what is wrong with a mistaken one', () => {
    expect(bindTarget({ kind: 'unbound', why: 'no track' }, 'devices 0')).toEqual({ kind: 'unbound', why: 'no track' });
    expect(bindTarget({ kind: 'top' }, 'devices 0')).toMatchObject({
      kind: 'invalid',
      message: expect.stringContaining('<Track>') as unknown,
    });
    expect(bindTarget(track, 'devices 01')).toMatchObject({ kind: 'invalid' });
  });
});

describe('a layout on the studio set', () => {
  let studio: FakeStudio;
  beforeEach(() => {
    studio = new FakeStudio();
  });
  afterEach(() => studio.stop());

  /** The track Live has selected now (`id 3`). */
  const selectedInLive = () => targetOf(studio.live.objects.get('live_set view')?.selected_track ?? null);

  function mount(children: React.ReactNode) {
    const session = createActor(studio.machines.session).start();
    let services: ReturnType<typeof useLayoutServices> | null = null;
    const Spy = () => {
      services = useLayoutServices();
      return null;
    };
    const view = render(
      <div className="ls-root">
        <LayoutProvider machines={studio.machines} session={session}>
          <Spy />
          {children}
        </LayoutProvider>
      </div>,
    );
    return { ...view, session, services: () => services };
  }

  it('binds by a track’s name, a device’s name and a path, and shares one actor between two widgets on one parameter', async () => {
    const { services } = mount(
      <>
        <Track name="Drums">
          <Fader target="mixer_device volume" label="Drums volume" />
          <Knob target="mixer_device volume" label="Drums volume again" />
        </Track>
        <Track name="Bass">
          <Device name="Auto Filter">
            <Knob target="parameters 1" />
          </Device>
        </Track>
        <Knob target={studioTargets.filterParameter(4)} label="Drive by id" />
      </>,
    );
    await settled();
    const volume = screen.getByRole('slider', { name: 'Drums volume' });
    expect(volume).not.toHaveAttribute('aria-disabled');
    expect(screen.getByRole('slider', { name: 'Drums volume again' }).getAttribute('aria-valuenow')).toBe(
      volume.getAttribute('aria-valuenow'),
    );
    expect(screen.getByRole('slider', { name: 'Frequency' })).toHaveAttribute('aria-valuetext');
    expect(screen.getByRole('slider', { name: 'Drive by id' }).getAttribute('aria-valuetext')).toMatch(/dB/);
    // the fader and the knob on Drums' volume hold one actor; the filter's two, one each
    const parameters = services()?.parameters;
    expect(parameters?.peek('id 1 mixer_device volume')).not.toBeNull();
    expect(parameters?.size).toBe(3);
  });

  it('gives a widget of the layout’s own its parameter by useParameter, on the shared actor, and moves it', async () => {
    function Readout({ target }: { target: string }) {
      const parameter = useParameter(target);
      return (
        <button type="button" onClick={() => parameter.onChange(parameter.max)}>
          {parameter.state} {parameter.name} {parameter.value.toFixed(2)} {parameter.error ?? ''}
        </button>
      );
    }
    const { services } = mount(
      <>
        <Track name="Drums">
          <Readout target="mixer_device volume" />
          <Fader target="mixer_device volume" label="Drums volume" />
        </Track>
        <Track name="Strings">
          <Readout target="mixer_device volume" />
        </Track>
        <Readout target="devices 0" />
      </>,
    );
    await settled();
    const drums = screen.getByRole('button', { name: /^ready Track Volume/ });
    expect(services()?.parameters.size).toBe(1);
    act(() => drums.click());
    await settled();
    // Live's volume at its top, and the readout with it
    const volume = studio.live.objects.get(studio.live.resolve(`${studioTargets.track(0)} mixer_device volume`));
    expect(volume?.value).toBe(volume?.max);
    expect(drums.textContent).toMatch(new RegExp(`${Number(volume?.max).toFixed(2)}`));
    expect(screen.getByRole('button', { name: /^idle .*no track named “Strings”/ })).toBeTruthy();
    expect(screen.getByRole('button', { name: /^failed .*put it inside a <Track>/ })).toBeTruthy();
  });

  it('leaves a track not in the set unbound, and binds when a track takes its name', async () => {
    mount(
      <Track name="Strings">
        <Knob target="mixer_device volume" label="Strings volume" />
      </Track>,
    );
    await settled();
    const strings = screen.getByRole('region', { name: 'Strings' });
    expect(within(strings).getByText(/Unbound: no track named “Strings” in the set/)).toBeTruthy();
    expect(screen.getByRole('slider', { name: 'Strings volume' })).toHaveAttribute('aria-disabled', 'true');

    act(() => studio.live.change(studioTargets.track(3), 'name', 'Strings'));
    await settled();
    expect(within(strings).queryByText(/Unbound/)).toBeNull();
    expect(screen.getByRole('slider', { name: 'Strings volume' })).not.toHaveAttribute('aria-disabled');
  });

  it('shows a track’s meter and its clip slots from the session’s own actors', async () => {
    mount(
      <>
        <Track name="Drums">
          <Meter />
          <Clip scene={0} />
          <Clip scene={9} />
        </Track>
        <Meter label="Loose meter" />
      </>,
    );
    await settled();
    const drums = screen.getByRole('region', { name: 'Drums' });
    expect(within(drums).getByRole('meter', { name: 'Drums level' })).toBeTruthy();
    expect(within(drums).getByRole('button', { name: /Beat A/ })).toBeTruthy();
    expect(within(drums).getByText('the set has no scene 10')).toBeTruthy();
    expect(screen.getByText('put it inside a <Track>')).toBeTruthy();
  });

  it('plays the track around a keyboard, saying where its notes go and arming it in one tap', async () => {
    mount(
      <Track name="Pad">
        <Keys octaves={1} />
      </Track>,
    );
    await settled();
    const pad = screen.getByRole('region', { name: 'Pad' });
    expect(within(pad).getByRole('status', { name: 'Where the notes go' })).toHaveTextContent(
      'No track is armed: notes go nowhere',
    );
    expect(within(pad).getByRole('group', { name: 'Piano keys' })).toBeTruthy();
    touch(within(pad).getByRole('button', { name: 'Arm Pad' }));
    await settled();
    expect(within(pad).getByRole('status', { name: 'Where the notes go' })).toHaveTextContent('Plays Pad (armed)');
    expect(studio.live.objects.get(studioTargets.track(3))?.arm).toBe(true);
  });

  it('keeps a keyboard’s octave under the key it is given', async () => {
    localStorage.clear();
    mount(
      <Track name="Keys">
        <Keys settings="test.keys" />
      </Track>,
    );
    await settled();
    const shown = screen.getByRole('status', { name: 'Keys shown' }).textContent;
    act(() => screen.getByRole('button', { name: 'Octave up' }).click());
    await settled();
    expect(screen.getByRole('status', { name: 'Keys shown' }).textContent).not.toBe(shown);
    expect(JSON.parse(localStorage.getItem('livesurface:test.keys') ?? '{}')).toMatchObject({ octave: 4 });
    expect(localStorage.getItem('livesurface:layout.keys')).toBeNull();
  });

  it('plays a track’s drum pads, named from its Drum Rack, offering to arm it first', async () => {
    mount(
      <Track name="Drums">
        <Pads />
      </Track>,
    );
    await settled();
    const drums = screen.getByRole('region', { name: 'Drums' });
    expect(within(drums).getByRole('status', { name: 'Pads' })).toHaveTextContent('808 Core Kit');
    expect(within(drums).getByRole('status', { name: 'Where the notes go' })).toHaveTextContent(
      'No track is armed: notes go nowhere',
    );
    const kick = within(drums).getByRole('button', { name: 'Kick, C1' });
    pointerDown(kick);
    pointerUp(kick, 0, 0);
    await settled();
    expect(studio.live.midi).toContainEqual(expect.objectContaining({ type: 'note_on', note: 36 }));
    expect(studio.live.midi).toContainEqual(expect.objectContaining({ type: 'note_off', note: 36 }));
    touch(within(drums).getByRole('button', { name: 'Arm Drums' }));
    await settled();
    expect(within(drums).getByRole('status', { name: 'Where the notes go' })).toHaveTextContent('Plays Drums (armed)');
    expect(studio.live.objects.get(studioTargets.track(0))?.arm).toBe(true);
  });

  it('gives a track with no Drum Rack a plain grid of notes, and says why pads have no track', async () => {
    mount(
      <>
        <Track name="Bass">
          <Pads size="small" />
        </Track>
        <Track name="Strings">
          <Pads />
        </Track>
        <Pads />
      </>,
    );
    await settled();
    const bass = screen.getByRole('region', { name: 'Bass' });
    expect(within(bass).getByRole('button', { name: 'C1' })).toBeTruthy();
    expect(bass.querySelector('.ls-pads')).toHaveAttribute('data-state', 'plain');
    const strings = screen.getByRole('region', { name: 'Strings' });
    expect(
      within(strings).getByText('no track named “Strings” in the set', { selector: '.ls-layout-why' }),
    ).toBeTruthy();
    expect(screen.getByText('put it inside a <Track>')).toBeTruthy();
    expect(document.querySelectorAll('.ls-pads')).toHaveLength(1);
  });

  it('sets a quantized parameter from a row of its items, and says so of one that has none', async () => {
    mount(
      <>
        <Track name="Bass">
          <Device name="Auto Filter">
            <Radio target="parameters 3" />
            <Radio target="parameters 1" label="Not a choice" />
          </Device>
        </Track>
        <Radio target="parameters 3" label="Loose" />
        <Track name="Strings">
          <Radio target="devices 0 parameters 3" label="Waiting" />
        </Track>
      </>,
    );
    await settled();
    const type = screen.getByRole('radiogroup', { name: 'Filter Type' });
    expect(within(type).getByRole('radio', { name: 'Lowpass' })).toHaveAttribute('aria-checked', 'true');
    pointerDown(within(type).getByRole('radio', { name: 'Notch' }));
    await settled();
    expect(studio.live.objects.get(studioTargets.filterParameter(3))?.value).toBe(3);
    expect(within(type).getByRole('radio', { name: 'Notch' })).toHaveAttribute('aria-checked', 'true');
    // Live moving it lights another
    act(() => studio.live.change(studioTargets.filterParameter(3), 'value', 1));
    await settled();
    expect(within(type).getByRole('radio', { name: 'Highpass' })).toHaveAttribute('aria-checked', 'true');
    expect(screen.getByRole('radiogroup', { name: 'Not a choice (Failed)' })).toHaveTextContent(
      'Frequency has no items to choose from',
    );
    expect(screen.getByRole('radiogroup', { name: 'Loose (Failed)' })).toBeTruthy();
    expect(screen.getByText(/"parameters 3" is relative: put it inside a <Track>/)).toBeTruthy();
    expect(screen.getByRole('radiogroup', { name: 'Waiting (Unassigned)' })).toBeTruthy();
  });

  it('fails a mistaken target on its widget alone, saying what is wrong', async () => {
    mount(
      <>
        <Knob target="mixer_device volume" label="Loose" />
        <Track name="Drums">
          <Knob target="devices 01" label="Typo" />
          <Fader target="mixer_device volume" label="Fine" />
        </Track>
      </>,
    );
    await settled();
    expect(screen.getByText(/"mixer_device volume" is relative: put it inside a <Track>/)).toBeTruthy();
    expect(screen.getByRole('slider', { name: 'Typo' })).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByRole('slider', { name: 'Fine' })).not.toHaveAttribute('aria-disabled');
  });

  it('binds what a track chooser holds to the track chosen', async () => {
    localStorage.clear();
    mount(
      <TrackChooser label="Tweak" options={['Bass', 'Keys']}>
        {(track) => (
          <Track name={track}>
            <Knob target="mixer_device panning" label="Pan" />
          </Track>
        )}
      </TrackChooser>,
    );
    await settled();
    const chooser = screen.getByRole('region', { name: 'Tweak' });
    expect(
      within(chooser)
        .getAllByRole('radio')
        .map((chip) => chip.textContent),
    ).toEqual(['Bass', 'Keys']);
    expect(within(chooser).getByRole('region', { name: 'Bass' })).toBeTruthy();
    act(() => within(chooser).getByRole('radio', { name: 'Keys' }).click());
    await settled();
    expect(within(chooser).getByRole('region', { name: 'Keys' })).toBeTruthy();
    // the knob is Keys' pan now: Live moving it shows here
    act(() => studio.live.change(studioTargets.panning(studioTargets.track(2)), 'value', -0.5));
    await settled();
    expect(screen.getByRole('slider', { name: 'Pan' })).toHaveAttribute('aria-valuenow', '-0.5');
  });

  it('binds the widgets a chooser holds to its track, keeps the choice under its key, and says where notes go once', async () => {
    localStorage.setItem('livesurface:test.track', JSON.stringify({ name: 'Keys', index: 2 }));
    mount(
      <TrackChooser label="Play" storageKey="test.track" notes>
        <Knob target="mixer_device panning" label="Pan" />
        <Keys octaves={1} />
      </TrackChooser>,
    );
    await settled();
    const chooser = screen.getByRole('region', { name: 'Play' });
    expect(within(chooser).getByRole('radio', { name: 'Keys' })).toHaveAttribute('aria-checked', 'true');
    // one route, beside the chips: the keyboard leaves it to the chooser
    expect(within(chooser).getAllByRole('status', { name: 'Where the notes go' })).toHaveLength(1);
    act(() => studio.live.change(studioTargets.panning(studioTargets.track(2)), 'value', 0.25));
    await settled();
    expect(screen.getByRole('slider', { name: 'Pan' })).toHaveAttribute('aria-valuenow', '0.25');
    touch(within(chooser).getByRole('button', { name: 'Arm Keys' }));
    await settled();
    expect(within(chooser).getByRole('status', { name: 'Where the notes go' })).toHaveTextContent('Plays Keys (armed)');

    act(() => within(chooser).getByRole('radio', { name: 'Drums' }).click());
    await settled();
    expect(JSON.parse(localStorage.getItem('livesurface:test.track') ?? 'null')).toEqual({ name: 'Drums', index: 0 });
    expect(within(chooser).getByRole('status', { name: 'Where the notes go' })).toHaveTextContent(
      'Plays Keys (armed), not Drums',
    );
    act(() => studio.live.change(studioTargets.panning(studioTargets.track(0)), 'value', -0.75));
    await settled();
    expect(screen.getByRole('slider', { name: 'Pan' })).toHaveAttribute('aria-valuenow', '-0.75');
  });

  it('gives every track of the set a scope of its own, in Live’s order, with the returns and the master when asked', async () => {
    mount(
      <>
        <Tracks>{(track) => <Knob target="mixer_device panning" label={`${track} pan`} />}</Tracks>
        <Tracks returns master>
          <Meter />
        </Tracks>
      </>,
    );
    await settled();
    const pans = () => screen.getAllByRole('slider', { name: / pan$/ }).map((knob) => knob.getAttribute('aria-label'));
    expect(pans()).toEqual(['Drums pan', 'Bass pan', 'Keys pan', 'Pad pan']);
    expect(screen.getAllByRole('meter').map((meter) => meter.getAttribute('aria-label'))).toEqual([
      'Drums level',
      'Bass level',
      'Keys level',
      'Pad level',
      'A-Reverb level',
      'B-Delay level',
      'Main level',
    ]);
    // each knob is its own track's pan
    act(() => studio.live.change(studioTargets.panning(studioTargets.track(2)), 'value', 0.5));
    await settled();
    expect(screen.getByRole('slider', { name: 'Keys pan' })).toHaveAttribute('aria-valuenow', '0.5');
    expect(screen.getByRole('slider', { name: 'Bass pan' })).not.toHaveAttribute('aria-valuenow', '0.5');
    // a track renamed in Live is named anew
    act(() => studio.live.change(studioTargets.track(3), 'name', 'Strings'));
    await settled();
    expect(pans()).toEqual(['Drums pan', 'Bass pan', 'Keys pan', 'Strings pan']);
  });

  it('lays out every track’s mixer strip on the session’s own actors, numbered as Live numbers them', async () => {
    defineSelection(studio.live);
    const { services } = mount(
      <Mixer>
        <Tracks returns master>
          <Strip />
        </Tracks>
      </Mixer>,
    );
    expect(screen.getByRole('region', { name: 'Mixer' })).toHaveAttribute('aria-busy', 'true');
    expect(screen.getByRole('status')).toHaveTextContent('Loading the set');
    await settled();
    const mixer = screen.getByRole('region', { name: 'Mixer' });
    expect(mixer).not.toHaveAttribute('aria-busy');
    const row = within(mixer);
    expect(row.getAllByRole('group').map((strip) => strip.getAttribute('aria-label'))).toEqual([
      'Drums',
      'Bass',
      'Keys',
      'Pad',
      'A-Reverb',
      'B-Delay',
      'Main',
    ]);
    expect(row.getByRole('button', { name: 'Mute Bass' })).toHaveTextContent('2');
    expect(row.getByRole('button', { name: 'Mute B-Delay' })).toHaveTextContent('B');
    expect(row.queryByRole('button', { name: 'Arm A-Reverb' })).toBeNull();
    expect(row.queryByRole('button', { name: /^(Mute|Solo|Arm) Main/ })).toBeNull();
    // the returns stand apart from the tracks, as in Live
    expect(mixer.querySelectorAll('.ls-mixer-row-slot[data-kind="return"]')).toHaveLength(2);
    // the volume is the track's own parameter actor: Live moving it moves the fader, and the layout holds none
    act(() => studio.live.change(studioTargets.volume(studioTargets.track(1)), 'value', 0.3));
    await settled();
    expect(within(row.getByRole('group', { name: 'Bass' })).getByRole('slider', { name: 'Volume' })).toHaveAttribute(
      'aria-valuenow',
      '0.3',
    );
    expect(services()?.parameters.size).toBe(0);
  });

  it('outlines the strip of the track Live has selected, and a tap on a strip’s name selects its track', async () => {
    defineSelection(studio.live);
    mount(
      <Mixer>
        <Tracks returns>
          <Strip />
        </Tracks>
      </Mixer>,
    );
    await settled();
    expect(screen.getByRole('group', { name: 'Drums' })).toHaveAttribute('data-selected', 'true');
    act(() => screen.getByRole('button', { name: 'Select A-Reverb in Live' }).click());
    await settled();
    expect(selectedInLive()).toBe(studioTargets.returnTrack(0));
    expect(screen.getByRole('group', { name: 'A-Reverb' })).toHaveAttribute('data-selected', 'true');
    expect(screen.getByRole('group', { name: 'Drums' })).not.toHaveAttribute('data-selected');
    act(() => studio.live.change('live_set view', 'selected_track', ref(2, 'Track')));
    await settled();
    expect(screen.getByRole('group', { name: 'Bass' })).toHaveAttribute('data-selected', 'true');
    expect(screen.getByRole('group', { name: 'A-Reverb' })).not.toHaveAttribute('data-selected');
  });

  it('says why a strip has no track', async () => {
    mount(
      <>
        <Strip />
        <Track name="Strings">
          <Strip />
        </Track>
      </>,
    );
    await settled();
    expect(screen.getByText('put it inside a <Track>', { selector: '.ls-layout-why' })).toBeTruthy();
    expect(screen.getByText('no track named “Strings” in the set', { selector: '.ls-layout-why' })).toBeTruthy();
    // unassigned strips, in the shape of one, taking nothing
    const standIns = screen.getAllByRole('group', { name: 'Track' });
    expect(standIns.map((strip) => strip.getAttribute('data-state'))).toEqual(['idle', 'idle']);
    expect(screen.getAllByRole('button', { name: /^Mute Track/ })[0]).toHaveAttribute('aria-disabled', 'true');
  });

  it('shows a track’s devices as panels on the shared device actors, outlining and selecting Live’s selected device', async () => {
    addDelayAndSelection(studio.live);
    const { services } = mount(
      <>
        <Track name="Bass" label="Bass devices">
          <DeviceChain />
        </Track>
        <Track name="Bass" label="Bass echoes">
          <Device name="Echoes">
            <Knob target="parameters 7" />
          </Device>
        </Track>
        <Track name="Pad">
          <DeviceChain />
        </Track>
        <DeviceChain />
      </>,
    );
    await settled();
    const bass = within(screen.getByRole('region', { name: 'Bass devices' }));
    const filter = bass.getByRole('region', { name: 'Auto Filter (Auto Filter)' });
    const echoes = bass.getByRole('region', { name: 'Echoes (Delay)' });
    // in Live's order, the filter the device Live has selected
    expect(filter.compareDocumentPosition(echoes) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(filter).toHaveAttribute('aria-current', 'true');
    expect(echoes).not.toHaveAttribute('aria-current');
    // the chain's Delay and the <Device name="Echoes"> share one actor, as the filter's is one
    expect(services()?.devices.size).toBe(2);
    expect(services()?.devices.peek(delayTargets.device)).not.toBeNull();
    act(() => within(echoes).getByRole('button', { name: 'Select Echoes in Live' }).click());
    await settled();
    expect(targetOf(studio.live.objects.get(`${studioTargets.track(1)} view`)?.selected_device ?? null)).toBe(
      delayTargets.device,
    );
    expect(echoes).toHaveAttribute('aria-current', 'true');
    expect(filter).not.toHaveAttribute('aria-current');
    expect(within(screen.getByRole('region', { name: 'Pad' })).getByText('No devices on this track.')).toBeTruthy();
    expect(screen.getByText('put it inside a <Track>', { selector: '.ls-layout-why' })).toBeTruthy();
  });

  it('follows the track Live selects while Follow Live is on, and stays on the track chosen while it is off', async () => {
    localStorage.clear();
    addDelayAndSelection(studio.live);
    mount(
      <FollowLiveChooser label="Shown" storageKey="test.follow" returns master>
        <Knob target="mixer_device volume" label="Volume here" />
        <DeviceChain />
      </FollowLiveChooser>,
    );
    await settled();
    const chooser = within(screen.getByRole('region', { name: 'Shown' }));
    const chip = (name: string) => chooser.getByRole('radio', { name });
    expect(chooser.getAllByRole('radio').map((radio) => radio.textContent)).toEqual([
      'Drums',
      'Bass',
      'Keys',
      'Pad',
      'A-Reverb',
      'B-Delay',
      'Main',
    ]);
    const follow = chooser.getByRole('button', { name: 'Follow Live' });
    expect(follow).toHaveAttribute('aria-pressed', 'true');
    // Live has the Bass track selected, and its filter: the chain shows it, outlined
    expect(chip('Bass')).toHaveAttribute('aria-checked', 'true');
    expect(chooser.getByRole('region', { name: 'Auto Filter (Auto Filter)' })).toHaveAttribute('aria-current', 'true');

    act(() => studio.live.change('live_set view', 'selected_track', ref(1, 'Track')));
    await settled();
    expect(chip('Drums')).toHaveAttribute('aria-checked', 'true');
    expect(chooser.getByRole('region', { name: '808 Core Kit (Drum Rack)' })).toBeTruthy();
    // a chip chosen while following selects its track in Live
    act(() => chip('Keys').click());
    await settled();
    expect(selectedInLive()).toBe(studioTargets.track(2));
    expect(chip('Keys')).toHaveAttribute('aria-checked', 'true');

    touch(follow);
    await settled();
    expect(follow).toHaveAttribute('aria-pressed', 'false');
    expect(localStorage.getItem('livesurface:test.follow')).toBe('false');
    act(() => studio.live.change('live_set view', 'selected_track', ref(1, 'Track')));
    await settled();
    expect(chip('Keys')).toHaveAttribute('aria-checked', 'true');
    // a return chosen here binds what the chooser holds, and leaves Live's selection alone
    act(() => chip('B-Delay').click());
    await settled();
    expect(selectedInLive()).toBe(studioTargets.track(0));
    act(() => studio.live.change(studioTargets.volume(studioTargets.returnTrack(1)), 'value', 0.25));
    await settled();
    expect(chooser.getByRole('slider', { name: 'Volume here' })).toHaveAttribute('aria-valuenow', '0.25');

    touch(follow);
    await settled();
    expect(chip('Drums')).toHaveAttribute('aria-checked', 'true');
  });

  it('keeps a failing layout’s error on its page', () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const Broken = () => {
      throw new Error('Knob is not defined');
    };
    render(
      <LayoutErrorBoundary file="layouts/broken.tsx">
        <Broken />
      </LayoutErrorBoundary>,
    );
    expect(screen.getByRole('alert').textContent).toContain('The layout layouts/broken.tsx failed');
    expect(screen.getByRole('alert').textContent).toContain('Knob is not defined');
    error.mockRestore();
  });

  it('names a layout’s page from its file', () => {
    expect(labelOf('mix-and-tweak')).toBe('Mix and tweak');
    expect(labelOf('drums_live')).toBe('Drums live');
  });
});
