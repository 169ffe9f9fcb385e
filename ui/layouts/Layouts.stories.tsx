/**
 * Layouts on the studio set, as a layout file writes them: bound by a
 * track's name, a device's name and a path, with a chooser; a track's keys
 * and drum pads under a chooser that says where their notes go; every
 * track's strip in a mixer, a knob for every track; a track's device chain,
 * a chooser following Live's selected track; unbound (a track not in the
 * set); mistaken targets; a layout that fails.
 */
import type { Meta, StoryObj } from '@storybook/react-vite';
import { useEffect, useState, type ReactNode } from 'react';
import { createActor } from 'xstate';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { pointerDown } from '../test/pointer';
import { useStudio, withStudio } from '../fake-studio/studio-react';
import { addDelayAndSelection } from '../widgets/device-panel/studio-devices';
// the app's styles (chips, a device chain), before the kit's, as the app loads them
import '../app/app.css';
import {
  Clip,
  Device,
  DeviceChain,
  Display,
  Fader,
  FollowLiveChooser,
  Keys,
  Knob,
  Layout,
  Meter,
  Mixer,
  Pads,
  Radio,
  Row,
  Strip,
  Toggle,
  Track,
  TrackChooser,
  Tracks,
} from './index';
import { LayoutProvider } from './layout-context';
import { LayoutFailure } from './layout-pages';

/** The studio's session, and a layout on it (with Live's selection: the Bass track, and the Delay after its filter). */
function OnTheStudio({ children }: { children: ReactNode }) {
  const studio = useStudio();
  const [session] = useState(() => {
    addDelayAndSelection(studio.live);
    return createActor(studio.machines.session);
  });
  useEffect(() => {
    session.start();
    return () => {
      session.stop();
    };
  }, [session]);
  return (
    <LayoutProvider machines={studio.machines} session={session}>
      {children}
    </LayoutProvider>
  );
}

function BoundExample() {
  return (
    <OnTheStudio>
      <Layout title="On the studio set">
        <Track name="Drums">
          <Fader target="mixer_device volume" label="Drums" />
          <Knob target="mixer_device sends 0" label="Reverb" />
          <Display target="mixer_device volume" />
          <Meter />
          <Clip scene={0} />
        </Track>
        <Track name="Bass">
          <Device name="Auto Filter">
            <Knob target="parameters 1" />
            <Knob target="parameters 2" />
            <Toggle target="parameters 0" label="On" />
            <Radio target="parameters 3" />
          </Device>
        </Track>
        <TrackChooser label="Tweak a track" options={['Keys', 'Pad']}>
          {(track) => (
            <Track name={track}>
              <Knob target="mixer_device panning" label={`${track} pan`} />
              <Keys octaves={1} size="small" />
            </Track>
          )}
        </TrackChooser>
      </Layout>
    </OnTheStudio>
  );
}

/** A chooser that says where the notes go, its keys or pads bound to the track chosen. */
function PlayingExample({ instrument }: { instrument: 'keys' | 'pads' }) {
  return (
    <OnTheStudio>
      <Layout title="Play a track">
        <TrackChooser label="Play" storageKey={`story.${instrument}`} notes>
          {instrument === 'keys' ? <Keys octaves={1} size="small" /> : <Pads size="small" />}
        </TrackChooser>
      </Layout>
    </OnTheStudio>
  );
}

/** Every track's strip, the returns' and the master's in a mixer row; a knob for every track's pan. */
function EveryTrackExample() {
  return (
    <OnTheStudio>
      <Layout title="Every track">
        <Mixer>
          <Tracks returns master>
            <Strip />
          </Tracks>
        </Mixer>
        <Row>
          <Tracks>{(track) => <Knob target="mixer_device panning" label={`${track} pan`} size="small" />}</Tracks>
        </Row>
      </Layout>
    </OnTheStudio>
  );
}

/** A track's devices by its name; a chooser that follows Live's selected track, its devices outlined as Live selects them. */
function DevicesExample({ follow }: { follow: 'chain' | 'chooser' }) {
  return (
    <OnTheStudio>
      <Layout title={follow === 'chain' ? 'The Bass track’s devices' : 'Live’s selected track'}>
        {follow === 'chain' ? (
          <Track name="Bass">
            <DeviceChain />
          </Track>
        ) : (
          <FollowLiveChooser label="Shown" storageKey="story.follow" returns master>
            <DeviceChain />
          </FollowLiveChooser>
        )}
      </Layout>
    </OnTheStudio>
  );
}

