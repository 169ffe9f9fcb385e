/**
 * The piano roll and its toolbar on a clip editor actor: the thin connected
 * form of `PianoRoll`, `ClipEditorToolbar` and `ClipEditorFrame`. What is the
 * view's own (zoom and scroll, edit or navigate, following the playhead,
 * the velocity lane) stays here; what is the clip's goes to the actor. With
 * an envelope editor actor, a switch turns the roll into the clip's
 * automation (`ClipAutomation`) on the same timeline.
 */
import { useState } from 'react';
import { useClipEditor, type ClipEditorActor } from '../../connect/use-clip-editor';
import { useClipPresence } from '../../connect/use-presence-of-clip';
import type { EnvelopeEditorActor } from '../../connect/use-envelope-editor';
import type { LaneViewport } from '../envelope/envelope-types';
import { ClipAutomation } from './ClipAutomation';
import { EditorViews, type EditorView } from './EditorViews';
import { ClipEditorFrame } from './ClipEditorFrame';
import { ClipEditorToolbar } from './ClipEditorToolbar';
import { rowMap, type RollSize } from './geometry';
import { noteIndex } from './note-index';
import { PianoRoll, rowsOfNotes } from './PianoRoll';
import type { RollRows, RollScale, RollViewport } from './roll-types';
import { boundsOf, fitTo, playedRange } from './viewport';

export interface ClipEditorProps {
  actor: ClipEditorActor;
  rows: RollRows;
  scale: RollScale | null;
  /** Where the clip plays (beats), or null when it does not. */
  playhead: number | null;
  placement?: 'bottom' | 'side';
  /** The clip's automation, edited on the same timeline: a Notes | Automation switch shows when given. */
  envelope?: EnvelopeEditorActor;
  /** What shows first (stories start on the automation). */
  initialView?: EditorView;
}

const ignore = (): void => {};

/** The editor of one clip. */
export function ClipEditor(props: ClipEditorProps) {
  const { actor, rows, scale, playhead, placement = 'bottom', envelope, initialView = 'notes' } = props;
  const editor = useClipEditor(actor);
  // the other tablets' selections in this clip, outlined in their colors; ours told to them
  const others = useClipPresence(actor.getSnapshot().context.clip, editor.notes);
  const [viewport, setViewport] = useState<RollViewport | null>(null);
  const [view, setView] = useState<EditorView>(initialView);
  // the automation's timeline is the roll's: before the roll has one, the lane keeps its own
  const [laneOnly, setLaneOnly] = useState<LaneViewport | null>(null);
  const laneViewport = viewport ?? laneOnly;
  const onLaneViewport = (next: LaneViewport): void => {
    if (viewport) setViewport({ ...viewport, ...next });
    else setLaneOnly(next);
  };
  const [size, setSize] = useState<RollSize>({ width: 0, height: 0 });
  const [mode, setMode] = useState<'edit' | 'navigate'>('edit');
  const [follow, setFollow] = useState(true);
  const [lane, setLane] = useState(false);
  const editable = editor.state === 'ready';
  const onFit = (to: 'clip' | 'loop'): void => {
    const map = rowMap(rows);
    const range = to === 'loop' ? playedRange(editor.clip) : { start: editor.clip.start, end: editor.clip.end };
    const index = noteIndex(editor.notes);
    setViewport(fitTo(range, rowsOfNotes(index, map), size, boundsOf(editor.clip, map.count, index.lastEnd)));
  };
  const waitingWord =
    editor.offline && editor.waiting > 0
      ? `Live is offline: ${editor.waiting === 1 ? 'an edit waits' : `${editor.waiting} edits wait`} and ${editor.waiting === 1 ? 'goes' : 'go'} when it is back`
      : null;
  const notice = editor.notice ?? waitingWord;
  const views = envelope ? <EditorViews view={view} onView={setView} placement={placement} /> : null;
  if (envelope && view === 'automation' && editor.state !== 'gone') {
    return (
      <ClipAutomation
        actor={envelope}
        clip={editor.clip}
        notes={editor.notes}
        rows={rows}
        playhead={playhead}
        color={editor.color}
        // fitted to the clip once the clip is read (before, its bounds are not Live's yet)
        viewport={editable ? laneViewport : null}
        onViewport={editable ? onLaneViewport : ignore}
        placement={placement}
        views={views}
      />
    );
  }
  if (editor.state === 'audio' || editor.state === 'gone') {
    return (
      <p className="ls-empty ls-clip-editor-empty" role="status">
        {editor.state === 'audio'
          ? 'This is an audio clip: it has no notes to edit.'
          : (editor.notice ?? 'This clip was deleted in Live.')}
      </p>
    );
  }
  return (
    <ClipEditorFrame
      placement={placement}
      roll={
        <PianoRoll
          notes={editor.notes}
          clip={editor.clip}
          // fitted to the clip and its notes until a finger moves it (and not before the notes are read)
          viewport={editable ? viewport : null}
          onViewport={editable ? setViewport : ignore}
          grid={editor.grid}
          rows={rows}
          scale={scale}
          playhead={playhead}
          mode={mode}
          onIntent={editor.onIntent}
          loading={editor.state === 'loading'}
          disabled={!editable && editor.state !== 'loading'}
          follow={follow}
          velocityLane={lane}
          color={editor.color}
          label={editor.name || 'Clip'}
          notice={notice}
          onRetry={editor.state === 'failed' ? editor.onRetry : undefined}
          onDiscard={editor.notice === null && waitingWord !== null ? editor.onDiscard : undefined}
          onDismiss={editor.notice !== null && editor.state === 'ready' ? editor.onDismiss : undefined}
          onSize={setSize}
          others={others}
        />
      }
      toolbar={
        <div className="ls-clip-editor-bar" data-placement={placement}>
          {views}
          <ClipEditorToolbar
            placement={placement}
            mode={mode}
            onMode={setMode}
            grid={editor.grid}
            onGrid={editor.onGrid}
            follow={follow}
            onFollow={setFollow}
            onFit={onFit}
            selected={editor.selected}
            selectionMuted={editor.selectionMuted}
            onDelete={editor.onDelete}
            onDuplicate={editor.onDuplicate}
            onTranspose={editor.onTranspose}
            onQuantize={editor.onQuantize}
            onMute={editor.onMute}
            onLoopLength={editor.onLoopLength}
            canUndo={editor.canUndo}
            canRedo={editor.canRedo}
            onUndo={editor.onUndo}
            onRedo={editor.onRedo}
            soundNotes={editor.sound}
            onSoundNotes={editor.onSoundNotes}
            velocityLane={lane}
            onVelocityLane={setLane}
            disabled={!editable}
          />
        </div>
      }
    />
  );
}
