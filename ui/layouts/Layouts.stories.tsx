/**
 * Layouts on the studio set, as a layout file writes them: bound by a
 * track's name, a device's name and a path, with a chooser; unbound (a
 * track not in the set); mistaken targets; a layout that fails.
 */
import type { Meta, StoryObj } from '@storybook/react-vite';
import { useEffect, useState, type ReactNode } from 'react';
import { createActor } from 'xstate';
import { expect, within } from 'storybook/test';
import { useStudio, withStudio } from '../fake-studio/studio-react';
import { Device, Display, Fader, Knob, Layout, Toggle, Track, TrackChooser } from './index';
import { LayoutProvider } from './layout-context';
import { LayoutErrorBoundary } from './layout-pages';

/** The studio's session, and a layout on it. */
function OnTheStudio({ children }: { children: ReactNode }) {
  const studio = useStudio();
  const [session] = useState(() => createActor(studio.machines.session));
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

const meta = {
  title: 'Layouts/Layout',
  decorators: [withStudio()],
  parameters: { layout: 'fullscreen', controls: { disable: true } },
} satisfies Meta;

export default meta;
type Story = StoryObj<typeof meta>;

/** Bound by a track's name, a device's name and a path; a chooser's knobs follow the track chosen. */
export const Bound: Story = {
  render: () => (
    <OnTheStudio>
      <Layout title="On the studio set">
        <Track name="Drums">
          <Fader target="mixer_device volume" label="Drums" />
          <Knob target="mixer_device sends 0" label="Reverb" />
          <Display target="mixer_device volume" />
        </Track>
        <Track name="Bass">
          <Device name="Auto Filter">
            <Knob target="parameters 1" />
            <Knob target="parameters 2" />
            <Toggle target="parameters 0" label="On" />
          </Device>
        </Track>
        <TrackChooser label="Tweak a track" options={['Keys', 'Pad']}>
          {(track) => (
            <Track name={track}>
              <Knob target="mixer_device panning" label={`${track} pan`} />
            </Track>
          )}
        </TrackChooser>
      </Layout>
    </OnTheStudio>
  ),
  play: async ({ canvasElement }) => {
    const page = within(canvasElement);
    await expect(await page.findByRole('slider', { name: 'Frequency' }, { timeout: 5000 })).not.toHaveAttribute(
      'aria-disabled',
    );
  },
};

/** A track not in the set: its widgets wait, unassigned, and bind when a track takes its name. */
export const Unbound: Story = {
  render: () => (
    <OnTheStudio>
      <Layout title="Strings">
        <Track name="Strings">
          <Fader target="mixer_device volume" label="Strings" />
          <Knob target="mixer_device panning" label="Pan" />
        </Track>
      </Layout>
    </OnTheStudio>
  ),
  play: async ({ canvasElement }) => {
    await within(canvasElement).findByText(/Unbound: no track named “Strings”/, undefined, { timeout: 5000 });
  },
};

/** Mistakes in a layout, each on its widget alone: a relative target outside a scope, a path Live cannot read. */
export const MistakenTargets: Story = {
  render: () => (
    <OnTheStudio>
      <Layout title="Mistakes">
        <Knob target="mixer_device volume" label="Outside a track" />
        <Track name="Drums">
          <Knob target="devices 01" label="Not a path" />
          <Knob target="mixer_device volume" label="Fine" />
        </Track>
      </Layout>
    </OnTheStudio>
  ),
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findAllByRole('alert')).toHaveLength(2);
  },
};

function Broken(): ReactNode {
  throw new Error('Knob is not defined');
}

/** A layout that throws: its error on its page, the app around it unharmed. */
export const Failed: Story = {
  render: () => (
    <LayoutErrorBoundary file="layouts/broken.tsx">
      <Broken />
    </LayoutErrorBoundary>
  ),
};
