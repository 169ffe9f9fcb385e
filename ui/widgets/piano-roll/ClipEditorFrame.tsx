/**
 * The roll with its bar at the thumb's edge: under it (a tablet held in
 * landscape, a phone), or down its left side.
 */
import type { ReactNode } from 'react';
import './clip-editor.css';

export interface ClipEditorFrameProps {
  /** The `PianoRoll`. */
  roll: ReactNode;
  /** The `ClipEditorToolbar` (give it the same `placement`). */
  toolbar: ReactNode;
  placement?: 'bottom' | 'side';
}

/** Lays out a roll and its toolbar; nothing else. */
export function ClipEditorFrame({ roll, toolbar, placement = 'bottom' }: ClipEditorFrameProps) {
  return (
    <div className="ls-clip-editor" data-placement={placement}>
      {placement === 'side' ? (
        <>
          {toolbar}
          {roll}
        </>
      ) : (
        <>
          {roll}
          {toolbar}
        </>
      )}
    </div>
  );
}
