/**
 * The arrangement's cue points (Live's locators), as in Live's control bar:
 * jump to the previous or the next one (usable only when Live says there is
 * one that way), and a list of them by time, each a tap away from a jump
 * (Live waits for the launch quantization while the song plays), with Set
 * or Delete at the song position (Live deletes the cue the song stands on,
 * else sets one there). A pure view.
 */
import { memo } from 'react';
import { Button } from '../button/Button';
import type { ControlState } from '../control-state';
import { Popover } from './Popover';
import { CueIcon, NextCueIcon, PrevCueIcon } from './transport-icons';

/** A cue point as the list shows it. */
export interface CueView {
  /** The CuePoint to jump to. */
  target: string;
  /** As Live names it; null until known. */
  name: string | null;
  /** Its time as a song position (`9.1.1`), or null until known. */
  position: string | null;
}

/** The cue controls' props: the cues, whether Live can jump either way, and a callback per control. */
export interface CueControlsProps {
  cues: readonly CueView[];
  canJumpPrev: boolean;
  canJumpNext: boolean;
  state: ControlState;
  size?: 'small' | 'medium' | 'large';
  /** The list open at first (stories). */
  listOpen?: boolean;
  onPrevCue?: () => void;
  onNextCue?: () => void;
  onJumpToCue?: (target: string) => void;
  onSetOrDeleteCue?: () => void;
}

/** Previous, the list with Set or Delete, next (a pure view). */
export const CueControls = memo(function CueControls({
  cues,
  canJumpPrev,
  canJumpNext,
  state,
  size = 'medium',
  listOpen = false,
  onPrevCue,
  onNextCue,
  onJumpToCue,
  onSetOrDeleteCue,
}: CueControlsProps) {
  return (
    <>
      <Button
        kind="trigger"
        label="Previous Cue"
        state={state}
        size={size}
        disabled={!canJumpPrev}
        onTrigger={onPrevCue}
      >
        <PrevCueIcon />
      </Button>
      <Popover
        className="ls-cues"
        label={`Cue Points (${cues.length})`}
        panelLabel="Cue Points"
        disabled={state !== 'ready'}
        defaultOpen={listOpen}
        align="end"
        size={size}
        face={
          <>
            <CueIcon />
            <span className="ls-cues-count ls-number">{cues.length}</span>
          </>
        }
      >
        {(close) => (
          <div className="ls-cue-list">
            <Button kind="trigger" label="Set or Delete Cue" state={state} size="small" onTrigger={onSetOrDeleteCue}>
              Set / Delete Cue here
            </Button>
            {cues.length === 0 ? (
              <p className="ls-cue-empty">No cue points in this set</p>
            ) : (
              <ul>
                {cues.map((cue) => (
                  <li key={cue.target}>
                    <button
                      type="button"
                      className="ls-cue"
                      aria-label={`Jump to ${cue.name ?? 'cue'}${cue.position ? ` (${cue.position})` : ''}`}
                      onClick={() => {
                        close();
                        onJumpToCue?.(cue.target);
                      }}
                    >
                      <span className="ls-cue-name">{cue.name ?? '…'}</span>
                      <span className="ls-cue-position ls-number">{cue.position ?? ''}</span>
                    </button>
                  </li>
                ))}
              </ul>
            )}
          </div>
        )}
      </Popover>
      <Button kind="trigger" label="Next Cue" state={state} size={size} disabled={!canJumpNext} onTrigger={onNextCue}>
        <NextCueIcon />
      </Button>
    </>
  );
});
