/** What the app shows of the session: which Live, whether it answers, where MIDI goes. A pure view. */
import type { LiveStatus, MidiRoute } from '../../protocol/src/index';

/** The app's connection to the bridge, as the status page tells it. */
export type Connection =
  | { state: 'connecting' }
  | { state: 'connected'; live: LiveStatus; midi: MidiRoute; bridgeVersion: string }
  | { state: 'no-token' }
  | { state: 'disconnected'; retryInMs: number };

function liveLine(connection: Extract<Connection, { state: 'connected' }>): string {
  const { live } = connection;
  if (live.state === 'offline') return 'Live is offline: waiting for it to come back';
  const which =
    live.host === 'simulator' ? `the simulator (as Live ${live.live_version})` : `Live ${live.live_version}`;
  return `${which}, set “${live.set_name}”`;
}

export function StatusView({ connection }: { connection: Connection }) {
  let title: string;
  let detail: string;
  switch (connection.state) {
    case 'connecting':
      title = 'Connecting to the bridge…';
      detail = '';
      break;
    case 'no-token':
      title = 'Open the address livesurface start printed';
      detail = 'It carries the session token (…/?token=…); the QR code it shows opens it on a tablet.';
      break;
    case 'disconnected':
      title = 'The bridge is not answering';
      detail = `Trying again in ${Math.round(connection.retryInMs / 100) / 10} s. Is livesurface start running?`;
      break;
    case 'connected':
      title = liveLine(connection);
      detail = `MIDI goes ${connection.midi.detail}`;
      break;
    default:
      return connection satisfies never;
  }
  const online = connection.state === 'connected' && connection.live.state === 'online';
  return (
    <main className="status" data-state={connection.state} data-live={online ? 'online' : 'offline'}>
      <h1>LiveSurface</h1>
      <p role="status" aria-live="polite" className="status-title">
        <span className="status-dot" aria-hidden="true" /> {title}
      </p>
      {detail && <p className="status-detail">{detail}</p>}
    </main>
  );
}