function UnboundExample() {
  return (
    <OnTheStudio>
      <Layout title="Strings">
        <Track name="Strings">
          <Fader target="mixer_device volume" label="Strings" />
          <Knob target="mixer_device panning" label="Pan" />
          <Strip />
          <DeviceChain />
        </Track>
      </Layout>
    </OnTheStudio>
  );
}

function MistakesExample() {
  return (
    <OnTheStudio>
      <Layout title="Mistakes">
        <Knob target="mixer_device volume" label="Outside a track" />
        <Track name="Drums">
          <Knob target="devices 01" label="Not a path" />
          <Knob target="mixer_device volume" label="Fine" />
        </Track>
        <Track name="Bass">
          {/* the filter's frequency has no items to choose from */}
          <Radio target="devices 0 parameters 1" label="Not a choice" />
        </Track>
        <Pads size="small" />
      </Layout>
    </OnTheStudio>
  );
}

const meta = {
  title: 'Layouts/Layout',
  decorators: [withStudio()],
  parameters: { layout: 'fullscreen', controls: { disable: true } },
  // each story starts with nothing chosen on this tablet (a chooser keeps its choice)
  beforeEach: () => {
    for (const key of Object.keys(localStorage)) if (key.startsWith('livesurface:')) localStorage.removeItem(key);
  },
} satisfies Meta;

export default meta;
type Story = StoryObj<typeof meta>;

/** Bound by a track's name, a device's name and a path; a chooser's knobs follow the track chosen. */
export const Bound: Story = {
  render: () => <BoundExample />,
  play: async ({ canvasElement }) => {
    const page = within(canvasElement);
    await expect(await page.findByRole('slider', { name: 'Frequency' }, { timeout: 5000 })).not.toHaveAttribute(
      'aria-disabled',
    );
    // the filter's type, a row of its items: a tap chooses one
    const type = await page.findByRole('radio', { name: 'Bandpass' }, { timeout: 5000 });
    pointerDown(type);
    await waitFor(() => expect(type).toHaveAttribute('aria-checked', 'true'));
  },
};

/** A chooser's keys: where the notes go beside the chips, one tap arming the track chosen. */
export const PlayingKeys: Story = {
  render: () => <PlayingExample instrument="keys" />,
  play: async ({ canvasElement }) => {
    const page = within(canvasElement);
    const route = await page.findByRole('status', { name: 'Where the notes go' }, { timeout: 5000 });
    await waitFor(() => expect(route).toHaveTextContent('No track is armed'), { timeout: 5000 });
    pointerDown(page.getByRole('button', { name: 'Arm Drums' }));
    await waitFor(() => expect(route).toHaveTextContent('Plays Drums (armed)'));
  },
};

/** A chooser's pads: the Drums' Drum Rack, a plain grid of notes for a track without one. */
export const PlayingPads: Story = {
  render: () => <PlayingExample instrument="pads" />,
  play: async ({ canvasElement }) => {
    const page = within(canvasElement);
    await waitFor(() => expect(page.getByRole('status', { name: 'Pads' })).toHaveTextContent('808 Core Kit'), {
      timeout: 5000,
    });
    await userEvent.click(page.getByRole('radio', { name: 'Bass' }));
    await waitFor(() => expect(canvasElement.querySelector('.ls-pads')).toHaveAttribute('data-state', 'plain'));
  },
};

/**
 * Every track's strip in a mixer row, in Live's order, numbered as Live numbers them, then the returns and
 * the master; the track Live has selected outlined, a tap on a name selecting it. Below, a knob for every
 * track's pan, each named after its track.
 */
export const EveryTrack: Story = {
  render: () => <EveryTrackExample />,
  play: async ({ canvasElement }) => {
    const mixer = within(await within(canvasElement).findByRole('region', { name: 'Mixer' }, { timeout: 5000 }));
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
      { timeout: 5000 },
    );
    await waitFor(() => expect(mixer.getByRole('group', { name: 'Bass' })).toHaveAttribute('data-selected', 'true'), {
      timeout: 3000,
    });
    await userEvent.click(mixer.getByRole('button', { name: 'Select Keys in Live' }));
    await waitFor(() => expect(mixer.getByRole('group', { name: 'Keys' })).toHaveAttribute('data-selected', 'true'));
    await expect(within(canvasElement).getByRole('slider', { name: 'Pad pan' })).toBeInTheDocument();
  },
};

