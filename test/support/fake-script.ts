/**
 * A stand-in for the LiveSurface script on port 0, for the bridge's unit
 * tests: a real TCP server speaking NDJSON, answering `hello` as told, and
 * keeping what it was sent. No Python.
 */
import { createServer, type Server, type Socket } from 'node:net';
import { StringDecoder } from 'node:string_decoder';
import type { HelloResult } from '../../protocol/src/index';

/** The secret the bridge's tests hand their upstream for the fake script (`secret` option). */
export const FAKE_SECRET = 'f'.repeat(64);

export const FAKE_HELLO: HelloResult = {
  protocol: 1,
  script: 'LiveSurface',
  script_version: '0.1.0',
  host: 'simulator',
  live_version: '12.3.6',
  set_name: 'Demo',
};

/** A line the bridge sent, parsed. */
export type Received = Record<string, unknown> & { id?: number; op?: string };

export class FakeScript {
  /** Every line the bridge sent, parsed, in order (all connections). */
  readonly received: Received[] = [];
  /** Everything the bridge sent, as text. */
  text = '';
  /** Connections accepted so far. */
  accepted = 0;
  /** How `hello` is answered: with `FAKE_HELLO`, with an error, or not at all; a wrong secret is refused. */
  hello: 'answer' | 'refuse' | 'silent' = 'answer';
  /** The secret `hello` must carry, as the real script's. */
  secret = FAKE_SECRET;
  /** The reply line to any other request, or null for none. */
  answer: (request: Received) => string | null = () => null;
  private readonly open = new Set<Socket>();

  private constructor(
    private readonly server: Server,
    readonly port: number,
  ) {}

  static async start(): Promise<FakeScript> {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const script = new FakeScript(server, (server.address() as { port: number }).port);
    server.on('connection', (socket) => script.adopt(socket));
    return script;
  }

  /** Connections open now. */
  get connections(): number {
    return this.open.size;
  }

  /** Writes to every open connection as it is (lines need their own newlines). */
  write(chunk: string | Buffer): void {
    for (const socket of this.open) socket.write(chunk);
  }

  /** Sends lines to every open connection. */
  say(...lines: string[]): void {
    this.write(lines.map((line) => `${line}\n`).join(''));
  }

  /** Drops every open connection, as a script that went away. */
  drop(): void {
    for (const socket of this.open) socket.destroy();
  }

  /** Resets every open connection (TCP RST), as a script that crashed. */
  reset(): void {
    for (const socket of this.open) socket.resetAndDestroy();
  }

  async close(): Promise<void> {
    this.drop();
    await new Promise((resolve) => this.server.close(resolve));
  }

  private adopt(socket: Socket): void {
    this.accepted += 1;
    this.open.add(socket);
    socket.on('close', () => this.open.delete(socket));
    socket.on('error', () => {});
    const decoder = new StringDecoder('utf8');
    let pending = '';
    socket.on('data', (chunk: Buffer) => {
      const text = decoder.write(chunk);
      this.text += text;
      const lines = (pending + text).split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines.filter(Boolean)) this.receive(socket, JSON.parse(line) as Received);
    });
  }

  private receive(socket: Socket, request: Received): void {
    this.received.push(request);
    const reply = request.op === 'hello' ? this.helloReply(request) : this.answer(request);
    if (reply !== null) socket.write(`${reply}\n`);
  }

  private helloReply(request: Received): string | null {
    const error = (code: string, message: string): string =>
      JSON.stringify({ id: request.id, ok: false, error: { code, message } });
    if (this.hello === 'silent') return null;
    if (this.hello === 'refuse') return error('bad_request', 'wrong protocol');
    if (request.secret !== this.secret) return error('forbidden', 'wrong secret');
    return JSON.stringify({ id: request.id, ok: true, result: FAKE_HELLO });
  }
}
