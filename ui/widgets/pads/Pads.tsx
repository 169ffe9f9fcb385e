/**
 * Drum pads to play a Drum Rack from a tablet: a 4x4 grid, the first pad
 * bottom-left as in Live, each named as in Live (or by its note when no rack
 * is bound), lit while held with a bar for the velocity it was struck at
 * (soft at the top edge, loud at the bottom), empty and muted pads dimmed; above it
 * the rack's name, note repeat and its rate. Names wrap only between words
 * (a name shrinks where its longest word would not fit across the pad; a
 * word too long even then ends in an ellipsis). With `fill` the grid takes
 * the space it is given (a page's). A pure view: what sounds comes in as
 * props; touches go out as callbacks.
 */
import { Fragment, memo, useMemo, useState, type CSSProperties, type KeyboardEvent } from 'react';
import { rateLabel, REPEAT_RATES, type RepeatRate } from '../../../machines/note-repeat';
import { noteName } from '../../../machines/scales';
import { cssColor } from '../../theme/live-colors';
import { longestWord, nameWords, PAD_COLUMNS, padRows, padTitle } from './pad-layout';
import { usePadPointers, type PadGestures } from './use-pad-pointers';
import './pads.css';

/** The drum pads machine's source state as the view shows it (`data-state`); `plain` is a grid of notes with no rack. */
export type PadsState = 'plain' | 'loading' | 'ready' | 'failed' | 'gone';

/** One pad as shown: null where Live has not said yet. */
export interface PadView {
  name: string | null;
  note: number | null;
  mute: boolean | null;
  /** Nothing on the pad in Live (drawn dimmer, still playable). */
  empty?: boolean | null;
}

/** A pad held, and the velocity it was last struck at. */
export interface PadStrike {
  pad: number;
  velocity: number;
}

export interface PadsProps extends PadGestures {
  /** The pads, the first bottom-left. */
  pads: readonly PadView[];
  state?: PadsState;
  held?: readonly PadStrike[];
  /** The Drum Rack's name in Live. */
  rackName?: string;
  repeat?: boolean;
  rate?: RepeatRate;
  /** Why the rack could not be read (state `failed`). */
  error?: string | null;
  size?: 'small' | 'medium' | 'large';
  /** Fill the space the pads are given (a page's), pads as wide and tall as it allows, rather than square at the size's. */
  fill?: boolean;
  /** Live's color (an RGB integer) for held pads; the accent color otherwise. */
  color?: number | null;
  onRepeat?: (on: boolean) => void;
  onRate?: (rate: RepeatRate) => void;
  onRetry?: () => void;
  /** Show the pads `rows` rows of four higher (or lower, below 0). */
  onScroll?: (rows: number) => void;
}

const NOTHING: readonly PadStrike[] = [];
/** What a grid shows before Live has said which pads are visible. */
const UNKNOWN_PADS: readonly PadView[] = Array.from({ length: PAD_COLUMNS * PAD_COLUMNS }, () => ({
  name: null,
  note: null,
  mute: null,
  empty: null,
}));

interface PadProps {
  index: number;
  pad: PadView;
  /** The velocity it is held at, or null when it is not held. */
  velocity: number | null;
  playable: boolean;
  tabbable: boolean;
  onFocusPad: (index: number) => void;
}

const Pad = memo(function Pad({ index, pad, velocity, playable, tabbable, onFocusPad }: PadProps) {
  const title = padTitle(pad);
  const note = pad.note === null ? null : noteName(pad.note);
  const label = [title || `Pad ${index + 1}`, note !== null && note !== title ? note : null, pad.mute ? 'muted' : null]
    .filter(Boolean)
    .join(', ');
  const style = {
    '--ls-pad-longest': Math.max(4, longestWord(title)),
    ...(velocity === null ? {} : { '--ls-pad-velocity': (velocity / 127).toFixed(3) }),
  } as CSSProperties;
  return (
    <button
      type="button"
      className="ls-pad"
      data-pad={index}
      data-muted={pad.mute || undefined}
      data-empty={pad.empty || undefined}
      data-known={pad.name !== null && pad.note !== null}
      aria-label={label}
      aria-pressed={velocity !== null}
      aria-disabled={!playable}
      tabIndex={tabbable ? 0 : -1}
      style={style}
      onFocus={() => onFocusPad(index)}
    >
      {/* each word whole: a name wraps only at its spaces */}
      <span className="ls-pad-name" aria-hidden="true">
        {title
          ? nameWords(title).map((word, place) => (
              <Fragment key={place}>
                {place > 0 && ' '}
                <span className="ls-pad-word">{word}</span>
              </Fragment>
            ))
          : '\u00a0'}
      </span>
      {note !== null && note !== title && (
        <span className="ls-pad-note" aria-hidden="true">
          {note}
        </span>
      )}
      <span className="ls-pad-velocity" aria-hidden="true" />
    </button>
  );
});

