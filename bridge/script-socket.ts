/**
 * The bridge's end of the bridge <-> script hop: newline-delimited JSON over
 * TCP to the LiveSurface script (in Live or in the simulator). Every line the
 * script sends is checked against the protocol; a line that does not parse is
 * counted and reported, never thrown into the stream.
 */
import { connect, type Socket } from 'node:net';
import { LiveToBridge, type BridgeToLiveLine } from '../protocol/src/index';
import { LineSplitter } from './line-splitter';

/** A line from the script that is not a protocol message. */
export interface InvalidLine {
  line: string;
  reason: string;
}

export interface ScriptSocketOptions {
  host?: string;
  port: number;
  /** Give up connecting after this long (ms). */
  connectTimeoutMs?: number;
  /** Check every message with zod (default true); the benchmark can measure without it. */
  validate?: boolean;
}

/**
 * The longest line taken from the script: a reply of a clip's notes can hold
 * tens of thousands (about 170 bytes each), far more than the script takes in
 * one line; the script holds at most 32 MB for a client that does not read.
 */
export const MAX_INCOMING_LINE = 32 * 1024 * 1024;

export class ScriptSocket {
  private readonly messageListeners = new Set<(message: LiveToBridge) => void>();
  private readonly invalidListeners = new Set<(invalid: InvalidLine) => void>();
  private readonly closeListeners = new Set<() => void>();
  /** Lines from the script that were not protocol messages. */
  invalidLines = 0;

  private constructor(
    private readonly socket: Socket,
    private readonly validate: boolean,
  ) {
    const splitter = new LineSplitter(MAX_INCOMING_LINE, (bytes) =>
      this.reject(`(${bytes} bytes)`, 'line longer than the protocol allows'),
    );
    socket.on('data', (chunk: Buffer) => {
      for (const line of splitter.push(chunk)) this.receive(line);
    });
    socket.on('close', () => {
      for (const listener of this.closeListeners) listener();
    });
    socket.on('error', () => {
      // 'close' follows; the owner decides what a lost script means.
    });
  }

  /** Connects to the script; rejects when nothing answers in time. */
  static connect(options: ScriptSocketOptions): Promise<ScriptSocket> {
    const { host = '127.0.0.1', port, connectTimeoutMs = 2000, validate = true } = options;
    return new Promise((resolve, reject) => {
      const socket = connect({ host, port, noDelay: true });
      const timer = setTimeout(() => {
        socket.destroy();
        reject(new Error(`no script answered on ${host}:${port} within ${connectTimeoutMs} ms`));
      }, connectTimeoutMs);
      const failed = (error: Error): void => {
        clearTimeout(timer);
        reject(error);
      };
      socket.once('error', failed);
      socket.once('connect', () => {
        clearTimeout(timer);
        // from here on the ScriptSocket's own listener takes errors
        socket.off('error', failed);
        resolve(new ScriptSocket(socket, validate));
      });
    });
  }

  /** Sends one request or a batch, as one line. */
  send(line: BridgeToLiveLine): void {
    this.socket.write(`${JSON.stringify(line)}\n`);
  }

  /** Sends many lines in one write. */
  sendMany(lines: readonly BridgeToLiveLine[]): void {
    this.sendLines(lines.map((line) => JSON.stringify(line)));
  }

  /** Sends lines already in JSON, in one write. */
  sendLines(lines: readonly string[]): void {
    this.socket.write(lines.map((line) => `${line}\n`).join(''));
  }

  onMessage(listener: (message: LiveToBridge) => void): () => void {
    this.messageListeners.add(listener);
    return () => this.messageListeners.delete(listener);
  }

  onInvalid(listener: (invalid: InvalidLine) => void): () => void {
    this.invalidListeners.add(listener);
    return () => this.invalidListeners.delete(listener);
  }

  onClose(listener: () => void): () => void {
    this.closeListeners.add(listener);
    return () => this.closeListeners.delete(listener);
  }

  close(): void {
    this.socket.destroy();
  }

  private receive(line: string): void {
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      this.reject(line, 'not JSON');
      return;
    }
    if (this.validate) {
      const parsed = LiveToBridge.safeParse(value);
      if (!parsed.success) {
        this.reject(line, parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; '));
        return;
      }
      value = parsed.data;
    }
    for (const listener of this.messageListeners) listener(value as LiveToBridge);
  }

  private reject(line: string, reason: string): void {
    this.invalidLines += 1;
    for (const listener of this.invalidListeners) listener({ line, reason });
  }
}
