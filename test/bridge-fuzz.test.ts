/**
 * Thousands of random frames from one client (property-based, fast-check):
 * the bridge answers every one that carries an id, stays up, and another
 * client is not disturbed.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawDataText } from '../bridge/raw-data';
import { startTestBridge, type TestBridge } from './support/bridge';

// Requests that only read, so a fuzzed frame cannot reshape the set under the other client.
const READ_OPS = ['get', 'describe', 'observe', 'unobserve', 'read_envelope', 'hello'];
const target = fc.oneof(
  fc.constantFrom(
    'live_set',
    'live_set tracks 0',
    'live_set tracks 99',
    'id 1',
    'id 0',
    'live_app view',
    'live_set __class__',
    '',
  ),
  fc.string({ maxLength: 40 }),
);
const value = fc.oneof(fc.string({ maxLength: 20 }), fc.integer(), fc.double(), fc.boolean(), fc.constant(null));
const message = fc.oneof(
  fc.record(
    {
      op: fc.oneof(fc.constantFrom(...READ_OPS), fc.string({ maxLength: 10 })),
      id: fc.oneof(fc.nat(1_000_000), fc.integer({ min: -5, max: -1 }), fc.string({ maxLength: 3 }), fc.double()),
      target,
      prop: fc.oneof(
        fc.constantFrom('tempo', 'name', '_live_ptr', '__dict__', 'is_playing'),
        fc.string({ maxLength: 12 }),
      ),
      obs: fc.nat(100),
      extra: value,
    },
    { requiredKeys: ['op'] },
  ),
  fc.record({
    op: fc.constant('midi'),
    messages: fc.array(
      fc.record({
        type: fc.constantFrom('note_on', 'cc', 'sysex'),
        channel: fc.integer({ min: -1, max: 16 }),
        note: fc.integer({ min: 0, max: 130 }),
        velocity: fc.nat(130),
      }),
      { maxLength: 3 },
    ),
  }),
  fc.jsonValue({ maxDepth: 3 }),
);
const frame = fc.oneof(
  message.map((m) => JSON.stringify(m)),
  fc.array(message, { minLength: 0, maxLength: 5 }).map((batch) => JSON.stringify(batch)),
  fc.string({ maxLength: 60 }),
  fc.constantFrom('{', '[', '"', 'null', '[[[]]]', '{"op":"get","id":1e400}', '\u0000'),
);

describe('random frames', () => {
  let setup: TestBridge;

  beforeAll(async () => {
    setup = await startTestBridge();
  });

  afterAll(async () => {
    await setup.close();
  });

  it('leave the bridge answering and other clients unaffected', async () => {
    const [fuzzer, bystander] = await Promise.all([setup.client(), setup.client()]);
    const frames = fc.sample(frame, { numRuns: 3000, seed: 20261124 });
    let received = 0;
    fuzzer.socket.on('message', (data) => (received += [JSON.parse(rawDataText(data)) as unknown].flat().length));
    for (const [index, text] of frames.entries()) {
      fuzzer.send(text);
      if (index % 250 === 0) {
        expect(await bystander.request({ op: 'get', target: 'live_set', prop: 'tempo' })).toEqual({
          ok: true,
          result: 122,
          ref: { $ref: expect.any(Number), type: 'Song', path: 'live_set' },
        });
      }
    }
    // every frame is answered, refused, or (MIDI) taken silently; the connection is still open
    expect(await fuzzer.request({ op: 'get', target: 'live_set', prop: 'signature_numerator' })).toMatchObject({
      ok: true,
      result: 4,
    });
    expect(received).toBeGreaterThan(2000);
    const health = setup.bridge.health();
    expect(health.clients).toBe(2);
    expect(health.live).toMatchObject({ state: 'online' });
    await Promise.all([fuzzer.close(), bystander.close()]);
  });
});
