/**
 * A clip launcher cell: the clip in Live's color with its name, launched by
 * a tap (a swipe scrolls the grid and launches nothing: `use-press.ts`).
 * It shows every state of its slot: empty (a tap selects it in Live, a
 * long press offers a new clip; an armed track's empty slot records),
 * checking, creating, loading, stopped, triggered (blinking on the beat:
 * the grid's `data-beat` drives it; alone, or with the transport stopped, a
 * CSS animation does), playing (lit, pulsing) and recording (red, its dot
 * pulsing), with the position through the loop, failed (with a retry),
 * deleted; a degraded slot is marked in a corner. A long press (or a right
 * click) asks for the clip's actions; held and moved, a clip drags. While a
 * clip is being placed, the slots it fits say so and take the tap: empty
 * ones, and clips it would replace (the grid asks before it replaces).
 * Its size never depends on its name or state. A pure view: what it shows
 * comes in as props, presses go out as callbacks.
 */
import { memo, useId, type CSSProperties } from 'react';
import { cssColor, textOn } from '../../theme/live-colors';
import type { PlaceRole } from '../clip-actions/grid-places';
import { CreateGlyph, EditGlyph, LaunchGlyph, RecordGlyph, ReplaceGlyph } from './glyphs';
import { clipStateText, type ClipCellState } from './states';
import { usePress, type DragCallbacks } from './use-press';
import './clip-cell.css';

/** What a clip cell shows, and the presses it hands out. */
export interface ClipCellProps {
  state: ClipCellState;
  name?: string;
  /** Live's RGB integer for the clip. */
  color?: number | null;
  /** 0..1 through the loop (playing, recording). */
  progress?: number | null;
  /** Where the slot is (e.g. `Drums, slot 2`): the name a screen reader hears when there is no clip name. */
  location?: string;
  /** The track is armed: an empty slot records instead of creating a clip. */
  armed?: boolean;
  /** Why it is degraded; null when whole. */
  notice?: string | null;
  error?: string | null;
  size?: 'small' | 'medium' | 'large';
  onLaunch?: () => void;
  onRecord?: () => void;
  onRetry?: () => void;
  /** Opens the slot in the clip editor (an edit control in the cell's corner: a launch stays a tap). */
  onEdit?: () => void;
  /** A tap on an empty slot: selects it in Live (nothing is created). */
  onSelect?: () => void;
  /** A long press, a right click or the context-menu key: the clip's actions, or a new clip for an empty slot. */
  onHold?: () => void;
  /** A held clip moved on: dragged to another slot. */
  drag?: DragCallbacks;
  /** A clip is being placed (moved or copied): what this cell is to it. */
  placing?: CellPlacing | null;
  /** A tap while placing, on a slot that takes the clip (empty, or a clip it replaces). */
  onPlace?: () => void;
  /** Live's highlighted slot (the selected track in the selected scene). */
  highlighted?: boolean;
  /** The slot's target, on the element (a drag finds where it is dropped by it). */
  slotId?: string;
  /** What a press does, said instead of the cell's own words (a group's slot launches its tracks' clips). */
  label?: string;
}

/** What a cell is to a clip being placed: its source, an empty slot it fits, a clip it replaces, or neither. */
export interface CellPlacing {
  verb: 'Move' | 'Copy';
  role: PlaceRole;
}

const HAS_CLIP: readonly ClipCellState[] = ['stopped', 'triggered', 'playing', 'recording'];
const BUSY: readonly ClipCellState[] = ['checking', 'creating', 'loading'];

/** The accessible name: what a press does, or where the slot is when a press does nothing. */
export function clipLabel(
  state: ClipCellState,
  {
    name = '',
    location = 'this slot',
    armed = false,
    placing = null,
  }: Pick<ClipCellProps, 'name' | 'location' | 'armed' | 'placing'>,
): string {
  if (placing?.role === 'fits') return `${placing.verb} here: ${location}`;
  if (placing?.role === 'replaces') return `${placing.verb} here, replacing ${name || 'the clip'}: ${location}`;
  if (HAS_CLIP.includes(state)) return name ? `Launch ${name}` : `Launch the clip in ${location}`;
  if (state === 'empty') return armed ? `Record into ${location}` : `Select ${location}`;
  return name || location;
}

/** What a press does in this state, with these callbacks (undefined: nothing). */
function pressAction(
  state: ClipCellState,
  { armed, placing, onLaunch, onRecord, onSelect, onPlace }: ClipCellProps,
): (() => void) | undefined {
  // while a clip is placed, a tap places it or does nothing: no launch by a stray tap
  if (placing) return placing.role === 'fits' || placing.role === 'replaces' ? onPlace : undefined;
  if (HAS_CLIP.includes(state)) return onLaunch;
  if (state === 'empty') return armed ? onRecord : onSelect;
  return undefined;
}

