import type { Meta, StoryObj } from '@storybook/react-vite';
import { useActorRef } from '@xstate/react';
import { useState } from 'react';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { ref } from '../../../fake-live/set-builder';
import { bigMixer, MIXER_RETURNS, MIXER_TRACKS } from './mixer-set';
import { MixerRow } from './MixerRow';

/** The mixer on the big set: twelve tracks, four returns (four sends each), the master; Live's selection. */
function BigMixer() {
  const [{ live, machines }] = useState(bigMixer);
  const session = useActorRef(machines.session);
  return (
    <div className="ls-root" style={{ padding: 8 }}>
      <MixerRow session={session} />
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
  title: 'Mixer/Mixer Row',
  component: BigMixer,
  parameters: { layout: 'fullscreen', controls: { disable: true } },
} satisfies Meta<typeof BigMixer>;

export default meta;
type Story = StoryObj<typeof meta>;

const strip = (canvasElement: HTMLElement, name: string) =>
  within(within(canvasElement).getByRole('region', { name: 'Mixer' })).getByRole('group', { name });

/**
 * More strips than fit, each with four sends whose values stand apart; the
 * row scrolls to the returns and the master. The track Live has selected is
 * outlined; a tap on a name selects that track in Live.
 */
export const ManyStripsAndSends: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const mixer = within(canvas.getByRole('region', { name: 'Mixer' }));
    await waitFor(
      () =>
        expect(mixer.getAllByRole('group').map((group) => group.getAttribute('aria-label'))).toEqual([
          ...MIXER_TRACKS,
          ...MIXER_RETURNS,
          'Main',
        ]),
      { timeout: 5000 },
    );
    await waitFor(() => expect(strip(canvasElement, 'Kick')).toHaveAttribute('data-selected', 'true'), {
      timeout: 3000,
    });
    const snare = within(strip(canvasElement, 'Snare'));
    await waitFor(() => expect(snare.getByRole('slider', { name: 'Send D' })).toHaveAttribute('aria-valuetext'), {
      timeout: 3000,
    });
    await userEvent.click(within(strip(canvasElement, 'Vox')).getByRole('button', { name: 'Select Vox in Live' }));
    await waitFor(() => expect(strip(canvasElement, 'Vox')).toHaveAttribute('data-selected', 'true'));
    await expect(strip(canvasElement, 'Kick')).not.toHaveAttribute('data-selected');
    await userEvent.click(canvas.getByRole('button', { name: 'Live selects D-Crush' }));
    await waitFor(() => expect(strip(canvasElement, 'D-Crush')).toHaveAttribute('data-selected', 'true'));
  },
};

/** The big set's mixer: twelve tracks, four returns, the master; Live's selected track outlined. */
export const AllStates: Story = {
  render: () => (
    <figure style={{ margin: 0 }}>
      <BigMixer />
      <figcaption>many strips and sends, the first track selected in Live</figcaption>
    </figure>
  ),
};
