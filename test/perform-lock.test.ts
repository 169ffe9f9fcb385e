/**
 * The perform lock on the bridge and the simulator: a bridge started locked
 * refuses structural edits with `forbidden` and lets everything else through;
 * a tablet unlocking is heard by every other tablet, and edits go again.
 */
import { filter, firstValueFrom } from 'rxjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LiveLink } from '../link/live-link';
import { nodeSocket } from '../link/node-socket';
import { STRUCTURAL_FUNCTIONS } from '../bridge/perform-lock';
import { startTestBridge, TOKEN, type TestBridge } from './support/bridge';

describe('the perform lock', () => {
  let setup: TestBridge;
  const links: LiveLink[] = [];

  const connect = async (client: string): Promise<LiveLink> => {
    const link = new LiveLink({ url: setup.url, token: TOKEN, socket: nodeSocket, client, timeoutMs: 5000 });
    links.push(link);
    await link.ready();
    return link;
  };

  beforeAll(async () => {
    setup = await startTestBridge({ lock: true, timeoutMs: 5000 });
  }, 30_000);

  afterAll(async () => {
    for (const link of links) link.close();
    await setup?.close();
  });

  it('refuses structural edits while locked, says so to every tablet, and lets them go once unlocked', async () => {
    const stage = await connect('stage');
    const other = await connect('other');
    const lockedNow = (link: LiveLink, locked: boolean) =>
      firstValueFrom(link.state$.pipe(filter((state) => state.status === 'online' && state.locked === locked)));
    await lockedNow(other, true);
    const scenes = async () => ((await stage.get('live_set', 'scenes')) as unknown[]).length;
    const before = await scenes();

    await expect(stage.call('live_set', 'create_scene', [-1])).rejects.toMatchObject({ code: 'forbidden' });
    await expect(stage.call('live_set tracks 0', 'delete_device', [0])).rejects.toMatchObject({ code: 'forbidden' });
    await expect(stage.call('live_set tracks 0 clip_slots 0', 'delete_clip')).rejects.toMatchObject({
      code: 'forbidden',
    });
    expect(await scenes()).toBe(before);
    // playing, mixing and editing go on
    await stage.set('live_set', 'tempo', 121);
    await stage.call('live_set', 'stop_playing');
    expect(await stage.get('live_set', 'tempo')).toBe(121);

    const heard = lockedNow(other, false);
    expect(await stage.request({ op: 'lock', locked: false })).toEqual({ locked: false });
    await heard;
    await stage.call('live_set', 'create_scene', [-1]);
    expect(await scenes()).toBe(before + 1);
    await stage.call('live_set', 'delete_scene', [before]);
    expect(await scenes()).toBe(before);

    const relocked = lockedNow(stage, true);
    await other.request({ op: 'lock', locked: true });
    await relocked;
  });

  it('lists the structural functions of Live that exist', () => {
    for (const name of ['delete_track', 'delete_scene', 'delete_device', 'delete_clip', 'delete_return_track']) {
      expect(STRUCTURAL_FUNCTIONS.has(name)).toBe(true);
    }
  });
});
