/**
 * A clip launcher cell: the clip in Live's color with its name, launched by
 * a touch. It shows every state of its slot: empty (offering to create a
 * clip, or to record when the track is armed), checking, creating, loading,
 * stopped, triggered (blinking on the beat: the grid's `data-beat` drives
 * it; alone, or with the transport stopped, a CSS animation does), playing
 * and recording (with the position through the loop), failed (with a
 * retry), deleted; a degraded slot is marked in a corner. Its size never
 * depends on its name or state. A pure view: what it shows comes in as
 * props, presses go out as callbacks.
 */
import { memo, useId, type CSSProperties } from 'react';
import { cssColor, textOn } from '../../theme/live-colors';
import { CreateGlyph, EditGlyph, LaunchGlyph, RecordGlyph } from './glyphs';
import { clipStateText, type ClipCellState } from './states';
import { usePress } from './use-press';
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
  onCreate?: () => void;
  onRecord?: () => void;
  onRetry?: () => void;
  /** Opens the slot in the clip editor (an edit control in the cell's corner: a launch stays a tap). */
  onEdit?: () => void;
}

const HAS_CLIP: readonly ClipCellState[] = ['stopped', 'triggered', 'playing', 'recording'];
const BUSY: readonly ClipCellState[] = ['checking', 'creating', 'loading'];

/** The accessible name: what a press does, or where the slot is when a press does nothing. */
export function clipLabel(
  state: ClipCellState,
  { name = '', location = 'this slot', armed = false }: Pick<ClipCellProps, 'name' | 'location' | 'armed'>,
): string {
  if (HAS_CLIP.includes(state)) return name ? `Launch ${name}` : `Launch the clip in ${location}`;
  if (state === 'empty') return armed ? `Record into ${location}` : `Create a clip in ${location}`;
  return name || location;
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
export const ClipCell = memo(function ClipCell({
  state,
  name = '',
  color = null,
  progress = null,
  location = 'this slot',
  armed = false,
  notice = null,
  error = null,
  size = 'medium',
  onLaunch,
  onCreate,
  onRecord,
  onRetry,
  onEdit,
}: ClipCellProps) {
  const describedBy = useId();
  const hasClip = HAS_CLIP.includes(state);
  const action = hasClip ? onLaunch : state === 'empty' ? (armed ? onRecord : onCreate) : undefined;
  const press = usePress(action, action !== undefined);
  const label = clipLabel(state, { name, location, armed });
  const shownProgress = (state === 'playing' || state === 'recording') && progress !== null ? progress : null;
  const glyph =
    state === 'empty' ? (
      armed ? (
        <RecordGlyph />
      ) : (
        <CreateGlyph />
      )
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
      style={colorStyle(hasClip ? color : null, shownProgress)}
    >
      <button
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
