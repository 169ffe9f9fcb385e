/**
 * What the clip editor's chart (`clip-editor.ts`) names: its effects,
 * guards, actions and delays, typed by its context and events. The work is
 * done by the pure functions of `clip-editor-model.ts` and `note-gestures.ts`.
 */
import { assign, enqueueActions, setup } from 'xstate';
import type { JsonValue } from '../protocol/src/index';
import { headIsEmpty, nextClipProp, notesFrom } from './clip-edit-requests';
import {
  acceptedHead,
  added,
  asStep,
  cancelled,
  changedSelection,
  dragged,
  duplicatedSelection,
  grabbed,
  headBack,
  headSent,
  regionDragged,
  notesShown,
  propSet,
  readNotes,
  relocated,
  refusedHead,
  released,
  removedSelection,
  resumed,
  velocitiesDrawn,
  withEdit,
  type ClipEditorContext,
} from './clip-editor-model';
import type { ClipEditorEvent, ClipEditorInput, ClipEditorOutcome } from './clip-editor';
import { effects } from './effects';
import { muteToggled, quantized, tappedNote, transposed } from './note-gestures';
import { backoffDelay } from '../common/backoff';
import { asBoolean, asNumber, asString, refTarget } from './observe-invoke';
import {
  errorMessage,
  isGone,
  rememberedError,
  retriedLater,
  retryDelay,
  RETRY_BACKOFF,
  type ErrorParams,
} from './retry-cycle';

/** How long a note sounds when a finger adds it or moves it to a new pitch (ms). */
export const PREVIEW_MS = 180;
/** While a finger holds notes, Live's notes are read again at most this often (ms). */
export const BUSY_READ_GAP_MS = 300;

/** A clip on channel 1 of the song `live_set`: the input's type for setup (only `clip` is needed). */
const CLIP: ClipEditorInput = { clip: '' };

const head = (context: ClipEditorContext) => context.edits[0];

