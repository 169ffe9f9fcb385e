import type { Meta, StoryObj } from '@storybook/react-vite';
import { useActorRef } from '@xstate/react';
import { useState } from 'react';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { ref } from '../../fake-live/set-builder';
import { studioTargets } from '../fake-studio/studio-set';
import { useStudio, withStudio } from '../fake-studio/studio-react';
import { writeSetting } from '../settings/stored-state';
import { addDelayAndSelection, delayTargets } from '../widgets/device-panel/studio-devices';
import { DevicesPage, FOLLOW_LIVE_SETTING } from './DevicesPage';
import './app.css';

/** The Devices page on the fake studio (with the Delay after the Bass track's filter, the Bass track selected in Live). */
function StudioDevicesPage({ follow }: { follow: boolean }) {
  const studio = useStudio();
  useState(() => {
    writeSetting(FOLLOW_LIVE_SETTING, follow);
    return addDelayAndSelection(studio.live);
  });
  const session = useActorRef(studio.machines.session);
  return (
    <div className="ls-root" style={{ padding: 8 }}>
      <DevicesPage machines={studio.machines} session={session} />
    </div>
  );
}

const meta = {
  title: 'Devices/Devices Page',
  component: StudioDevicesPage,
  decorators: [withStudio({ latencyMs: 30 })],
  parameters: { layout: 'fullscreen', controls: { disable: true } },
  args: { follow: true },
} satisfies Meta<typeof StudioDevicesPage>;

export default meta;
type Story = StoryObj<typeof meta>;

const regionOf = (canvasElement: HTMLElement, name: string) =>
  within(canvasElement).findByRole('region', { name }, { timeout: 5000 });

/**
 * Follow Live on: the page shows the track Live has selected (Bass) and
 * outlines its selected device; Live selecting the Delay moves the outline,
 * Live selecting the Drums track moves the page; a tap on a title selects
 * that device in Live.
 */
export const FollowingLive: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('button', { name: 'Follow Live' })).toHaveAttribute('aria-pressed', 'true');
    const filter = await regionOf(canvasElement, 'Auto Filter (Auto Filter)');
    await waitFor(() => expect(filter).toHaveAttribute('aria-current', 'true'), { timeout: 3000 });
    const delay = await regionOf(canvasElement, 'Echoes (Delay)');
    await expect(delay).not.toHaveAttribute('aria-current');
    await userEvent.click(within(delay).getByRole('button', { name: 'Select Echoes in Live' }));
    await waitFor(() => expect(delay).toHaveAttribute('aria-current', 'true'), { timeout: 3000 });
    await expect(filter).not.toHaveAttribute('aria-current');
    await userEvent.click(canvas.getByRole('radio', { name: 'Drums' }));
    await regionOf(canvasElement, '808 Core Kit (Drum Rack)');
    await waitFor(() => expect(canvas.getByRole('radio', { name: 'Drums' })).toHaveAttribute('aria-checked', 'true'));
  },
};

function LiveSelects({ track, device }: { track: string; device: number }) {
  const studio = useStudio();
  return (
    <button
      type="button"
      className="ls-chip"
      onClick={() => {
        studio.live.change('live_set view', 'selected_track', ref(Number(track.slice(3)), 'Track'));
        studio.live.change(`${track} view`, 'selected_device', ref(device, 'Device'));
      }}
    >
      Live selects {track}
    </button>
  );
}

/**
 * Follow Live off: the page stays on the track chosen here while Live
 * selects another; turning it on jumps to Live's selection.
 */
export const NotFollowing: Story = {
  args: { follow: false },
  render: (args) => (
    <>
      <StudioDevicesPage {...args} />
      <LiveSelects track={studioTargets.track(0)} device={100} />
    </>
  ),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const follow = canvas.getByRole('button', { name: 'Follow Live' });
    await expect(follow).toHaveAttribute('aria-pressed', 'false');
    await userEvent.click(await canvas.findByRole('radio', { name: 'Bass' }, { timeout: 5000 }));
    await regionOf(canvasElement, 'Echoes (Delay)');
    await userEvent.click(canvas.getByRole('button', { name: /Live selects/ }));
    await expect(canvas.getByRole('radio', { name: 'Bass' })).toHaveAttribute('aria-checked', 'true');
    await userEvent.click(follow);
    await regionOf(canvasElement, '808 Core Kit (Drum Rack)');
    await expect(canvas.getByRole('radio', { name: 'Drums' })).toHaveAttribute('aria-checked', 'true');
  },
};

function SelectDelayFirst(args: { follow: boolean }) {
  const studio = useStudio();
  useState(() => {
    addDelayAndSelection(studio.live);
    studio.live.change(
      `${studioTargets.track(1)} view`,
      'selected_device',
      ref(Number(delayTargets.device.slice(3)), 'Device'),
    );
    return null;
  });
  return <StudioDevicesPage {...args} />;
}

/** The Delay selected in Live: outlined, the filter before it not. */
export const SelectedDelay: Story = {
  render: (args) => <SelectDelayFirst {...args} />,
  play: async ({ canvasElement }) => {
    const delay = await regionOf(canvasElement, 'Echoes (Delay)');
    await waitFor(() => expect(delay).toHaveAttribute('aria-current', 'true'), { timeout: 3000 });
  },
};

/** Following Live and not, side by side (each page keeps its own setting from its first render). */
export const AllStates: Story = {
  render: () => (
    <div className="ls-story-grid" style={{ flexDirection: 'column', alignItems: 'stretch' }}>
      <figure style={{ margin: 0, width: '100%', justifyItems: 'stretch' }}>
        <StudioDevicesPage follow />
        <figcaption>following Live (the Bass track and its filter, as Live has them selected)</figcaption>
      </figure>
      <figure style={{ margin: 0, width: '100%', justifyItems: 'stretch' }}>
        <StudioDevicesPage follow={false} />
        <figcaption>not following (the first track)</figcaption>
      </figure>
    </div>
  ),
};
