/**
 * What a finger or an action does to notes, as Live's piano roll does it:
 * snapping to the grid (unless free), moving and resizing a selection by
 * the note under the finger, transposing, duplicating after the selection,
 * quantizing, muting, velocities. Pure: notes in, notes out; nothing is
 * ever moved outside Live's bounds (pitch 0..127, start 0 or later,
 * duration above zero, velocity 1..127).
 */
import type { EditorNote, NoteChange, NoteFields, NoteKey } from './clip-notes';

/** The grid in beats (0.25 is a 16th), or null for off. */
export type Grid = number | null;

/** The shortest note a finger can make: a 128th. */
export const MIN_DURATION = 1 / 32;
const EPSILON = 1e-9;

/** The nearest grid line (any beat when the grid is off). */
export function snap(beat: number, grid: Grid): number {
  return grid === null ? beat : Math.round(beat / grid) * grid;
}

/** The grid line at or before `beat` (a tapped cell's start). */
export function snapDown(beat: number, grid: Grid): number {
  return grid === null ? beat : Math.floor(beat / grid + EPSILON) * grid;
}

const clamp = (value: number, low: number, high: number): number => Math.min(high, Math.max(low, value));

/** Defaults of a new note: Live's. */
export const NEW_NOTE: Omit<NoteFields, 'pitch' | 'start_time' | 'duration'> = {
  velocity: 100,
  mute: false,
  probability: 1,
  velocity_deviation: 0,
  release_velocity: 64,
};

/** A note added by a tap on a cell: at the cell's start, a grid long (a beat with the grid off). */
export function tappedNote(key: NoteKey, pitch: number, beat: number, grid: Grid, velocity: number): EditorNote {
  return {
    ...NEW_NOTE,
    key,
    pitch: clamp(Math.round(pitch), 0, 127),
    start_time: Math.max(0, snapDown(beat, grid)),
    duration: grid ?? 1,
    velocity: clamp(velocity, 1, 127),
  };
}

export interface DragOffset {
  beats: number;
  semitones: number;
  free: boolean;
}

/**
 * The held notes moved by a finger: the note under it (`primary`) lands on
 * the grid, the others keep their distance to it; the whole selection stops
 * at Live's bounds rather than squashing.
 */
export function moved(origin: readonly EditorNote[], primary: NoteKey, offset: DragOffset, grid: Grid): EditorNote[] {
  const lead = origin.find((note) => note.key === primary) ?? origin[0];
  if (!lead) return [];
  const free = offset.free || grid === null;
  let beats = free ? offset.beats : snap(lead.start_time + offset.beats, grid) - lead.start_time;
  beats = Math.max(beats, -Math.min(...origin.map((note) => note.start_time)));
  const low = Math.min(...origin.map((note) => note.pitch));
  const high = Math.max(...origin.map((note) => note.pitch));
  const semitones = clamp(Math.round(offset.semitones), -low, 127 - high);
  return origin.map((note) => ({ ...note, start_time: note.start_time + beats, pitch: note.pitch + semitones }));
}

/** The held notes' ends dragged: the note under the finger ends on the grid; each keeps at least a 128th. */
export function resizedEnd(
  origin: readonly EditorNote[],
  primary: NoteKey,
  offset: DragOffset,
  grid: Grid,
): EditorNote[] {
  const lead = origin.find((note) => note.key === primary) ?? origin[0];
  if (!lead) return [];
  const end = lead.start_time + lead.duration;
  const delta = offset.free || grid === null ? offset.beats : snap(end + offset.beats, grid) - end;
  return origin.map((note) => ({ ...note, duration: Math.max(MIN_DURATION, note.duration + delta) }));
}

/** The held notes' starts dragged, their ends staying put. */
export function resizedStart(
  origin: readonly EditorNote[],
  primary: NoteKey,
  offset: DragOffset,
  grid: Grid,
): EditorNote[] {
  const lead = origin.find((note) => note.key === primary) ?? origin[0];
  if (!lead) return [];
  let delta =
    offset.free || grid === null ? offset.beats : snap(lead.start_time + offset.beats, grid) - lead.start_time;
  delta = Math.max(delta, -Math.min(...origin.map((note) => note.start_time)));
  return origin.map((note) => {
    const shift = Math.min(delta, note.duration - MIN_DURATION);
    return { ...note, start_time: note.start_time + shift, duration: note.duration - shift };
  });
}

/** What changed between notes and the same notes after a gesture or an action, as changes by key. */
export function changesBetween(before: readonly EditorNote[], after: readonly EditorNote[]): NoteChange[] {
  const earlier = new Map(before.map((note) => [note.key, note]));
  const changes: NoteChange[] = [];
  for (const note of after) {
    const was = earlier.get(note.key);
    if (!was) continue;
    const fields: Partial<NoteFields> = {};
    for (const field of ['pitch', 'start_time', 'duration', 'velocity', 'mute'] as const) {
      if (note[field] !== was[field]) Object.assign(fields, { [field]: note[field] });
    }
    if (Object.keys(fields).length > 0) changes.push({ key: note.key, fields });
  }
  return changes;
}

/** Up or down by semitones (or octaves, 12): the selection moves as far as it can and keeps its shape. */
export function transposed(notes: readonly EditorNote[], semitones: number): EditorNote[] {
  return moved(notes, notes[0]?.key ?? '', { beats: 0, semitones, free: true }, null);
}

/** Starts on the nearest grid line (Live's quantize at 100%); notes keep their lengths. */
export function quantized(notes: readonly EditorNote[], grid: Grid): EditorNote[] {
  return notes.map((note) => ({ ...note, start_time: Math.max(0, snap(note.start_time, grid ?? 0.25)) }));
}

/** Muted as asked, or (not asked) muted if any was playing, else all playing again (Live's toggle on a selection). */
export function muteToggled(notes: readonly EditorNote[], asked?: boolean): EditorNote[] {
  const mute = asked ?? notes.some((note) => !note.mute);
  return notes.map((note) => ({ ...note, mute }));
}

/** Velocities set by the velocity lane, within 1..127. */
export function withVelocities(notes: readonly EditorNote[], velocities: ReadonlyMap<NoteKey, number>): EditorNote[] {
  return notes.map((note) => {
    const velocity = velocities.get(note.key);
    return velocity === undefined ? note : { ...note, velocity: clamp(Math.round(velocity), 1, 127) };
  });
}

/**
 * Copies of notes right after them (Live's duplicate): shifted by the
 * selection's length, rounded up to the grid, under the keys given.
 */
export function duplicated(notes: readonly EditorNote[], keys: readonly NoteKey[], grid: Grid): EditorNote[] {
  if (notes.length === 0) return [];
  const start = Math.min(...notes.map((note) => note.start_time));
  const end = Math.max(...notes.map((note) => note.start_time + note.duration));
  const span = grid === null ? end - start : Math.max(grid, Math.ceil((end - start) / grid - EPSILON) * grid);
  return notes.map((note, index) => ({ ...note, key: keys[index] ?? note.key, start_time: note.start_time + span }));
}

/** The loop region dragged by a finger, snapped, never shorter than the grid (a 16th with the grid off). */
export function loopRegion(start: number, end: number, grid: Grid): { start: number; end: number } {
  const from = Math.max(0, snap(start, grid));
  const to = snap(end, grid);
  return { start: from, end: Math.max(to, from + (grid ?? 0.25)) };
}
