import type { Meta, StoryObj } from '@storybook/react-vite';
import { useActorRef } from '@xstate/react';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import type { LinkState } from '../../../link/live-link';
import { connectionMachine } from '../../../machines/connection';
import { connectionView } from '../../connect/use-connection';
import { useStudio, withStudio } from '../../fake-studio/studio-react';
import { StatePanel } from '../../fake-studio/StatePanel';
import { Button } from '../button/Button';
import { ConnectionBadge, type ConnectionBadgeProps, type ConnectionPhase } from './ConnectionBadge';
import { LinkBadge } from './LinkBadge';

const SIMULATOR = { state: 'online', host: 'simulator', live_version: '12.3.6', set_name: 'LiveSurface Demo' } as const;
const LIVE = { state: 'online', host: 'live', live_version: '12.3.6', set_name: 'Sunday Jam' } as const;

function linkState(status: LinkState['status'], extra: Partial<LinkState> = {}): LinkState {
  return {
    status,
    live: SIMULATOR,
    midi: { mode: 'simulator', detail: 'to the simulator' },
    sessions: 1,
    rtt: { last: 1.2, mean: 1.4, jitter: 0.3, samples: 20 },
    slow: false,
    locked: false,
    pages: [],
    presence: [],
    ...extra,
  };
}

/** The connection machine in `phase`, as the badge's props. */
function seeded(phase: ConnectionPhase, state: LinkState | null): ConnectionBadgeProps {
  const view = connectionView(connectionMachine.resolveState({ value: phase, context: { state, lastHost: null } }));
  return {
    phase: view.phase,
    live: view.live,
    slow: view.slow,
    rtt: view.rttMean === null ? null : { mean: view.rttMean, jitter: view.rttJitter ?? 0 },
  };
}

const meta = {
  title: 'App/Connection Badge',
  component: ConnectionBadge,
  args: seeded('online', linkState('online')),
  argTypes: {
    phase: {
      control: 'select',
      options: ['connecting', 'online', 'liveOffline', 'reconnecting', 'authFailed', 'incompatible', 'closed'],
    },
    live: { control: 'object' },
    rtt: { control: 'object' },
  },
} satisfies Meta<typeof ConnectionBadge>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Connecting: Story = { args: seeded('connecting', null) };
export const OnSimulator: Story = {
  args: seeded('online', linkState('online')),
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole('status')).toHaveTextContent(
      'the simulator (as Live 12.3.6), set “LiveSurface Demo”',
    );
  },
};
export const OnLive: Story = { args: seeded('online', linkState('online', { live: LIVE })) };
/** The bridge holds this tablet's updates back: it reads too slowly. */
export const Slow: Story = { args: seeded('online', linkState('online', { slow: true })) };
export const LiveOffline: Story = {
  args: seeded('liveOffline', linkState('live-offline', { live: { ...SIMULATOR, state: 'offline' } })),
};
export const Reconnecting: Story = { args: seeded('reconnecting', linkState('reconnecting')) };
export const AuthFailed: Story = { args: seeded('authFailed', linkState('auth-failed', { live: null, rtt: null })) };
/** The bridge speaks another protocol (it was updated while the page stayed open). */
export const Incompatible: Story = {
  args: seeded('incompatible', linkState('incompatible', { incompatible: 'this bridge speaks protocol 2, not 1' })),
};
export const Closed: Story = { args: seeded('closed', linkState('closed')) };

export const AllStates: Story = {
  parameters: { controls: { disable: true } },
  render: () => (
    <div className="ls-story-grid" style={{ flexDirection: 'column', alignItems: 'flex-start' }}>
      {(
        [
          ['connecting', seeded('connecting', null)],
          ['online, simulator', seeded('online', linkState('online'))],
          ['online, Live', seeded('online', linkState('online', { live: LIVE }))],
          ['slow', seeded('online', linkState('online', { slow: true }))],
          ['Live offline', seeded('liveOffline', linkState('live-offline'))],
          ['reconnecting', seeded('reconnecting', linkState('reconnecting'))],
          ['auth failed', seeded('authFailed', linkState('auth-failed'))],
          ['incompatible', seeded('incompatible', linkState('incompatible'))],
          ['closed', seeded('closed', linkState('closed'))],
        ] as const
      ).map(([title, props]) => (
        <figure key={title} style={{ justifyItems: 'start' }}>
          <ConnectionBadge {...props} />
          <figcaption>{title}</figcaption>
        </figure>
      ))}
    </div>
  ),
};

function StudioConnection() {
  const studio = useStudio();
  const actor = useActorRef(studio.machines.connection);
  const push = (state: LinkState) => () => studio.live.link(state);
  return (
    <div style={{ display: 'grid', gap: 12, justifyItems: 'start' }}>
      <LinkBadge actor={actor} />
      <div style={{ display: 'flex', gap: 8 }}>
        <Button kind="trigger" label="Online" onTrigger={push(linkState('online'))} />
        <Button
          kind="trigger"
          label="Live goes away"
          onTrigger={push(linkState('live-offline', { live: { ...SIMULATOR, state: 'offline' } }))}
        />
        <Button kind="trigger" label="Bridge lost" onTrigger={push(linkState('reconnecting'))} />
      </div>
      <StatePanel actor={actor} label="connection" />
    </div>
  );
}

/** The connection machine on the fake link: push the link's states and watch the badge. */
export const Interactive: Story = {
  decorators: [withStudio()],
  parameters: { controls: { disable: true } },
  render: () => <StudioConnection />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('status')).toHaveTextContent('Connecting');
    await userEvent.click(canvas.getByRole('button', { name: 'Online' }));
    await waitFor(() => expect(canvas.getByRole('status')).toHaveTextContent('the simulator'));
    await userEvent.click(canvas.getByRole('button', { name: 'Live goes away' }));
    await waitFor(() => expect(canvas.getByRole('status')).toHaveTextContent('Live is offline'));
    await expect(canvas.getByTestId('actor-state')).toHaveTextContent('liveOffline');
  },
};
