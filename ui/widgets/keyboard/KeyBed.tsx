/**
 * The keys themselves: each a button named by its note ("C3", Live's
 * numbering) and pressed while it sounds, drawn at the positions the layout
 * math gives. One key is in the tab order at a time (arrows move between
 * them, Space or Enter plays the focused one); the computer keys play
 * wherever focus is in the key bed. A pure view: what sounds comes in as
 * `pressed`, touches go out through the gestures.
 */
import { memo, useMemo, useState, type CSSProperties, type KeyboardEvent } from 'react';
import { noteName } from '../../../machines/scales';
import { letterFor } from './computer-keys';
import type { KeyRect } from './layout';
import { useKeyPointers, type KeyGestures } from './use-key-pointers';

/** The keys to draw, what sounds, and the gestures to report. */
export interface KeyBedProps extends KeyGestures {
  keys: readonly KeyRect[];
  /** The notes sounding. */
  pressed: readonly number[];
  /** The note the computer keys' A plays. */
  first: number;
  /** A row of in-scale keys rather than a piano. */
  row: boolean;
  /** Its name where a keyboard has several rows ("Piano keys" otherwise). */
  label?: string;
}

const percent = (fraction: number): string => `${(fraction * 100).toFixed(4)}%`;

interface KeyProps {
  rect: KeyRect;
  /** Every key shows its name (a row of in-scale keys has no piano pattern to find notes by). */
  named: boolean;
  pressed: boolean;
  tabbable: boolean;
  /** The computer key that plays it, if one does. */
  letter: string | null;
  onFocusKey: (note: number) => void;
}

const Key = memo(function Key({ rect, named, pressed, tabbable, letter, onFocusKey }: KeyProps) {
  const style: CSSProperties = {
    left: percent(rect.left),
    width: percent(rect.width),
    top: percent(rect.top),
    height: percent(rect.height),
  };
  const name = noteName(rect.note);
  const labelled = named || rect.root || rect.note % 12 === 0;
  return (
    <div
      role="button"
      aria-label={name}
      aria-pressed={pressed}
      tabIndex={tabbable ? 0 : -1}
      className="ls-key"
      data-note={rect.note}
      data-black={rect.black || undefined}
      data-out-of-scale={!rect.inScale || undefined}
      data-root={rect.root || undefined}
      data-pressed={pressed || undefined}
      style={style}
      onFocus={() => onFocusKey(rect.note)}
    >
      {letter && (
        <span className="ls-key-letter" aria-hidden="true">
          {letter}
        </span>
      )}
      {labelled && (
        <span className="ls-key-name" aria-hidden="true">
          {name}
        </span>
      )}
    </div>
  );
});

/** The key to focus after an arrow, Home or End from `note`; null for other keys. */
function nextFocus(keys: readonly KeyRect[], note: number, key: string): number | null {
  const notes = keys.map((candidate) => candidate.note).sort((a, b) => a - b);
  const index = notes.indexOf(note);
  switch (key) {
    case 'ArrowLeft':
    case 'ArrowDown':
      return notes[Math.max(0, index - 1)] ?? null;
    case 'ArrowRight':
    case 'ArrowUp':
      return notes[Math.min(notes.length - 1, index + 1)] ?? null;
    case 'Home':
      return notes[0] ?? null;
    case 'End':
      return notes.at(-1) ?? null;
    default:
      return null;
  }
}

/** The key bed: every key, and the pointers and computer keys that play them. */
export const KeyBed = memo(function KeyBed({ keys, pressed, first, row, label, ...gestures }: KeyBedProps) {
  const pointers = useKeyPointers({ keys, first, ...gestures });
  const sounding = useMemo(() => new Set(pressed), [pressed]);
  const [focusNote, setFocusNote] = useState<number | null>(null);
  const tabbable = keys.some((key) => key.note === focusNote)
    ? focusNote
    : (keys.find((key) => key.root) ?? keys[0])?.note;

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    const from = event.target instanceof HTMLElement ? Number(event.target.dataset.note) : Number.NaN;
    const to = Number.isNaN(from) ? null : nextFocus(keys, from, event.key);
    if (to === null) return pointers.onKeyDown(event);
    event.preventDefault();
    event.currentTarget.querySelector<HTMLElement>(`[data-note="${to}"]`)?.focus();
  };

  return (
    <div
      role="group"
      aria-label={label ?? 'Piano keys'}
      tabIndex={-1}
      className="ls-control ls-keybed"
      data-layout={row ? 'row' : 'piano'}
      {...pointers}
      onKeyDown={onKeyDown}
    >
      {keys.map((key) => (
        <Key
          key={key.note}
          rect={key}
          named={row}
          pressed={sounding.has(key.note)}
          tabbable={key.note === tabbable}
          letter={letterFor(key.note - first)}
          onFocusKey={setFocusNote}
        />
      ))}
    </div>
  );
});
