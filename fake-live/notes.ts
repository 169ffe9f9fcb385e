/**
 * The notes of the in-memory Live's clips, with Live's notes API (Live 11+,
 * as the simulator has it): notes by `note_id`, ids given in order and
 * never reused, notes returned sorted by start then pitch, changes to ids a
 * clip no longer has left out, and the clip's `notes` observers told of
 * every change. As the script, a call takes at most `maxNotesPerCall` notes
 * or ids, and `remove_notes_by_id` tells which ids it removed and which were
 * not there.
 */
import { SCRIPT_LIMITS, type JsonValue } from '../protocol/src/index';
import { Note, NoteModification, NoteSpec } from '../protocol/src/notes';
import { LinkError } from '../link/errors';
import type { CallInput } from '../machines/effects';
import type { FakeLive } from './fake-live';

type Listener = (clip: string, before: string) => void;

const NEW_NOTE = { velocity: 100, mute: false, probability: 1, velocity_deviation: 0, release_velocity: 64 };

const sorted = (notes: Note[]): Note[] => [...notes].sort((a, b) => a.start_time - b.start_time || a.pitch - b.pitch);

function refused(message: string): LinkError {
  return new LinkError('live_error', message);
}

/** The call, if its notes or ids are within the script's limit (`maxNotesPerCall`). */
function limited(input: CallInput): CallInput {
  const items = input.args?.[0];
  if (Array.isArray(items) && items.length > SCRIPT_LIMITS.maxNotesPerCall)
    throw new LinkError(
      'bad_request',
      `${input.fn} takes at most ${SCRIPT_LIMITS.maxNotesPerCall} notes per call (maxNotesPerCall); args[0] holds ${items.length}`,
    );
  return input;
}

export class ClipNotes {
  private readonly notes = new Map<string, Note[]>();
  private readonly nextIds = new Map<string, number>();
  private readonly listeners: Listener[] = [];

  constructor(private readonly live: FakeLive) {
    live
      .on('get_all_notes_extended', (input) => this.of(input.target))
      .on('get_notes_by_id', (input) => {
        const ids = new Set(this.ids(input));
        return this.of(input.target).filter((note) => ids.has(note.note_id));
      })
      .on('add_new_notes', (input) => this.add(limited(input)))
      .on('apply_note_modifications', (input) => this.modify(limited(input)))
      .on('remove_notes_by_id', (input) => this.remove(input))
      .on('duplicate_loop', (input) => this.duplicateLoop(input.target));
  }

  /** The clip's notes, as `get_all_notes_extended` returns them. */
  of(clip: string): Note[] {
    this.mustBeMidi(clip);
    return sorted(this.notes.get(clip) ?? []);
  }

  /** Puts notes in a clip (a set's content): ids from 1 in the order given. */
  define(clip: string, notes: readonly Omit<Note, 'note_id'>[]): void {
    const first = this.nextIds.get(clip) ?? 1;
    this.notes.set(clip, [
      ...(this.notes.get(clip) ?? []),
      ...notes.map((note, index) => ({ ...note, note_id: first + index })),
    ]);
    this.nextIds.set(clip, first + notes.length);
  }

  /** Told before each change, with the clip's notes as they were (for Live's undo history). */
  onChange(listener: Listener): void {
    this.listeners.push(listener);
  }

  snapshot(clip: string): string {
    return JSON.stringify(this.notes.get(clip) ?? []);
  }

  /** The clip's notes as a snapshot had them (undo and redo), the observers told. */
  restore(clip: string, snapshot: string): void {
    this.notes.set(clip, JSON.parse(snapshot) as Note[]);
    this.live.change(clip, 'notes', null);
  }

  private mustBeMidi(clip: string): void {
    const object = this.live.objects.get(clip);
    if (object === undefined) throw new LinkError('gone', `${clip} does not exist`);
    if (object.is_midi_clip === false) throw refused('this is not a MIDI clip');
  }

  private replace(clip: string, change: (notes: Note[]) => Note[]): void {
    this.mustBeMidi(clip);
    const before = this.snapshot(clip);
    for (const listener of this.listeners) listener(clip, before);
    this.notes.set(clip, change(this.notes.get(clip) ?? []));
    this.live.change(clip, 'notes', null);
  }

  private remove(input: CallInput): JsonValue {
    const ids = [...new Set(this.ids(input))];
    const present = new Set(this.of(input.target).map((note) => note.note_id));
    this.replace(input.target, (notes) => notes.filter((note) => !ids.includes(note.note_id)));
    return { removed: ids.filter((id) => present.has(id)), missing: ids.filter((id) => !present.has(id)) };
  }

  private ids(input: CallInput): number[] {
    const ids = limited(input).args?.[0];
    if (!Array.isArray(ids) || !ids.every((id): id is number => typeof id === 'number')) {
      throw new LinkError('bad_request', 'args[0] must be a list of note ids');
    }
    return ids;
  }

  private add(input: CallInput): JsonValue {
    const parsed = NoteSpec.array().min(1).safeParse(input.args?.[0]);
    if (!parsed.success)
      throw new LinkError('bad_request', `args[0]: ${parsed.error.issues[0]?.message ?? 'not notes'}`);
    const first = this.nextIds.get(input.target) ?? 1;
    const added = parsed.data.map((spec, index): Note => ({ ...NEW_NOTE, ...spec, note_id: first + index }));
    this.replace(input.target, (notes) => [...notes, ...added]);
    this.nextIds.set(input.target, first + added.length);
    return added.map((note) => note.note_id);
  }

  private modify(input: CallInput): null {
    const parsed = NoteModification.array().min(1).safeParse(input.args?.[0]);
    if (!parsed.success)
      throw new LinkError('bad_request', `args[0]: ${parsed.error.issues[0]?.message ?? 'not changes'}`);
    const missing = parsed.data.filter(
      (change) => !this.of(input.target).some((note) => note.note_id === change.note_id),
    );
    // as the script does: nothing changes when a note is missing
    if (missing.length > 0)
      throw new LinkError('not_found', `no note with id ${missing.map((m) => m.note_id).join(', ')} in this clip`);
    const changes = new Map(parsed.data.map((change) => [change.note_id, change]));
    this.replace(input.target, (notes) =>
      notes.map((note) => {
        const change = changes.get(note.note_id);
        return change ? Note.parse({ ...note, ...change }) : note;
      }),
    );
    return null;
  }

  /** Live's `duplicate_loop`: the loop's notes copied after it, and the loop twice as long. */
  private duplicateLoop(clip: string): null {
    const props = this.live.objects.get(clip) ?? {};
    const start = Number(props.loop_start ?? 0);
    const end = Number(props.loop_end ?? 4);
    const copies = this.of(clip)
      .filter((note) => note.start_time >= start && note.start_time < end)
      .map((note) => ({
        pitch: note.pitch,
        start_time: note.start_time + (end - start),
        duration: note.duration,
        velocity: note.velocity,
        mute: note.mute,
        probability: note.probability,
        velocity_deviation: note.velocity_deviation,
        release_velocity: note.release_velocity,
      }));
    if (copies.length > 0) this.add({ target: clip, fn: 'add_new_notes', args: [copies] });
    this.live.change(clip, 'loop_end', end + (end - start));
    if (Number(props.end_marker ?? end) < end + (end - start))
      this.live.change(clip, 'end_marker', end + (end - start));
    return null;
  }
}
