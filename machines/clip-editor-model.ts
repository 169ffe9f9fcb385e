/**
 * The clip editor's data and what each thing a musician does makes of it,
 * as pure functions of the context (the chart, `clip-editor.ts`, says when).
 * Every edit is applied on screen at once (it joins the queue of edits in
 * flight) and reaches Live in order; a gesture holds its notes under the
 * finger whatever Live says meanwhile, and its edits are one step of
 * Live's undo history.
 */
import type { JsonValue } from '../protocol/src/index';
import {
  acknowledged,
  dependsOn,
  enqueue,
  fromLive,
  renameInEdits,
  renameKeys,
  shownNotes,
  type ClipProp,
  type ClipProps,
  type Edit,
  type EditorNote,
  type NewEdit,
  type NoteKey,
} from './clip-notes';
import { idsFrom, knownKeys, sentPart, type ClipBounds } from './clip-edit-requests';
import {
  changesBetween,
  duplicated,
  loopRegion,
  moved,
  resizedEnd,
  resizedStart,
  withVelocities,
  type DragOffset,
  type Grid,
} from './note-gestures';
import type { Note } from '../protocol/src/notes';
import type { Failure } from './retry-cycle';

/** What the editor holds of a clip and of the musician's work on it. */
export interface ClipEditorContext {
  /** The clip's target (`id 2012`) and the song's. */
  clip: string;
  song: string;
  /** The MIDI channel notes sound on while editing. */
  channel: number;
  name: string;
  color: number;
  /** Null until Live said; false for an audio clip (no notes). */
  midi: boolean | null;
  bounds: ClipBounds;
  looping: boolean;
  signature: { numerator: number; denominator: number };
  /** Live's notes as Live last said. */
  base: EditorNote[];
  /** The edits in flight, in the order they reach Live. */
  edits: Edit[];
  /** The next edit's number, and the next local key's. */
  seq: number;
  nextKey: number;
  hold: HeldGesture | null;
  selection: NoteKey[];
  grid: Grid;
  /** The velocity of new notes: the last one a finger gave. */
  velocity: number;
  /** Whether notes sound while edited. */
  sound: boolean;
  canUndo: boolean;
  canRedo: boolean;
  /** Live said the notes changed while a read was on its way: read again. */
  readAgain: boolean;
  /** Whether Live can take edits now (they wait while it cannot). */
  usable: boolean;
  /** Whether the link says Live is there (a request can still time out while it does). */
  linkUp: boolean;
  /** The clip's path (`live_set tracks 2 clip_slots 2 clip`): how to find it again in a new Live. */
  path: string | null;
  /** Whether the clip's notes were read under its current id (edits wait until they are). */
  located: boolean;
  /** Requests that went nowhere in a row: how long before trying again. */
  resends: number;
  /** Live's epoch when the editor opened the clip: object ids hold within it. */
  epoch: number | null;
  /** Whether the notes' observation gave its first value (the read that follows it already has what it says). */
  notesObserved: boolean;
  /** The note sounding while edited, if any. */
  previewing: number | null;
  /** The clip property on its way to Live (its answer is for it, whatever Live said of the clip meanwhile). */
  setting: { prop: ClipProp; value: number | boolean } | null;
  /** A word for the musician: an edit Live refused and that was rolled back, edits Live never got. */
  notice: string | null;
  error: Failure | null;
  retries: number;
}

/** A gesture under a finger: what it does, the note under the finger, and the notes as they were when grabbed. */
export interface HeldGesture {
  kind: 'move' | 'start' | 'end' | 'velocity' | 'loop' | 'markers';
  primary: NoteKey;
  origin: EditorNote[];
  /** The notes as the finger has them now. */
  notes: EditorNote[];
  /** The loop region, or the start and end markers, as the finger has them (loop and marker gestures). */
  loop: { start: number; end: number } | null;
  /** The clip's bounds when the finger took the loop or the markers: where a cancelled gesture puts them back. */
  from: ClipBounds | null;
  /** The held notes as last sent (none yet): the release sends where they are if it differs. */
  sent?: EditorNote[];
  /** Whether a step of Live's undo history was opened for it (only once it changed something). */
  stepOpen: boolean;
  what: string;
}

