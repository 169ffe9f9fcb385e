/**
 * Live's clip palette (70 colors, as Live lays them out: 14 a row) to pick a
 * clip's color from, as a radio group: arrows move and pick, as in any
 * radio group. A pure view.
 */
import { memo, useRef, type KeyboardEvent } from 'react';
import { cssColor, LIVE_PALETTE } from '../../theme/live-colors';

export interface ColorPaletteProps {
  /** The index in Live's palette of the current color, or null when it is none of them. */
  value: number | null;
  onPick: (index: number) => void;
  disabled?: boolean;
}

const ROW = 14;

export const ColorPalette = memo(function ColorPalette({ value, onPick, disabled = false }: ColorPaletteProps) {
  const group = useRef<HTMLDivElement>(null);
  const focusIndex = value ?? 0;
  const move = (event: KeyboardEvent<HTMLButtonElement>, index: number): void => {
    const step = { ArrowRight: 1, ArrowLeft: -1, ArrowDown: ROW, ArrowUp: -ROW }[event.key];
    if (step === undefined) return;
    event.preventDefault();
    const next = (index + step + LIVE_PALETTE.length) % LIVE_PALETTE.length;
    group.current?.querySelectorAll<HTMLButtonElement>('button')[next]?.focus();
    onPick(next);
  };
  return (
    <div ref={group} className="ls-palette" role="radiogroup" aria-label="Color">
      {LIVE_PALETTE.map((color, index) => (
        <button
          key={index}
          type="button"
          role="radio"
          className="ls-palette-swatch"
          aria-checked={value === index}
          aria-label={`Color ${index + 1}`}
          tabIndex={index === focusIndex ? 0 : -1}
          disabled={disabled}
          style={{ background: cssColor(color) }}
          onClick={() => onPick(index)}
          onKeyDown={(event) => move(event, index)}
        />
      ))}
    </div>
  );
});
