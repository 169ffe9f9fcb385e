/**
 * The client core in Node against the bridge and the simulator: LiveLink and
 * the session's actors, as the app will run them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createActor, waitFor, type Actor, type ActorRefFrom, type AnyActorLogic, type AnyActorRef } from 'xstate';
import { LiveLink } from '../link/live-link';
import { nodeSocket } from '../link/node-socket';
import { childOf } from '../fake-live/fake-live';
import { linkEffects } from '../machines/link-effects';
import { provideMachines, type ProvidedMachines } from '../machines/provide';
import { startTestBridge, TOKEN, type TestBridge } from './support/bridge';

type Session = Actor<ProvidedMachines['session']>;

/** A child of the session (or of one of its children), running `logic`; fails the test when there is none. */
function child<TLogic extends AnyActorLogic>(
  parent: { getSnapshot: () => { children: Partial<Record<string, AnyActorRef>> } },
  id: string,
  logic: TLogic,
): ActorRefFrom<TLogic> {
  const found = childOf(parent.getSnapshot(), id, logic);
  if (!found) throw new Error(`no child ${id}`);
  return found;
}

describe('the client core on the bridge and the simulator', () => {
  let setup: TestBridge;
  let link: LiveLink;
  let machines: ProvidedMachines;
  let session: Session;

  /** The slot of a track and a scene, from the session's context. */
  function slotOf(track: number, scene: number) {
    const { tracks, slots } = session.getSnapshot().context;
    return child(session, `slot:${slots[tracks[track] ?? '']?.[scene]}`, machines.clipSlot);
  }

  function valuesOfSession(): unknown[] {
    const { tracks, slots } = session.getSnapshot().context;
    return tracks.flatMap((track) =>
      (slots[track] ?? []).map((slot) => {
        const { name, color, loopStart, loopEnd } = child(session, `slot:${slot}`, machines.clipSlot).getSnapshot()
          .context;
        return [name, color, loopStart, loopEnd];
      }),
    );
  }

  beforeAll(async () => {
    setup = await startTestBridge({ timeoutMs: 5000 });
    link = new LiveLink({ url: setup.url, token: TOKEN, socket: nodeSocket, client: 'client-core-test' });
    machines = provideMachines(linkEffects(link));
    session = createActor(machines.session).start();
    await waitFor(session, (snapshot) => snapshot.hasTag('ready'), { timeout: 15_000 });
  }, 30_000);

  afterAll(async () => {
    session?.stop();
    link?.close();
    await setup?.close();
  });

  it('loads the demo set to a fully ready session: every slot ready, every observation live', () => {
    const snapshot = session.getSnapshot();
    expect(snapshot.context.tracks).toHaveLength(11); // eight, then the group Atmos holding two
    expect(snapshot.context.scenes).toHaveLength(8);
    const slots = Object.values(snapshot.context.slots).flat();
    expect(slots).toHaveLength(88);
    const states = slots.map((slot) => child(session, `slot:${slot}`, machines.clipSlot).getSnapshot());
    expect(states.every((state) => state.hasTag('settled'))).toBe(true);
    expect(states.filter((state) => state.hasTag('empty'))).toHaveLength(53); // 35 clips in the demo set, none in the group's own slots
    expect(
      child(
        session,
        `slot:${snapshot.context.slots[snapshot.context.tracks[0] ?? '']?.[1]}`,
        machines.clipSlot,
      ).getSnapshot().context,
    ).toMatchObject({
      name: 'Beat A',
      loopEnd: 8,
    });
    expect(child(session, 'transport', machines.transport).getSnapshot().context).toMatchObject({
      tempo: 122,
      playing: false,
    });
    expect(child(session, `track:${snapshot.context.tracks[2]}`, machines.track).getSnapshot().context).toMatchObject({
      name: 'Bass',
      sends: 2,
    });
    const scenes = snapshot.context.scenes.map((scene) =>
      child(session, `scene:${scene}`, machines.scene).getSnapshot(),
    );
    expect(scenes.map((scene) => scene.context.name)).toEqual([
      'Intro',
      'Groove',
      'Verse',
      'Build',
      'Drop',
      'Break',
      'Drop 2',
      'Outro',
    ]);
    expect(scenes.every((scene) => scene.matches({ ready: 'idle' }))).toBe(true);
  });

  it('fires a clip through its slot actor: triggered, then playing', async () => {
    const slot = slotOf(0, 1);
    const seen: string[] = [];
    const subscription = slot.subscribe((snapshot) => {
      for (const tag of ['triggered', 'playing'] as const)
        if (snapshot.hasTag(tag) && seen.at(-1) !== tag) seen.push(tag);
    });
    await link.call('live_set', 'start_playing');
    slot.send({ type: 'ui.fire' });
    await waitFor(slot, (snapshot) => snapshot.hasTag('playing'), { timeout: 10_000 });
    subscription.unsubscribe();
    expect(seen).toEqual(['triggered', 'playing']);
    // the position moves while it plays
    const { loopStart } = slot.getSnapshot().context;
    await waitFor(slot, (snapshot) => snapshot.context.playingPosition > loopStart, { timeout: 5000 });
    await link.call('live_set', 'stop_playing');
    await waitFor(slot, (snapshot) => snapshot.hasTag('stopped'), { timeout: 5000 });
  });

  it('launches a scene through its scene actor: triggered, then its clips play', async () => {
    const { scenes, tracks, slots } = session.getSnapshot().context;
    const scene = child(session, `scene:${scenes[2]}`, machines.scene);
    const stateOf = (snapshot: { hasTag: (tag: string) => boolean }): string =>
      snapshot.hasTag('triggered') ? 'triggered' : 'idle';
    const seen = [stateOf(scene.getSnapshot())];
    const subscription = scene.subscribe((snapshot) => {
      if (seen.at(-1) !== stateOf(snapshot)) seen.push(stateOf(snapshot));
    });
    await link.call('live_set', 'start_playing');
    scene.send({ type: 'ui.fire' });
    const played = tracks
      .map((track) => child(session, `slot:${slots[track]?.[2]}`, machines.clipSlot))
      .filter((slot) => slot.getSnapshot().hasTag('stopped'));
    const [first] = played;
    if (!first) throw new Error('no clip in the scene’s row is stopped');
    await waitFor(first, (snapshot) => snapshot.hasTag('playing'), { timeout: 10_000 });
    await waitFor(scene, (snapshot) => snapshot.hasTag('idle'), { timeout: 5000 });
    subscription.unsubscribe();
    expect(seen).toEqual(['idle', 'triggered', 'idle']);
    await link.call('live_set', 'stop_playing');
    await waitFor(first, (snapshot) => snapshot.hasTag('stopped'), { timeout: 5000 });
  });

  it('hears a change another client makes', async () => {
    const other = await setup.client();
    const { tracks } = session.getSnapshot().context;
    expect(
      (
        await other.request({
          op: 'set',
          target: 'live_set tracks 1 clip_slots 2 clip',
          prop: 'name',
          value: 'Congas 2',
        })
      ).ok,
    ).toBe(true);
    await waitFor(slotOf(1, 2), (snapshot) => snapshot.context.name === 'Congas 2', { timeout: 5000 });
    await other.request({ op: 'set', target: 'live_set tracks 3', prop: 'name', value: 'Rhodes' });
    await waitFor(
      child(session, `track:${tracks[3]}`, machines.track),
      (snapshot) => snapshot.context.name === 'Rhodes',
      {
        timeout: 5000,
      },
    );
    // a view showing the first track's mixer (as the Mixer page's strip does) has its volume follow Live
    const drums = child(session, `track:${tracks[0]}`, machines.track);
    drums.send({ type: 'ui.watchMixer' });
    const volume = child(drums, 'volume', machines.parameter);
    await waitFor(volume, (snapshot) => snapshot.hasTag('ready'), { timeout: 5000 });
    await other.request({ op: 'set', target: 'live_set tracks 0 mixer_device volume', prop: 'value', value: 0.5 });
    await waitFor(volume, (snapshot) => snapshot.context.value === 0.5, { timeout: 5000 });
  });

  it('goes offline when the simulator dies and back to ready, with the same values, when it is back', async () => {
    // the simulator restarts with a fresh demo set: put back what the other test renamed first
    await link.set('live_set tracks 1 clip_slots 2 clip', 'name', 'Congas');
    // Live's answer to the set comes before the name's observation: wait for the slot to have it
    await waitFor(slotOf(1, 2), (snapshot) => snapshot.context.name === 'Congas', { timeout: 5000 });
    const before = valuesOfSession();
    setup.bridge.simulator?.process?.kill('SIGKILL');
    await waitFor(session, (snapshot) => snapshot.hasTag('offline'), { timeout: 10_000 });
    await waitFor(session, (snapshot) => snapshot.hasTag('ready'), { timeout: 30_000 });
    expect(valuesOfSession()).toEqual(before);
  }, 45_000);
});
