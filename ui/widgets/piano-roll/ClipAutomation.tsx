/**
 * The clip's automation on an envelope editor actor: the thin connected form
 * of `EnvelopeLane`, `EnvelopeToolbar` and `ParameterPicker`, on the same
 * timeline as the piano roll (its zoom and scroll come and go with the
 * editor's). What is the view's own (the tool, edit or navigate, the picker
 * open) stays here; what is the envelope's goes to the actor.
 */
import { useEffect, useState, type ReactNode } from 'react';
import { useEnvelopeEditor, type EnvelopeEditorActor } from '../../connect/use-envelope-editor';
import { useLastMovedParameter } from '../../connect/touched-parameter';
import { EnvelopeLane } from '../envelope/EnvelopeLane';
import { EnvelopeToolbar } from '../envelope/EnvelopeToolbar';
import type { EnvelopeTool, LaneViewport } from '../envelope/envelope-types';
import { ParameterPicker } from '../envelope/ParameterPicker';
import { ClipEditorFrame } from './ClipEditorFrame';
import type { RollClip, RollNote, RollRows } from './roll-types';

export interface ClipAutomationProps {
  actor: EnvelopeEditorActor;
  clip: RollClip;
  notes: readonly RollNote[];
  rows: RollRows;
  playhead: number | null;
  color: number | null;
  viewport: LaneViewport | null;
  onViewport: (viewport: LaneViewport) => void;
  placement: 'bottom' | 'side';
  /** The Notes | Automation switch, first in the bar. */
  views: ReactNode;
}

/** The clip's time the envelope is read over: from its start to the end of its loop or its markers. */
export function clipRange(clip: RollClip): { start: number; end: number } {
  return { start: Math.max(0, Math.min(clip.start, clip.loop.start)), end: Math.max(clip.end, clip.loop.end) };
}

/** The automation editor of one clip. */
export function ClipAutomation(props: ClipAutomationProps) {
  const { actor, clip, notes, rows, playhead, color, viewport, onViewport, placement, views } = props;
  const editor = useEnvelopeEditor(actor, useLastMovedParameter());
  const [tool, setTool] = useState<EnvelopeTool>('draw');
  const [mode, setMode] = useState<'edit' | 'navigate'>('edit');
  const [picking, setPicking] = useState(false);
  // nothing chosen yet: the list is offered at once, until it is closed
  const [offered, setOffered] = useState(false);
  const pickerOpen = picking || (editor.state === 'unchosen' && !offered);
  const closePicker = (): void => {
    setPicking(false);
    setOffered(true);
  };
  const { start, end } = clipRange(clip);
  const { onRange } = editor;
  useEffect(() => onRange(start, end), [onRange, start, end]);

  const effectiveTool: EnvelopeTool = tool === 'erase' && !editor.canErase ? 'draw' : tool;
  const ready = editor.state === 'ready';
  const waitingWord =
    editor.offline && editor.waiting > 0
      ? `Live is offline: ${editor.waiting === 1 ? 'a stroke waits' : `${editor.waiting} strokes wait`} and ${editor.waiting === 1 ? 'goes' : 'go'} when it is back`
      : null;
  const notice = editor.notice ?? waitingWord;
  if (editor.state === 'gone') {
    return (
      <p className="ls-empty ls-clip-editor-empty" role="status">
        {editor.notice ?? 'This clip was deleted in Live.'}
      </p>
    );
  }
  const parameterLabel = editor.parameter
    ? `${editor.parameter.device} › ${editor.parameter.name}`
    : 'Choose a parameter';
  return (
    <>
      <ClipEditorFrame
        placement={placement}
        roll={
          <EnvelopeLane
            clip={clip}
            grid={editor.grid}
            viewport={viewport}
            onViewport={onViewport}
            parameter={editor.parameter}
            exists={editor.exists}
            points={editor.points}
            pending={editor.pending}
            preview={editor.preview}
            notes={notes}
            rows={rows}
            playhead={playhead}
            liveValue={editor.liveValue}
            axis={editor.axis}
            tool={effectiveTool}
            mode={mode}
            readout={editor.readout}
            loading={editor.state === 'loading' || editor.state === 'reading'}
            // strokes made while Live is away wait for it (shown as such), so the lane still draws
            disabled={editor.parameter !== null && !ready && editor.state !== 'reading'}
            notice={notice}
            onRetry={editor.state === 'failed' ? editor.onRetry : undefined}
            onDiscard={editor.notice === null && waitingWord !== null ? editor.onDiscard : undefined}
            onDismiss={editor.notice !== null && ready ? editor.onDismiss : undefined}
            onIntent={editor.onIntent}
            color={color}
            label={editor.parameter ? `${editor.parameter.name} automation` : 'Automation'}
          />
        }
        toolbar={
          <div className="ls-clip-editor-bar" data-placement={placement}>
            {views}
            <EnvelopeToolbar
              placement={placement}
              tool={effectiveTool}
              onTool={setTool}
              quantized={editor.parameter?.quantized ?? false}
              canErase={editor.canErase}
              eraseWhyNot={editor.eraseWhyNot}
              grid={editor.grid}
              onGrid={editor.onGrid}
              mode={mode}
              onMode={setMode}
              canUndo={editor.canUndo}
              canRedo={editor.canRedo}
              onUndo={editor.onUndo}
              onRedo={editor.onRedo}
              onClear={editor.onClear}
              exists={editor.exists}
              parameterLabel={parameterLabel}
              onChooseParameter={() => {
                editor.onRelist();
                setPicking(true);
              }}
              disabled={!ready || editor.offline}
            />
          </div>
        }
      />
      <ParameterPicker
        open={pickerOpen}
        groups={editor.groups}
        touched={editor.touched}
        chosen={editor.chosen}
        loading={editor.state === 'loading' && editor.groups.length === 0}
        error={editor.state === 'failed' && editor.parameter === null ? editor.notice : null}
        onChoose={(target) => {
          editor.onChoose(target);
          closePicker();
        }}
        onClose={closePicker}
        onRetry={editor.onRetry}
      />
    </>
  );
}
