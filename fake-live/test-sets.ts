/**
 * Small sets for machine tests, built like every set of the in-memory Live
 * (`set-builder.ts`): two tracks, two scenes, a return, the master
 * (`fakeSet`); a slot with a clip (`slotWithClip`); a Drum Rack (`drumRack`).
 */
import { FakeLive } from './fake-live';
import { defineScene, defineSlot, defineSong, defineTrack as defineTrackOf, KIT_PAD_NAMES, ref } from './set-builder';

export { ref };

/** A track (color: its id) with `sends` sends (one by default: the set has one return). */
export function defineTrack(
  live: FakeLive,
  id: number,
  name: string,
  slots: number[],
  options: { armable?: boolean; sends?: number } = {},
): void {
  defineTrackOf(live, id, { name, color: id, slots, armable: options.armable ?? true, sends: options.sends ?? 1 });
}

/** A clip slot, with a clip (4 beats, looping) or empty. */
export function slot(live: FakeLive, id: number, clip: { id: number; name: string } | null): void {
  defineSlot(live, id, clip && { ...clip, color: 5 });
}

/** A scene (an empty name: Live shows its number). */
export function scene(live: FakeLive, id: number, name: string): void {
  defineScene(live, id, name, 0x99724b);
}

/** Tracks 1 and 2 (slots 11, 12 and 21, 22), scenes 31 and 32, return 3, master 4. */
export function fakeSet(): FakeLive {
  const live = new FakeLive();
  defineSong(live, { tracks: [1, 2], returns: [3], master: 4, scenes: [31, 32] });
  defineTrack(live, 1, 'Drums', [11, 12]);
  defineTrack(live, 2, 'Bass', [21, 22]);
  defineTrack(live, 3, 'A-Reverb', [], { armable: false });
  defineTrack(live, 4, 'Main', [], { armable: false, sends: 0 });
  slot(live, 11, { id: 111, name: 'Beat' });
  slot(live, 12, null);
  slot(live, 21, { id: 211, name: 'Bassline' });
  slot(live, 22, null);
  scene(live, 31, 'Verse');
  scene(live, 32, '');
  return live;
}

/** A clip slot (`id 10`) holding a clip (`id 11`, "Beat A", 8 beats, looping), stopped. */
export function slotWithClip(): FakeLive {
  return new FakeLive()
    .define('id 10', {
      has_clip: true,
      clip: { $ref: 11, type: 'Clip', path: 'live_set tracks 0 clip_slots 0 clip' },
      playing_status: 0,
      is_triggered: false,
    })
    .define('id 11', {
      name: 'Beat A',
      color: 0xff3636,
      loop_start: 0,
      loop_end: 8,
      notes: null,
      looping: true,
      playing_position: 0,
    });
}

/** The Drum Rack of `drumRack`. */
export const DRUM_RACK = 'id 100';
/** The names of its 20 pads, notes 36..55. */
export const RACK_PAD_NAMES = KIT_PAD_NAMES;
/** A pad of the rack by its place in the rack. */
export const padTarget = (index: number): string => `id ${300 + index}`;
/** The rack's `visible_drum_pads`: 16 pads from pad `first`. */
export const visiblePads = (first: number) =>
  Array.from({ length: 16 }, (_, index) => ref(300 + first + index, 'DrumPad'));

/** A rack whose 20 pads (notes 36..55) show 16 at a time, from `first`; pad 13 is empty, pad 14 muted; tempo 120. */
export function drumRack(first = 0): FakeLive {
  const live = new FakeLive().define('live_set', { tempo: 120 });
  RACK_PAD_NAMES.forEach((name, index) =>
    live.define(padTarget(index), {
      name,
      note: 36 + index,
      mute: index === 14,
      solo: false,
      chains: index === 13 ? [] : [ref(600 + index, 'DrumChain')],
    }),
  );
  return live.define(DRUM_RACK, { name: '808 Core Kit', visible_drum_pads: visiblePads(first) });
}
