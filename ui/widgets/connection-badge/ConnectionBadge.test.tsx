// @vitest-environment jsdom
import { act, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { LinkState } from '../../../link/live-link';
import { connectionMachine } from '../../../machines/connection';
import { fakeActor } from '../../test/fake-actor';
import { RENDER_MODES } from '../../test/render-modes';
import { ConnectionBadge } from './ConnectionBadge';
import { LinkBadge } from './LinkBadge';

const live = { state: 'online', host: 'live', live_version: '11.3.43', set_name: 'Gig' } as const;

describe.each(RENDER_MODES)('ConnectionBadge (%s)', (_, Mode) => {
  it('says which Live it plays, politely, with the round trip', () => {
    render(
      <Mode>
        <ConnectionBadge phase="online" live={live} rtt={{ mean: 2.25, jitter: 0.5 }} />
      </Mode>,
    );
    const status = screen.getByRole('status');
    expect(status).toHaveTextContent('Live 11.3.43, set “Gig”');
    expect(status).toHaveAttribute('aria-live', 'polite');
    expect(screen.getByTitle('Round trip to Live and its jitter')).toHaveTextContent('2.3 ms ±0.5');
  });

  it('says what is wrong when it is not online, without a round trip', () => {
    render(
      <Mode>
        <ConnectionBadge phase="authFailed" live={null} rtt={{ mean: 2, jitter: 0 }} />
      </Mode>,
    );
    expect(screen.getByRole('status')).toHaveTextContent('refused this address');
    expect(screen.queryByTitle('Round trip to Live and its jitter')).toBeNull();
  });
});

describe('LinkBadge', () => {
  it('follows the connection actor', () => {
    const state = (status: LinkState['status']): LinkState => ({
      status,
      live,
      midi: null,
      sessions: 1,
      rtt: null,
      slow: false,
      locked: false,
      pages: [],
      presence: [],
    });
    const fake = fakeActor(
      connectionMachine.resolveState({ value: 'connecting', context: { state: null, lastHost: null } }),
    );
    render(<LinkBadge actor={fake.actor} />);
    expect(screen.getByRole('status')).toHaveTextContent('Connecting');
    act(() =>
      fake.emit(
        connectionMachine.resolveState({
          value: 'liveOffline',
          context: { state: state('live-offline'), lastHost: null },
        }),
      ),
    );
    expect(screen.getByRole('status')).toHaveTextContent('Live is offline');
    act(() =>
      fake.emit(
        connectionMachine.resolveState({ value: 'online', context: { state: state('online'), lastHost: null } }),
      ),
    );
    expect(screen.getByRole('status')).toHaveTextContent('Live 11.3.43');
  });
});