/** A context's update. */
export type Update = Partial<ClipEditorContext>;

/** What the view shows: Live's notes, the edits in flight and the gesture under a finger. */
export function notesShown(context: Pick<ClipEditorContext, 'base' | 'edits' | 'hold'>): EditorNote[] {
  return shownNotes(context.base, context.edits, context.hold && { notes: context.hold.notes });
}

const plural = (count: number, one: string): string => `${count} ${one}${count === 1 ? '' : 's'}`;

/** An edit joins the queue (merged with the last one waiting, latest wins). */
export function withEdit(context: Pick<ClipEditorContext, 'edits' | 'seq'>, edit: NewEdit): Update {
  return { edits: enqueue(context.edits, edit, context.seq), seq: context.seq + 1 };
}

function withEdits(context: Pick<ClipEditorContext, 'edits' | 'seq'>, edits: NewEdit[]): Update {
  let state = { edits: context.edits, seq: context.seq };
  for (const edit of edits) state = { ...state, ...withEdit(state, edit) };
  return state;
}

const BEGIN: NewEdit = { kind: 'call', target: 'song', fn: 'begin_undo_step', changesNotes: false, what: 'a gesture' };
const END: NewEdit = { kind: 'call', target: 'song', fn: 'end_undo_step', changesNotes: false, what: 'a gesture' };

/**
 * An action as one step of Live's undo history. Live piles every change a
 * script makes into one open step until `end_undo_step` closes it
 * (live-script/README.md, "Evidence: undo"), so each action is closed by one;
 * inside a gesture's open step it simply joins it.
 */
export function asStep(context: Pick<ClipEditorContext, 'edits' | 'seq' | 'hold'>, edits: NewEdit[]): Update {
  return withEdits(context, context.hold?.stepOpen ? edits : [BEGIN, ...edits, END]);
}

/** Local keys for new notes. */
function newKeys(context: Pick<ClipEditorContext, 'nextKey'>, count: number): { keys: string[]; nextKey: number } {
  return {
    keys: Array.from({ length: count }, (_, index) => `new:${context.nextKey + index}`),
    nextKey: context.nextKey + count,
  };
}

/** A note added where a finger tapped. */
export function added(context: ClipEditorContext, note: (key: NoteKey) => EditorNote): Update {
  const { keys, nextKey } = newKeys(context, 1);
  const fresh = note(keys[0] ?? 'new');
  return {
    ...asStep(context, [{ kind: 'add', notes: [fresh], what: 'adding a note' }]),
    nextKey,
    selection: [fresh.key],
  };
}

/** The selected notes as shown. */
export function selectedNotes(context: ClipEditorContext): EditorNote[] {
  const selected = new Set(context.selection);
  return notesShown(context).filter((note) => selected.has(note.key));
}

/** An action on the selection (transpose, quantize, mute): one edit of the notes it changes. */
export function changedSelection(
  context: ClipEditorContext,
  change: (notes: EditorNote[]) => EditorNote[],
  what: string,
): Update {
  const before = selectedNotes(context);
  const changes = changesBetween(before, change(before));
  if (changes.length === 0) return {};
  return asStep(context, [
    { kind: 'modify', changes, gesture: false, what: `${what} ${plural(changes.length, 'note')}` },
  ]);
}

/** The selection removed. */
export function removedSelection(context: ClipEditorContext): Update {
  if (context.selection.length === 0) return {};
  return {
    ...asStep(context, [
      { kind: 'remove', keys: context.selection, what: `removing ${plural(context.selection.length, 'note')}` },
    ]),
    selection: [],
  };
}

