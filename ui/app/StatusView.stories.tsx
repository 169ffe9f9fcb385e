import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, within } from 'storybook/test';
import { StatusView, type FailureScreen } from './StatusView';
import type { Theme } from './theme-switch';

const SCREENS: readonly FailureScreen[] = [
  'no-token',
  'wrong-token',
  'unreachable',
  'socket-refused',
  'too-many-guesses',
  'incompatible',
];

// the screen carries its own theme (it is the whole page): the toolbar's, here
const themeOf = (theme: unknown): Theme => (theme === 'light' ? 'light' : 'dark');

const meta = {
  title: 'App/Failure Screens',
  component: StatusView,
  args: { screen: 'no-token', theme: 'dark', bridge: '192.168.1.20:9400', retryInS: null, detail: null },
  argTypes: { screen: { control: 'select', options: SCREENS }, theme: { table: { disable: true } } },
  render: (args, { globals }) => <StatusView {...args} theme={themeOf(globals.theme)} />,
} satisfies Meta<typeof StatusView>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The address had no token: where to find the one livesurface start printed. */
export const NoToken: Story = {
  play: async ({ canvasElement }) => {
    await expect(
      within(canvasElement).getByRole('heading', { name: 'Open the address livesurface start printed' }),
    ).toBeVisible();
  },
};
/** The bridge refuses this address's token (another bridge's, or rotated since). */
export const WrongToken: Story = {
  args: { screen: 'wrong-token' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('heading', { name: 'This address’s token is not this bridge’s' })).toBeVisible();
    await expect(canvas.getByRole('alert')).toHaveTextContent('or scan its QR code again');
  },
};
/** The page never reached the bridge: nothing answers at its address. */
export const Unreachable: Story = { args: { screen: 'unreachable', retryInS: 4 } };
/** The bridge answers and takes the token, but refuses this page's connection (a foreign origin). */
export const SocketRefused: Story = { args: { screen: 'socket-refused', retryInS: 2 } };
/** Wrong tokens came from this device's address: the bridge ignores it for a while. */
export const TooManyGuesses: Story = { args: { screen: 'too-many-guesses', retryInS: 27 } };
/** The bridge was updated while the page stayed open: a reload. */
export const Incompatible: Story = {
  args: { screen: 'incompatible', detail: 'this bridge speaks protocol 2, not 1', onReload: fn() },
  play: async ({ args, canvasElement }) => {
    await userEvent.click(within(canvasElement).getByRole('button', { name: 'Reload' }));
    await expect(args.onReload).toHaveBeenCalledOnce();
  },
};

export const AllStates: Story = {
  parameters: { controls: { disable: true } },
  render: (_, { globals }) => (
    <div style={{ display: 'grid', gap: 16, gridTemplateColumns: 'repeat(auto-fill, minmax(min(100%, 520px), 1fr))' }}>
      {SCREENS.map((screen) => (
        <div key={screen} className="ls-status-story">
          <StatusView
            screen={screen}
            theme={themeOf(globals.theme)}
            bridge="192.168.1.20:9400"
            retryInS={
              screen === 'unreachable' || screen === 'socket-refused' || screen === 'too-many-guesses' ? 4 : null
            }
            detail={screen === 'incompatible' ? 'this bridge speaks protocol 2, not 1' : null}
            onReload={() => undefined}
          />
        </div>
      ))}
    </div>
  ),
};
