import type { Meta, StoryObj } from '@storybook/react-vite';
import { useActorRef } from '@xstate/react';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { useStudio, withStudio } from '../fake-studio/studio-react';
import { pointerDown } from '../test/pointer';
import { KeysPage } from './KeysPage';
import { PadsPage } from './PadsPage';
import { PlayPage } from './PlayPage';
// the app's chips (the track picker's) as the app shows them
import './app.css';

type Page = typeof PlayPage;

/** A page on the fake studio's session, in a box a tablet on its side gives it. */
function StudioPage({ page: Shown, width, height }: { page: Page; width: number; height: number }) {
  const studio = useStudio();
  const session = useActorRef(studio.machines.session);
  return (
    <div style={{ width, height, display: 'flex', flexDirection: 'column' }}>
      <Shown machines={studio.machines} session={session} />
    </div>
  );
}

const meta = {
  title: 'Pages/Playing',
  component: PlayPage,
  parameters: { controls: { disable: true } },
  decorators: [withStudio()],
  // each story starts with nothing saved on this tablet
  beforeEach: () => {
    for (const key of Object.keys(localStorage)) if (key.startsWith('livesurface:')) localStorage.removeItem(key);
  },
} satisfies Meta<Page>;

export default meta;
type Story = StoryObj<Page>;

const route = (canvasElement: HTMLElement) => within(canvasElement).getByRole('status', { name: 'Where the notes go' });

/**
 * The Play page: no track is armed, so it says the notes go nowhere; the
 * Bass chosen and armed in one tap, its filter on the XY pad (frequency
 * across, resonance up), then the pads in place of the keys.
 */
export const Play: Story = {
  render: () => <StudioPage page={PlayPage} width={1100} height={640} />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await waitFor(() => expect(route(canvasElement)).toHaveTextContent('No track is armed: notes go nowhere'), {
      timeout: 5000,
    });
    await userEvent.click(canvas.getByRole('radio', { name: 'Bass' }));
    await waitFor(() =>
      expect(canvas.getByRole('combobox', { name: 'X (across)' })).toHaveValue('devices 0 parameters 1'),
    );
    await expect(canvas.getByRole('combobox', { name: 'Y (up)' })).toHaveValue('devices 0 parameters 2');
    pointerDown(canvas.getByRole('button', { name: 'Arm Bass' }));
    await waitFor(() => expect(route(canvasElement)).toHaveTextContent('Plays Bass (armed)'));
    await waitFor(() => expect(canvas.getByRole('slider', { name: 'Frequency' })).toBeInTheDocument());
    await userEvent.click(canvas.getByRole('radio', { name: 'Pads' }));
    await waitFor(() => expect(canvas.getByRole('status', { name: 'Pads' })).toHaveTextContent('Notes'));
  },
};

const NESTED_REVERB = 'devices 0 chains 1 devices 0 chains 0 devices 0 parameters 1';

/**
 * The Keys track's instrument is a rack: the XY pad starts on the rack's
 * macros, and any device in its chains can take an axis, even the Reverb in
 * the Audio Effect Rack in its Space chain; the Drums track offers each
 * pad's Simpler, grouped by pad.
 */
export const InRacks: Story = {
  render: () => <StudioPage page={PlayPage} width={1100} height={640} />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const tracks = await canvas.findByRole('radiogroup', { name: 'Track' }, { timeout: 5000 });
    await userEvent.click(await within(tracks).findByRole('radio', { name: 'Keys' }, { timeout: 5000 }));
    const x = canvas.getByRole('combobox', { name: 'X (across)' });
    await waitFor(() => expect(x).toHaveValue('devices 0 parameters 1'));
    await expect(canvas.getByRole('combobox', { name: 'Y (up)' })).toHaveValue('devices 0 parameters 2');
    await userEvent.selectOptions(x, NESTED_REVERB);
    await waitFor(() => expect(canvas.getByRole('slider', { name: 'Decay Time' })).toBeInTheDocument());
    await expect(within(x).getByRole('option', { selected: true })).toHaveTextContent('Decay Time · Hall › Reverb');
    await userEvent.click(within(tracks).getByRole('radio', { name: 'Drums' }));
    // the picker is made anew for the Drums track
    await waitFor(() =>
      expect(
        within(canvas.getByRole('combobox', { name: 'X (across)' })).getByRole('group', {
          name: '808 Core Kit › Snare › Snare',
        }),
      ).toBeInTheDocument(),
    );
  },
};

/** The Keys page: the chosen track, where the notes go, and keys that fill the rest. */
export const Keys: Story = {
  render: () => <StudioPage page={KeysPage} width={1100} height={560} />,
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(route(canvasElement)).toHaveTextContent('No track is armed'), { timeout: 5000 });
    pointerDown(within(canvasElement).getByRole('button', { name: 'Arm Drums' }));
    await waitFor(() => expect(route(canvasElement)).toHaveTextContent('Plays Drums (armed)'));
  },
};

/** The Pads page: one track, its Drum Rack, and where the notes go. */
export const Pads: Story = {
  render: () => <StudioPage page={PadsPage} width={1100} height={560} />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await waitFor(() => expect(canvas.getByRole('status', { name: 'Pads' })).toHaveTextContent('808 Core Kit'), {
      timeout: 5000,
    });
    await expect(route(canvasElement)).toHaveTextContent('No track is armed');
  },
};

/** The three playing pages on the studio, as a tablet on its side and a phone upright show them. */
export const AllStates: Story = {
  render: () => (
    <div className="ls-story-grid" style={{ flexDirection: 'column', alignItems: 'flex-start' }}>
      <figure>
        <StudioPage page={PlayPage} width={1000} height={560} />
        <figcaption>Play, a tablet</figcaption>
      </figure>
      <figure>
        <StudioPage page={PlayPage} width={390} height={700} />
        <figcaption>Play, a phone: the XY pad above the keys</figcaption>
      </figure>
      <figure>
        <StudioPage page={KeysPage} width={1000} height={460} />
        <figcaption>Keys</figcaption>
      </figure>
      <figure>
        <StudioPage page={PadsPage} width={1000} height={560} />
        <figcaption>Pads</figcaption>
      </figure>
    </div>
  ),
};
