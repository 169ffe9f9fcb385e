// @vitest-environment jsdom
import { act, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RENDER_MODES } from '../../test/render-modes';
import { LinkBanner } from './LinkBanner';
import { OfflineBanner } from './OfflineBanner';

describe.each(RENDER_MODES)('OfflineBanner (%s)', (_, Mode) => {
  it('says what happens and that changes are not sent, politely', () => {
    render(
      <Mode>
        <OfflineBanner cause="simulator-restarting" retryInS={null} />
      </Mode>,
    );
    const status = screen.getByRole('status');
    expect(status).toHaveAttribute('aria-live', 'polite');
    expect(status).toHaveTextContent(
      'Live is offline — reconnecting… The simulator stopped; the bridge is starting it again. Your changes are not sent.',
    );
  });

  it('says when the next try is, outside what is announced', () => {
    render(
      <Mode>
        <OfflineBanner cause="bridge-lost" retryInS={3} />
      </Mode>,
    );
    expect(screen.getByText('Trying again in 3 s.')).not.toBe(screen.getByRole('status'));
    expect(screen.getByRole('status')).not.toHaveTextContent('Trying again');
  });

  it('over a page that keeps its edits, says they wait', () => {
    render(
      <Mode>
        <OfflineBanner cause="live-not-running" retryInS={null} holdsEdits />
      </Mode>,
    );
    expect(screen.getByRole('status')).toHaveTextContent('Your edits here wait, and are sent when Live is back.');
    expect(screen.getByRole('status')).not.toHaveTextContent('not sent');
  });
});

describe('LinkBanner', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(10_000);
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('counts down to the next try, then says it is trying', () => {
    render(<LinkBanner notice={{ kind: 'banner', cause: 'bridge-unreachable', retryAt: 12_500 }} />);
    expect(screen.getByText('Trying again in 3 s.')).toBeInTheDocument();
    act(() => {
      vi.advanceTimersByTime(1000);
    });
    expect(screen.getByText('Trying again in 2 s.')).toBeInTheDocument();
    act(() => {
      vi.advanceTimersByTime(1500);
    });
    expect(screen.getByText('Trying now…')).toBeInTheDocument();
  });
});