/** The pad to focus after an arrow, Home or End from `index`, or null for other keys: up is the row above. */
function nextFocus(count: number, index: number, key: string): number | null {
  const within = (to: number): number => Math.min(count - 1, Math.max(0, to));
  switch (key) {
    case 'ArrowLeft':
      return within(index - 1);
    case 'ArrowRight':
      return within(index + 1);
    case 'ArrowUp':
      return index + PAD_COLUMNS < count ? index + PAD_COLUMNS : index;
    case 'ArrowDown':
      return index - PAD_COLUMNS >= 0 ? index - PAD_COLUMNS : index;
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return null;
  }
}

/** The notes the pads play, lowest and highest, once Live has said them. */
function noteRange(pads: readonly PadView[]): [number, number] | null {
  const notes = pads.map((pad) => pad.note).filter((note): note is number => note !== null);
  return notes.length > 0 ? [Math.min(...notes), Math.max(...notes)] : null;
}

function statusText(state: PadsState, rackName: string, error: string | null): string {
  switch (state) {
    case 'plain':
      return 'Notes';
    case 'loading':
      return rackName ? `Loading ${rackName}…` : 'Loading the Drum Rack…';
    case 'ready':
      return rackName || 'Drum Rack';
    case 'failed':
      return `The Drum Rack could not be read${error ? `: ${error}` : ''}`;
    case 'gone':
      return 'The Drum Rack was deleted';
    default:
      return state satisfies never;
  }
}

/** The pads, the rack's name and note repeat. */
export const Pads = memo(function Pads({
  pads,
  state = 'plain',
  held = NOTHING,
  rackName = '',
  repeat = false,
  rate = '1/16',
  error = null,
  size = 'medium',
  fill = false,
  color = null,
  onPadDown,
  onPadUp,
  onPressure,
  onAllOff,
  onRepeat,
  onRate,
  onRetry,
  onScroll,
}: PadsProps) {
  const pointers = usePadPointers({ onPadDown, onPadUp, onPressure, onAllOff });
  const shown = pads.length > 0 ? pads : UNKNOWN_PADS;
  const rows = useMemo(() => padRows(shown.length), [shown.length]);
  const velocities = useMemo(() => new Map(held.map((strike) => [strike.pad, strike.velocity])), [held]);
  const playable = state === 'plain' || state === 'ready';
  const [focusPad, setFocusPad] = useState(0);
  const tabbable = Math.min(focusPad, shown.length - 1);
  const style = color !== null ? ({ '--ls-pads-color': cssColor(color) } as CSSProperties) : undefined;
  const range = noteRange(pads);
  const scrolls = playable && range !== null && onScroll !== undefined;

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    const from = event.target instanceof HTMLElement ? Number(event.target.dataset.pad) : Number.NaN;
    const to = Number.isNaN(from) ? null : nextFocus(shown.length, from, event.key);
    if (to === null) return pointers.onKeyDown(event);
    event.preventDefault();
    event.currentTarget.querySelector<HTMLElement>(`[data-pad="${to}"]`)?.focus();
  };

  return (
    <div
      className="ls-pads"
      data-state={state}
      data-playing={held.length > 0 || undefined}
      data-repeat={repeat || undefined}
      data-size={size}
      data-fill={fill || undefined}
      style={style}
    >
      <div className="ls-pads-bar">
        <span className="ls-pads-status" role="status" aria-label="Pads">
          {statusText(state, rackName, error)}
        </span>
        <span className="ls-pads-scroll" role="group" aria-label="Pads shown">
          <button
            type="button"
            className="ls-tool ls-pads-button"
            aria-label="Lower pads"
            disabled={!scrolls || range[0] === 0}
            onClick={() => onScroll?.(-1)}
          >
            ▼
          </button>
          <span className="ls-pads-range ls-number" aria-live="polite">
            {range ? `${noteName(range[0])}–${noteName(range[1])}` : '…'}
          </span>
          <button
            type="button"
            className="ls-tool ls-pads-button"
            aria-label="Higher pads"
            disabled={!scrolls || range[1] === 127}
            onClick={() => onScroll?.(1)}
          >
            ▲
          </button>
        </span>
        {state === 'failed' && onRetry && (
          <button type="button" className="ls-retry" onClick={onRetry}>
            Retry
          </button>
        )}
        <span className="ls-pads-repeat">
          <button
            type="button"
            className="ls-tool ls-pads-button"
            aria-pressed={repeat}
            onClick={() => onRepeat?.(!repeat)}
          >
            Repeat
          </button>
          <select
            className="ls-tool ls-pads-select"
            aria-label="Repeat rate"
            value={rate}
            onChange={(event) => onRate?.(event.target.value as RepeatRate)}
          >
            {REPEAT_RATES.map((option) => (
              <option key={option} value={option}>
                {rateLabel(option)}
              </option>
            ))}
          </select>
        </span>
      </div>
      <div
        role="group"
        aria-label="Drum pads"
        aria-busy={state === 'loading' || undefined}
        tabIndex={-1}
        className="ls-control ls-pad-grid"
        {...pointers}
        onKeyDown={onKeyDown}
      >
        {rows.map((row) =>
          row.map((index) => (
            <Pad
              key={index}
              index={index}
              pad={shown[index] as PadView}
              velocity={velocities.get(index) ?? null}
              playable={playable}
              tabbable={index === tabbable}
              onFocusPad={setFocusPad}
            />
          )),
        )}
      </div>
    </div>
  );
});
