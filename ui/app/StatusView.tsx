/**
 * The screen the app shows instead of its pages when it cannot work, one
 * per failure, each saying what happened and what to do: no token in the
 * address, a token this bridge refuses, a bridge that does not answer (or
 * refuses this page's connection) before the page ever reached it, too many
 * wrong tokens from this device, a bridge of another protocol. In the
 * app's theme. A pure view.
 */
import type { ReactNode } from 'react';
import type { Theme } from './theme-switch';
import './status.css';

/** Which failure the screen tells. */
export type FailureScreen =
  'no-token' | 'wrong-token' | 'unreachable' | 'socket-refused' | 'too-many-guesses' | 'incompatible';

export interface StatusViewProps {
  screen: FailureScreen;
  theme: Theme;
  /** Seconds until the next try, where the page keeps trying (0: trying now). */
  retryInS?: number | null;
  /** The bridge's address as this page knows it (`192.168.1.20:9400`). */
  bridge?: string;
  /** The bridge's own words, where it gave some (a protocol it speaks). */
  detail?: string | null;
  /** Reload the page (for a bridge of another protocol). */
  onReload?: () => void;
  /** What the musician can do here beyond reading (the token form). */
  children?: ReactNode;
}

const cmd = (text: string) => <code>{text}</code>;

/** When the page tries again, where it keeps trying. */
function Retrying({ seconds }: { seconds: number | null | undefined }) {
  if (seconds === null || seconds === undefined) return null;
  return <p className="ls-status-hint ls-number">{seconds <= 0 ? 'Trying now…' : `Trying again in ${seconds} s.`}</p>;
}

function content({ screen, bridge, detail }: StatusViewProps): { title: string; body: ReactNode } {
  const address = bridge ? <strong>{bridge}</strong> : 'the bridge’s address';
  switch (screen) {
    case 'no-token':
      return {
        title: 'Open the address livesurface start printed',
        body: (
          <>
            <p>
              This page needs the session token that address carries (<code>…/?token=…</code>). On a tablet, scan the QR
              code {cmd('livesurface start')} shows; on the computer, open the first address it prints.
            </p>
            <p className="ls-status-hint">Lost it? {cmd('livesurface token')} prints the token again.</p>
          </>
        ),
      };
    case 'wrong-token':
      return {
        title: 'This address’s token is not this bridge’s',
        body: (
          <>
            <p>
              Open the address {cmd('livesurface start')} printed, or scan its QR code again. The token changes when
              someone runs {cmd('livesurface token --rotate')}, or when the bridge runs with another token file.
            </p>
          </>
        ),
      };
    case 'unreachable':
      return {
        title: 'The bridge is not answering',
        body: (
          <>
            <p>
              Nothing answers at {address}. Is {cmd('livesurface start')} running on the computer, and is this device on
              the same network?
            </p>
          </>
        ),
      };
    case 'socket-refused':
      return {
        title: 'The bridge does not let this page connect',
        body: (
          <>
            <p>
              The bridge at {address} answers and takes the token, but refuses this page’s connection: open the page at
              the address {cmd('livesurface start')} printed. A page served from another address needs{' '}
              {cmd('livesurface start --allow-origin <its address>')}.
            </p>
          </>
        ),
      };
    case 'too-many-guesses':
      return {
        title: 'Too many wrong tokens came from this device',
        body: (
          <>
            <p>
              Against guessing, the bridge ignores this device’s address for a while. If this address’s token is out of
              date, open the address {cmd('livesurface start')} printed, or scan its QR code again.
            </p>
          </>
        ),
      };
    case 'incompatible':
      return {
        title: 'This page and the bridge are of different versions',
        body: (
          <>
            <p>The bridge was updated while this page stayed open. Reload the page to get the bridge’s own.</p>
            {detail && <p className="ls-status-hint">The bridge says: {detail}</p>}
          </>
        ),
      };
    default:
      return screen satisfies never;
  }
}

export function StatusView(props: StatusViewProps) {
  const { screen, theme, retryInS, onReload, children } = props;
  const { title, body } = content(props);
  return (
    <main className="ls-root ls-status" data-theme={theme} data-screen={screen}>
      <div className="ls-status-card">
        <p className="ls-status-brand">LiveSurface</p>
        {/* announced once, when the screen comes; the countdown under it is not */}
        <div role="alert">
          <h1 className="ls-status-title">
            <span className="ls-status-dot" aria-hidden="true" />
            {title}
          </h1>
          <div className="ls-status-body">{body}</div>
        </div>
        <Retrying seconds={retryInS} />
        {children}
        {screen === 'incompatible' && onReload && (
          <button type="button" className="ls-status-action" onClick={onReload}>
            Reload
          </button>
        )}
      </div>
    </main>
  );
}
