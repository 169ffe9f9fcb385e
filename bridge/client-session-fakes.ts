/** What the ClientSession tests share: a socket that keeps what is sent, and the bridge's hello. */
import type { BridgeHelloResult } from '../protocol/src/index';
import { FakeSocket as FakeWebSocket } from '../link/fake-socket';
import type { ClientSocket } from './client-session';

/** A client's socket in memory: every frame sent, and how it was closed. */
export class FakeSocket implements ClientSocket {
  frames: unknown[] = [];
  bufferedAmount = 0;
  closedWith: [number, string] | null = null;
  send(data: string): void {
    this.frames.push(JSON.parse(data));
  }
  close(code: number, reason: string): void {
    this.closedWith = [code, reason];
  }
  /** Every message sent, batches unfolded. */
  messages(): { id?: number | null; ev?: string; [key: string]: unknown }[] {
    return this.frames.flatMap((frame): unknown[] => (Array.isArray(frame) ? frame : [frame])) as {
      id?: number | null;
      ev?: string;
    }[];
  }
  /** What each `ev` event of this kind carried as `field`, in order. */
  events(ev: string, field: string): unknown[] {
    return this.messages()
      .filter((message) => message.ev === ev)
      .map((message) => message[field]);
  }
}

/** The bridge's answer to `hello`, on the simulator, unlocked, with no pages. */
export const HELLO: BridgeHelloResult = FakeWebSocket.hello;

/** The `hello` a client opens with. */
export const CLIENT_HELLO = JSON.stringify({ op: 'hello', id: 0, protocol: 1, client: 'test' });
