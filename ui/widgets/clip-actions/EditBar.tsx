/**
 * What the grid says of its edits, at the foot of the screen over the grid
 * (never moving it): the edit Undo takes back right after it was made, why
 * an edit did not go through, an edit on its way; and while a clip is being
 * placed, where it may go, with Cancel. A pure view.
 */
import { memo } from 'react';
import './clip-actions.css';

export interface EditBarProps {
  /** The edit Undo takes back, while offered. */
  offer?: string | null;
  error?: string | null;
  busy?: boolean;
  /** A clip being placed: what a tap does (`Tap a slot of a MIDI track to move Beat A`). */
  placing?: string | null;
  onUndo?: () => void;
  onDismiss?: () => void;
  onCancelPlacing?: () => void;
}

export const EditBar = memo(function EditBar({
  offer = null,
  error = null,
  busy = false,
  placing = null,
  onUndo,
  onDismiss,
  onCancelPlacing,
}: EditBarProps) {
  if (placing !== null) {
    return (
      <div className="ls-edit-bar" data-kind="placing" role="status">
        <span className="ls-edit-bar-text">{placing}</span>
        <button type="button" className="ls-tool" onClick={onCancelPlacing}>
          Cancel
        </button>
      </div>
    );
  }
  if (offer === null && error === null && !busy) return null;
  return (
    <div
      className="ls-edit-bar"
      data-kind={error !== null ? 'error' : 'offer'}
      role={error !== null ? 'alert' : 'status'}
    >
      <span className="ls-edit-bar-text">
        {error !== null ? `${offer !== null ? `${offer}, but ` : ''}${error}` : busy ? 'Sending to Live…' : offer}
      </span>
      {offer !== null && (
        <button type="button" className="ls-tool ls-edit-bar-undo" onClick={onUndo}>
          Undo
        </button>
      )}
      {!busy && (
        <button type="button" className="ls-tool" aria-label="Dismiss" onClick={onDismiss}>
          ×
        </button>
      )}
    </div>
  );
});
