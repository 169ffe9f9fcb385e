import type { Meta, StoryObj } from '@storybook/react-vite';
import { useActorRef } from '@xstate/react';
import { useState } from 'react';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { ref } from '../../fake-live/set-builder';
import { bigMixer, MIXER_RETURNS, MIXER_TRACKS } from '../widgets/mixer-strip/mixer-set';
import { MixerPage } from './MixerPage';
import './app.css';

/** The Mixer page on the big set: twelve tracks, four returns (four sends each), the master; Live's selection. */
function BigMixerPage() {
  const [{ live, machines }] = useState(bigMixer);
  const session = useActorRef(machines.session);
  return (
    <div className="ls-root" style={{ padding: 8 }}>
      <MixerPage machines={machines} session={session} />
      <button
        type="button"
        className="ls-chip"
        onClick={() => live.change('live_set view', 'selected_track', ref(24, 'Track'))}
      >
        Live selects D-Crush
      </button>
    </div>
  );
}

const meta = {
  title: 'Mixer/Mixer Page',
  component: BigMixerPage,
  parameters: { layout: 'fullscreen', controls: { disable: true } },
} satisfies Meta<typeof BigMixerPage>;

export default meta;
type Story = StoryObj<typeof meta>;

const strip = (canvasElement: HTMLElement, name: string) =>
  within(within(canvasElement).getByRole('region', { name: 'Mixer' })).getByRole('group', { name });

/**
 * The page's layout (every track's strip, then the returns, then the master) on the big set: the row
 * scrolls to the returns and the master; the track Live has selected is outlined, a tap on a name selects
 * that track in Live, and Live selecting a return moves the outline to it.
 */
export const EveryStrip: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const mixer = within(await canvas.findByRole('region', { name: 'Mixer' }, { timeout: 5000 }));
    await waitFor(
      () =>
        expect(mixer.getAllByRole('group').map((group) => group.getAttribute('aria-label'))).toEqual([
          ...MIXER_TRACKS,
          ...MIXER_RETURNS,
          'Main',
        ]),
      { timeout: 5000 },
    );
    // numbered as Live numbers them, once each strip has loaded (a loading button says so in its name)
    await waitFor(() => expect(mixer.getByRole('button', { name: 'Mute Vox' })).toHaveTextContent('11'), {
      timeout: 5000,
    });
    await waitFor(() => expect(mixer.getByRole('button', { name: 'Mute C-Chorus' })).toHaveTextContent('C'), {
      timeout: 5000,
    });
    await waitFor(() => expect(strip(canvasElement, 'Kick')).toHaveAttribute('data-selected', 'true'), {
      timeout: 3000,
    });
    await userEvent.click(within(strip(canvasElement, 'Vox')).getByRole('button', { name: 'Select Vox in Live' }));
    await waitFor(() => expect(strip(canvasElement, 'Vox')).toHaveAttribute('data-selected', 'true'));
    await expect(strip(canvasElement, 'Kick')).not.toHaveAttribute('data-selected');
    await userEvent.click(canvas.getByRole('button', { name: 'Live selects D-Crush' }));
    await waitFor(() => expect(strip(canvasElement, 'D-Crush')).toHaveAttribute('data-selected', 'true'));
  },
};

/** The Mixer page on the big set: twelve tracks, four returns, the master; Live's selected track outlined. */
export const AllStates: Story = {
  render: () => (
    <figure style={{ margin: 0 }}>
      <BigMixerPage />
      <figcaption>every track’s strip, the returns and the master, the first track selected in Live</figcaption>
    </figure>
  ),
};