/** A track's devices, each a panel; the one Live has selected outlined, a tap on a title selecting another. */
export const DeviceChainOfATrack: Story = {
  render: () => <DevicesExample follow="chain" />,
  play: async ({ canvasElement }) => {
    const page = within(canvasElement);
    const filter = await page.findByRole('region', { name: 'Auto Filter (Auto Filter)' }, { timeout: 5000 });
    await waitFor(() => expect(filter).toHaveAttribute('aria-current', 'true'), { timeout: 3000 });
    const echoes = page.getByRole('region', { name: 'Echoes (Delay)' });
    await userEvent.click(within(echoes).getByRole('button', { name: 'Select Echoes in Live' }));
    await waitFor(() => expect(echoes).toHaveAttribute('aria-current', 'true'), { timeout: 3000 });
    await expect(filter).not.toHaveAttribute('aria-current');
  },
};

/**
 * A chooser following Live's selected track (the Bass track): its devices below; a chip chosen selects its
 * track in Live; Follow Live off, the chooser stays where it is.
 */
export const FollowingLive: Story = {
  render: () => <DevicesExample follow="chooser" />,
  play: async ({ canvasElement }) => {
    const page = within(canvasElement);
    await waitFor(() => expect(page.getByRole('radio', { name: 'Bass' })).toHaveAttribute('aria-checked', 'true'), {
      timeout: 5000,
    });
    await page.findByRole('region', { name: 'Echoes (Delay)' }, { timeout: 5000 });
    await userEvent.click(page.getByRole('radio', { name: 'Drums' }));
    await page.findByRole('region', { name: '808 Core Kit (Drum Rack)' }, { timeout: 5000 });
    await userEvent.click(page.getByRole('button', { name: 'Follow Live' }));
    await waitFor(() =>
      expect(page.getByRole('button', { name: 'Follow Live' })).toHaveAttribute('aria-pressed', 'false'),
    );
  },
};

/** A track not in the set: its widgets, strip and device chain wait, unassigned, and bind when a track takes its name. */
export const Unbound: Story = {
  render: () => <UnboundExample />,
  play: async ({ canvasElement }) => {
    const page = within(canvasElement);
    await page.findByText(/Unbound: no track named “Strings”/, undefined, { timeout: 5000 });
    await expect(page.getByRole('group', { name: 'Track' })).toHaveAttribute('data-state', 'idle');
  },
};

/**
 * Mistakes in a layout, each on its widget alone: a relative target outside a scope, a path Live cannot
 * read, a choice of items bound to a parameter that has none, pads outside a track.
 */
export const MistakenTargets: Story = {
  render: () => <MistakesExample />,
  play: async ({ canvasElement }) => {
    const page = within(canvasElement);
    // the one inside the track says so once the track is found
    await waitFor(() => expect(page.getAllByRole('alert')).toHaveLength(2), { timeout: 5000 });
    await waitFor(() => expect(page.getByRole('radiogroup', { name: 'Not a choice (Failed)' })).toBeInTheDocument(), {
      timeout: 5000,
    });
    await expect(page.getByText('put it inside a <Track>')).toBeInTheDocument();
  },
};

/** A layout that threw: its error on its page, the app around it unharmed. */
export const Failed: Story = {
  render: () => <LayoutFailure file="layouts/broken.tsx" message="Knob is not defined" onRetry={() => undefined} />,
};

/** A saved layout with a syntax error, while the app runs from its sources. */
export const Mistake: Story = {
  render: () => (
    <LayoutFailure
      file="layouts/broken.tsx"
      message={'Expected ">" but found end of file\n\n  12 |     </Layout\n     |             ^'}
      mistake
    />
  ),
};

/**
 * Every state at once: bound, playing keys and pads, every track's strip, a track's devices, a chooser
 * following Live, unbound, mistaken targets, a failure.
 */
export const AllStates: Story = {
  render: () => (
    <div style={{ display: 'grid', gap: 24 }}>
      <BoundExample />
      <PlayingExample instrument="keys" />
      <PlayingExample instrument="pads" />
      <EveryTrackExample />
      <DevicesExample follow="chain" />
      <DevicesExample follow="chooser" />
      <UnboundExample />
      <MistakesExample />
      <LayoutFailure file="layouts/broken.tsx" message="Knob is not defined" />
    </div>
  ),
};
