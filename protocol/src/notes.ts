/**
 * MIDI notes as they travel: plain objects, addressed by `note_id`
 * (Live 11+ notes API), never by (time, pitch).
 */
import { z } from 'zod';
import { SCRIPT_LIMITS } from './script';

/** Live's note id (an unsigned 64-bit integer in Live, small in practice). */
export const NoteId = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
export type NoteId = z.infer<typeof NoteId>;

const Pitch = z.number().int().min(0).max(127);
/** Beats of clip time; a note before the clip's start (a pickup) is negative, as Live allows (live-script/README.md). */
const Time = z.number();
const Duration = z.number().positive();
const Velocity = z.number().min(0).max(127);
const Probability = z.number().min(0).max(1);
const VelocityDeviation = z.number().min(-127).max(127);

/** A note read from a clip (`get_notes_extended`, `get_notes_by_id`). */
export const Note = z
  .object({
    note_id: NoteId,
    pitch: Pitch,
    start_time: Time,
    duration: Duration,
    velocity: Velocity,
    mute: z.boolean(),
    probability: Probability,
    velocity_deviation: VelocityDeviation,
    release_velocity: Velocity,
  })
  .strict();
export type Note = z.infer<typeof Note>;

/** A note to create (`add_new_notes`): pitch, start and duration are required. */
export const NoteSpec = z
  .object({
    pitch: Pitch,
    start_time: Time,
    duration: Duration,
    velocity: Velocity.optional(),
    mute: z.boolean().optional(),
    probability: Probability.optional(),
    velocity_deviation: VelocityDeviation.optional(),
    release_velocity: Velocity.optional(),
  })
  .strict();
export type NoteSpec = z.infer<typeof NoteSpec>;

/** A change to an existing note (`apply_note_modifications`): the id and the fields that change. */
export const NoteModification = NoteSpec.partial().extend({ note_id: NoteId }).strict();
export type NoteModification = z.infer<typeof NoteModification>;

/**
 * What `remove_notes_by_id` answers: the ids it removed, and those the clip
 * did not have (removed already, in Live or by another client), each in the
 * order asked. Live's own function tells neither.
 */
export const NotesRemoved = z.object({ removed: z.array(NoteId), missing: z.array(NoteId) }).strict();
export type NotesRemoved = z.infer<typeof NotesRemoved>;

/** Notes or ids one call takes at most (`SCRIPT_LIMITS.maxNotesPerCall`): clients send more in several calls. */
const MAX_NOTES = SCRIPT_LIMITS.maxNotesPerCall;

/**
 * The typed shapes of the notes functions of `Clip`, called with the generic
 * `call` operation. Arguments and results are what travels on the wire.
 */
export const NoteCalls = {
  get_notes_extended: {
    args: z.tuple([Pitch, z.number().int().min(1).max(128), Time, Duration]),
    result: z.array(Note),
  },
  get_all_notes_extended: { args: z.tuple([]), result: z.array(Note) },
  get_notes_by_id: { args: z.tuple([z.array(NoteId).max(MAX_NOTES)]), result: z.array(Note) },
  add_new_notes: { args: z.tuple([z.array(NoteSpec).min(1).max(MAX_NOTES)]), result: z.array(NoteId) },
  apply_note_modifications: {
    args: z.tuple([z.array(NoteModification).min(1).max(MAX_NOTES)]),
    result: z.null(),
  },
  remove_notes_by_id: { args: z.tuple([z.array(NoteId).max(MAX_NOTES)]), result: NotesRemoved },
} as const;
