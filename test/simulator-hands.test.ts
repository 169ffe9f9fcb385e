/**
 * The musician's hands on the bridge's simulator (live-script/simulator/hands.py):
 * what only Live's UI does (clicking a parameter, a track), handed to the
 * simulator's stdin, reaches every client as Live's own selection would; a hand
 * that names nothing is logged and the simulator goes on.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BridgeClient } from '../bridge/bridge-client';
import type { memoryLog } from '../bridge/log';
import type { SimulatorHand } from '../bridge/simulator-process';
import { LiveRef, type BridgeEvent } from '../protocol/src/index';
import { startTestBridge, type TestBridge } from './support/bridge';

const SHAKER_LEVEL = 'live_set tracks 1 devices 0 parameters 3'; // Perc's drum rack, in the demo set

/** The paths of the references an observation told, in order. */
function observedPaths(client: BridgeClient, obs: number): (string | null)[] {
  const paths: (string | null)[] = [];
  client.onEvent((event: BridgeEvent) => {
    if (event.ev !== 'changes') return;
    for (const change of event.changes)
      if (change.obs === obs) paths.push(change.value === null ? null : LiveRef.parse(change.value).path);
  });
  return paths;
}

describe('the musician’s hands on the simulator', () => {
  let setup: TestBridge;

  beforeAll(async () => {
    setup = await startTestBridge();
  });

  afterAll(async () => {
    await setup.close();
  });

  async function observe(client: BridgeClient, prop: string): Promise<{ first: unknown; paths: (string | null)[] }> {
    const { id, reply } = client.start({ op: 'observe', target: 'live_set view', prop });
    const paths = observedPaths(client, id);
    const answer = await reply;
    if (!answer.ok) throw new Error(answer.error.message);
    return { first: answer.result, paths };
  }

  async function pathOf(client: BridgeClient, target: string, prop: string): Promise<string | null> {
    const answer = await client.request({ op: 'get', target, prop });
    if (!answer.ok) throw new Error(answer.error.message);
    return answer.result === null ? null : LiveRef.parse(answer.result).path;
  }

  it('select_parameter: the clicked parameter becomes Live’s selected parameter', async () => {
    const client = await setup.client();
    const selected = await observe(client, 'selected_parameter');
    expect(selected.first).toBeNull(); // no script can select one: the demo set opens with none
    const clicks = [
      SHAKER_LEVEL,
      'live_set tracks 4 mixer_device volume',
      'live_set return_tracks 0 mixer_device sends 1',
      'live_set master_track mixer_device volume',
    ] as const;
    for (const target of clicks) {
      setup.hand({ hand: 'select_parameter', target });
      await expect.poll(() => selected.paths.at(-1)).toBe(target);
      expect(await pathOf(client, 'live_set view', 'selected_parameter')).toBe(target);
    }
    expect(selected.paths).toEqual(clicks);
  });

  it('select_track: the clicked track becomes the selected one, its slot in the scene highlighted', async () => {
    const client = await setup.client();
    const selected = await observe(client, 'selected_track');
    setup.hand({ hand: 'select_track', target: 'live_set tracks 2' });
    await expect.poll(() => selected.paths.at(-1)).toBe('live_set tracks 2');
    expect(await pathOf(client, 'live_set view', 'highlighted_clip_slot')).toBe('live_set tracks 2 clip_slots 0');
    setup.hand({ hand: 'select_track', target: 'live_set return_tracks 1' });
    await expect.poll(() => selected.paths.at(-1)).toBe('live_set return_tracks 1');
  });

  it('a hand that names nothing is logged, and the simulator goes on doing the next', async () => {
    const log = setup.bridge.log as ReturnType<typeof memoryLog>;
    const simulator = setup.bridge.simulator?.process;
    setup.hand({ hand: 'select_track', target: 'live_set tracks 99' });
    setup.hand({ hand: 'wave', target: 'live_set' } as unknown as SimulatorHand); // what the types keep out
    const told = (): string[] => log.lines.filter((line) => line.includes('simulator: sim.py: hand:'));
    // in either order: a line is refused as it is read, a target once Live's thread walks it
    await expect
      .poll(told)
      .toEqual(
        expect.arrayContaining([
          expect.stringMatching(/warning: simulator: sim\.py: hand: "live_set tracks" has no item 99$/),
          expect.stringMatching(/warning: simulator: sim\.py: hand: unknown hand "wave" \(the hands: /),
        ]),
      );
    expect(told()).toHaveLength(2);
    const client = await setup.client();
    setup.hand({ hand: 'select_track', target: 'live_set tracks 5' });
    await expect.poll(() => pathOf(client, 'live_set view', 'selected_track')).toBe('live_set tracks 5');
    expect(setup.bridge.simulator?.process).toBe(simulator);
    expect(setup.bridge.simulator?.restarts).toBe(0);
  });
});
