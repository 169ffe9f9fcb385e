import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, waitFor, within } from 'storybook/test';
import { expectEveryStrip, expectSelectionFollowed, OnTheBigMixer, stripNamed } from './big-mixer-story';
import { MixerRow } from './MixerRow';

/** The mixer on the big set: twelve tracks, four returns (four sends each), the master; Live's selection. */
function BigMixer() {
  return <OnTheBigMixer show={(_, session) => <MixerRow session={session} />} />;
}

const meta = {
  title: 'Mixer/Mixer Row',
  component: BigMixer,
  parameters: { layout: 'fullscreen', controls: { disable: true } },
} satisfies Meta<typeof BigMixer>;

export default meta;
type Story = StoryObj<typeof meta>;

/**
 * More strips than fit, each with four sends whose values stand apart; the
 * row scrolls to the returns and the master. The track Live has selected is
 * outlined; a tap on a name selects that track in Live.
 */
export const ManyStripsAndSends: Story = {
  play: async ({ canvasElement }) => {
    await expectEveryStrip(canvasElement);
    await waitFor(() => expect(stripNamed(canvasElement, 'Kick')).toHaveAttribute('data-selected', 'true'), {
      timeout: 3000,
    });
    const snare = within(stripNamed(canvasElement, 'Snare'));
    await waitFor(() => expect(snare.getByRole('slider', { name: 'Send D' })).toHaveAttribute('aria-valuetext'), {
      timeout: 3000,
    });
    await expectSelectionFollowed(canvasElement);
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
