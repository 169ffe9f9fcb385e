/**
 * Watches the bridge for the status page: connects with the session token,
 * says hello, follows `status` events, reconnects. (The app's full client,
 * with observations and actors, is LiveLink.)
 */
import {
  BridgeHelloResult,
  BridgeToClient,
  PROTOCOL_VERSION,
  type LiveStatus,
  type MidiRoute,
} from '../../protocol/src/index';

export type Connection =
  | { state: 'connecting' }
  | { state: 'connected'; live: LiveStatus; midi: MidiRoute; bridgeVersion: string }
  | { state: 'no-token' }
  | { state: 'disconnected'; retryInMs: number };

/** The session token: from the page's URL (as printed by `livesurface start`), kept for reloads. */
export function sessionToken(location: Location, storage: Storage): string | null {
  const fromUrl = new URLSearchParams(location.search).get('token');
  if (fromUrl) storage.setItem('livesurface-token', fromUrl);
  return fromUrl ?? storage.getItem('livesurface-token');
}

export function watchBridge(token: string | null, onChange: (connection: Connection) => void): () => void {
  if (token === null) {
    onChange({ state: 'no-token' });
    return () => {};
  }
  let socket: WebSocket | null = null;
  let stopped = false;
  let retryMs = 500;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const open = (): void => {
    onChange({ state: 'connecting' });
    const url = new URL('/ws', location.href);
    url.protocol = location.protocol === 'https:' ? 'wss:' : 'ws:';
    url.searchParams.set('token', token);
    const current = new WebSocket(url);
    socket = current;
    let facts: Omit<Extract<Connection, { state: 'connected' }>, 'state'> | null = null;
    current.onopen = () =>
      current.send(JSON.stringify({ op: 'hello', id: 1, protocol: PROTOCOL_VERSION, client: 'livesurface-app' }));
    current.onmessage = (event) => {
      const frame: unknown = JSON.parse(String(event.data));
      for (const raw of Array.isArray(frame) ? frame : [frame]) {
        const message = BridgeToClient.safeParse(raw);
        if (!message.success) continue;
        const data = message.data;
        if ('ok' in data && data.id === 1 && data.ok) {
          const hello = BridgeHelloResult.parse(data.result);
          retryMs = 500;
          facts = { live: hello.live, midi: hello.midi, bridgeVersion: hello.bridge_version };
          onChange({ state: 'connected', ...facts });
        } else if ('ev' in data && data.ev === 'status' && facts !== null) {
          facts = { ...facts, live: data.live };
          onChange({ state: 'connected', ...facts });
        }
      }
    };
    current.onclose = () => {
      if (stopped) return;
      onChange({ state: 'disconnected', retryInMs: retryMs });
      timer = setTimeout(open, retryMs);
      retryMs = Math.min(retryMs * 2, 8000);
    };
  };
  open();
  return () => {
    stopped = true;
    clearTimeout(timer);
    socket?.close();
  };
}
