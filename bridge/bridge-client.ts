/**
 * A small client of the bridge for Node: the CLI's one-shot commands and
 * REPL, tests and benchmarks. (The browser's client is LiveLink.)
 */
import WebSocket from 'ws';
import {
  BridgeToClient,
  PROTOCOL_VERSION,
  type BridgeEvent,
  type ClientToBridge,
  type ErrorInfo,
  type JsonValue,
  type LiveRef,
} from '../protocol/src/index';
import { rawDataText } from './raw-data';
import type { LinkRequest } from '../link/requests';

/** A request to the bridge without its id (the client numbers it): the client hop's shapes. */
export type RequestBody = LinkRequest;

export type Reply = { ok: true; result: JsonValue; ref?: LiveRef } | { ok: false; error: ErrorInfo };

/** The WebSocket URL of a bridge with its token. */
export function socketUrl(url: string, token: string): string {
  const parsed = new URL(url.replace(/^http/, 'ws'));
  if (parsed.pathname === '/' || parsed.pathname === '') parsed.pathname = '/ws';
  parsed.searchParams.set('token', token);
  return parsed.toString();
}

export class BridgeClient {
  private nextId = 1;
  private readonly pending = new Map<number, (reply: Reply) => void>();
  private readonly eventListeners = new Set<(event: BridgeEvent) => void>();
  /** Frames received (one frame may hold several messages). */
  frames = 0;

  private constructor(readonly socket: WebSocket) {
    socket.on('message', (data) => {
      this.frames += 1;
      const frame: unknown = JSON.parse(rawDataText(data));
      for (const raw of Array.isArray(frame) ? frame : [frame]) {
        const message = BridgeToClient.parse(raw);
        if ('ev' in message) {
          for (const listener of this.eventListeners) listener(message);
        } else if (message.id !== null) {
          this.pending.get(message.id)?.(
            message.ok ? { ok: true, result: message.result, ...(message.ref ? { ref: message.ref } : {}) } : message,
          );
          this.pending.delete(message.id);
        }
      }
    });
    socket.on('close', () => {
      for (const settle of this.pending.values())
        settle({ ok: false, error: { code: 'unavailable', message: 'the bridge closed the connection' } });
      this.pending.clear();
    });
  }

  /** Connects (and says hello); rejects with the bridge's reason when it refuses. */
  static connect(
    url: string,
    token: string,
    options: { origin?: string; hello?: boolean } = {},
  ): Promise<BridgeClient> {
    return new Promise((resolve, reject) => {
      const socket = new WebSocket(socketUrl(url, token), {
        perMessageDeflate: false,
        ...(options.origin ? { origin: options.origin } : {}),
      });
      socket.once('unexpected-response', (_request, response) => {
        let body = '';
        response.on('data', (chunk: Buffer) => (body += chunk.toString()));
        response.on('end', () =>
          reject(new Error(`the bridge refused the connection (${response.statusCode}): ${body.trim()}`)),
        );
      });
      socket.once('error', reject);
      socket.once('open', () => {
        const client = new BridgeClient(socket);
        if (options.hello === false) return resolve(client);
        client.request({ op: 'hello', protocol: PROTOCOL_VERSION, client: 'livesurface-node' }).then((reply) => {
          if (reply.ok) resolve(client);
          else reject(new Error(reply.error.message));
        }, reject);
      });
    });
  }

  request(body: RequestBody): Promise<Reply> {
    return this.start(body).reply;
  }

  /** Sends a request and tells its id (an observation goes by its observe's id). */
  start(body: RequestBody): { id: number; reply: Promise<Reply> } {
    const id = this.nextId++;
    const reply = new Promise<Reply>((resolve) => this.pending.set(id, resolve));
    this.send({ ...body, id });
    return { id, reply };
  }

  /** Sends a message or a batch as it is (no reply expected, or replies matched by the caller). */
  send(frame: ClientToBridge | ClientToBridge[] | string): void {
    this.socket.send(typeof frame === 'string' ? frame : JSON.stringify(frame));
  }

  onEvent(listener: (event: BridgeEvent) => void): () => void {
    this.eventListeners.add(listener);
    return () => this.eventListeners.delete(listener);
  }

  close(): Promise<void> {
    return new Promise((resolve) => {
      if (this.socket.readyState === WebSocket.CLOSED) return resolve();
      this.socket.once('close', () => resolve());
      this.socket.close();
    });
  }
}
