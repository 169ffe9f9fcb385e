/** An in-memory bridge end for LiveLink tests: records frames, answers hello, delivers what the test says. */
import type { BridgeHelloResult } from '../protocol/src/index';
import type { SocketFactory, SocketLike } from './socket';

/** One socket as the bridge's end sees it: the test accepts, drops and delivers; hello is answered by itself. */
export class FakeSocket implements SocketLike {
  readyState = 0;
  frames: unknown[] = [];
  onopen: ((event: unknown) => void) | null = null;
  onmessage: ((event: { data: unknown }) => void) | null = null;
  onclose: ((event: { code: number }) => void) | null = null;
  onerror: ((event: unknown) => void) | null = null;
  closedByClient = false;

  constructor(readonly url: string) {}

  send(data: string): void {
    const frame = JSON.parse(data) as unknown;
    this.frames.push(frame);
    for (const message of [frame].flat() as { op?: string; id?: number }[]) {
      if (message.op === 'hello') this.deliver({ id: message.id, ok: true, result: FakeSocket.hello });
    }
  }

  close(): void {
    this.closedByClient = true;
    this.drop();
  }

  /** The server accepts the connection. */
  accept(): void {
    this.readyState = 1;
    this.onopen?.({});
  }

  /** The server goes away. */
  drop(code = 1006): void {
    if (this.readyState === 3) return;
    this.readyState = 3;
    this.onclose?.({ code });
  }

  deliver(message: unknown): void {
    queueMicrotask(() => this.onmessage?.({ data: JSON.stringify(message) }));
  }

  /** Every message sent but hello and keep-alive pings, batches unfolded. */
  messages(): { op: string; id?: number; [key: string]: unknown }[] {
    return (this.frames.flat() as { op: string; id?: number; [key: string]: unknown }[]).filter(
      (message) => message.op !== 'hello' && message.op !== 'ping',
    );
  }

  /** Answers every message sent so far that `predicate` picks, with `reply` and the message's id. */
  answer(predicate: (message: { op: string; id?: number; [key: string]: unknown }) => boolean, reply: object): void {
    for (const message of this.messages().filter(predicate)) this.deliver({ id: message.id, ...reply });
  }

  /** The keep-alive pings sent, in order. */
  pings(): { op: 'ping'; id: number }[] {
    return (this.frames.flat() as { op: string; id: number }[]).filter(
      (message): message is { op: 'ping'; id: number } => message.op === 'ping',
    );
  }

  /** The last frame that held anything but pings. */
  lastFrame(): unknown {
    return this.frames
      .filter((frame) => ![frame].flat().every((message) => (message as { op: string }).op === 'ping'))
      .at(-1);
  }

  /** The bridge's answer to `hello`, on the simulator, unlocked, with no pages (for every test that needs one). */
  static hello: BridgeHelloResult = {
    protocol: 1,
    bridge_version: 'test',
    live: { state: 'online', host: 'simulator', live_version: '12.3.6', set_name: 'Demo' },
    midi: { mode: 'simulator', detail: 'test' },
    locked: false,
    pages: [],
  };
}

/** A socket factory that keeps the sockets it made; each opens when `accept` is called. */
export function fakeSockets(autoAccept = true): { factory: SocketFactory; sockets: FakeSocket[] } {
  const sockets: FakeSocket[] = [];
  return {
    sockets,
    factory: (url) => {
      const socket = new FakeSocket(url);
      sockets.push(socket);
      if (autoAccept) queueMicrotask(() => socket.accept());
      return socket;
    },
  };
}
