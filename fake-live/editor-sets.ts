/**
 * A clip to edit in the in-memory Live: its notes (Live's notes API,
 * `notes.ts`) and the song's undo history (`history.ts`).
 */
import type { Note } from '../protocol/src/notes';
import { FakeLive } from './fake-live';
import { FakeHistory } from './history';
import { ClipNotes } from './notes';
import { defineClip, defineSong } from './set-builder';

/** The clip `editorClip` makes, and its path (how a new Live finds it). */
export const EDITED_CLIP = 'id 50';
export const EDITED_CLIP_PATH = 'live_set tracks 0 clip_slots 0 clip';

/** A note with Live's defaults but for what is given. */
export function note(pitch: number, start_time: number, duration = 0.25, velocity = 100): Omit<Note, 'note_id'> {
  return {
    pitch,
    start_time,
    duration,
    velocity,
    mute: false,
    probability: 1,
    velocity_deviation: 0,
    release_velocity: 64,
  };
}

/** A 2-bar MIDI clip (`id 50`) holding `notes` (ids 1, 2, ... in that order), in a song with Live's undo. */
export function editorClip(notes: readonly Omit<Note, 'note_id'>[] = []): {
  live: FakeLive;
  notes: ClipNotes;
  history: FakeHistory;
} {
  const live = new FakeLive();
  defineSong(live, { tracks: [], returns: [], master: 1, scenes: [] });
  defineClip(live, { id: 50, name: 'Bassline', color: 0xff5a00, length: 8 });
  live.paths.set(EDITED_CLIP_PATH, EDITED_CLIP);
  const clipNotes = new ClipNotes(live);
  clipNotes.define(EDITED_CLIP, notes);
  const history = new FakeHistory(live, clipNotes);
  return { live, notes: clipNotes, history };
}
