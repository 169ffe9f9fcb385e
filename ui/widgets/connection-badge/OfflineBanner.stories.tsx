import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, waitFor, within } from 'storybook/test';
import { OfflineBanner, type OfflineBannerProps, type OfflineCause } from './OfflineBanner';

const CAUSES: readonly OfflineCause[] = [
  'connecting',
  'simulator-restarting',
  'live-not-running',
  'bridge-lost',
  'bridge-unreachable',
  'socket-refused',
  'closed',
];

const meta = {
  title: 'App/Offline Banner',
  component: OfflineBanner,
  args: { cause: 'simulator-restarting', retryInS: null, holdsEdits: false },
  argTypes: { cause: { control: 'select', options: CAUSES } },
} satisfies Meta<typeof OfflineBanner>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The first connection is on its way (shown only when it takes a moment). */
export const Connecting: Story = { args: { cause: 'connecting' } };
/** The bridge runs the simulator, which stopped: the bridge is starting it again. */
export const SimulatorRestarting: Story = {
  args: { cause: 'simulator-restarting' },
  play: async ({ canvasElement }) => {
    const status = within(canvasElement).getByRole('status');
    await expect(status).toHaveTextContent('Live is offline — reconnecting…');
    await expect(status).toHaveTextContent('the bridge is starting it again. Your changes are not sent.');
  },
};
export const LiveNotRunning: Story = { args: { cause: 'live-not-running' } };
/** The bridge went away; the page tries again in a few seconds. */
export const BridgeLost: Story = {
  args: { cause: 'bridge-lost', retryInS: 3 },
  play: async ({ canvasElement }) => {
    // the banner fades in after a moment (a quick reconnection never flashes it)
    const retry = within(canvasElement).getByText('Trying again in 3 s.');
    await waitFor(() => expect(retry).toBeVisible(), { timeout: 3000 });
  },
};
export const BridgeUnreachable: Story = { args: { cause: 'bridge-unreachable', retryInS: 0 } };
export const SocketRefused: Story = { args: { cause: 'socket-refused', retryInS: 5 } };
export const Closed: Story = { args: { cause: 'closed' } };
/** Over the Clip page, whose editors keep the edits made meanwhile. */
export const OverAPageThatHoldsEdits: Story = {
  args: { cause: 'live-not-running', holdsEdits: true },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole('status')).toHaveTextContent(
      'Your edits here wait, and are sent when Live is back.',
    );
  },
};

const ALL: [string, OfflineBannerProps][] = [
  ...CAUSES.map((cause): [string, OfflineBannerProps] => [
    cause,
    { cause, retryInS: cause.startsWith('bridge') || cause === 'socket-refused' ? 4 : null },
  ]),
  ['over the Clip page', { cause: 'simulator-restarting', retryInS: null, holdsEdits: true }],
];

export const AllStates: Story = {
  parameters: { controls: { disable: true } },
  render: () => (
    <div style={{ display: 'grid', gap: 16, maxWidth: 900 }}>
      {ALL.map(([title, props]) => (
        <figure key={title} style={{ margin: 0 }}>
          {/* the banner fades in after a moment in the app; here it is shown at once */}
          <div style={{ ['--ls-banner-delay' as string]: '0s' }}>
            <OfflineBanner {...props} />
          </div>
          <figcaption className="ls-label" style={{ textAlign: 'left' }}>
            {title}
          </figcaption>
        </figure>
      ))}
    </div>
  ),
};
