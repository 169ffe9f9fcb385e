/**
 * Which Live the surface plays and how well it hears it: Live or the
 * simulator and the set's name, whether Live answers, the round trip and its
 * jitter. One line that never moves the layout, announced politely when it
 * changes. A pure view of the connection machine's state.
 */
import { memo } from 'react';
import type { LiveStatus } from '../../../protocol/src/index';
import './connection-badge.css';

export type ConnectionPhase =
  'connecting' | 'online' | 'liveOffline' | 'reconnecting' | 'authFailed' | 'incompatible' | 'closed';

export interface ConnectionBadgeProps {
  phase: ConnectionPhase;
  live: LiveStatus | null;
  /** Smoothed round trip and jitter to Live, ms. */
  rtt?: { mean: number; jitter: number } | null;
  /** The bridge said this tablet reads too slowly: updates are being held back. */
  slow?: boolean;
}

/** What the badge says, in words. */
export function connectionText({ phase, live }: Pick<ConnectionBadgeProps, 'phase' | 'live'>): string {
  switch (phase) {
    case 'connecting':
      return 'Connecting to the bridge…';
    case 'reconnecting':
      return 'The bridge is not answering: reconnecting…';
    case 'authFailed':
      return 'The bridge refused this address: open the one livesurface start printed';
    case 'incompatible':
      return 'The bridge is of another version: reload the page';
    case 'closed':
      return 'Disconnected';
    case 'liveOffline':
      return 'Live is offline: waiting for it to come back';
    case 'online': {
      if (!live) return 'Live';
      const which =
        live.host === 'simulator' ? `the simulator (as Live ${live.live_version})` : `Live ${live.live_version}`;
      return `${which}, set “${live.set_name}”`;
    }
    default:
      return phase satisfies never;
  }
}

export const ConnectionBadge = memo(function ConnectionBadge({
  phase,
  live,
  rtt = null,
  slow = false,
}: ConnectionBadgeProps) {
  const tone =
    phase === 'online'
      ? slow
        ? 'slow'
        : 'good'
      : phase === 'authFailed' || phase === 'incompatible' || phase === 'closed'
        ? 'bad'
        : 'waiting';
  return (
    <div className="ls-connection" data-phase={phase} data-tone={tone} data-host={live?.host ?? undefined}>
      <span className="ls-connection-dot" aria-hidden="true" />
      <span role="status" aria-live="polite" className="ls-connection-text">
        {connectionText({ phase, live })}
        {slow && phase === 'online' ? ' (this tablet is behind: updates held back)' : ''}
      </span>
      {phase === 'online' && rtt && (
        <span className="ls-connection-rtt ls-number" title="Round trip to Live and its jitter">
          {rtt.mean.toFixed(1)} ms ±{rtt.jitter.toFixed(1)}
        </span>
      )}
    </div>
  );
});
