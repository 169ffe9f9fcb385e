import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, waitFor, within } from 'storybook/test';
import { expectEveryStrip, expectSelectionFollowed, OnTheBigMixer } from '../widgets/mixer-strip/big-mixer-story';
import { MixerPage } from './MixerPage';
import './app.css';

/** The Mixer page on the big set: twelve tracks, four returns (four sends each), the master; Live's selection. */
function BigMixerPage() {
  return <OnTheBigMixer show={(machines, session) => <MixerPage machines={machines} session={session} />} />;
}

const meta = {
  title: 'Mixer/Mixer Page',
  component: BigMixerPage,
  parameters: { layout: 'fullscreen', controls: { disable: true } },
} satisfies Meta<typeof BigMixerPage>;

export default meta;
type Story = StoryObj<typeof meta>;

/**
 * The page's layout (every track's strip, then the returns, then the master) on the big set: the row
 * scrolls to the returns and the master; the track Live has selected is outlined, a tap on a name selects
 * that track in Live, and Live selecting a return moves the outline to it.
 */
export const EveryStrip: Story = {
  play: async ({ canvasElement }) => {
    await expectEveryStrip(canvasElement);
    const mixer = within(within(canvasElement).getByRole('region', { name: 'Mixer' }));
    // numbered as Live numbers them, once each strip has loaded (a loading button says so in its name)
    await waitFor(() => expect(mixer.getByRole('button', { name: 'Mute Vox' })).toHaveTextContent('11'), {
      timeout: 5000,
    });
    await waitFor(() => expect(mixer.getByRole('button', { name: 'Mute C-Chorus' })).toHaveTextContent('C'), {
      timeout: 5000,
    });
    await expectSelectionFollowed(canvasElement);
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
