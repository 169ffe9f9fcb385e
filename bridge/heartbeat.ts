/**
 * Heartbeat, as in the ws README: every interval each watched client is
 * pinged, and one that has not answered the previous ping with a pong is
 * terminated. A tablet that went to sleep or off the network never sends a
 * close frame; without this its session (and its observations) would stay
 * open for as long as TCP keeps a dead connection.
 */
import type { WebSocket } from 'ws';

/** How often clients are pinged; one that misses a ping is gone by the next. */
export const HEARTBEAT_MS = 15_000;

/** The part of a ws socket the heartbeat uses. */
export type HeartbeatSocket = Pick<WebSocket, 'ping' | 'terminate' | 'on'>;

export class Heartbeat {
  /** Each watched socket with its `isAlive` flag: set by a pong, cleared by each ping. */
  private readonly isAlive = new Map<HeartbeatSocket, boolean>();
  private readonly timer: ReturnType<typeof setInterval>;

  constructor(intervalMs = HEARTBEAT_MS) {
    this.timer = setInterval(() => this.beat(), intervalMs);
    // the server keeps the process running; a heartbeat with nothing to serve must not
    this.timer.unref();
  }

  /** How many sockets are watched. */
  get size(): number {
    return this.isAlive.size;
  }

  /** Watches a socket until it closes. */
  watch(socket: HeartbeatSocket): void {
    this.isAlive.set(socket, true);
    socket.on('pong', () => {
      // a pong that arrives after the close must not bring the socket back
      if (this.isAlive.has(socket)) this.isAlive.set(socket, true);
    });
    socket.on('close', () => this.isAlive.delete(socket));
  }

  /** Stops pinging (the bridge is closing); watched sockets are left as they are. */
  stop(): void {
    clearInterval(this.timer);
    this.isAlive.clear();
  }

  private beat(): void {
    for (const [socket, alive] of this.isAlive) {
      if (!alive) {
        this.isAlive.delete(socket);
        socket.terminate();
        continue;
      }
      this.isAlive.set(socket, false);
      socket.ping();
    }
  }
}
