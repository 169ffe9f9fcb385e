/**
 * The clip editor's bar, at the thumb's edge of the screen (the bottom, or
 * the side): the edit/navigate switch first and largest, then the grid,
 * the view (fit the clip or the loop, follow the playhead), what to do to
 * the selected notes (delete, duplicate, transpose, quantize, mute), the
 * loop (double, halve), undo and redo, and the options (sound notes while
 * editing, the velocity lane). A pure view: every button has an accessible
 * name and calls back; offline, everything that would change the clip is
 * disabled, the view still moves.
 */
import { memo, type ReactNode } from 'react';
import {
  DuplicateIcon,
  FitIcon,
  FitLoopIcon,
  FollowIcon,
  HandIcon,
  MuteIcon,
  PencilIcon,
  QuantizeIcon,
  RedoIcon,
  SpeakerIcon,
  TrashIcon,
  UndoIcon,
  VelocityIcon,
} from './roll-icons';
import type { RollGrid } from './roll-types';
import './clip-editor.css';

/** The grids offered: straight and triplet divisions of a quarter note, or off (null). */
export const GRID_CHOICES: readonly { label: string; name: string; grid: RollGrid }[] = [
  { label: '1/4', name: 'quarter notes', grid: 1 },
  { label: '1/8', name: 'eighth notes', grid: 0.5 },
  { label: '1/16', name: 'sixteenth notes', grid: 0.25 },
  { label: '1/32', name: 'thirty-second notes', grid: 0.125 },
  { label: '1/8T', name: 'eighth-note triplets', grid: 1 / 3 },
  { label: '1/16T', name: 'sixteenth-note triplets', grid: 1 / 6 },
  { label: '1/32T', name: 'thirty-second-note triplets', grid: 1 / 12 },
  { label: 'Off', name: 'no grid', grid: null },
];

/** The label of a grid (the nearest choice; `Off` for null). */
export function gridLabel(grid: RollGrid): string {
  if (grid === null) return 'Off';
  return GRID_CHOICES.find((choice) => choice.grid !== null && Math.abs(choice.grid - grid) < 1e-9)?.label ?? `${grid}`;
}

export interface ClipEditorToolbarProps {
  mode: 'edit' | 'navigate';
  onMode: (mode: 'edit' | 'navigate') => void;
  grid: RollGrid;
  onGrid: (grid: RollGrid) => void;
  follow: boolean;
  onFollow: (follow: boolean) => void;
  onFit: (to: 'clip' | 'loop') => void;
  /** How many notes are selected: the note actions need some. */
  selected: number;
  /** Whether the selected notes are all muted (the mute button shows pressed). */
  selectionMuted?: boolean;
  onDelete: () => void;
  onDuplicate: () => void;
  /** Move the selected notes by semitones (±1, ±12). */
  onTranspose: (semitones: number) => void;
  onQuantize: () => void;
  onMute: (mute: boolean) => void;
  /** Double (2) or halve (0.5) the loop. */
  onLoopLength: (factor: 2 | 0.5) => void;
  canUndo: boolean;
  canRedo: boolean;
  onUndo: () => void;
  onRedo: () => void;
  soundNotes: boolean;
  onSoundNotes: (on: boolean) => void;
  velocityLane: boolean;
  onVelocityLane: (on: boolean) => void;
  /** Live offline: nothing that changes the clip. */
  disabled?: boolean;
  /** Along the bottom (a row) or down a side (a column). */
  placement?: 'bottom' | 'side';
}

interface ToolProps {
  name: string;
  icon?: ReactNode;
  text?: string;
  pressed?: boolean;
  disabled?: boolean;
  onClick: () => void;
}

/** A bar button: its icon and a short text, its full name for assistive technology. */
function Tool({ name, icon, text, pressed, disabled, onClick }: ToolProps) {
  return (
    <button
      type="button"
      className="ls-tool ls-roll-tool"
      aria-label={name}
      title={name}
      aria-pressed={pressed}
      disabled={disabled}
      onClick={onClick}
    >
      {icon}
      {text && <span className="ls-roll-tool-text">{text}</span>}
    </button>
  );
}