function visibleText(state: ClipCellState, name: string): string {
  if (HAS_CLIP.includes(state)) return name;
  if (state === 'creating') return 'New clip';
  if (state === 'failed') return 'Failed';
  if (state === 'gone') return 'Deleted';
  return '';
}

function colorStyle(color: number | null, progress: number | null): CSSProperties {
  return {
    ...(color !== null ? { '--ls-clip-color': cssColor(color), '--ls-clip-text': textOn(color) } : {}),
    ...(progress !== null ? { '--ls-clip-progress': progress } : {}),
  } as CSSProperties;
}

/** A clip launcher cell (a pure view). */
export const ClipCell = memo(function ClipCell(props: ClipCellProps) {
  const {
    state,
    name = '',
    color = null,
    progress = null,
    location = 'this slot',
    armed = false,
    notice = null,
    error = null,
    size = 'medium',
    onRetry,
    onEdit,
    onHold,
    drag,
    placing = null,
    highlighted = false,
    slotId,
    label: ownLabel,
  } = props;
  const describedBy = useId();
  const hasClip = HAS_CLIP.includes(state);
  const action = pressAction(state, props);
  const holds = (hasClip || state === 'empty') && placing === null;
  const press = usePress(action, action !== undefined, {
    onHold: holds ? onHold : undefined,
    drag: holds && hasClip ? drag : undefined,
  });
  const label = ownLabel ?? clipLabel(state, { name, location, armed, placing });
  const shownProgress = (state === 'playing' || state === 'recording') && progress !== null ? progress : null;
  // an empty slot shows no "+": a tap no longer creates (a hold offers it); a slot a clip may go to shows one
  const glyph =
    state === 'empty' ? (
      armed ? (
        <RecordGlyph />
      ) : placing?.role === 'fits' ? (
        <CreateGlyph />
      ) : null
    ) : placing?.role === 'replaces' ? (
      <ReplaceGlyph />
    ) : state === 'recording' ? (
      <RecordGlyph />
    ) : hasClip ? (
      <LaunchGlyph />
    ) : null;

  return (
    <div
      className="ls-clip"
      data-state={state}
      data-size={size}
      data-armed={(state === 'empty' && armed) || undefined}
      data-degraded={notice !== null || undefined}
      data-held={press.held || undefined}
      data-placing={placing?.role}
      data-highlighted={highlighted || undefined}
      data-slot={slotId}
      style={colorStyle(hasClip ? color : null, shownProgress)}
    >
      <button
        ref={press.ref}
        type="button"
        className="ls-control ls-clip-launch"
        aria-label={label}
        aria-describedby={describedBy}
        aria-disabled={action === undefined || undefined}
        aria-busy={BUSY.includes(state) || undefined}
        aria-invalid={state === 'failed' || undefined}
        {...press.handlers}
      >
        {/* keyed by the press count: each press restarts the flash */}
        {press.flash > 0 && <span key={press.flash} className="ls-clip-flash" aria-hidden="true" />}
        <span className="ls-clip-glyph">{glyph}</span>
        <span className="ls-clip-name">{visibleText(state, name)}</span>
      </button>
      <span id={describedBy} className="ls-visually-hidden">
        {clipStateText(state, { armed, error })}
        {notice !== null && `. Incomplete: ${notice}`}
        {holds && onHold && (hasClip ? '. Hold for the clip’s actions' : '. Hold for a new clip')}
      </span>
      {shownProgress !== null && (
        <div
          className="ls-clip-progress"
          role="progressbar"
          aria-label={`${name || location} position`}
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={Math.round(shownProgress * 100)}
        >
          <span className="ls-clip-progress-bar" />
        </div>
      )}
      {notice !== null && <span className="ls-clip-notice" title={notice} aria-hidden="true" />}
      {onEdit && (hasClip || state === 'empty') && (
        <button
          type="button"
          className="ls-clip-edit"
          aria-label={hasClip ? `Edit ${name || `the clip in ${location}`}` : `Edit ${location}`}
          onClick={onEdit}
        >
          <EditGlyph />
        </button>
      )}
      {state === 'failed' && onRetry && (
        <button
          type="button"
          className="ls-retry ls-clip-retry"
          onClick={onRetry}
          aria-label={`Retry ${location}`}
          title={error ?? undefined}
        >
          Retry
        </button>
      )}
    </div>
  );
});
