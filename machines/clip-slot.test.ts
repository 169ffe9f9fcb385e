import { createActor, getNextSnapshot, getInitialSnapshot, setup, SimulatedClock } from 'xstate';
import { describe, expect, it } from 'vitest';
import { LinkError } from '../link/errors';
import type { ErrorCode, JsonValue } from '../protocol/src/index';
import { clipSlotMachine, READY_KEYS } from './clip-slot';
import type { LiveValue } from './effects';
import { FakeLive, inertEffects, settle } from '../fake-live/fake-live';
import { slotWithClip as liveWithClip } from '../fake-live/test-sets';
import { after, coverage, done, failure, nextSnapshot, type PathEvent } from './graph-coverage';
import type { Settled } from './settling';

const SLOT = 'id 10';
const CLIP = 'id 11';

function start(live: FakeLive, input: Record<string, unknown> = {}, clock?: SimulatedClock) {
  const machine = clipSlotMachine.provide({ actors: live.effects() });
  return createActor(machine, { input: { slot: SLOT, ...input }, ...(clock ? { clock } : {}) }).start();
}

describe('clipSlotMachine', () => {
  describe('pure transitions', () => {
    it('starts by checking has_clip', () => {
      const snapshot = getInitialSnapshot(clipSlotMachine.provide({ actors: inertEffects() }), { slot: SLOT });
      expect(snapshot.value).toBe('checking');
      expect(snapshot.hasTag('loading')).toBe(true);
    });

    it('goes to the clip, to creating, or to empty after the check (the slot’s clip, None when empty)', () => {
      const machine = clipSlotMachine.provide({ actors: inertEffects() });
      const checking = getInitialSnapshot(machine, { slot: SLOT, createLength: 8 });
      const clip = { $ref: 11, type: 'Clip', path: 'p' };
      expect(nextSnapshot(machine, checking, done('checkClip', clip)).value).toMatchObject({ ready: {} });
      expect(nextSnapshot(machine, checking, done('checkClip', clip)).context.clip).toBe('id 11');
      expect(nextSnapshot(machine, checking, done('checkClip', null)).value).toBe('creating');
      const noCreate = getInitialSnapshot(machine, { slot: SLOT });
      expect(nextSnapshot(machine, noCreate, done('checkClip', null)).value).toEqual({ empty: 'waiting' });
    });

    it('plays again from the loop start until Live says where it is', () => {
      const machine = clipSlotMachine.provide({ actors: inertEffects() });
      const stopped = clipSlotMachine.resolveState({
        value: { ready: { setup: 'done', play: 'stopped', health: 'complete', settle: 'settled' } },
        context: {
          ...getInitialSnapshot(machine, { slot: SLOT }).context,
          clip: CLIP,
          loopStart: 2,
          loopEnd: 10,
          playingPosition: 7.5,
        },
      });
      const playing = getNextSnapshot(machine, stopped, { type: 'live.value', key: 'playing_status', value: 1 });
      expect(playing.hasTag('playing')).toBe(true);
      expect(playing.context.playingPosition).toBe(2);
    });
  });

  describe('with a fake Live', () => {
    it('loads a clip: looping set, every observation live, settled', async () => {
      const live = liveWithClip();
      const actor = start(live);
      await settle();
      const snapshot = actor.getSnapshot();
      expect(snapshot.value).toEqual({
        ready: { setup: 'done', play: 'stopped', health: 'complete', settle: 'settled' },
      });
      expect(snapshot.context).toMatchObject({ clip: CLIP, name: 'Beat A', color: 0xff3636, loopEnd: 8 });
      expect(snapshot.context.received.sort()).toEqual([...READY_KEYS].sort());
      expect(live.calls).toContain(`set ${CLIP} looping true`);
    });

    it('follows Live: triggered, playing, recording, stopped', async () => {
      const live = liveWithClip();
      const actor = start(live);
      await settle();
      const play = () => (actor.getSnapshot().value as { ready: { play: string } }).ready.play;
      live.change(SLOT, 'is_triggered', true);
      expect(play()).toBe('triggered');
      live.change(SLOT, 'is_triggered', false);
      live.change(SLOT, 'playing_status', 1);
      expect(play()).toBe('playing');
      live.change(SLOT, 'playing_status', 2);
      expect(play()).toBe('recording');
      live.change(SLOT, 'playing_status', 0);
      expect(play()).toBe('stopped');
    });

    it('observes the playing position only while the clip plays or records', async () => {
      const live = liveWithClip();
      live.define(CLIP, { playing_position: 0, loop_start: 2, loop_end: 10 });
      const actor = start(live);
      await settle();
      expect(live.watching(CLIP, 'playing_position')).toBe(0);
      live.change(SLOT, 'playing_status', 1);
      expect(live.watching(CLIP, 'playing_position')).toBe(1);
      live.change(CLIP, 'playing_position', 5.5);
      expect(actor.getSnapshot().context.playingPosition).toBe(5.5);
      live.change(SLOT, 'playing_status', 2);
      expect(live.watching(CLIP, 'playing_position')).toBe(1);
      live.change(SLOT, 'playing_status', 0);
      expect(live.watching(CLIP, 'playing_position')).toBe(0);
      live.define(CLIP, { playing_position: 9 });
      live.change(SLOT, 'playing_status', 1);
      expect(actor.getSnapshot().context.playingPosition).toBe(9);
    });

    it('fires and stops through Live', async () => {
      const live = liveWithClip();
      const actor = start(live);
      await settle();
      actor.send({ type: 'ui.fire' });
      actor.send({ type: 'ui.stop' });
      await settle();
      expect(live.calls.filter((call) => call.startsWith('call'))).toEqual([`call ${SLOT} fire`, `call ${SLOT} stop`]);
    });

    it('sends every fire and stop of taps faster than Live answers', async () => {
      const live = liveWithClip().on('fire', () => {
        throw new LinkError('live_error', 'fire: the track is frozen');
      });
      const actor = start(live);
      await settle();
      // each call is still on its way when the next tap comes
      for (const type of ['ui.fire', 'ui.fire', 'ui.stop', 'ui.fire', 'ui.stop'] as const) actor.send({ type });
      await settle();
      expect(live.calls.filter((call) => call.startsWith('call'))).toEqual([
        `call ${SLOT} fire`,
        `call ${SLOT} fire`,
        `call ${SLOT} stop`,
        `call ${SLOT} fire`,
        `call ${SLOT} stop`,
      ]);
      expect(actor.getSnapshot().context.commandError).toBe('fire: the track is frozen');
      expect(actor.getSnapshot().matches('ready')).toBe(true);
    });

    it('is empty, settles, and loads the clip when one appears', async () => {
      const live = new FakeLive().define(SLOT, { has_clip: false, clip: null, playing_status: 0, is_triggered: false });
      const reports: string[] = [];
      const reportTo = createActor(
        setup({ types: { events: {} as Settled } }).createMachine({
          on: { 'child.settled': { actions: ({ event }) => reports.push(event.id) } },
        }),
      ).start();
      const actor = start(live, { reportTo });
      await settle();
      expect(actor.getSnapshot().value).toEqual({ empty: 'settled' });
      expect(reports).toEqual([SLOT]);
      live
        .define(SLOT, { clip: { $ref: 11, type: 'Clip', path: 'p' } })
        .define(CLIP, { name: 'New', color: 1, loop_start: 0, loop_end: 4, notes: null, looping: false });
      live.change(SLOT, 'has_clip', true);
      await settle();
      expect(actor.getSnapshot().matches('ready')).toBe(true);
      expect(actor.getSnapshot().context.name).toBe('New');
      expect(reports).toEqual([SLOT, SLOT]);
    });

    it('creates a clip when asked and the slot is empty', async () => {
      const live = new FakeLive()
        .define(SLOT, { has_clip: false, clip: null, playing_status: 0, is_triggered: false })
        .on('create_clip', (input, fake) => {
          fake.define(SLOT, { has_clip: true, clip: { $ref: 11, type: 'Clip', path: 'p' } });
          fake.define(CLIP, {
            name: '',
            color: 0,
            loop_start: 0,
            loop_end: input.args?.[0] as number,
            notes: null,
            looping: false,
          });
          return { $ref: 11, type: 'Clip', path: 'p' };
        });
      const actor = start(live, { createLength: 16 });
      await settle();
      expect(live.calls).toContain(`call ${SLOT} create_clip [16]`);
      expect(actor.getSnapshot().context.loopEnd).toBe(16);
      expect(actor.getSnapshot().matches('ready')).toBe(true);
    });

    it('goes back to empty when the clip is deleted in Live', async () => {
      const live = liveWithClip();
      const actor = start(live);
      await settle();
      live.change(SLOT, 'has_clip', false);
      live.remove(CLIP);
      await settle();
      expect(actor.getSnapshot().matches('empty')).toBe(true);
    });
  });

  describe('path coverage', () => {
    it('reaches every state node, and every path replays on a real actor', () => {
      const machine = clipSlotMachine.provide({ actors: inertEffects() });
      const value = (key: string, v: JsonValue): LiveValue => ({ type: 'live.value', key, value: v });
      const error = (id: string, code: ErrorCode) => failure(id, new LinkError(code, code));
      const events: PathEvent<typeof machine>[] = [
        done('checkClip', { $ref: 11, type: 'Clip', path: 'p' }),
        done('checkClip', null),
        error('checkClip', 'live_error'),
        error('checkClip', 'gone'),
        done('createClip', null),
        done('getClip', { $ref: 11, type: 'Clip', path: 'p' }),
        done('setLooping', true),
        error('setLooping', 'live_error'),
        error('observe.name', 'live_error'),
        ...READY_KEYS.map((key) => value(key, key === 'has_clip' ? true : 0)),
        value('has_clip', false),
        value('triggered', true),
        value('triggered', false),
        value('playing_status', 1),
        value('playing_status', 2),
        value('playing_position', 3),
        error('observe.playing_position', 'live_error'),
        { type: 'ui.create', length: 8 },
        { type: 'ui.retry' },
        after('retryDelay', 'clipSlot.failed'),
      ];
      const summary = (c: {
        received: string[];
        playingStatus: number;
        triggered: boolean;
        optionalFailures: object;
      }) => [c.received.length, c.playingStatus, c.triggered, Object.keys(c.optionalFailures).length];
      const result = coverage(machine, events, { slot: SLOT, createLength: 4 }, machine, summary);
      expect(result.unreached).toEqual([]);
      expect(result.paths).toBeGreaterThan(15);
    });
  });
});
