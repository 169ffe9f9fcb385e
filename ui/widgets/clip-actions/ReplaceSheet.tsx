/**
 * The question asked before a clip moved or copied onto another replaces
 * it, as Live replaces a clip another is dropped on: both clips and the
 * place are named; Replace does it (one step of Live's undo, so Undo takes
 * it back), Cancel (or Escape, the close button, a tap beside it) leaves
 * everything as it was and takes the focus first. A pure view.
 */
import { memo, useId } from 'react';
import { cssColor } from '../../theme/live-colors';
import { replaceQuestion } from './grid-places';
import { Sheet } from './Sheet';

export interface ReplaceSheetProps {
  /** Moved (the original goes) or copied. */
  verb: 'Move' | 'Copy';
  /** The clip moved or copied. */
  incoming: string;
  /** The clip it would replace, and where that is (`Bass, slot 3`). */
  replaced: string;
  location: string;
  /** Live's RGB integer of the clip that would go. */
  color?: number | null;
  onReplace: () => void;
  onCancel: () => void;
}

export const ReplaceSheet = memo(function ReplaceSheet(props: ReplaceSheetProps) {
  const { verb, incoming, replaced, location, color = null, onReplace, onCancel } = props;
  const question = useId();
  return (
    <Sheet
      title={verb === 'Move' ? 'Move onto a clip?' : 'Copy onto a clip?'}
      subtitle={location}
      accent={color === null ? null : cssColor(color)}
      role="alertdialog"
      describedBy={question}
      onClose={onCancel}
    >
      <p id={question} className="ls-sheet-question">
        {replaceQuestion(replaced, location, incoming)}
      </p>
      <p className="ls-sheet-note">Undo takes it back.</p>
      <div className="ls-sheet-actions" role="group" aria-label="Answer">
        <button type="button" className="ls-tool ls-sheet-action ls-sheet-danger" onClick={onReplace}>
          Replace
        </button>
        <button type="button" className="ls-tool ls-sheet-action" data-autofocus onClick={onCancel}>
          Cancel
        </button>
      </div>
    </Sheet>
  );
});
