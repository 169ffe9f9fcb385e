/**
 * A TCP connection to one of the simulator's MIDI sockets that is made again
 * (every 250 ms) whenever it drops, since the simulator restarts under the
 * bridge; each new connection is handed to `onConnect`, a fresh stream. The
 * port may be read at each attempt (a restarted simulator may bind another),
 * null while there is none to connect to.
 */
import { connect, type Socket } from 'node:net';

export const RECONNECT_MS = 250;

export class LoopbackLink {
  private current: Socket | null = null;
  private connected = false;
  private closed = false;
  private retry: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly port: number | (() => number | null),
    private readonly onConnect: (socket: Socket) => void = () => {},
    private readonly host = '127.0.0.1',
  ) {
    this.open();
  }

  /** The socket while connected, else null. */
  get socket(): Socket | null {
    return this.connected ? this.current : null;
  }

  close(): void {
    this.closed = true;
    if (this.retry) clearTimeout(this.retry);
    this.current?.destroy();
  }

  private open(): void {
    const port = typeof this.port === 'number' ? this.port : this.port();
    if (port === null) {
      this.retry = setTimeout(() => this.open(), RECONNECT_MS);
      return;
    }
    const socket = connect({ host: this.host, port, noDelay: true });
    this.current = socket;
    this.onConnect(socket);
    socket.on('connect', () => (this.connected = true));
    socket.on('error', () => {});
    socket.on('close', () => {
      this.connected = false;
      if (!this.closed) this.retry = setTimeout(() => this.open(), RECONNECT_MS);
    });
  }
}
