/**
 * A new clip for an empty slot, made on purpose: the musician holds the
 * slot and picks its length in bars (1, 2, 4, 8, 16). It is one step of
 * Live's undo history, and "Undo" is offered right after. Refused with the
 * reason on an audio track (Live creates empty clips on MIDI tracks only)
 * and while the surface is locked for performance. A pure view.
 */
import { memo, useId } from 'react';
import { NEW_CLIP_BARS } from './grid-places';
import { Sheet } from './Sheet';

export interface CreateSheetProps {
  /** Where the clip goes (`Drums, slot 4`). */
  location: string;
  /** Why no clip can be created here now; null when one can. */
  disabledReason?: string | null;
  onCreate: (bars: number) => void;
  onClose: () => void;
}

export const barsText = (bars: number): string => `${bars} ${bars === 1 ? 'bar' : 'bars'}`;

export const CreateSheet = memo(function CreateSheet({
  location,
  disabledReason = null,
  onCreate,
  onClose,
}: CreateSheetProps) {
  const reason = useId();
  return (
    <Sheet title="New clip" subtitle={location} onClose={onClose}>
      <p className="ls-sheet-note">A new MIDI clip, empty, looping over its length. Live’s undo takes it back.</p>
      <div className="ls-sheet-choices" role="group" aria-label="Length">
        {NEW_CLIP_BARS.map((bars) => (
          <button
            key={bars}
            type="button"
            className="ls-tool ls-sheet-choice"
            disabled={disabledReason !== null}
            aria-describedby={disabledReason !== null ? reason : undefined}
            onClick={() => onCreate(bars)}
          >
            {barsText(bars)}
          </button>
        ))}
      </div>
      {disabledReason !== null && (
        <p id={reason} className="ls-sheet-reason" role="note">
          {disabledReason}
        </p>
      )}
    </Sheet>
  );
});
