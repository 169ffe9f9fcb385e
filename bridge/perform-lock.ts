/**
 * The perform lock: on stage, a stray tap must not delete a track. While
 * the surface is locked, the bridge refuses with `forbidden` every call that
 * changes the set's structure (creates, deletes, duplicates or moves tracks,
 * scenes, devices, chains and clips, or opens a new set); playing, mixing,
 * editing notes and automation go on. Every tablet hears when the lock
 * changes (`lock` event) and sees it in the bridge's hello. `livesurface
 * start --lock` starts locked; a tablet locks and unlocks (`lock` request;
 * the app asks before unlocking).
 */
import type { ErrorInfo } from '../protocol/src/index';
import type { RequestBody } from './script-requests';

/** Live's functions that change the set's structure (from the Live 11 and 12 API dumps). */
export const STRUCTURAL_FUNCTIONS: ReadonlySet<string> = new Set([
  'create_audio_track',
  'create_midi_track',
  'create_return_track',
  'create_midi_track_from_drum_pad',
  'create_midi_track_with_simpler',
  'create_scene',
  'create_clip',
  'create_audio_clip',
  'create_midi_clip',
  'create_drum_rack_from_audio_clip',
  'create_take_lane',
  'create_new_live_set',
  'delete_track',
  'delete_return_track',
  'delete_scene',
  'delete_device',
  'delete_clip',
  'delete_all_chains',
  'delete_selected_variation',
  'duplicate_track',
  'duplicate_scene',
  'duplicate_clip_slot',
  'duplicate_clip_to',
  'duplicate_clip_to_arrangement',
  'duplicate_device',
  'insert_device',
  'insert_chain',
  'move_device',
  'move_devices_on_track_to_new_drum_rack_pad',
]);

/** What a refused request is told. */
export const LOCKED: ErrorInfo = {
  code: 'forbidden',
  message:
    'the surface is locked for performance: unlock it to create, delete, duplicate or move tracks, scenes, devices and clips',
};

/** Whether a request changes the set's structure. */
export function isStructural(body: RequestBody): boolean {
  return body.op === 'call' && STRUCTURAL_FUNCTIONS.has(body.fn);
}

/** The lock's state, and who hears when it changes. */
export class PerformLock {
  private readonly listeners = new Set<(locked: boolean) => void>();

  constructor(private current = false) {}

  get locked(): boolean {
    return this.current;
  }

  /** Locks or unlocks; every listener hears a change. */
  set(locked: boolean): void {
    if (locked === this.current) return;
    this.current = locked;
    for (const listener of [...this.listeners]) listener(locked);
  }

  /** The refusal for a request while locked, or null when it may go. */
  refusal(body: RequestBody): ErrorInfo | null {
    return this.current && isStructural(body) ? LOCKED : null;
  }

  onChange(listener: (locked: boolean) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
