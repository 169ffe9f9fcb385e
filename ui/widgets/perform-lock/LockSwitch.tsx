/**
 * The perform lock's switch, in the app's top bar: Lock at once; Locked
 * (lit) unlocks only after a yes ("Unlock editing?"), so a stray tap on
 * stage changes nothing. A pure view: every tablet shows the same lock.
 */
import { memo } from 'react';
import './perform-lock.css';

export interface LockSwitchProps {
  locked: boolean;
  /** "Unlock editing?" is asked. */
  confirming: boolean;
  /** The bridge is being asked. */
  busy: boolean;
  /** The bridge cannot be asked now. */
  disabled: boolean;
  /** Why the last change did not go through. */
  error: string | null;
  onLock: () => void;
  onUnlock: () => void;
  onConfirm: () => void;
  onKeep: () => void;
}

const PadlockIcon = ({ open }: { open: boolean }) => (
  <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false" fill="none" stroke="currentColor" strokeWidth="2">
    <rect x="5" y="11" width="14" height="10" rx="2" />
    <path d={open ? 'M8 11V7a4 4 0 0 1 7.6-1.7' : 'M8 11V7a4 4 0 0 1 8 0v4'} strokeLinecap="round" />
  </svg>
);

export const LockSwitch = memo(function LockSwitch(props: LockSwitchProps) {
  const { locked, confirming, busy, disabled, error, onLock, onUnlock, onConfirm, onKeep } = props;
  if (confirming) {
    return (
      <div className="ls-lock ls-lock-confirm" role="group" aria-label="Unlock editing?">
        <span className="ls-lock-question">Unlock editing?</span>
        <button type="button" className="ls-tool ls-lock-danger" onClick={onConfirm}>
          Unlock
        </button>
        <button type="button" className="ls-tool" onClick={onKeep} autoFocus>
          Keep locked
        </button>
      </div>
    );
  }
  return (
    <div className="ls-lock">
      <button
        type="button"
        className="ls-tool ls-lock-switch"
        aria-pressed={locked}
        data-locked={locked || undefined}
        disabled={disabled || busy}
        title={
          locked
            ? 'Locked for performance: creating, deleting, duplicating or moving tracks, scenes, devices and clips is refused on every tablet. Tap to unlock.'
            : 'Lock for performance: refuse creating, deleting, duplicating or moving tracks, scenes, devices and clips on every tablet'
        }
        onClick={locked ? onUnlock : onLock}
      >
        <PadlockIcon open={!locked} />
        <span>{locked ? 'Locked' : 'Lock'}</span>
      </button>
      {error && (
        <span className="ls-lock-error" role="alert">
          {error}
        </span>
      )}
    </div>
  );
});
