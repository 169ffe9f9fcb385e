import { createActor, getInitialSnapshot, getNextSnapshot } from 'xstate';
import { describe, expect, it } from 'vitest';
import { ref, fakeSet, defineTrack, scene, slot } from '../fake-live/test-sets';
import { childOf, inertEffects, settle } from '../fake-live/fake-live';
import { coverage, done, failure, type PathEvent } from './graph-coverage';
import { provideMachines } from './provide';
import { sessionMachine, wantedChildren } from './session';

async function loaded() {
  const live = fakeSet();
  const machines = provideMachines(live.effects());
  const session = createActor(machines.session).start();
  for (let i = 0; i < 10 && !session.getSnapshot().hasTag('ready'); i += 1) await settle();
  type Snapshot = ReturnType<typeof session.getSnapshot>;
  // the session's children, typed as what they run
  const children = {
    scene: (snapshot: Snapshot, id: string) => childOf(snapshot, id, machines.scene),
    slot: (snapshot: Snapshot, id: string) => childOf(snapshot, id, machines.clipSlot),
    track: (snapshot: Snapshot, id: string) => childOf(snapshot, id, machines.track),
  };
  return { live, session, children };
}

describe('sessionMachine', () => {
  describe('pure transitions', () => {
    it('waits for Live, then loads its shape', () => {
      const machine = sessionMachine.provide({ actors: inertEffects() });
      const waiting = getInitialSnapshot(machine);
      expect(waiting.value).toBe('waiting');
      expect(getNextSnapshot(machine, waiting, { type: 'live.status', usable: true, epoch: 1 }).value).toEqual({
        loading: 'shape',
      });
      expect(getNextSnapshot(machine, waiting, { type: 'live.status', usable: false, epoch: 0 }).value).toBe('offline');
    });

    it('wants a transport, a track actor per track, a slot actor per slot and a scene actor per scene', () => {
      expect(
        wantedChildren({
          tracks: ['id 1'],
          returns: ['id 3'],
          master: 'id 4',
          slots: { 'id 1': ['id 11', 'id 12'] },
          scenes: ['id 31', 'id 32'],
        }),
      ).toEqual([
        'transport',
        'track:id 1',
        'track:id 3',
        'track:id 4',
        'slot:id 11',
        'slot:id 12',
        'scene:id 31',
        'scene:id 32',
      ]);
    });
  });

  describe('with a fake Live', () => {
    it('loads the set to ready: every child has its first values', async () => {
      const { session, children } = await loaded();
      const snapshot = session.getSnapshot();
      expect(snapshot.value).toEqual({ live: 'ready' });
      const spawned = Object.keys(snapshot.children).filter((id) => id === 'transport' || id.includes(':'));
      expect(spawned.sort()).toEqual(
        [
          'slot:id 11',
          'slot:id 12',
          'slot:id 21',
          'slot:id 22',
          'track:id 1',
          'track:id 2',
          'track:id 3',
          'track:id 4',
          'scene:id 31',
          'scene:id 32',
          'transport',
        ].sort(),
      );
      expect(children.scene(snapshot, 'scene:id 31')?.getSnapshot().context).toMatchObject({
        name: 'Verse',
        triggered: false,
      });
      const beat = children.slot(snapshot, 'slot:id 11')?.getSnapshot();
      expect(beat?.context).toMatchObject({ name: 'Beat', clip: 'id 111' });
      expect(children.slot(snapshot, 'slot:id 12')?.getSnapshot().hasTag('empty')).toBe(true);
      const drums = children.track(snapshot, 'track:id 1')?.getSnapshot();
      expect(drums?.context).toMatchObject({ name: 'Drums', canBeArmed: true, sends: 1 });
      expect(
        Object.keys(drums?.children ?? {})
          .filter((id) => !id.startsWith('observe.'))
          .sort(),
      ).toEqual([]); // no view shows its mixer yet
      children.track(snapshot, 'track:id 1')?.send({ type: 'ui.watchMixer' });
      await settle();
      expect(
        Object.keys(children.track(session.getSnapshot(), 'track:id 1')?.getSnapshot().children ?? {})
          .filter((id) => !id.startsWith('observe.'))
          .sort(),
      ).toEqual(['panning', 'send-0', 'volume']);
    });

    it('follows a track added and a track deleted in Live', async () => {
      const { live, session, children: child } = await loaded();
      defineTrack(live, 5, 'Keys', [51, 52]);
      slot(live, 51, { id: 511, name: 'Chords' });
      slot(live, 52, null);
      const drums = child.track(session.getSnapshot(), 'track:id 1');
      live.change('live_set', 'tracks', [ref(5, 'Track'), ref(2, 'Track')]);
      live.remove('id 1');
      for (let i = 0; i < 10 && !session.getSnapshot().hasTag('ready'); i += 1) await settle();
      const children = session.getSnapshot();
      expect(child.track(children, 'track:id 5')?.getSnapshot().context.name).toBe('Keys');
      expect(child.slot(children, 'slot:id 51')?.getSnapshot().context.name).toBe('Chords');
      expect(children.children['track:id 1']).toBeUndefined();
      expect(children.children['slot:id 11']).toBeUndefined();
      expect(['stopped', 'done']).toContain(drums?.getSnapshot().status);
      expect(session.getSnapshot().context.tracks).toEqual(['id 5', 'id 2']);
    });

    it('spawns a scene actor for a scene added in Live, and stops the one deleted', async () => {
      const { live, session, children } = await loaded();
      const verse = children.scene(session.getSnapshot(), 'scene:id 31');
      scene(live, 33, 'Bridge');
      slot(live, 13, null);
      slot(live, 23, null);
      live.define('id 1', { clip_slots: [ref(11, 'ClipSlot'), ref(13, 'ClipSlot')] });
      live.define('id 2', { clip_slots: [ref(21, 'ClipSlot'), ref(23, 'ClipSlot')] });
      live.change('live_set', 'scenes', [ref(31, 'Scene'), ref(33, 'Scene')]);
      live.remove('id 32');
      for (let i = 0; i < 10 && !session.getSnapshot().hasTag('ready'); i += 1) await settle();
      const snapshot = session.getSnapshot();
      expect(snapshot.hasTag('ready')).toBe(true);
      expect(children.scene(snapshot, 'scene:id 33')?.getSnapshot().context.name).toBe('Bridge');
      expect(snapshot.children['scene:id 32']).toBeUndefined();
      expect(children.scene(snapshot, 'scene:id 31')).toBe(verse);
      expect(snapshot.context.settled).toContain('scene:id 33');
    });

    it('keeps its actors when tracks are only moved', async () => {
      const { live, session, children } = await loaded();
      const bass = children.track(session.getSnapshot(), 'track:id 2');
      live.change('live_set', 'tracks', [ref(2, 'Track'), ref(1, 'Track')]);
      for (let i = 0; i < 10; i += 1) await settle();
      expect(session.getSnapshot().context.tracks).toEqual(['id 2', 'id 1']);
      expect(children.track(session.getSnapshot(), 'track:id 2')).toBe(bass);
      expect(session.getSnapshot().hasTag('ready')).toBe(true);
    });

    it('shows Live offline, and loads again when Live comes back in a new epoch', async () => {
      const { live, session, children } = await loaded();
      const before = children.slot(session.getSnapshot(), 'slot:id 11');
      live.status({ usable: false, epoch: 1 });
      expect(session.getSnapshot().value).toBe('offline');
      live.status({ usable: true, epoch: 1 });
      expect(session.getSnapshot().matches('live')).toBe(true);
      expect(children.slot(session.getSnapshot(), 'slot:id 11')).toBe(before);
      live.status({ usable: false, epoch: 1 });
      live.status({ usable: true, epoch: 2 });
      for (let i = 0; i < 10 && !session.getSnapshot().hasTag('ready'); i += 1) await settle();
      const after = children.slot(session.getSnapshot(), 'slot:id 11');
      expect(after).not.toBe(before);
      expect(after?.getSnapshot().context.name).toBe('Beat');
      expect(session.getSnapshot().hasTag('ready')).toBe(true);
    });
  });

  describe('path coverage', () => {
    it('reaches every state node, and every path replays on a real actor', () => {
      // children provided too: a spawned scene or track must not reach for an unprovided effect
      const machine = provideMachines(inertEffects()).session;
      const shape = { tracks: [ref(1)], return_tracks: [], master_track: null, scenes: [ref(31)] };
      const events: PathEvent<typeof machine>[] = [
        { type: 'live.status', usable: true, epoch: 1 },
        { type: 'live.status', usable: false, epoch: 1 },
        { type: 'live.status', usable: true, epoch: 2 },
        done('readShape', shape),
        failure('readShape', new Error('x')),
        done('readSlots', [[ref(11)]]),
        { type: 'child.settled', id: 'transport' },
        { type: 'child.settled', id: 'track:id 1' },
        { type: 'child.settled', id: 'slot:id 11' },
        { type: 'child.settled', id: 'scene:id 31' },
        { type: 'live.value', key: 'scenes', value: [ref(31), ref(32)] },
        { type: 'ui.retry' },
      ];
      const summary = (c: { epoch: number; settled: string[]; scenes: string[] }) => [
        c.epoch,
        c.settled.length,
        c.scenes.length,
      ];
      const result = coverage(machine, events, undefined, machine, summary);
      expect(result.unreached).toEqual([]);
    });
  });
});