/** The clip editor's setup: `clipEditorSetup.createMachine(...)` is the machine. */
export const clipEditorSetup = setup({
  types: {
    context: {} as ClipEditorContext,
    input: CLIP,
    events: {} as ClipEditorEvent | ClipEditorOutcome,
    children: {} as {
      locate: 'get';
      loadClip: 'read';
      loadNotes: 'call';
      readNotes: 'call';
      history: 'read';
      send: 'call';
      setProp: 'set';
      frames: 'frames';
      liveStatus: 'liveStatus';
      midi: 'midi';
    },
  },
  actors: {
    get: effects.get,
    read: effects.read,
    call: effects.call,
    set: effects.set,
    observe: effects.observe,
    liveStatus: effects.liveStatus,
    frames: effects.frames,
    midi: effects.midi,
  },
  guards: {
    isGone,
    canSend: ({ context }) => context.usable && context.located && context.edits.length > 0,
    cannotSend: ({ context }) => !context.usable || !context.located || context.edits.length === 0,
    headIsClip: ({ context }) => head(context)?.kind === 'clip',
    headIsEmpty: ({ context }) => headIsEmpty(context),
    readAgain: ({ context }) => context.readAgain,
    /** No finger holds a gesture. */
    free: ({ context }) => context.hold === null,
    holding: ({ context }) => context.hold !== null,

    canUndo: ({ context }) => context.hold === null && context.canUndo,
    canRedo: ({ context }) => context.hold === null && context.canRedo,
  },
  actions: {
    rememberError: assign((_, params: ErrorParams) => rememberedError(params)),
    retryLater: assign(({ context }) => retriedLater(context)),
    retryNow: assign({ retries: 0 }),
    storeClip: assign((_, params: { values: Record<string, JsonValue> }) => clipValues(params.values)),
    storeNotes: assign(({ context }, params: { output: JsonValue }) => {
      const notes = notesFrom(params.output);
      return notes ? { ...readNotes(context, notes), error: null, retries: 0, located: true } : {};
    }),
    storeValue: assign(({ context }, params: { key: string; value: JsonValue }) =>
      observedValue(context, params.key, params.value),
    ),
    forgetNotesObserved: assign({ notesObserved: false }),
    /** Live said the notes changed: read them again (not for the observation's first value: the read after it has it). */
    noteNotesChanged: assign(({ context }) => (context.notesObserved ? { readAgain: true } : { notesObserved: true })),
    refreshHistory: enqueueActions(({ enqueue }) => enqueue.raise({ type: 'history.refresh' })),
    loseClip: enqueueActions(({ enqueue }) => enqueue.raise({ type: 'clip.lost' })),
    rememberEpoch: assign(({ context }, params: { epoch: number }) => ({ epoch: context.epoch ?? params.epoch })),
    startRead: assign({ readAgain: false }),
    storeHistory: assign((_, params: { values: Record<string, JsonValue> }) => ({
      canUndo: asBoolean(params.values.can_undo ?? false),
      canRedo: asBoolean(params.values.can_redo ?? false),
    })),
    markSent: assign(({ context }) => headSent(context)),
    accept: enqueueActions(({ context, enqueue }, params: { output: JsonValue }) => {
      const update = acceptedHead(context, params.output);
      enqueue.assign(update);
      // Live's history changed with the last edit: ask again whether it can undo and redo
      if (update.edits?.length === 0) enqueue.raise({ type: 'history.refresh' });
    }),
    chooseProp: assign(({ context }) => {
      const first = head(context);
      return { setting: first?.kind === 'clip' ? nextClipProp(first.props, context.bounds) : null };
    }),
    acceptProp: enqueueActions(({ context, enqueue }) => {
      const set = context.setting;
      if (!set) return;
      const update = { ...propSet(context, set.prop, set.value), setting: null };
      enqueue.assign(update);
      if (update.edits?.length === 0) enqueue.raise({ type: 'history.refresh' });
    }),
    refuse: assign(({ context }, params: ErrorParams) => refusedHead(context, errorMessage(params.error))),
    holdBack: assign(({ context }) => headBack(context)),
    /** Live is usable: after it was away, the edits that waited go again. */
    resume: assign(({ context }) =>
      context.usable ? { linkUp: true } : { ...resumed(context), usable: true, linkUp: true, resends: 0 },
    ),
    goUnusable: assign({ usable: false, linkUp: false }),
    /** A request timed out while the link says Live is there: try again (in one step of its history). */
    tryAgain: assign(({ context }) =>
      context.linkUp ? { ...resumed(context), usable: true, resends: context.resends + 1 } : {},
    ),
    relocateClip: enqueueActions(({ enqueue }) => enqueue.raise({ type: 'clip.relocate' })),
    relocate: assign(({ context }) => relocated(context)),
    storeLocation: assign(({ context }, params: { ref: JsonValue }) => {
      const target = refTarget(params.ref);
      const path =
        typeof params.ref === 'object' && params.ref !== null && !Array.isArray(params.ref) ? params.ref.path : null;
      return { clip: target ?? context.clip, path: typeof path === 'string' ? path : context.path };
    }),
    add: enqueueActions(({ context, enqueue }, params: { pitch: number; beat: number }) => {
      const note = (key: number | string) => tappedNote(key, params.pitch, params.beat, context.grid, context.velocity);
      enqueue.assign(added(context, note));
      enqueue.raise({ type: 'preview', pitch: note('').pitch });
    }),
    removeKeys: assign(({ context }, params: { keys: readonly (number | string)[] }) =>
      removedSelection({ ...context, selection: [...params.keys] }),
    ),
    select: assign(
      ({ context }, params: { keys: readonly (number | string)[]; mode: 'replace' | 'toggle' | 'add' }) => {
        if (params.mode === 'replace') return { selection: [...params.keys] };
        const chosen = new Set(context.selection);
        for (const key of params.keys) {
          if (params.mode === 'toggle' && chosen.has(key)) chosen.delete(key);
          else chosen.add(key);
        }
        return { selection: [...chosen] };
      },
    ),
    selectAll: assign(({ context }) => ({ selection: notesShown(context).map((note) => note.key) })),
    grab: assign(({ context }, params: { key: number | string; handle: 'body' | 'start' | 'end'; copy: boolean }) =>
      grabbed(context, params.key, params.handle, params.copy),
    ),
    drag: enqueueActions(({ context, enqueue }, params: { beats: number; semitones: number; free: boolean }) => {
      const update = dragged(context, params);
      enqueue.assign(update);
      // the note under the finger sounds when it reaches a new pitch
      const before = context.hold?.notes.find((note) => note.key === context.hold?.primary);
      const after = update.hold?.notes.find((note) => note.key === update.hold?.primary);
      if (context.hold?.kind === 'move' && after && before && after.pitch !== before.pitch) {
        enqueue.raise({ type: 'preview', pitch: after.pitch });
      }
    }),
    drawVelocities: assign(({ context }, params: { changes: readonly { key: number | string; velocity: number }[] }) =>
      velocitiesDrawn(context, new Map(params.changes.map((change) => [change.key, change.velocity]))),
    ),
    dragLoop: assign(({ context }, params: { start: number; end: number }) =>
      regionDragged(context, 'loop', params.start, params.end),
    ),
    dragMarkers: assign(({ context }, params: { start: number; end: number }) =>
      regionDragged(context, 'markers', params.start, params.end),
    ),
    release: assign(({ context }) => released(context)),
    cancel: assign(({ context }) => cancelled(context)),
    remove: assign(({ context }) => removedSelection(context)),
    duplicate: assign(({ context }) => duplicatedSelection(context)),
    transpose: assign(({ context }, params: { semitones: number }) =>
      changedSelection(context, (notes) => transposed(notes, params.semitones), 'transposing'),
    ),
    quantize: assign(({ context }) =>
      changedSelection(context, (notes) => quantized(notes, context.grid), 'quantizing'),
    ),
    mute: assign(({ context }, params: { mute?: boolean }) =>
      changedSelection(
        context,
        (notes) => muteToggled(notes, params.mute),
        params.mute === false ? 'unmuting' : 'muting',
      ),
    ),
    doubleLoop: assign(({ context }) =>
      asStep(context, [
        { kind: 'call', target: 'clip', fn: 'duplicate_loop', changesNotes: true, what: 'doubling the loop' },
      ]),
    ),
    halveLoop: assign(({ context }) => {
      const length = context.bounds.loop_end - context.bounds.loop_start;
      const end = context.bounds.loop_start + Math.max(context.grid ?? 0.25, length / 2);
      return asStep(context, [{ kind: 'clip', props: { loop_end: end }, gesture: false, what: 'halving the loop' }]);
    }),
    undo: assign(({ context }) =>
      withEdit(context, { kind: 'call', target: 'song', fn: 'undo', changesNotes: true, what: 'undoing' }),
    ),
    redo: assign(({ context }) =>
      withEdit(context, { kind: 'call', target: 'song', fn: 'redo', changesNotes: true, what: 'redoing' }),
    ),
    setGrid: assign((_, params: { grid: number | null }) => ({ grid: params.grid })),
    setSound: assign((_, params: { on: boolean }) => ({ sound: params.on })),
    dismiss: assign({ notice: null }),
    /** Edits that waited for Live are given up, with a word (the musician chose so). */
    discard: assign(({ context }) => ({
      edits: [],
      hold: null,
      notice: context.edits.length > 0 ? 'The changes Live did not get were given up.' : context.notice,
    })),
    liveRestarted: assign(({ context }) => {
      const lost = context.edits.filter((edit) => edit.kind !== 'call' || !edit.fn.endsWith('_undo_step')).length;
      return {
        notice:
          lost > 0
            ? `Live started again before it got ${lost === 1 ? 'an edit' : `${lost} edits`}: open the clip again.`
            : 'Live started again: open the clip again.',
        edits: [],
        hold: null,
      };
    }),
    noteOn: enqueueActions(({ context, enqueue }, params: { pitch: number }) => {
      if (!context.sound) return;
      enqueue.assign({ previewing: params.pitch });
      enqueue.sendTo('midi', {
        type: 'midi.send',
        messages: [{ type: 'note_on', channel: context.channel, note: params.pitch, velocity: context.velocity }],
      });
    }),
    noteOff: enqueueActions(({ context, enqueue }) => {
      if (context.previewing === null) return;
      enqueue.assign({ previewing: null });
      enqueue.sendTo('midi', {
        type: 'midi.send',
        messages: [{ type: 'note_off', channel: context.channel, note: context.previewing, velocity: 0 }],
      });
    }),
  },
  delays: {
    retryDelay,
    /** A gesture's own moves change Live's notes every frame: reading them all again each time would flood Live. */
    readGap: BUSY_READ_GAP_MS,
    previewLength: PREVIEW_MS,
    resendDelay: ({ context }) => backoffDelay(context.resends, RETRY_BACKOFF),
  },
});

