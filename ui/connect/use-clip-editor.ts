/**
 * The piano roll on a clip editor actor: what the roll and its toolbar show
 * (the notes as Live has them with the edits in flight and the gesture on
 * top, each marked while not yet Live's), and the intents a finger makes,
 * as the editor's events. The notes are worked out again only when the
 * editor's layers or selection change, not on every snapshot.
 */
import { useSelector } from '@xstate/react';
import { useMemo } from 'react';
import type { ActorRefFrom, SnapshotFrom } from 'xstate';
import type { ClipEditorEvent } from '../../machines/clip-editor';
import { boundsShown, notesShown, type ClipEditorContext } from '../../machines/clip-editor-model';
import { pendingKeys } from '../../machines/clip-notes';
import type { ProvidedClipEditor } from '../../machines/provide-clip-editor';
import type { RollClip, RollGrid, RollIntent, RollNote } from '../widgets/piano-roll/roll-types';
import { sameView } from './same';

/** A clip editor actor. */
export type ClipEditorActor = ActorRefFrom<ProvidedClipEditor>;
type Snapshot = SnapshotFrom<ProvidedClipEditor>;

/** What the editor is doing, as the page shows it. */
export type ClipEditorState = 'loading' | 'ready' | 'audio' | 'failed' | 'gone';

/** What the roll and its toolbar show of the editor. */
export interface ClipEditorView {
  state: ClipEditorState;
  name: string;
  color: number;
  notes: readonly RollNote[];
  clip: RollClip;
  grid: RollGrid;
  canUndo: boolean;
  canRedo: boolean;
  sound: boolean;
  /** Live cannot take edits now: they wait (shown as such). */
  offline: boolean;
  /** How many edits have not reached Live yet. */
  waiting: number;
  /** A word for the musician (an edit Live refused, edits given up), or why the clip could not be read. */
  notice: string | null;
  selected: number;
  selectionMuted: boolean;
}

export function clipEditorStateOf(snapshot: Snapshot): ClipEditorState {
  for (const state of ['ready', 'audio', 'failed', 'gone'] as const) if (snapshot.hasTag(state)) return state;
  return 'loading';
}

type Layers = Pick<ClipEditorContext, 'base' | 'edits' | 'hold' | 'selection' | 'usable'>;

/** The notes as the roll draws them, for one set of layers (the last one is kept: the selector runs often). */
function rollNotesOf(): (layers: Layers) => readonly RollNote[] {
  let last: { layers: Layers; notes: readonly RollNote[] } | null = null;
  return (layers) => {
    if (last && (Object.keys(layers) as (keyof Layers)[]).every((key) => Object.is(last?.layers[key], layers[key]))) {
      return last.notes;
    }
    const pending = pendingKeys(layers.edits);
    const selected = new Set(layers.selection);
    const notes = notesShown(layers).map((note): RollNote => ({
      key: note.key,
      pitch: note.pitch,
      start: note.start_time,
      duration: note.duration,
      velocity: note.velocity,
      mute: note.mute,
      selected: selected.has(note.key),
      pending: pending.has(note.key) ? (layers.usable ? 'sending' : 'offline') : null,
    }));
    last = { layers, notes };
    return notes;
  };
}

/** The selector `useClipEditor` uses (one per editor: it keeps the last notes it worked out). */
export function clipEditorViewOf(): (snapshot: Snapshot) => ClipEditorView {
  const rollNotes = rollNotesOf();
  let lastClip: RollClip | null = null;
  const clipOf = (next: RollClip): RollClip => {
    // the same clip object while nothing of it changed: the roll re-renders for what changed only
    if (lastClip && JSON.stringify(lastClip) === JSON.stringify(next)) return lastClip;
    lastClip = next;
    return next;
  };
  return (snapshot) => {
    const { context } = snapshot;
    const bounds = boundsShown(context);
    const notes = rollNotes(context);
    const chosen = notes.filter((note) => note.selected);
    const state = clipEditorStateOf(snapshot);
    const waiting = context.edits.filter((edit) => edit.kind !== 'call' || !edit.fn.endsWith('_undo_step')).length;
    return {
      state,
      name: context.name,
      color: context.color,
      notes,
      clip: clipOf({
        start: bounds.start_marker,
        end: bounds.end_marker,
        loop: { start: bounds.loop_start, end: bounds.loop_end, on: context.looping },
        signature: context.signature,
      }),
      grid: context.grid,
      canUndo: context.canUndo && context.hold === null,
      canRedo: context.canRedo && context.hold === null,
      sound: context.sound,
      offline: !context.usable,
      waiting,
      notice: context.notice ?? (state === 'failed' ? (context.error?.message ?? null) : null),
      selected: chosen.length,
      selectionMuted: chosen.length > 0 && chosen.every((note) => note.mute),
    };
  };
}