/** The selection copied right after itself, the copies selected. */
export function duplicatedSelection(context: ClipEditorContext): Update {
  const notes = selectedNotes(context);
  if (notes.length === 0) return {};
  const { keys, nextKey } = newKeys(context, notes.length);
  const copies = duplicated(notes, keys, context.grid);
  return {
    ...asStep(context, [{ kind: 'add', notes: copies, what: `duplicating ${plural(copies.length, 'note')}` }]),
    nextKey,
    selection: keys,
  };
}

// ------------------------------------------------------------------ gestures

/** A finger takes a note: the selection (or the note alone, if it is not selected), or copies of it. */
export function grabbed(
  context: ClipEditorContext,
  key: NoteKey,
  handle: 'body' | 'start' | 'end',
  copy: boolean,
): Update {
  const selection = context.selection.includes(key) ? context.selection : [key];
  const chosen = new Set(selection);
  const origin = notesShown(context).filter((note) => chosen.has(note.key));
  if (origin.length === 0) return {};
  const kind = handle === 'body' ? 'move' : handle;
  if (!copy || kind !== 'move') {
    return {
      selection,
      hold: {
        kind,
        primary: key,
        origin,
        notes: origin,
        loop: null,
        from: null,
        stepOpen: false,
        what: describe(kind, origin.length),
      },
    };
  }
  // the copies are what the finger moves; the originals stay
  const { keys, nextKey } = newKeys(context, origin.length);
  const copies = origin.map((note, index) => ({ ...note, key: keys[index] ?? note.key }));
  const primary = keys[origin.findIndex((note) => note.key === key)] ?? key;
  return {
    ...withEdits(context, [BEGIN, { kind: 'add', notes: copies, what: `copying ${plural(copies.length, 'note')}` }]),
    nextKey,
    selection: keys,
    hold: {
      kind,
      primary,
      origin: copies,
      notes: copies,
      loop: null,
      from: null,
      stepOpen: true,
      what: describe(kind, copies.length),
    },
  };
}

function describe(kind: HeldGesture['kind'], count: number): string {
  const notes = plural(count, 'note');
  if (kind === 'move') return `moving ${notes}`;
  if (kind === 'velocity') return `changing the velocity of ${notes}`;
  if (kind === 'loop') return 'moving the loop';
  if (kind === 'markers') return 'moving the start and end markers';
  return `resizing ${notes}`;
}

/** The finger moved: the held notes follow, and the change joins the queue (one step of Live's history). */
export function dragged(context: ClipEditorContext, offset: DragOffset): Update {
  const hold = context.hold;
  if (!hold || hold.kind === 'velocity' || hold.kind === 'loop' || hold.kind === 'markers') return {};
  const shape = hold.kind === 'move' ? moved : hold.kind === 'end' ? resizedEnd : resizedStart;
  const notes = shape(hold.origin, hold.primary, offset, context.grid);
  return heldChange(context, { ...hold, notes });
}

/** The velocity lane: a finger draws velocities over notes (starting a gesture if none is held). */
export function velocitiesDrawn(context: ClipEditorContext, changes: ReadonlyMap<NoteKey, number>): Update {
  const hold =
    context.hold?.kind === 'velocity'
      ? context.hold
      : (() => {
          const origin = notesShown(context).filter((note) => changes.has(note.key));
          return {
            kind: 'velocity' as const,
            primary: origin[0]?.key ?? '',
            origin,
            notes: origin,
            loop: null,
            from: null,
            stepOpen: false,
            what: '',
          };
        })();
  const known = new Set(hold.origin.map((note) => note.key));
  const extra = notesShown(context).filter((note) => changes.has(note.key) && !known.has(note.key));
  const origin = [...hold.origin, ...extra];
  const notes = withVelocities(
    origin.map((note) => hold.notes.find((held) => held.key === note.key) ?? note),
    changes,
  );
  return heldChange(context, { ...hold, origin, notes, what: describe('velocity', origin.length) });
}

