/**
 * The banner over the page while Live (or the bridge) is away: what is
 * happening, when the next try is, and what becomes of the musician's
 * edits meanwhile. The page under it is dimmed and inert (App.tsx), except
 * a page that keeps its edits until Live is back (the Clip page): the
 * banner then says so instead. Announced politely (not its countdown). A
 * pure view.
 */
import { memo } from 'react';
import './offline-banner.css';

/** Why the page is offline. */
export type OfflineCause =
  /** The first connection to the bridge is on its way. */
  | 'connecting'
  /** Live is offline, and the bridge runs the simulator: it is restarting it. */
  | 'simulator-restarting'
  /** Live is offline: not running, or LiveSurface is not one of its Control Surfaces. */
  | 'live-not-running'
  /** The socket to the bridge closed (the bridge stopped, or the network went). */
  | 'bridge-lost'
  /** Nothing answers at the bridge's address. */
  | 'bridge-unreachable'
  /** The bridge answers and takes the token, yet refuses this page's connection. */
  | 'socket-refused'
  /** The link was ended (the page is going away). */
  | 'closed';

export interface OfflineBannerProps {
  cause: OfflineCause;
  /** Seconds until the next try, while the link waits for one (0: trying now); null when Live is the one away. */
  retryInS: number | null;
  /** The page under the banner keeps the musician's edits and sends them when Live is back. */
  holdsEdits?: boolean;
}

const TITLES: Record<OfflineCause, string> = {
  connecting: 'Connecting to the bridge…',
  'simulator-restarting': 'Live is offline — reconnecting…',
  'live-not-running': 'Live is offline — reconnecting…',
  'bridge-lost': 'The bridge is not answering — reconnecting…',
  'bridge-unreachable': 'The bridge is not answering — reconnecting…',
  'socket-refused': 'The bridge refuses this page’s connection',
  closed: 'Disconnected from the bridge',
};

/** What is happening, in a sentence. */
function happening(cause: OfflineCause): string {
  switch (cause) {
    case 'connecting':
      return '';
    case 'simulator-restarting':
      return 'The simulator stopped; the bridge is starting it again.';
    case 'live-not-running':
      return 'Live is not running, or LiveSurface is not one of its Control Surfaces (Settings › Link, Tempo & MIDI).';
    case 'bridge-lost':
    case 'bridge-unreachable':
      return 'Is livesurface start still running on the computer, and this device on its network?';
    case 'socket-refused':
      return 'Open the address livesurface start printed.';
    case 'closed':
      return 'Reload the page to connect again.';
    default:
      return cause satisfies never;
  }
}

/** When the next try is, or nothing when the bridge (not this page) is the one waiting for Live. */
export function retryText(retryInS: number | null): string {
  if (retryInS === null) return '';
  return retryInS <= 0 ? 'Trying now…' : `Trying again in ${retryInS} s.`;
}

export const OfflineBanner = memo(function OfflineBanner({ cause, retryInS, holdsEdits = false }: OfflineBannerProps) {
  const edits =
    cause === 'connecting'
      ? ''
      : holdsEdits
        ? 'Your edits here wait, and are sent when Live is back.'
        : 'Your changes are not sent.';
  const detail = [happening(cause), edits].filter((part) => part !== '').join(' ');
  const retry = retryText(retryInS);
  return (
    <div className="ls-offline-banner" data-cause={cause}>
      <span className="ls-offline-banner-dot" aria-hidden="true" />
      <div className="ls-offline-banner-text">
        {/* announced when the cause changes; the countdown under it is not */}
        <p role="status" aria-live="polite">
          <strong className="ls-offline-banner-title">{TITLES[cause]}</strong>
          {detail && <span className="ls-offline-banner-detail"> {detail}</span>}
        </p>
        {retry && <p className="ls-offline-banner-retry ls-number">{retry}</p>}
      </div>
    </div>
  );
});