export const ClipEditorToolbar = memo(function ClipEditorToolbar(props: ClipEditorToolbarProps) {
  const { mode, onMode, grid, onGrid, follow, onFollow, onFit, selected, selectionMuted = false } = props;
  const { canUndo, canRedo, soundNotes, velocityLane, disabled = false, placement = 'bottom' } = props;
  const noSelection = disabled || selected === 0;
  return (
    <div className="ls-roll-toolbar" role="toolbar" aria-label="Clip editor" data-placement={placement}>
      <div className="ls-roll-modes" role="group" aria-label="Mode">
        <button
          type="button"
          className="ls-tool ls-roll-mode"
          aria-pressed={mode === 'edit'}
          aria-label="Edit notes"
          onClick={() => onMode('edit')}
        >
          <PencilIcon />
          <span className="ls-roll-tool-text">Edit</span>
        </button>
        <button
          type="button"
          className="ls-tool ls-roll-mode"
          aria-pressed={mode === 'navigate'}
          aria-label="Navigate"
          onClick={() => onMode('navigate')}
        >
          <HandIcon />
          <span className="ls-roll-tool-text">Move</span>
        </button>
      </div>
      <div className="ls-roll-tools" role="group" aria-label="Grid and view">
        <select
          className="ls-tool ls-roll-grid"
          aria-label="Grid"
          value={gridLabel(grid)}
          onChange={(event) => onGrid(GRID_CHOICES.find((choice) => choice.label === event.target.value)?.grid ?? null)}
        >
          {GRID_CHOICES.map((choice) => (
            <option key={choice.label} value={choice.label} aria-label={choice.name}>
              {choice.label}
            </option>
          ))}
        </select>
        <Tool name="Fit the clip" icon={<FitIcon />} onClick={() => onFit('clip')} />
        <Tool name="Fit the loop" icon={<FitLoopIcon />} onClick={() => onFit('loop')} />
        <Tool name="Follow the playhead" icon={<FollowIcon />} pressed={follow} onClick={() => onFollow(!follow)} />
      </div>
      <div className="ls-roll-tools" role="group" aria-label="Selected notes">
        <Tool name="Delete notes" icon={<TrashIcon />} disabled={noSelection} onClick={props.onDelete} />
        <Tool name="Duplicate notes" icon={<DuplicateIcon />} disabled={noSelection} onClick={props.onDuplicate} />
        <Tool
          name="Transpose down an octave"
          text="−12"
          disabled={noSelection}
          onClick={() => props.onTranspose(-12)}
        />
        <Tool name="Transpose down a semitone" text="−1" disabled={noSelection} onClick={() => props.onTranspose(-1)} />
        <Tool name="Transpose up a semitone" text="+1" disabled={noSelection} onClick={() => props.onTranspose(1)} />
        <Tool name="Transpose up an octave" text="+12" disabled={noSelection} onClick={() => props.onTranspose(12)} />
        <Tool name="Quantize notes" icon={<QuantizeIcon />} disabled={noSelection} onClick={props.onQuantize} />
        <Tool
          name="Mute notes"
          icon={<MuteIcon />}
          pressed={selected > 0 && selectionMuted}
          disabled={noSelection}
          onClick={() => props.onMute(!selectionMuted)}
        />
      </div>
      <div className="ls-roll-tools" role="group" aria-label="Loop">
        <Tool name="Halve the loop" text="÷2" disabled={disabled} onClick={() => props.onLoopLength(0.5)} />
        <Tool name="Double the loop" text="×2" disabled={disabled} onClick={() => props.onLoopLength(2)} />
      </div>
      <div className="ls-roll-tools" role="group" aria-label="History">
        <Tool name="Undo" icon={<UndoIcon />} disabled={disabled || !canUndo} onClick={props.onUndo} />
        <Tool name="Redo" icon={<RedoIcon />} disabled={disabled || !canRedo} onClick={props.onRedo} />
      </div>
      <div className="ls-roll-tools" role="group" aria-label="Options">
        <Tool
          name="Sound notes while editing"
          icon={<SpeakerIcon />}
          pressed={soundNotes}
          onClick={() => props.onSoundNotes(!soundNotes)}
        />
        <Tool
          name="Velocity lane"
          icon={<VelocityIcon />}
          pressed={velocityLane}
          onClick={() => props.onVelocityLane(!velocityLane)}
        />
      </div>
    </div>
  );
});
