/**
 * Builds sets in the in-memory Live: the song, tracks with their mixer and
 * clip slots, clips, scenes and parameters, with the properties the machines
 * read and observe, under `id N` targets as the bridge gives them. The
 * machines' test set (`test-set.ts`) and the stories' studio set
 * (ui/fake-studio/studio-set.ts) are both built with it.
 */
import type { JsonValue } from '../protocol/src/index';
import type { FakeLive } from './fake-live';

/** A reference to a Live object, as the bridge sends one. */
export const ref = (id: number, type = 'Object'): { $ref: number; type: string; path: null } => ({
  $ref: id,
  type,
  path: null,
});

/** The target (`id 12`) of a reference, or null. */
export function targetOf(value: JsonValue): string | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && typeof value.$ref === 'number'
    ? `id ${value.$ref}`
    : null;
}

/** The targets of a list of references. */
export function targetsOf(value: JsonValue): string[] {
  return Array.isArray(value) ? value.map(targetOf).filter((target): target is string => target !== null) : [];
}

/** The number of an `id N` target. */
export function idOf(target: string): number {
  return Number(target.slice('id '.length));
}

export interface ParameterSpec {
  name: string;
  value: number;
  min?: number;
  max?: number;
  defaultValue?: number;
  items?: string[];
  /** How Live shows a value (`str_for_value`); two decimals otherwise. */
  format?: (value: number) => string;
}

export function defineParameter(live: FakeLive, target: string, parameter: ParameterSpec): void {
  const items = parameter.items ?? [];
  live.define(target, {
    name: parameter.name,
    value: parameter.value,
    min: parameter.min ?? 0,
    max: parameter.max ?? (items.length > 0 ? items.length - 1 : 1),
    default_value: parameter.defaultValue ?? parameter.value,
    is_quantized: items.length > 0,
    value_items: items,
  });
  if (parameter.format) live.displays.set(target, parameter.format);
}

/** The song, its transport at rest (a new set's defaults), and what it holds. */
export function defineSong(
  live: FakeLive,
  shape: { tracks: number[]; returns: number[]; master: number; scenes: number[] },
  props: Record<string, JsonValue> = {},
): void {
  live.define('live_set', {
    tracks: shape.tracks.map((id) => ref(id, 'Track')),
    return_tracks: shape.returns.map((id) => ref(id, 'Track')),
    master_track: ref(shape.master, 'Track'),
    scenes: shape.scenes.map((id) => ref(id, 'Scene')),
    is_playing: false,
    tempo: 120,
    metronome: false,
    session_record: false,
    record_mode: false,
    current_song_time: 0,
    signature_numerator: 4,
    signature_denominator: 4,
    clip_trigger_quantization: 4,
    // the arrangement loop, punch, Capture MIDI and cue points of a new set (the transport bar observes them)
    loop: false,
    loop_start: 0,
    loop_length: 16,
    punch_in: false,
    punch_out: false,
    can_capture_midi: false,
    can_jump_to_prev_cue: false,
    can_jump_to_next_cue: false,
    cue_points: [],
    ...props,
  });
  // what Live has selected: the first track and scene, as a new set opens
  const first = shape.tracks[0];
  live.define('live_set view', {
    selected_track: first === undefined ? null : ref(first, 'Track'),
    selected_scene: shape.scenes[0] === undefined ? null : ref(shape.scenes[0], 'Scene'),
    highlighted_clip_slot: null,
  });
}

export interface TrackSpec {
  name: string;
  color: number;
  /** Returns and the master cannot be armed. */
  armable?: boolean;
  /** A MIDI track (the default), or an audio track (false). */
  midi?: boolean;
  /** Its clip slots' ids, in scene order. */
  slots?: number[];
  devices?: number[];
  /** How many sends its mixer has (one per return track). */
  sends?: number;
  /** How Live shows the volume, panning and sends (the studio's dB and pan). */
  formats?: { volume?: (value: number) => string; pan?: (value: number) => string };
}