/** The editor's event for a finger's intent on the roll. */
export function intentEvent(intent: RollIntent): ClipEditorEvent {
  switch (intent.type) {
    case 'add':
      return { type: 'ui.add', pitch: intent.pitch, beat: intent.beat };
    case 'select':
      return { type: 'ui.select', keys: intent.keys, mode: intent.mode };
    case 'remove':
      return { type: 'ui.remove', keys: intent.keys };
    case 'grab':
      return { type: 'ui.grab', key: intent.key, handle: intent.handle, copy: intent.copy };
    case 'drag':
      return { type: 'ui.drag', beats: intent.beats, semitones: intent.semitones, free: intent.free };
    case 'velocity':
      return { type: 'ui.velocity', changes: intent.changes };
    case 'loop':
      return { type: 'ui.loop', start: intent.start, end: intent.end };
    case 'markers':
      return { type: 'ui.markers', start: intent.start, end: intent.end };
    case 'release':
      return { type: 'ui.release' };
    case 'cancel':
      return { type: 'ui.cancel' };
    default:
      return intent satisfies never;
  }
}

/** What the toolbar's buttons send. */
export interface ClipEditorCommands {
  onIntent: (intent: RollIntent) => void;
  onGrid: (grid: RollGrid) => void;
  onDelete: () => void;
  onDuplicate: () => void;
  onTranspose: (semitones: number) => void;
  onQuantize: () => void;
  onMute: (mute: boolean) => void;
  onLoopLength: (factor: 2 | 0.5) => void;
  onUndo: () => void;
  onRedo: () => void;
  onSoundNotes: (on: boolean) => void;
  onDismiss: () => void;
  onDiscard: () => void;
  onRetry: () => void;
}

export function clipEditorCommands(actor: ClipEditorActor): ClipEditorCommands {
  return {
    onIntent: (intent) => actor.send(intentEvent(intent)),
    onGrid: (grid) => actor.send({ type: 'ui.grid', grid }),
    onDelete: () => actor.send({ type: 'ui.delete' }),
    onDuplicate: () => actor.send({ type: 'ui.duplicate' }),
    onTranspose: (semitones) => actor.send({ type: 'ui.transpose', semitones }),
    onQuantize: () => actor.send({ type: 'ui.quantize' }),
    onMute: (mute) => actor.send({ type: 'ui.mute', mute }),
    onLoopLength: (factor) => actor.send({ type: factor === 2 ? 'ui.loopDouble' : 'ui.loopHalve' }),
    onUndo: () => actor.send({ type: 'ui.undo' }),
    onRedo: () => actor.send({ type: 'ui.redo' }),
    onSoundNotes: (on) => actor.send({ type: 'ui.sound', on }),
    onDismiss: () => actor.send({ type: 'ui.dismiss' }),
    onDiscard: () => actor.send({ type: 'ui.discard' }),
    onRetry: () => actor.send({ type: 'ui.retry' }),
  };
}

/** The roll's and toolbar's props from a clip editor actor. */
export function useClipEditor(actor: ClipEditorActor): ClipEditorView & ClipEditorCommands {
  const select = useMemo(() => clipEditorViewOf(), []);
  const view = useSelector(actor, select, sameView);
  const commands = useMemo(() => clipEditorCommands(actor), [actor]);
  return { ...view, ...commands };
}
