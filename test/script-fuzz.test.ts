/**
 * A bounded fuzz of the script hop: a few thousand random and malformed lines
 * (fast-check, fixed seed) straight to the script's port on the simulator.
 * Every line with an id gets its reply, nothing hangs, the script stays up, a
 * second connection keeps being served, strangers without the secret are
 * refused and closed, and the log stays small. The lines: support/script-lines.ts.
 */
import { readFileSync, statSync, mkdtempSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePorts } from '../bridge/net';
import { startSimulator, type RunningSimulator } from '../bridge/simulator-process';
import { scriptSecret } from './support/script-hello';
import { FUZZ_SLOT, expectedIds, numbered, replyCount, scriptLine } from './support/script-lines';

const SEED = 20261127;
const LINES = 3000;
const SAY_EVERY = 100;

interface Reply {
  id?: number | null;
  ok?: boolean;
  ev?: string;
  error?: { code: string; message: string };
}

/** A raw connection to the script: lines out, replies in, by id. */
class Line {
  readonly replies = new Map<number, Reply>();
  readonly nullReplies: Reply[] = [];
  /** Replies received (events left out), whatever their id. */
  received = 0;
  closed = false;
  private pending = '';
  private waiters: (() => void)[] = [];

  private constructor(readonly socket: Socket) {
    socket.setEncoding('utf8');
    socket.on('data', (text: string) => {
      const lines = (this.pending + text).split('\n');
      this.pending = lines.pop() ?? '';
      for (const line of lines) {
        const message = JSON.parse(line) as Reply;
        if (message.ev !== undefined) continue;
        this.received += 1;
        if (typeof message.id === 'number') this.replies.set(message.id, message);
        else this.nullReplies.push(message);
      }
      for (const waiter of this.waiters.splice(0)) waiter();
    });
    socket.on('close', () => {
      this.closed = true;
      for (const waiter of this.waiters.splice(0)) waiter();
    });
    socket.on('error', () => {});
  }

  static open(port: number): Promise<Line> {
    return new Promise((resolve, reject) => {
      const socket = connect({ host: '127.0.0.1', port, noDelay: true });
      socket.once('connect', () => resolve(new Line(socket)));
      socket.once('error', reject);
    });
  }

  send(line: string | Buffer): void {
    this.socket.write(line);
    this.socket.write('\n');
  }

  /** Waits until `done()` holds, failing after `ms`. */
  async until(done: () => boolean, ms = 10_000): Promise<void> {
    const deadline = Date.now() + ms;
    while (!done()) {
      if (Date.now() > deadline) throw new Error('the script did not answer in time');
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, 50);
      });
    }
  }

  async request(message: Record<string, unknown>): Promise<Reply> {
    this.send(JSON.stringify(message));
    const id = message.id as number;
    await this.until(() => this.replies.has(id));
    return this.replies.get(id) as Reply;
  }

  close(): void {
    this.socket.destroy();
  }
}

describe('the script hop, fuzzed', () => {
  let simulator: RunningSimulator;
  let port: number;
  let logDir: string;
  let secret: string;

  beforeAll(async () => {
    const [scriptPort, midiPort] = await freePorts(2);
    port = scriptPort;
    logDir = mkdtempSync(join(tmpdir(), 'script-fuzz-'));
    simulator = await startSimulator({ scriptPort, midiPort, logDir });
    secret = scriptSecret(port);
  });

  afterAll(async () => {
    expect(await simulator?.stop()).toBe(0);
  });

  const hello = (line: Line, name: string) =>
    line.request({ op: 'hello', id: 1, protocol: 1, client: name, secret }).then((reply) => {
      expect(reply.ok).toBe(true);
    });

  it('answers every line with an id, stays up, and serves another connection meanwhile', async () => {
    const [fuzzer, bystander] = await Promise.all([Line.open(port), Line.open(port)]);
    await hello(fuzzer, 'fuzz');
    await hello(bystander, 'bystander');
    await fuzzer.request({ op: 'call', id: 2, target: FUZZ_SLOT, fn: 'create_clip', args: [16] });
    let nextId = 10_000_000;
    const lines = fc.sample(scriptLine, { numRuns: LINES, seed: SEED }).map((line) => numbered(line, () => nextId++));
    const expected: number[] = [];
    let probes = 0;
    for (const [index, line] of lines.entries()) {
      fuzzer.send(line);
      expected.push(...expectedIds(line));
      if (index % SAY_EVERY === SAY_EVERY - 1) {
        // the bystander is answered while the fuzzer's lines are worked through
        const reply = await bystander.request({ op: 'get', id: 100 + probes, target: 'live_set', prop: 'tempo' });
        probes += 1;
        expect(reply.ok).toBe(true);
        // and nothing the fuzzer sent so far is left without its answer for long
        await fuzzer.until(() => expected.every((id) => fuzzer.replies.has(id)));
      }
    }
    fuzzer.send(Buffer.from([0xff, 0xfe, 0x7b, 0x22]));
    await fuzzer.until(() => expected.every((id) => fuzzer.replies.has(id)));
    // and every line got its answers, those the script could not read too (with id null)
    // the hello and create_clip before, the lines, the bytes that are not UTF-8
    const replies = 2 + lines.reduce((sum, line) => sum + replyCount(line), 0) + 1;
    await fuzzer.until(() => fuzzer.received >= replies);
    expect(fuzzer.received).toBe(replies);
    expect(fuzzer.closed).toBe(false);
    expect(expected.length).toBeGreaterThan(LINES);
    const codes = new Set([...fuzzer.replies.values()].flatMap((reply) => (reply.ok ? [] : [reply.error?.code])));
    expect([...codes].sort()).toEqual(expect.arrayContaining(['bad_request', 'forbidden', 'not_found']));
    // nothing of ours broke: no request ended in an unexpected error
    const unexpected = [...fuzzer.replies.values()].filter((reply) => reply.error?.message.startsWith('unexpected'));
    expect(unexpected).toEqual([]);
    expect((await bystander.request({ op: 'get', id: 99, target: 'live_set', prop: 'name' })).ok).toBe(true);
    fuzzer.close();
    bystander.close();
  });

  it('refuses and closes every connection that does not say hello with the secret, and hurts nobody', async () => {
    const bystander = await Line.open(port);
    await hello(bystander, 'bystander');
    const strangers = fc.sample(scriptLine, { numRuns: 60, seed: SEED + 1 });
    strangers.push(JSON.stringify({ op: 'hello', id: 5, protocol: 1, client: 'x', secret: '0'.repeat(64) }));
    strangers.push(JSON.stringify({ op: 'call', id: 6, target: 'live_set', fn: 'delete_track', args: [0] }));
    for (const text of strangers) {
      const stranger = await Line.open(port);
      stranger.send(text);
      await stranger.until(() => stranger.closed);
      // answered before it was closed, unless the line was blank (then the hello timeout closes it)
      expect(stranger.received).toBe(Math.min(1, replyCount(text)));
    }
    expect((await bystander.request({ op: 'get', id: 2, target: 'live_set tracks', prop: 'name' })).ok).toBe(false);
    const tracks = await bystander.request({ op: 'describe', id: 3, target: 'live_set' });
    expect(tracks.ok).toBe(true);
    bystander.close();
  });

  it('kept the log small', () => {
    const log = join(logDir, 'LiveSurface.log');
    expect(statSync(log).size).toBeLessThan(512 * 1024);
    expect(readFileSync(log, 'utf8')).not.toMatch(/Traceback[\s\S]*Traceback[\s\S]*Traceback/);
  });
});
