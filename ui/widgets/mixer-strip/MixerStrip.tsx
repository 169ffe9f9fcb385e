/**
 * One track's channel strip, as in Live's mixer: the track's name in its
 * color, the sends, the pan, the volume fader with the output meter beside
 * its groove, and the track activator (mute), solo and arm below.
 *
 * A pure view. The track's own fields come in as props; the value controls
 * come in as slots, so a connected strip can fill them with controls that
 * follow their own actors (a moving meter re-renders the meter alone, never
 * the strip). A return track has no arm, the master has none of the three
 * buttons. The width is fixed by the size, so values that change never move
 * the strip or its neighbours. A tap on the name selects the track in Live
 * (`onSelect`); the track Live has selected is outlined (`selected`).
 */
import { memo, type CSSProperties, type ReactNode } from 'react';
import type { TrackKind } from '../../../machines/track';
import { cssColor, textOn } from '../../theme/live-colors';
import { Button } from '../button/Button';
import { stateText, type ControlState } from '../control-state';
import { RecordIcon } from '../icons';
import './mixer-strip.css';

/** What a strip's buttons flip on the track. */
export type StripToggle = 'mute' | 'solo' | 'arm';

/** A strip's props: the track's fields, and its controls as slots. */
export interface MixerStripProps {
  name: string;
  /** Live's color for the track (an RGB integer); null until Live has said it. */
  color: number | null;
  kind: TrackKind;
  state: ControlState;
  mute: boolean;
  solo: boolean;
  arm: boolean;
  canBeArmed: boolean;
  /** What the track activator shows, as in Live: the track's number or a return's letter. */
  position?: string;
  size?: 'small' | 'medium' | 'large';
  /** Why it failed, when it did. */
  error?: string | null;
  /** The volume fader, with the meter beside its groove. */
  volume: ReactNode;
  pan?: ReactNode;
  /** A knob per return track, in the returns' order. */
  sends?: readonly ReactNode[];
  /** Whether Live has this track selected. */
  selected?: boolean;
  /** A button was pressed: the track should flip that property. */
  onToggle?: (what: StripToggle) => void;
  /** The name was tapped: select the track in Live. */
  onSelect?: () => void;
  onRetry?: () => void;
}

const SpeakerGlyph = () => (
  <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
    <path d="M4 9h4l5-4.5v15L8 15H4z" />
    <path
      d="M16 8.5a5 5 0 0 1 0 7M18.5 6a8.5 8.5 0 0 1 0 12"
      stroke="currentColor"
      strokeWidth="1.8"
      fill="none"
      strokeLinecap="round"
    />
  </svg>
);

function stripStyle(color: number | null): CSSProperties | undefined {
  if (color === null) return undefined;
  return { '--ls-strip-color': cssColor(color), '--ls-strip-text': textOn(color) } as CSSProperties;
}

/** One track's channel strip (a pure view). */
export const MixerStrip = memo(function MixerStrip({
  name,
  color,
  kind,
  state,
  mute,
  solo,
  arm,
  canBeArmed,
  position,
  size = 'medium',
  error = null,
  volume,
  pan,
  sends = [],
  selected = false,
  onToggle,
  onSelect,
  onRetry,
}: MixerStripProps) {
  const title = name || 'Track';
  const broken = state === 'failed' || state === 'gone';
  // the buttons take input with the strip; a touched control is still a ready track
  const buttonState: ControlState = state === 'touched' ? 'ready' : state;
  const hasButtons = kind !== 'master';
  return (
    <div
      className="ls-mixer-strip"
      role="group"
      aria-label={title}
      aria-busy={state === 'loading' || undefined}
      data-state={state}
      data-kind={kind}
      data-size={size}
      data-selected={selected || undefined}
      style={stripStyle(color)}
    >
      {/* a click, not a press: a finger that swipes the row across the names selects nothing */}
      <button
        type="button"
        className="ls-strip-name"
        title={title}
        aria-label={`Select ${title} in Live`}
        aria-pressed={selected}
        disabled={broken || !onSelect}
        onClick={() => onSelect?.()}
      >
        {name || '\u00a0'}
      </button>
      {/* a broken strip keeps its shape, so a row of strips does not move; its controls take nothing */}
      <div className="ls-strip-body" inert={broken || undefined}>
        {sends.length > 0 && <div className="ls-strip-sends">{sends}</div>}
        <div className="ls-strip-spacer" />
        {pan && <div className="ls-strip-pan">{pan}</div>}
        <div className="ls-strip-volume">{volume}</div>
        <div className="ls-strip-buttons">
          {hasButtons && (
            <span className="ls-strip-mute" data-active={!mute || undefined}>
              <Button label={`Mute ${title}`} on={mute} state={buttonState} onChange={() => onToggle?.('mute')}>
                {position ?? <SpeakerGlyph />}
              </Button>
            </span>
          )}
          {hasButtons && (
            <span className="ls-strip-solo">
              <Button
                label={`Solo ${title}`}
                on={solo}
                state={buttonState}
                color="var(--ls-focus)"
                onChange={() => onToggle?.('solo')}
              >
                S
              </Button>
            </span>
          )}
          {hasButtons && canBeArmed && (
            <span className="ls-strip-arm">
              <Button
                label={`Arm ${title}`}
                on={arm}
                state={buttonState}
                color="var(--ls-record)"
                onChange={() => onToggle?.('arm')}
              >
                <RecordIcon />
              </Button>
            </span>
          )}
        </div>
      </div>
      {broken && (
        <div className="ls-strip-status" role="status">
          <strong>{stateText(state)}</strong>
          {error && <span className="ls-strip-error">{error}</span>}
          {state === 'failed' && onRetry && (
            <button type="button" className="ls-retry" onClick={onRetry} aria-label={`Retry ${title}`}>
              Retry
            </button>
          )}
        </div>
      )}
    </div>
  );
});
