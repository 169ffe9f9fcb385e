/**
 * The session grid's clip edits as the requests that do them in Live, each
 * edit one step of Live's undo history (`begin_undo_step` ... `end_undo_step`),
 * so Live's own undo (and the grid's "Undo") takes the whole edit back: a
 * move is a copy and a delete, undone as one. Pure: the machine that sends
 * them is `session-edits.ts`.
 */
import type { JsonValue } from '../protocol/src/index';
import type { CallInput, SetInput } from './effects';

/**
 * An edit of the grid's clips, by the targets of the slots and clips (`id 42`).
 * A duplicate or move onto a slot that holds a clip replaces that clip (Live's
 * `duplicate_clip_to` "Overrides the target's clip if it's not empty"), in the
 * same one undo step; the grid asks the musician first.
 */
export type SessionEdit =
  | { kind: 'create'; slot: string; beats: number }
  | { kind: 'duplicate'; from: string; to: string }
  | { kind: 'move'; from: string; to: string }
  | { kind: 'delete'; slot: string }
  | { kind: 'rename'; clip: string; name: string }
  | { kind: 'recolor'; clip: string; colorIndex: number };

/** The kinds of edit. */
export type SessionEditKind = SessionEdit['kind'];

/** Edits that change the set's structure: the perform lock forbids them (bridge/perform-lock.ts). */
export const STRUCTURAL_EDITS: readonly SessionEditKind[] = ['create', 'duplicate', 'move', 'delete'];

/** Whether the perform lock forbids an edit of this kind. */
export const isStructural = (kind: SessionEditKind): boolean => STRUCTURAL_EDITS.includes(kind);

/** One request of a plan: a function called, or a property set. */
export type EditStep = ({ kind: 'call' } & CallInput) | ({ kind: 'set' } & SetInput);

/** An edit that cannot be planned (a target that is not an object id, a length or color out of range). */
export class EditPlanError extends Error {
  readonly code = 'bad_request';
}

const SONG = 'live_set';
/** Live's clip palette has 70 colors (ui/theme/live-colors.ts). */
const PALETTE_SIZE = 70;
/** Live refuses clips longer than this many beats (a 2048-bar limit in practice; far beyond any sheet's choice). */
const MAX_BEATS = 8192;

const call = (target: string, fn: string, args?: JsonValue[]): EditStep =>
  args === undefined ? { kind: 'call', target, fn } : { kind: 'call', target, fn, args };

/** A reference to a Live object as an argument travels: `id 42` -> `{"$ref": 42}`. */
export function objectArg(target: string): { $ref: number } {
  const match = /^id (\d+)$/.exec(target);
  if (!match) throw new EditPlanError(`${target} is not a Live object's id`);
  return { $ref: Number(match[1]) };
}

function checked(edit: SessionEdit): SessionEdit {
  if (edit.kind === 'create' && !(edit.beats > 0 && edit.beats <= MAX_BEATS))
    throw new EditPlanError(`a clip of ${edit.beats} beats cannot be created`);
  if (
    edit.kind === 'recolor' &&
    !(Number.isInteger(edit.colorIndex) && edit.colorIndex >= 0 && edit.colorIndex < PALETTE_SIZE)
  )
    throw new EditPlanError(`${edit.colorIndex} is not a color of Live's palette`);
  if ((edit.kind === 'duplicate' || edit.kind === 'move') && edit.from === edit.to)
    throw new EditPlanError('a clip cannot be copied onto its own slot');
  return edit;
}

function requests(edit: SessionEdit): EditStep[] {
  switch (edit.kind) {
    case 'create':
      return [call(edit.slot, 'create_clip', [edit.beats])];
    case 'duplicate':
      return [call(edit.from, 'duplicate_clip_to', [objectArg(edit.to)])];
    case 'move':
      // Live has no move: the copy lands first, so a refused delete leaves the clip twice, never lost
      return [call(edit.from, 'duplicate_clip_to', [objectArg(edit.to)]), call(edit.from, 'delete_clip')];
    case 'delete':
      return [call(edit.slot, 'delete_clip')];
    case 'rename':
      return [{ kind: 'set', target: edit.clip, prop: 'name', value: edit.name }];
    case 'recolor':
      return [{ kind: 'set', target: edit.clip, prop: 'color_index', value: edit.colorIndex }];
  }
}

/** The requests of an edit, in one undo step; throws `EditPlanError` for an edit Live would refuse anyway. */
export function editPlan(edit: SessionEdit): EditStep[] {
  return [call(SONG, 'begin_undo_step'), ...requests(checked(edit)), call(SONG, 'end_undo_step')];
}

/** The request that closes an undo step a failed edit left open. */
export const CLOSE_UNDO_STEP: CallInput = { target: SONG, fn: 'end_undo_step' };
/** Live's undo: takes the last step back. */
export const UNDO: CallInput = { target: SONG, fn: 'undo' };

/** Beats (Live's clip lengths, in quarter notes) of `bars` bars of the song's time signature. */
export function barsToBeats(bars: number, numerator = 4, denominator = 4): number {
  return bars * numerator * (4 / denominator);
}