/** The loop region or the start and end markers dragged: shown at once, set in Live as the finger goes (latest wins). */
export function regionDragged(
  context: ClipEditorContext,
  which: 'loop' | 'markers',
  start: number,
  end: number,
): Update {
  const region = loopRegion(start, end, context.grid);
  const kind = which === 'loop' ? 'loop' : 'markers';
  const hold: HeldGesture =
    context.hold?.kind === kind
      ? { ...context.hold, loop: region }
      : {
          kind,
          primary: '',
          origin: [],
          notes: [],
          loop: region,
          from: context.bounds,
          stepOpen: false,
          what: describe(kind, 0),
        };
  const props: ClipProps =
    which === 'loop'
      ? { loop_start: region.start, loop_end: region.end }
      : { start_marker: region.start, end_marker: region.end };
  const opening = hold.stepOpen ? [] : [BEGIN];
  return {
    ...withEdits(context, [...opening, { kind: 'clip', props, gesture: true, what: hold.what }]),
    hold: { ...hold, stepOpen: true },
  };
}

/** Every field a gesture moves, for every held note: a finger going back undoes what it sent. */
function heldModify(hold: HeldGesture): NewEdit {
  const changes = hold.notes.map((note) => ({
    key: note.key,
    fields: { pitch: note.pitch, start_time: note.start_time, duration: note.duration, velocity: note.velocity },
  }));
  return { kind: 'modify', changes, gesture: true, what: hold.what };
}

/**
 * Whether held notes lie over other notes of their pitch. Live cuts a note
 * short where another starts on its pitch, and replaces one that starts with
 * it (live-script/README.md, "Evidence: notes API"): a note dragged across
 * others would destroy them on its way. So a gesture sends only the places
 * where its notes overlap nothing; where the finger lets go is the
 * musician's choice and is sent whatever it covers.
 */
export function overlapsOthers(context: ClipEditorContext, held: readonly EditorNote[]): boolean {
  const mine = new Set(held.map((note) => note.key));
  const pitches = new Set(held.map((note) => note.pitch));
  const others = new Map<number, EditorNote[]>();
  for (const note of shownNotes(context.base, context.edits, null)) {
    if (mine.has(note.key) || !pitches.has(note.pitch)) continue;
    others.set(note.pitch, [...(others.get(note.pitch) ?? []), note]);
  }
  return held.some((note) =>
    (others.get(note.pitch) ?? []).some(
      (other) =>
        note.start_time < other.start_time + other.duration && other.start_time < note.start_time + note.duration,
    ),
  );
}

function heldChange(context: ClipEditorContext, hold: HeldGesture): Update {
  const moved = changesBetween(hold.origin, hold.notes).length > 0;
  if (!moved && !hold.stepOpen) return { hold };
  // shown under the finger at once; sent when it lies over nothing (or on release)
  if (hold.kind !== 'velocity' && overlapsOthers(context, hold.notes)) return { hold };
  const opening = hold.stepOpen ? [] : [BEGIN];
  return {
    ...withEdits(context, [...opening, heldModify(hold)]),
    hold: { ...hold, stepOpen: true, sent: hold.notes },
  };
}

/** The finger is lifted: where it left the notes is sent (even over others), and Live's undo step closes. */
export function released(context: ClipEditorContext): Update {
  const hold = context.hold;
  if (!hold) return {};
  const velocity = hold.kind === 'velocity' ? hold.notes.at(-1)?.velocity : undefined;
  const onNotes = hold.kind === 'move' || hold.kind === 'start' || hold.kind === 'end';
  const moved = onNotes && changesBetween(hold.origin, hold.notes).length > 0;
  const edits: NewEdit[] = [
    ...(moved && !hold.stepOpen ? [BEGIN] : []),
    ...(onNotes && (moved || hold.stepOpen) && hold.sent !== hold.notes ? [heldModify(hold)] : []),
    ...(moved || hold.stepOpen ? [END] : []),
  ];
  return {
    ...withEdits(context, edits),
    hold: null,
    ...(velocity === undefined ? {} : { velocity }),
  };
}

