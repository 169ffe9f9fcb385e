/**
 * The clip editor's switch between the clip's notes and its automation:
 * first in the bar, where the thumb rests.
 */
import { memo } from 'react';
import { AutomationIcon, NotesIcon } from './roll-icons';

export type EditorView = 'notes' | 'automation';

export interface EditorViewsProps {
  view: EditorView;
  onView: (view: EditorView) => void;
  placement?: 'bottom' | 'side';
}

export const EditorViews = memo(function EditorViews({ view, onView, placement = 'bottom' }: EditorViewsProps) {
  return (
    <div className="ls-roll-modes ls-editor-views" role="group" aria-label="Edit" data-placement={placement}>
      <button
        type="button"
        className="ls-tool ls-roll-mode"
        aria-pressed={view === 'notes'}
        aria-label="Notes"
        onClick={() => onView('notes')}
      >
        <NotesIcon />
        <span className="ls-roll-tool-text">Notes</span>
      </button>
      <button
        type="button"
        className="ls-tool ls-roll-mode"
        aria-pressed={view === 'automation'}
        aria-label="Automation"
        onClick={() => onView('automation')}
      >
        <AutomationIcon />
        <span className="ls-roll-tool-text">Automation</span>
      </button>
    </div>
  );
});
