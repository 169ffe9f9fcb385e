/** LiveLink's socket in Node (Node 20 has no WebSocket of its own): `ws`. */
import WebSocket from 'ws';
import type { SocketFactory, SocketLike } from './socket';

/** `ws` as LiveLink's socket. */
export const nodeSocket: SocketFactory = (url) =>
  new WebSocket(url, { perMessageDeflate: false }) as unknown as SocketLike;
