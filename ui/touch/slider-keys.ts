/**
 * Keyboard operation of a slider, as ARIA's slider pattern has it: arrows
 * step (Shift: a tenth of a step), Page Up/Down step ten times, Home/End go
 * to the ends; Delete or Backspace resets to the default, as in Live.
 */
import type { KeyboardEvent } from 'react';
import { clamp } from './drag-math';

export interface SliderKeys {
  value: number;
  /** The value now, where `value` may lag (a control that draws without rendering): a key steps from it. */
  readValue?: () => number;
  min: number;
  max: number;
  /** One step; by default a hundredth of the range (quantized controls: 1). */
  step?: number;
  onChange?: (value: number) => void;
  onCommit?: (value: number) => void;
  onReset?: () => void;
}

export function onSliderKey(event: KeyboardEvent<HTMLElement>, slider: SliderKeys): void {
  const { min, max, onChange, onCommit } = slider;
  const value = slider.readValue?.() ?? slider.value;
  const step = slider.step ?? (max - min) / 100;
  const fine = event.shiftKey ? 0.1 : 1;
  let next: number;
  if ((event.key === 'Delete' || event.key === 'Backspace') && slider.onReset) {
    event.preventDefault();
    slider.onReset();
    return;
  }
  switch (event.key) {
    case 'ArrowUp':
    case 'ArrowRight':
      next = value + step * fine;
      break;
    case 'ArrowDown':
    case 'ArrowLeft':
      next = value - step * fine;
      break;
    case 'PageUp':
      next = value + step * 10;
      break;
    case 'PageDown':
      next = value - step * 10;
      break;
    case 'Home':
      next = min;
      break;
    case 'End':
      next = max;
      break;
    default:
      return;
  }
  event.preventDefault();
  const bounded = clamp(next, { min, max });
  onChange?.(bounded);
  onCommit?.(bounded);
}