/** The gesture is cancelled (the system took the touch): the notes go back, and the step closes. */
export function cancelled(context: ClipEditorContext): Update {
  const hold = context.hold;
  if (!hold) return {};
  if (!hold.stepOpen) return { hold: null };
  // the loop or the markers go back to where they were when the finger took them (Live has the dragged ones by now)
  const from = hold.from ?? context.bounds;
  const back: NewEdit[] =
    hold.kind === 'loop'
      ? [
          {
            kind: 'clip',
            props: { loop_start: from.loop_start, loop_end: from.loop_end },
            gesture: true,
            what: hold.what,
          },
        ]
      : hold.kind === 'markers'
        ? [
            {
              kind: 'clip',
              props: { start_marker: from.start_marker, end_marker: from.end_marker },
              gesture: true,
              what: hold.what,
            },
          ]
        : [{ kind: 'modify', changes: changesBetween(hold.notes, hold.origin), gesture: true, what: hold.what }];
  return { ...withEdits(context, [...back, END]), hold: null };
}

// ------------------------------------------------------------------ Live's answers

/** Live's notes, read again: they replace the first layer; the edits in flight stay on top. */
export function readNotes(context: ClipEditorContext, notes: readonly Note[]): Update {
  const base = fromLive(notes);
  const present = new Set([
    ...base.map((note) => note.key),
    ...notesShown({ ...context, base }).map((note) => note.key),
  ]);
  return { base, selection: context.selection.filter((key) => present.has(key)) };
}

/** Live accepted the edit at the head of the queue: Live's notes now hold it, and new notes have their ids. */
export function acceptedHead(context: ClipEditorContext, output: JsonValue): Update {
  const [head, ...rest] = context.edits;
  if (!head) return {};
  const ids = head.kind === 'add' ? idsFrom(output) : [];
  const renamed = new Map<NoteKey, number>();
  if (head.kind === 'add')
    head.notes.forEach((note, index) => ids[index] !== undefined && renamed.set(note.key, ids[index]));
  return {
    base: acknowledged(context.base, head, ids),
    edits: renameInEdits(rest, renamed),
    selection: renameKeys(context.selection, renamed),
    hold: context.hold && renameHold(context.hold, renamed),
  };
}

function renameHold(hold: HeldGesture, ids: ReadonlyMap<NoteKey, number>): HeldGesture {
  if (ids.size === 0) return hold;
  const rename = (note: EditorNote): EditorNote => ({ ...note, key: ids.get(note.key) ?? note.key });
  return {
    ...hold,
    primary: ids.get(hold.primary) ?? hold.primary,
    origin: hold.origin.map(rename),
    notes: hold.notes.map(rename),
  };
}

/** Live refused the edit at the head: it is rolled back with a word, with the edits that needed it. */
export function refusedHead(context: ClipEditorContext, message: string): Update {
  const [head, ...rest] = context.edits;
  if (!head) return {};
  // the parts of the same edit still waiting go with it (`headSent` split it)
  const parts = [head, ...rest.filter((edit) => edit.seq === head.seq)];
  const lost = new Set<NoteKey>(
    parts.flatMap((part) => (part.kind === 'add' ? part.notes.map((note) => note.key) : [])),
  );
  const edits = rest.filter((edit) => edit.seq !== head.seq && !dependsOn(edit, lost));
  return {
    edits,
    selection: context.selection.filter((key) => !lost.has(key)),
    notice: `Live refused ${head.what}, so it was undone here: ${message}`,
  };
}

