/**
 * Thousands of random frames from one client (property-based, fast-check),
 * then frames built to hurt (deep nesting, huge arrays and batches, control
 * characters, all of it before hello too): the bridge answers every one that
 * carries an id, stays up, and another client is not disturbed. The
 * generators are shared with the long fuzz (`npm run fuzz`).
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BridgeClient } from '../bridge/bridge-client';
import { rawDataText } from '../bridge/raw-data';
import { startTestBridge, type TestBridge } from './support/bridge';
import { frame, hostileFrame } from './support/fuzz-frames';

const SEED = 20261124;

/** Counts every message the client receives (batches unfolded). */
function counting(client: BridgeClient): { received: () => number; errors: Map<string, number> } {
  let received = 0;
  const errors = new Map<string, number>();
  client.socket.on('message', (data) => {
    for (const message of [JSON.parse(rawDataText(data)) as { ok?: boolean; error?: { code: string } }].flat()) {
      received += 1;
      if (message.ok === false && message.error)
        errors.set(message.error.code, (errors.get(message.error.code) ?? 0) + 1);
    }
  });
  return { received: () => received, errors };
}

describe('random frames', () => {
  let setup: TestBridge;

  beforeAll(async () => {
    setup = await startTestBridge();
  });

  afterAll(async () => {
    await setup.close();
  });

  const tempoIsAnswered = async (bystander: BridgeClient): Promise<void> => {
    expect(await bystander.request({ op: 'get', target: 'live_set', prop: 'tempo' })).toEqual({
      ok: true,
      result: 122,
      ref: { $ref: expect.any(Number), type: 'Song', path: 'live_set' },
    });
  };

  it('leave the bridge answering and other clients unaffected', async () => {
    const [fuzzer, bystander] = await Promise.all([setup.client(), setup.client()]);
    const frames = fc.sample(frame, { numRuns: 3000, seed: SEED });
    const { received } = counting(fuzzer);
    for (const [index, text] of frames.entries()) {
      fuzzer.send(text);
      if (index % 250 === 0) await tempoIsAnswered(bystander);
    }
    // every frame is answered, refused, or (MIDI) taken silently; the connection is still open
    expect(await fuzzer.request({ op: 'get', target: 'live_set', prop: 'signature_numerator' })).toMatchObject({
      ok: true,
      result: 4,
    });
    expect(received()).toBeGreaterThan(2000);
    const health = setup.bridge.health();
    expect(health.clients).toHaveLength(2);
    expect(health.live).toMatchObject({ state: 'online' });
    await Promise.all([fuzzer.close(), bystander.close()]);
  });

  it('built to hurt are each refused, before hello and after, and hurt nobody', async () => {
    const [greeted, stranger, bystander] = await Promise.all([
      setup.client(),
      setup.client({ hello: false }),
      setup.client(),
    ]);
    const hostile = fc.sample(hostileFrame, { numRuns: 600, seed: SEED + 1 });
    const ordinary = fc.sample(frame, { numRuns: 400, seed: SEED + 2 });
    const fromGreeted = counting(greeted);
    const fromStranger = counting(stranger);
    const closed: number[] = [];
    for (const client of [greeted, stranger]) client.socket.on('close', (code) => closed.push(code));
    for (const [index, text] of hostile.entries()) {
      greeted.send(text);
      stranger.send(text);
      if (ordinary[index] !== undefined) stranger.send(ordinary[index]);
      if (index % 100 === 0) await tempoIsAnswered(bystander);
    }
    // each hostile frame has at least one answer (a batch one per member); none was worth closing a connection
    await expect.poll(() => fromGreeted.received(), { timeout: 15_000 }).toBeGreaterThanOrEqual(hostile.length);
    await expect.poll(() => fromStranger.received(), { timeout: 15_000 }).toBeGreaterThanOrEqual(hostile.length);
    expect(closed).toEqual([]);
    expect([...fromStranger.errors.keys()]).toEqual(['bad_request']);
    expect(await greeted.request({ op: 'get', target: 'live_set', prop: 'signature_numerator' })).toMatchObject({
      ok: true,
      result: 4,
    });
    expect(await stranger.request({ op: 'hello', protocol: 1, client: 'fuzz' })).toMatchObject({ ok: true });
    await tempoIsAnswered(bystander);
    expect(setup.bridge.health()).toMatchObject({ clients: [{}, {}, {}], live: { state: 'online' } });
    expect(setup.bridge.log.counts['internal error']).toBeUndefined();
    await Promise.all([greeted.close(), stranger.close(), bystander.close()]);
  });
});
