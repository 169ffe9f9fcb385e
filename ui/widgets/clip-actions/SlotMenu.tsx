/**
 * A clip's actions, from a long press (or a right click) on it in the
 * session grid: duplicate to the next empty slot below, copy or move to a
 * slot of your choosing (or drag the held clip there), delete (Undo is
 * offered right after), rename, recolor from Live's palette. While the
 * surface is locked for performance, the structural actions (duplicate,
 * move, delete) are shown disabled with the reason; rename and recolor stay.
 * A pure view.
 */
import { memo, useId, useState } from 'react';
import { cssColor } from '../../theme/live-colors';
import { ColorPalette } from './ColorPalette';
import { Sheet } from './Sheet';

export interface SlotMenuProps {
  name: string;
  /** Where the clip is (`Drums, slot 2`). */
  location: string;
  /** Live's RGB integer for the clip. */
  color: number | null;
  /** Its place in Live's palette, or null. */
  colorIndex: number | null;
  /** Why structural actions are refused now (the perform lock); null when they are not. */
  lockedReason?: string | null;
  /** Where "Duplicate" puts the copy (`Drums, slot 3`), or null when no slot below is empty. */
  duplicateTarget: string | null;
  onDuplicate: () => void;
  onCopyTo: () => void;
  onMoveTo: () => void;
  onDelete: () => void;
  onRename: (name: string) => void;
  onRecolor: (index: number) => void;
  onClose: () => void;
}

export const SlotMenu = memo(function SlotMenu(props: SlotMenuProps) {
  const { name, location, color, colorIndex, lockedReason = null, duplicateTarget } = props;
  const [draft, setDraft] = useState(name);
  const reason = useId();
  const locked = lockedReason !== null;
  const structural = { disabled: locked, 'aria-describedby': locked ? reason : undefined };
  const title = name || 'Unnamed clip';
  return (
    <Sheet title={title} subtitle={location} accent={color === null ? null : cssColor(color)} onClose={props.onClose}>
      {locked && (
        <p id={reason} className="ls-sheet-reason" role="note">
          {lockedReason}
        </p>
      )}
      <div className="ls-sheet-actions" role="group" aria-label="Clip actions">
        <button
          type="button"
          className="ls-tool ls-sheet-action"
          {...structural}
          disabled={locked || duplicateTarget === null}
          onClick={props.onDuplicate}
        >
          Duplicate
          <span className="ls-sheet-hint">{duplicateTarget ? `to ${duplicateTarget}` : 'no empty slot below'}</span>
        </button>
        <button type="button" className="ls-tool ls-sheet-action" {...structural} onClick={props.onCopyTo}>
          Copy to…
        </button>
        <button type="button" className="ls-tool ls-sheet-action" {...structural} onClick={props.onMoveTo}>
          Move to…
        </button>
        <button
          type="button"
          className="ls-tool ls-sheet-action ls-sheet-danger"
          {...structural}
          onClick={props.onDelete}
        >
          Delete
        </button>
      </div>
      <form
        className="ls-sheet-rename"
        onSubmit={(event) => {
          event.preventDefault();
          if (draft !== name) props.onRename(draft);
        }}
      >
        <label className="ls-sheet-label">
          Name
          <input
            className="ls-tool ls-sheet-input"
            value={draft}
            maxLength={256}
            onChange={(event) => setDraft(event.target.value)}
          />
        </label>
        <button type="submit" className="ls-tool" disabled={draft === name}>
          Rename
        </button>
      </form>
      <ColorPalette value={colorIndex} onPick={props.onRecolor} />
    </Sheet>
  );
});
