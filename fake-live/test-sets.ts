/** A small set for machine tests: two tracks, two scenes, a return, the master. */
import { FakeLive } from './fake-live';

export const ref = (id: number, type = 'Object'): { $ref: number; type: string; path: null } => ({
  $ref: id,
  type,
  path: null,
});

function parameter(live: FakeLive, target: string, name: string, value: number, min = 0, max = 1): void {
  live.define(target, { name, value, min, max, default_value: value, is_quantized: false, value_items: [] });
}

function track(
  live: FakeLive,
  id: number,
  name: string,
  slots: number[],
  options: { armable?: boolean; sends?: number } = {},
): void {
  const target = `id ${id}`;
  live.define(target, {
    name,
    color: id,
    can_be_armed: options.armable ?? true,
    arm: false,
    mute: false,
    solo: false,
    devices: [],
    playing_slot_index: -2,
    fired_slot_index: -1,
    output_meter_left: 0,
    output_meter_right: 0,
    clip_slots: slots.map((slot) => ref(slot, 'ClipSlot')),
  });
  live.define(`${target} mixer_device`, {
    sends: Array.from({ length: options.sends ?? 1 }, (_, i) => ref(900 + id * 10 + i)),
  });
  parameter(live, `${target} mixer_device volume`, 'Track Volume', 0.85);
  parameter(live, `${target} mixer_device panning`, 'Track Panning', 0, -1, 1);
  for (let send = 0; send < (options.sends ?? 1); send += 1)
    parameter(live, `${target} mixer_device sends ${send}`, 'A-Send', 0);
}

export function slot(live: FakeLive, id: number, clip: { id: number; name: string } | null): void {
  live.define(`id ${id}`, {
    has_clip: clip !== null,
    playing_status: 0,
    is_triggered: false,
    ...(clip ? { clip: ref(clip.id, 'Clip') } : {}),
  });
  if (clip)
    live.define(`id ${clip.id}`, {
      name: clip.name,
      color: 5,
      loop_start: 0,
      loop_end: 4,
      notes: null,
      looping: true,
      playing_position: 0,
    });
}

/** A scene (an empty name: Live shows its number). */
export function scene(live: FakeLive, id: number, name: string): void {
  live.define(`id ${id}`, { name, color: 0x99724b, is_triggered: false });
}

/** Tracks 1 and 2 (slots 11, 12 and 21, 22), scenes 31 and 32, return 3, master 4. */
export function fakeSet(): FakeLive {
  const live = new FakeLive();
  live.define('live_set', {
    tracks: [ref(1, 'Track'), ref(2, 'Track')],
    return_tracks: [ref(3, 'Track')],
    master_track: ref(4, 'Track'),
    scenes: [ref(31, 'Scene'), ref(32, 'Scene')],
    is_playing: false,
    tempo: 120,
    metronome: false,
    session_record: false,
    record_mode: false,
    current_song_time: 0,
    signature_numerator: 4,
    signature_denominator: 4,
  });
  track(live, 1, 'Drums', [11, 12]);
  track(live, 2, 'Bass', [21, 22]);
  track(live, 3, 'A-Reverb', [], { armable: false });
  track(live, 4, 'Main', [], { armable: false, sends: 0 });
  slot(live, 11, { id: 111, name: 'Beat' });
  slot(live, 12, null);
  slot(live, 21, { id: 211, name: 'Bassline' });
  slot(live, 22, null);
  scene(live, 31, 'Verse');
  scene(live, 32, '');
  return live;
}

export { track as defineTrack };
