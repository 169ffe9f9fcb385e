/**
 * What LiveLink needs of a WebSocket: the browser's own, or `ws` in Node
 * (Node 20 has none built in), or a fake in tests.
 */
export interface SocketLike {
  readonly readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  onopen: ((event: unknown) => void) | null;
  onmessage: ((event: { data: unknown }) => void) | null;
  onclose: ((event: { code: number }) => void) | null;
  onerror: ((event: unknown) => void) | null;
}

/** Opens a socket to a URL. */
export type SocketFactory = (url: string) => SocketLike;

/** The WebSocket URL of a bridge (`http://host:9400`) with the session token. */
export function bridgeSocketUrl(base: string, token: string): string {
  const url = new URL('/ws', base);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  url.searchParams.set('token', token);
  return url.toString();
}

/** The browser's WebSocket, where there is one. */
export const browserSocket: SocketFactory = (url) => {
  const WebSocketClass = (globalThis as { WebSocket?: new (url: string) => SocketLike }).WebSocket;
  if (WebSocketClass === undefined) throw new Error('no WebSocket here: give LiveLink a socket factory (ws in Node)');
  return new WebSocketClass(url);
};
