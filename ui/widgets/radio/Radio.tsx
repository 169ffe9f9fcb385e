/**
 * A quantized parameter's items (a filter's type, a Saturator's curve) as a
 * row of choices, the one Live has lit: a tap chooses an item as the finger
 * lands, as every control here acts. A radio group as ARIA has it: one
 * radio checked, Tab enters at it, the arrow keys move the choice (and the
 * focus) to the next or previous item, Home and End to the first and last,
 * Space chooses the focused one. Before there are items (unassigned,
 * loading, a parameter that has none) it says why in their place.
 * A pure view: the items and the chosen one come in, choices go out.
 */
import { memo, useRef, type CSSProperties, type KeyboardEvent, type PointerEvent } from 'react';
import { cssColor, textOn } from '../../theme/live-colors';
import { stateText, takesInput, type ControlState } from '../control-state';
import './radio.css';

export interface RadioProps {
  /** The parameter's name: the group's accessible name, shown beneath. */
  label: string;
  /** The choices, in Live's order (`value_items`). */
  items: readonly string[];
  /** The index of the item Live has; null when none is (not said yet, or out of range). */
  chosen: number | null;
  state?: ControlState;
  /** Why it failed, or why it has no items; shown in their place when there are none. */
  error?: string | null;
  size?: 'small' | 'medium' | 'large';
  /** Live's color (an RGB integer) for the lit item; the accent color otherwise. */
  color?: number | null;
  onChoose?: (index: number) => void;
  onRetry?: () => void;
}

/** The arrow keys and Home and End: where each moves the choice from `index` among `count`. */
export function movedChoice(key: string, index: number, count: number): number | null {
  switch (key) {
    case 'ArrowRight':
    case 'ArrowDown':
      return (index + 1) % count;
    case 'ArrowLeft':
    case 'ArrowUp':
      return (index - 1 + count) % count;
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return null;
  }
}

function colorStyle(color: number | null): CSSProperties | undefined {
  if (color === null) return undefined;
  return { '--ls-radio-on': cssColor(color), '--ls-radio-on-text': textOn(color) } as CSSProperties;
}

export const Radio = memo(function Radio({
  label,
  items,
  chosen,
  state = 'ready',
  error = null,
  size = 'medium',
  color = null,
  onChoose,
  onRetry,
}: RadioProps) {
  const live = takesInput(state);
  const radios = useRef<(HTMLButtonElement | null)[]>([]);
  const status = stateText(state);
  // Tab lands on the chosen item (the first while none is)
  const tabbable = chosen !== null && chosen < items.length ? chosen : 0;

  const choose = (index: number): void => {
    if (live && index !== chosen) onChoose?.(index);
  };
  const onPointerDown = (event: PointerEvent<HTMLButtonElement>, index: number): void => {
    if (!live || (event.pointerType === 'mouse' && event.button !== 0)) return;
    // no text selection or long-press menu; focus by hand, as the default that would is prevented
    event.preventDefault();
    event.currentTarget.focus({ preventScroll: true });
    choose(index);
  };
  // a click with no pointer before it is the keyboard's (detail 0): a pointer chose already
  const onClick = (event: { detail: number }, index: number): void => {
    if (event.detail === 0) choose(index);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>, index: number): void => {
    const next = movedChoice(event.key, index, items.length);
    if (next === null || !live) return;
    event.preventDefault();
    radios.current[next]?.focus();
    choose(next);
  };

  return (
    <div className="ls-radio" data-state={state} data-size={size} title={error ?? undefined} style={colorStyle(color)}>
      <div
        className="ls-radio-items"
        role="radiogroup"
        aria-label={status ? `${label} (${status})` : label}
        aria-disabled={!live || undefined}
        aria-busy={state === 'loading' || undefined}
        aria-invalid={state === 'failed' || undefined}
      >
        {items.length === 0 ? (
          <span className="ls-radio-none">{error ?? status ?? 'No items'}</span>
        ) : (
          items.map((item, index) => (
            <button
              key={`${index}:${item}`}
              ref={(element) => {
                radios.current[index] = element;
              }}
              type="button"
              role="radio"
              className="ls-control ls-radio-item"
              aria-checked={index === chosen}
              tabIndex={index === tabbable ? 0 : -1}
              onPointerDown={(event) => onPointerDown(event, index)}
              onClick={(event) => onClick(event, index)}
              onKeyDown={(event) => onKeyDown(event, index)}
            >
              {item}
            </button>
          ))
        )}
      </div>
      <div className="ls-label" title={label}>
        {label}
      </div>
      {state === 'failed' && onRetry && (
        <button type="button" className="ls-retry" onClick={onRetry} aria-label={`Retry ${label}`}>
          Retry
        </button>
      )}
    </div>
  );
});