function clipValues(values: Record<string, JsonValue>): Partial<ClipEditorContext> {
  return {
    name: asString(values.name ?? ''),
    color: asNumber(values.color ?? 0),
    midi: values.is_midi_clip !== false,
    looping: asBoolean(values.looping ?? true),
    bounds: {
      loop_start: asNumber(values.loop_start ?? 0),
      loop_end: asNumber(values.loop_end ?? 4),
      start_marker: asNumber(values.start_marker ?? 0),
      end_marker: asNumber(values.end_marker ?? 4),
    },
    signature: {
      numerator: asNumber(values.signature_numerator ?? 4, 4),
      denominator: asNumber(values.signature_denominator ?? 4, 4),
    },
  };
}

function observedValue(context: ClipEditorContext, key: string, value: JsonValue): Partial<ClipEditorContext> {
  switch (key) {
    case 'name':
      return { name: asString(value) };
    case 'color':
      return { color: asNumber(value) };
    case 'looping':
      return { looping: asBoolean(value) };
    case 'loop_start':
    case 'loop_end':
    case 'start_marker':
    case 'end_marker':
      return { bounds: { ...context.bounds, [key]: asNumber(value) } };
    case 'signature_numerator':
      return { signature: { ...context.signature, numerator: asNumber(value, 4) } };
    case 'signature_denominator':
      return { signature: { ...context.signature, denominator: asNumber(value, 4) } };
    default:
      return {};
  }
}
