/**
 * What the piano roll shows and what a finger asks of it: plain data, so
 * the view stays pure and the clip editor's actor (machines/clip-editor)
 * decides what an intent does to Live's notes.
 *
 * Time is in beats of clip time (Live's `start_time`: 0 is the clip's
 * start, not its start marker); pitch is MIDI 0..127.
 */

/** A note's key: Live's `note_id`, or a local key (`new:3`) for a note Live has not given an id yet. */
export type RollNoteKey = number | string;

/** A note as the roll draws it: Live's, with the edits in flight and the gesture under a finger applied. */
export interface RollNote {
  key: RollNoteKey;
  pitch: number;
  start: number;
  duration: number;
  /** 0..127: drawn as the note's color strength. */
  velocity: number;
  mute: boolean;
  selected: boolean;
  /**
   * Not (yet) as Live has it: `sending` (on its way), `offline` (waits for
   * Live), `refused` (Live said no; the editor says why). Null when Live has it.
   */
  pending: 'sending' | 'offline' | 'refused' | null;
}

/** The clip's time as the roll draws it. */
export interface RollClip {
  /** Start and end markers (beats). */
  start: number;
  end: number;
  /** The loop region; `on` when the clip loops. */
  loop: { start: number; end: number; on: boolean };
  /** Bars and beats: Live's `signature_numerator` / `signature_denominator`. */
  signature: { numerator: number; denominator: number };
}

/** Which part of the clip the roll shows, and how large. */
export interface RollViewport {
  /** The beat at the left edge. */
  startBeat: number;
  pxPerBeat: number;
  /** The pitch of the top row (keys) or the index of the top row (pads). */
  topRow: number;
  /** The height of one row. */
  rowPx: number;
}

/**
 * The grid notes snap to and are added with: a length in beats (1 is a
 * quarter note, 0.125 a 32nd; triplets are 2/3 of them), or `null` for off
 * (a note then snaps nowhere and is added a quarter note long).
 */
export type RollGrid = number | null;

/** The rows down the side: the piano's keys, or a Drum Rack's pads (only those that exist, low to high). */
export type RollRows = { kind: 'keys' } | { kind: 'pads'; pads: readonly { note: number; name: string }[] };

/** The set's scale, highlighted on the rows when asked: root 0..11, intervals from Live's `scale_intervals`. */
export interface RollScale {
  root: number;
  intervals: readonly number[];
}

/** A velocity lane edit: new velocities by note. */
export interface VelocityChange {
  key: RollNoteKey;
  velocity: number;
}

/**
 * What a finger asks. Positions are raw (unsnapped) beats and pitches; the
 * editor snaps to the grid unless `free`. A gesture is `grab`, any number of
 * `drag`s, then `release` (or `cancel` on pointercancel): one step of Live's
 * undo history.
 */
export type RollIntent =
  /** A tap on an empty cell: a note of the grid's length there. */
  | { type: 'add'; pitch: number; beat: number }
  /** A tap on a note, a lasso, or a long-press: which notes are selected. */
  | { type: 'select'; keys: readonly RollNoteKey[]; mode: 'replace' | 'toggle' | 'add' }
  /** A finger on a note's body (move), or near its start or end edge (resize). `copy`: move a copy. */
  | { type: 'grab'; key: RollNoteKey; handle: 'body' | 'start' | 'end'; copy: boolean }
  /**
   * How far the finger has gone since `grab`, in beats (raw) and whole semitones (rows on pads; always 0
   * for an edge). `free`: no snapping (a second finger on the roll, or Ctrl/Cmd).
   */
  | { type: 'drag'; beats: number; semitones: number; free: boolean }
  /** The velocity lane: a finger drawing velocities over notes (a gesture too: `release` ends it). */
  | { type: 'velocity'; changes: readonly VelocityChange[] }
  /** The loop region's body, start or end dragged to these beats (a gesture: `release` ends it). */
  | { type: 'loop'; start: number; end: number }
  /** The start or end marker dragged to these beats (a gesture like `loop`: `release` ends it). */
  | { type: 'markers'; start: number; end: number }
  /** A tap on the one selected note, or Delete: these notes go. */
  | { type: 'remove'; keys: readonly RollNoteKey[] }
  | { type: 'release' }
  | { type: 'cancel' };
