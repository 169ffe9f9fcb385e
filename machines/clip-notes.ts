/**
 * A clip's notes in the editor, in three layers: Live's notes (`base`, as
 * Live last said), the edits in flight (`Edit`s, applied in order on top),
 * and the gesture under a finger (`Hold`, on top of both). The view draws
 * their sum; Live's answers replace the first two. Pure: no I/O, no XState.
 *
 * Notes are addressed by key: Live's `note_id`, or a local key (`new:N`) for
 * a note added here that Live has not numbered yet. Keys become ids when
 * Live answers the add (`renameKeys`).
 */
import type { Note } from '../protocol/src/notes';

/** Live's `note_id`, or a local key (`new:N`) until Live gives one. */
export type NoteKey = number | string;

/** Every field of a Live 11+ note but its id. */
export type NoteFields = Omit<Note, 'note_id'>;

/** A note in the editor: Live's fields under its key. */
export interface EditorNote extends NoteFields {
  key: NoteKey;
}

/** A note's new fields, by key. */
export interface NoteChange {
  key: NoteKey;
  fields: Partial<NoteFields>;
}

/** Where an edit stands: waiting its turn (or for Live to be back), or on its way to Live. */
export type EditStatus = 'queued' | 'sent';

interface EditBase {
  seq: number;
  status: EditStatus;
  /** What the musician did, for a word when Live refuses it (`moving 3 notes`). */
  what: string;
}

/** One request's worth of change to Live, in the order it must reach Live. */
export type Edit =
  | (EditBase & { kind: 'add'; notes: EditorNote[] })
  | (EditBase & { kind: 'modify'; changes: NoteChange[]; gesture: boolean })
  | (EditBase & { kind: 'remove'; keys: NoteKey[] })
  /** A function of the song or the clip with no note in its arguments (undo steps, undo, redo, duplicate_loop). */
  | (EditBase & { kind: 'call'; target: 'song' | 'clip'; fn: string; changesNotes: boolean })
  /** Properties of the clip (loop, markers), latest wins; set one at a time, in an order Live accepts. */
  | (EditBase & { kind: 'clip'; props: ClipProps; gesture: boolean });

/** The clip's properties the editor changes. */
export type ClipProp = 'loop_start' | 'loop_end' | 'start_marker' | 'end_marker' | 'looping';
export type ClipProps = Partial<Record<ClipProp, number | boolean>>;

/** An edit as it is created: the queue gives it its number and status. */
export type NewEdit = Edit extends infer E ? (E extends Edit ? Omit<E, 'seq' | 'status'> : never) : never;

/** The gesture under a finger: the notes it holds, as they must show whatever Live says meanwhile. */
export interface Hold {
  notes: EditorNote[];
}

const byStartThenPitch = (a: EditorNote, b: EditorNote): number => a.start_time - b.start_time || a.pitch - b.pitch;

/** Live's notes as the editor keeps them, sorted by start then pitch (as Live returns them). */
export function fromLive(notes: readonly Note[]): EditorNote[] {
  return notes.map(({ note_id, ...fields }) => ({ key: note_id, ...fields })).sort(byStartThenPitch);
}

function applyEdit(notes: EditorNote[], edit: Edit): EditorNote[] {
  switch (edit.kind) {
    case 'add':
      return [...notes, ...edit.notes];
    case 'modify': {
      const changes = new Map(edit.changes.map((change) => [change.key, change.fields]));
      // a note removed meanwhile (in Live or on another tablet) stays removed: its change has nothing to change
      return notes.map((note) => {
        const fields = changes.get(note.key);
        return fields ? { ...note, ...fields } : note;
      });
    }
    case 'remove': {
      const doomed = new Set(edit.keys);
      return notes.filter((note) => !doomed.has(note.key));
    }
    case 'call':
    case 'clip':
      return notes;
    default:
      return edit satisfies never;
  }
}

