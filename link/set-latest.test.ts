import { describe, expect, it } from 'vitest';
import type { JsonValue } from '../protocol/src/index';
import { LinkError } from './errors';
import { LatestSets } from './set-latest';

/** A Live whose sets the test answers one by one. */
function fakeSets() {
  const calls: { target: string; prop: string; value: JsonValue; resolve: () => void; reject: (e: unknown) => void }[] =
    [];
  const sets = new LatestSets(
    (target, prop, value) =>
      new Promise<void>((resolve, reject) => calls.push({ target, prop, value, resolve, reject })),
  );
  return { sets, calls };
}

const settled = (): Promise<void> => Promise.resolve().then(() => undefined);

describe('LatestSets', () => {
  it('keeps one set in flight per key and sends only the newest of those that waited', async () => {
    const { sets, calls } = fakeSets();
    const done = [0.1, 0.2, 0.3].map((value) => sets.set('id 5', 'value', value));
    expect(calls.map((call) => call.value)).toEqual([0.1]);
    calls[0]?.resolve();
    await settled();
    await settled();
    expect(calls.map((call) => call.value)).toEqual([0.1, 0.3]);
    calls[1]?.resolve();
    await expect(Promise.all(done)).resolves.toHaveLength(3);
  });

  it('keeps keys apart', () => {
    const { sets, calls } = fakeSets();
    void sets.set('id 5', 'value', 1);
    void sets.set('id 6', 'value', 2);
    expect(calls.map((call) => [call.target, call.value])).toEqual([
      ['id 5', 1],
      ['id 6', 2],
    ]);
  });

  it('rejects the value that failed, and still sends the next', async () => {
    const { sets, calls } = fakeSets();
    const first = sets.set('id 5', 'value', 1);
    const second = sets.set('id 5', 'value', 2);
    calls[0]?.reject(new LinkError('live_error', 'no'));
    await expect(first).rejects.toEqual(new LinkError('live_error', 'no'));
    await settled();
    calls[1]?.resolve();
    await expect(second).resolves.toBeUndefined();
  });
});
