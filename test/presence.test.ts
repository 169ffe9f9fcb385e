/**
 * Presence on the bridge and the simulator: what one tablet says of itself
 * (its name, color, page, round trip, the parameters it holds) reaches the
 * others, each hold stamped by the bridge; a tablet leaving releases its
 * holds; Live hears nothing of it; `/health` (with the token) lists who is
 * connected, and the log names each tablet as it comes and goes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BridgeClient } from '../bridge/bridge-client';
import { holderOf, LiveRef, type BridgeEvent, type PresenceState, type PresentClient } from '../protocol/src/index';
import { startTestBridge, TOKEN, type TestBridge } from './support/bridge';

/** The presence lists a client hears, the latest last. */
function listening(client: BridgeClient): { latest: () => PresentClient[] } {
  let latest: PresentClient[] = [];
  client.onEvent((event: BridgeEvent) => {
    if (event.ev === 'presence') latest = event.clients;
  });
  return { latest: () => latest };
}

const ALICE: PresenceState = {
  name: 'Alice',
  color: '#3f9fe0',
  page: 'mixer',
  rtt_ms: 2.5,
  holding: [],
  selection: null,
};

describe('presence between tablets', () => {
  let setup: TestBridge;

  beforeAll(async () => {
    setup = await startTestBridge({ timeoutMs: 5000 });
  }, 30_000);

  afterAll(async () => {
    await setup?.close();
  });

  it('tells B who A is and what A holds, and releases A’s holds when A leaves', async () => {
    const a = await setup.client();
    const b = await setup.client();
    const heardByB = listening(b);
    // a parameter by its Live id, as a tablet holds it
    const volume = await a.request({ op: 'get', target: 'live_set tracks 0 mixer_device volume' });
    const parameter = volume.ok ? LiveRef.parse(volume.result).$ref : null;
    if (parameter === null) throw new Error('the simulator has no volume on its first track');

    const answer = await a.request({ op: 'presence', state: { ...ALICE, holding: [parameter] } });
    expect(answer).toMatchObject({ ok: true, result: { client: expect.any(Number) as unknown } });
    const aNumber = (answer as { ok: true; result: { client: number } }).result.client;

    await expect.poll(() => heardByB.latest().find((client) => client.client === aNumber)?.name).toBe('Alice');
    const alice = heardByB.latest().find((client) => client.client === aNumber);
    expect(alice).toMatchObject({ self: false, color: '#3f9fe0', page: 'mixer', rtt_ms: 2.5 });
    expect(alice?.holding).toEqual([{ object: parameter, since: expect.any(Number) as unknown }]);
    expect(holderOf(heardByB.latest(), parameter)?.name).toBe('Alice');
    expect(heardByB.latest().find((client) => client.self)?.name).toBeNull();

    const health = (await (await fetch(`${setup.url}/health?token=${TOKEN}`)).json()) as { clients: unknown[] };
    expect(health.clients).toContainEqual({ client: aNumber, name: 'Alice', page: 'mixer', rtt_ms: 2.5 });

    await a.close();
    await expect.poll(() => heardByB.latest().some((client) => client.client === aNumber)).toBe(false);
    expect(holderOf(heardByB.latest(), parameter)).toBeNull();

    // the test bridge keeps its log's lines (memoryLog)
    const log = setup.bridge.log;
    const lines: unknown[] = 'lines' in log && Array.isArray(log.lines) ? log.lines : [];
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.some((line) => String(line).includes(`tablet "Alice" connected from client ${aNumber} (`))).toBe(true);
    await expect.poll(() => lines.some((line) => String(line).includes('tablet "Alice" left'))).toBe(true);
    await b.close();
  });

  it('refuses a state the schema refuses, and Live keeps working', async () => {
    const a = await setup.client();
    const refused = await a.request({ op: 'presence', state: { ...ALICE, color: 'blue' } });
    expect(refused).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    expect(await a.request({ op: 'get', target: 'live_set', prop: 'signature_numerator' })).toMatchObject({
      ok: true,
      result: 4,
    });
    await a.close();
  });
});