/** The clip's properties Live accepted, one at a time: the head keeps what is left to set. */
export function propSet(context: ClipEditorContext, prop: keyof ClipProps, value: number | boolean): Update {
  const [head, ...rest] = context.edits;
  if (head?.kind !== 'clip') return {};
  const left: ClipProps = Object.fromEntries(Object.entries(head.props).filter(([name]) => name !== prop));
  const bounds =
    typeof value === 'number' && prop !== 'looping' ? { ...context.bounds, [prop]: value } : context.bounds;
  const looping = prop === 'looping' ? value === true : context.looping;
  return { bounds, looping, edits: Object.keys(left).length === 0 ? rest : [{ ...head, props: left }, ...rest] };
}

/** The clip as shown: Live's bounds with a loop being dragged or set on top. */
export function boundsShown(context: Pick<ClipEditorContext, 'bounds' | 'edits' | 'hold'>): ClipBounds {
  let bounds = context.bounds;
  for (const edit of context.edits) {
    if (edit.kind !== 'clip') continue;
    const numbers = Object.entries(edit.props).filter(
      (entry): entry is [keyof ClipBounds, number] => typeof entry[1] === 'number',
    );
    bounds = { ...bounds, ...Object.fromEntries(numbers) };
  }
  const held = context.hold;
  if (held?.loop && held.kind === 'loop') return { ...bounds, loop_start: held.loop.start, loop_end: held.loop.end };
  if (held?.loop && held.kind === 'markers')
    return { ...bounds, start_marker: held.loop.start, end_marker: held.loop.end };
  return bounds;
}

/** The edit on its way to Live went nowhere (Live went away): it waits its turn again. */
export function headBack(context: ClipEditorContext): Update {
  const [head, ...rest] = context.edits;
  return head ? { edits: [{ ...head, status: 'queued' }, ...rest], usable: false } : { usable: false };
}

/**
 * A new Live (started again, or a new script session): the clip is found
 * again by its path, and the edits waiting keep only what does not name a
 * note by the old Live's ids (new notes, and the clip's loop): the rest is
 * given up with a word, since an old id may now name another note.
 */
export function relocated(context: ClipEditorContext): Update {
  const survives = (edit: Edit): boolean =>
    edit.kind === 'add' || edit.kind === 'clip' || (edit.kind === 'call' && edit.fn.endsWith('_undo_step'));
  const lost = context.edits.filter((edit) => !survives(edit));
  return {
    edits: context.edits.filter(survives).map((edit) => ({ ...edit, status: 'queued' as const })),
    hold: null,
    selection: [],
    located: false,
    notice:
      lost.length > 0
        ? `Live started again before it got ${plural(lost.length, 'change')} to notes it had: they were given up.`
        : context.notice,
  };
}

/** The edit at the head is on its way. */
export function headSent(context: ClipEditorContext): Update {
  const [head, ...rest] = context.edits;
  if (!head) return {};
  // an edit of more notes than one call takes: the part one call carries goes, the rest waits its turn right after
  const { sent, rest: left } = sentPart(head, knownKeys(context));
  return { edits: [{ ...sent, status: 'sent' }, ...(left ? [{ ...left, status: 'queued' as const }] : []), ...rest] };
}

/**
 * Live is back: the edits that waited go again, in one step of Live's undo
 * history (the steps they were sent in ended when the connection did).
 */
export function resumed(context: ClipEditorContext): Update {
  const waiting = context.edits.filter(
    (edit) => !(edit.kind === 'call' && (edit.fn === 'begin_undo_step' || edit.fn === 'end_undo_step')),
  );
  // an edit still on its way keeps its place: its answer is for the head of the queue
  const sent = waiting[0]?.status === 'sent' ? waiting.slice(0, 1) : [];
  const again = waiting.slice(sent.length).map((edit) => ({ ...edit, status: 'queued' as const }));
  if (again.length === 0) return { edits: sent };
  const holding = context.hold?.stepOpen === true;
  const begin: Edit = { ...BEGIN, seq: context.seq, status: 'queued' };
  const end: Edit[] = holding ? [] : [{ ...END, seq: context.seq + 1, status: 'queued' }];
  return { edits: [...sent, begin, ...again, ...end], seq: context.seq + 2 };
}