/** A track with its mixer device (volume, panning, a send per return) and empty meters. */
export function defineTrack(live: FakeLive, id: number, track: TrackSpec): void {
  const target = `id ${id}`;
  live.define(target, {
    name: track.name,
    color: track.color,
    can_be_armed: track.armable ?? true,
    has_midi_input: track.midi ?? true,
    has_audio_input: !(track.midi ?? true),
    is_foldable: false,
    group_track: null,
    arm: false,
    mute: false,
    solo: false,
    devices: (track.devices ?? []).map((device) => ref(device, 'Device')),
    playing_slot_index: -2,
    fired_slot_index: -1,
    output_meter_level: 0,
    output_meter_left: 0,
    output_meter_right: 0,
    clip_slots: (track.slots ?? []).map((slot) => ref(slot, 'ClipSlot')),
  });
  const sends = track.sends ?? 0;
  const mixer = `${target} mixer_device`;
  live.define(mixer, { sends: Array.from({ length: sends }, (_, index) => ref(900 + id * 10 + index)) });
  const { volume, pan } = track.formats ?? {};
  defineParameter(live, `${mixer} volume`, { name: 'Track Volume', value: 0.85, ...(volume && { format: volume }) });
  defineParameter(live, `${mixer} panning`, {
    name: 'Track Panning',
    value: 0,
    min: -1,
    max: 1,
    ...(pan && { format: pan }),
  });
  for (let send = 0; send < sends; send += 1) {
    defineParameter(live, `${mixer} sends ${send}`, {
      name: `${String.fromCharCode(65 + send)}-Send`,
      value: 0,
      ...(volume && { format: volume }),
    });
  }
}

export interface ClipSpec {
  id: number;
  name: string;
  color: number;
  /** Its loop's length in beats. */
  length?: number;
  /** Its place in Live's palette (`color_index`); 0 unless said. */
  colorIndex?: number;
}

/** A clip slot, empty or holding a looping clip stopped at its start. */
export function defineSlot(live: FakeLive, id: number, clip: ClipSpec | null): void {
  live.define(`id ${id}`, {
    has_clip: clip !== null,
    playing_status: 0,
    is_triggered: false,
    has_stop_button: true,
    // Live's ClipSlot.clip is None when the slot is empty
    clip: clip ? ref(clip.id, 'Clip') : null,
  });
  if (clip) defineClip(live, clip);
}

/** A MIDI clip, looping over its whole length, stopped at its start. */
export function defineClip(live: FakeLive, clip: ClipSpec): void {
  const length = clip.length ?? 4;
  live.define(`id ${clip.id}`, {
    name: clip.name,
    color: clip.color,
    color_index: clip.colorIndex ?? 0,
    loop_start: 0,
    loop_end: length,
    start_marker: 0,
    end_marker: length,
    length,
    looping: true,
    is_midi_clip: true,
    signature_numerator: 4,
    signature_denominator: 4,
    notes: null,
    playing_position: 0,
    is_playing: false,
    // Trigger, and the song's quantization (Global): a new clip's launch settings
    launch_mode: 0,
    launch_quantization: 0,
  });
}

/** The pads of a drum kit, from note 36 up, for the racks the sets build. */
export const KIT_PAD_NAMES = [
  'Kick',
  'Rim',
  'Snare',
  'Clap',
  'Tom Low',
  'Hat Closed',
  'Tom Mid',
  'Hat Pedal',
  'Tom High',
  'Hat Open',
  'Conga',
  'Ride',
  'Crash',
  'Shaker',
  'Cowbell',
  'Perc',
  'Bongo',
  'Clave',
  'Guiro',
  'Agogo',
] as const;

/** A scene (an empty name: Live shows its number). */
export function defineScene(live: FakeLive, id: number, name: string, color: number): void {
  live.define(`id ${id}`, { name, color, tempo: -1, is_triggered: false });
}