/** What the view shows: Live's notes, the edits in flight on top, the held notes on top of all. */
export function shownNotes(base: readonly EditorNote[], edits: readonly Edit[], hold: Hold | null): EditorNote[] {
  let notes = edits.length === 0 ? [...base] : edits.reduce(applyEdit, [...base]);
  if (hold) {
    const held = new Map(hold.notes.map((note) => [note.key, note]));
    // a held note stays under the finger even if Live removed it meanwhile: the release decides
    const present = new Set(notes.map((note) => note.key));
    notes = notes.map((note) => held.get(note.key) ?? note);
    for (const note of hold.notes) if (!present.has(note.key)) notes.push(note);
  }
  return notes.sort(byStartThenPitch);
}

/** The keys whose shown state is not yet Live's, and why: the status of the latest edit touching each. */
export function pendingKeys(edits: readonly Edit[]): Map<NoteKey, EditStatus> {
  const pending = new Map<NoteKey, EditStatus>();
  for (const edit of edits) {
    const keys =
      edit.kind === 'add'
        ? edit.notes.map((note) => note.key)
        : edit.kind === 'modify'
          ? edit.changes.map((change) => change.key)
          : [];
    for (const key of keys) pending.set(key, edit.status);
  }
  return pending;
}

/**
 * Adds an edit to the queue. A change to notes or a property that the last
 * edit still waiting its turn already changes is merged into it (latest
 * wins), so a gesture sends at most one request per frame however many
 * moves the finger made.
 */
export function enqueue(edits: readonly Edit[], edit: NewEdit, seq: number): Edit[] {
  const last = edits.at(-1);
  if (last?.status === 'queued' && last.kind === 'modify' && edit.kind === 'modify') {
    const merged = new Map(last.changes.map((change) => [change.key, change.fields]));
    for (const change of edit.changes) merged.set(change.key, { ...merged.get(change.key), ...change.fields });
    const changes = [...merged].map(([key, fields]) => ({ key, fields }));
    return [...edits.slice(0, -1), { ...last, changes, what: edit.what, gesture: last.gesture || edit.gesture }];
  }
  if (last?.status === 'queued' && last.kind === 'clip' && edit.kind === 'clip') {
    return [...edits.slice(0, -1), { ...last, props: { ...last.props, ...edit.props }, what: edit.what }];
  }
  return [...edits, { ...edit, seq, status: 'queued' }];
}

/** Replaces local keys by Live's ids everywhere they appear (once Live answered the add). */
export function renameKeys<T extends NoteKey>(keys: readonly T[], ids: ReadonlyMap<NoteKey, number>): NoteKey[] {
  return keys.map((key) => ids.get(key) ?? key);
}

/** The same edits with local keys replaced by Live's ids. */
export function renameInEdits(edits: readonly Edit[], ids: ReadonlyMap<NoteKey, number>): Edit[] {
  if (ids.size === 0) return [...edits];
  return edits.map((edit) => {
    if (edit.kind === 'add')
      return { ...edit, notes: edit.notes.map((note) => ({ ...note, key: ids.get(note.key) ?? note.key })) };
    if (edit.kind === 'modify')
      return {
        ...edit,
        changes: edit.changes.map((change) => ({ ...change, key: ids.get(change.key) ?? change.key })),
      };
    if (edit.kind === 'remove') return { ...edit, keys: renameKeys(edit.keys, ids) };
    return edit;
  });
}

/** Live's notes after Live accepted an edit, without reading them again. */
export function acknowledged(base: readonly EditorNote[], edit: Edit, ids: readonly number[]): EditorNote[] {
  if (edit.kind === 'add') {
    const added = edit.notes.map((note, index) => ({ ...note, key: ids[index] ?? note.key }));
    return [...base, ...added].sort(byStartThenPitch);
  }
  return applyEdit([...base], edit).sort(byStartThenPitch);
}

/** Edits that name a note Live refused to create cannot reach Live either: the keys they would need. */
export function dependsOn(edit: Edit, keys: ReadonlySet<NoteKey>): boolean {
  if (edit.kind === 'modify') return edit.changes.some((change) => keys.has(change.key));
  if (edit.kind === 'remove') return edit.keys.some((key) => keys.has(key));
  return false;
}
