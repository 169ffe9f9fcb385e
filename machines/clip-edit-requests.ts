/**
 * The requests that carry the clip editor's edits to Live, and what their
 * answers mean. Notes travel by `note_id` only (Live 11+ notes API); a
 * change to a note Live no longer has is left out rather than refused (it
 * was removed in Live or on another tablet, and stays removed). An edit of
 * more notes than one call takes (`SCRIPT_LIMITS.maxNotesPerCall`: the script
 * keeps each request short on Live's main thread) goes in several calls, the
 * first `NOTES_PER_CALL` each time (`sentPart`); the rest stays at the head
 * of the queue until it is sent too.
 */
import { z } from 'zod';
import { SCRIPT_LIMITS, type JsonValue } from '../protocol/src/index';
import { Note, NoteId } from '../protocol/src/notes';
import type { ClipProp, ClipProps, Edit, EditorNote, NoteKey } from './clip-notes';
import type { ClipEditorContext } from './clip-editor-model';
import type { CallInput } from './effects';
import { errorCode } from './retry-cycle';

/** Notes (or ids) one call carries at most. */
export const NOTES_PER_CALL = SCRIPT_LIMITS.maxNotesPerCall;

/**
 * The part of an edit that one call carries, and what is left for the next
 * (null when the edit fits in one call). Changes and removals of notes Live
 * no longer has are left out (`known`).
 */
export function sentPart(edit: Edit, known: ReadonlySet<NoteKey>): { sent: Edit; rest: Edit | null } {
  const split = <T>(items: readonly T[]): [T[], T[]] => [items.slice(0, NOTES_PER_CALL), items.slice(NOTES_PER_CALL)];
  switch (edit.kind) {
    case 'add': {
      const [sent, rest] = split(edit.notes);
      return { sent: { ...edit, notes: sent }, rest: rest.length > 0 ? { ...edit, notes: rest } : null };
    }
    case 'modify': {
      const [sent, rest] = split(edit.changes.filter((change) => isKnown(change.key, known)));
      return { sent: { ...edit, changes: sent }, rest: rest.length > 0 ? { ...edit, changes: rest } : null };
    }
    case 'remove': {
      const [sent, rest] = split(edit.keys.filter((key) => isKnown(key, known)));
      return { sent: { ...edit, keys: sent }, rest: rest.length > 0 ? { ...edit, keys: rest } : null };
    }
    default:
      return { sent: edit, rest: null };
  }
}

function isKnown(key: NoteKey, known: ReadonlySet<NoteKey>): key is number {
  return typeof key === 'number' && known.has(key);
}

/** A `call` for (the first part of) an edit, or null when nothing of it is left to send. */
export function callFor(edit: Edit, clip: string, song: string, known: ReadonlySet<NoteKey>): CallInput | null {
  const part = sentPart(edit, known).sent;
  switch (part.kind) {
    case 'add':
      return { target: clip, fn: 'add_new_notes', args: [part.notes.map(specOf)] };
    case 'modify': {
      if (part.changes.length === 0) return null;
      return {
        target: clip,
        fn: 'apply_note_modifications',
        args: [part.changes.map((change) => ({ note_id: change.key, ...change.fields }))],
      };
    }
    case 'remove': {
      const ids = part.keys.filter((key): key is number => typeof key === 'number');
      // the answer tells which were removed and which another tablet removed first: either way they are gone
      return ids.length === 0 ? null : { target: clip, fn: 'remove_notes_by_id', args: [ids] };
    }
    case 'call':
      return { target: part.target === 'song' ? song : clip, fn: part.fn, args: [] };
    case 'clip':
      return null;
    default:
      return part satisfies never;
  }
}

/** A note as `add_new_notes` takes it: every field Live keeps, without a key. */
function specOf(note: EditorNote): JsonValue {
  return {
    pitch: note.pitch,
    start_time: note.start_time,
    duration: note.duration,
    velocity: note.velocity,
    mute: note.mute,
    probability: note.probability,
    velocity_deviation: note.velocity_deviation,
    release_velocity: note.release_velocity,
  };
}

const NoteIds = z.array(NoteId);
const Notes = z.array(Note);

/** The ids `add_new_notes` answered, in the order of the notes asked for; none when the answer is not ids. */
export function idsFrom(output: JsonValue): number[] {
  const parsed = NoteIds.safeParse(output);
  return parsed.success ? parsed.data : [];
}

/** The notes `get_all_notes_extended` answered, or null when the answer is not notes. */
export function notesFrom(output: JsonValue): Note[] | null {
  const parsed = Notes.safeParse(output);
  return parsed.success ? parsed.data : null;
}

/**
 * How an edit's failure is taken: held until Live is back, the clip gone, or refused. (Notes another
 * tablet removed first are no failure: `remove_notes_by_id` answers them as `missing`.)
 */
export type EditFailure = 'offline' | 'gone' | 'refused';

/** The failure's meaning for this edit (the code of a LinkError: protocol/src/common.ts). */
export function failureOf(edit: Edit, error: unknown): EditFailure {
  const code = errorCode(error);
  if (code === 'unavailable' || code === 'timeout') return 'offline';
  if (code === 'gone') return 'gone';
  return 'refused';
}

/** The clip's properties as Live has them, for the order of sets. */
export interface ClipBounds {
  loop_start: number;
  loop_end: number;
  start_marker: number;
  end_marker: number;
}

/**
 * The next property to set of those an edit changes: Live refuses a start
 * at or after its end, so a region moving later sets its end first, one
 * moving earlier its start first.
 */
export function nextClipProp(props: ClipProps, bounds: ClipBounds): { prop: ClipProp; value: number | boolean } | null {
  const pairs = [
    ['loop_start', 'loop_end'],
    ['start_marker', 'end_marker'],
  ] as const;
  for (const [start, end] of pairs) {
    const newStart = props[start];
    const newEnd = props[end];
    if (typeof newEnd === 'number' && (typeof newStart !== 'number' || newStart >= bounds[end])) {
      return { prop: end, value: newEnd };
    }
    if (typeof newStart === 'number') return { prop: start, value: newStart };
  }
  return props.looping === undefined ? null : { prop: 'looping', value: props.looping };
}

/** The notes Live knows by id: a change to any other would be refused (it was removed meanwhile). */
export function knownKeys(context: Pick<ClipEditorContext, 'base'>): Set<NoteKey> {
  return new Set(context.base.map((note) => note.key));
}

/** The request for the edit at the head of the queue (the chart sends it only when there is one). */
export function headCall(context: ClipEditorContext): CallInput {
  const head = context.edits[0];
  const call = head ? callFor(head, context.clip, context.song, knownKeys(context)) : null;
  if (!call) throw new Error('the clip editor has nothing to send');
  return call;
}

/** Whether nothing of the head is left to send (its notes were removed meanwhile): it is then done without a request. */
export function headIsEmpty(context: ClipEditorContext): boolean {
  const head = context.edits[0];
  if (!head) return false;
  if (head.kind === 'clip') return nextClipProp(head.props, context.bounds) === null;
  return callFor(head, context.clip, context.song, knownKeys(context)) === null;
}
