/**
 * A launch acts on the finger's down, not on the click that follows it: a
 * clip is launched as quickly as the finger lands, and each finger on its
 * own cell launches independently (two clips at once). The keyboard's click
 * (Enter, Space: a click with no pointer before it, `detail` 0) launches too.
 * `flash` counts presses, so a cell can show at once that it was touched,
 * before Live answers.
 */
import { useState, type PointerEvent } from 'react';

/** A press's handlers, and how many presses there were (for a flash). */
export interface Press {
  flash: number;
  handlers: {
    onPointerDown: (event: PointerEvent<HTMLElement>) => void;
    onPointerUp: (event: PointerEvent<HTMLElement>) => void;
    onPointerCancel: (event: PointerEvent<HTMLElement>) => void;
    onClick: (event: { detail: number }) => void;
  };
}

/** Presses that act on the finger's down, or on the keyboard's click; none while not `enabled`. */
export function usePress(onPress: (() => void) | undefined, enabled: boolean): Press {
  const [flash, setFlash] = useState(0);
  const press = (): void => {
    if (!enabled || !onPress) return;
    setFlash((count) => count + 1);
    onPress();
  };
  const release = (event: PointerEvent<HTMLElement>): void => {
    if (event.currentTarget.hasPointerCapture?.(event.pointerId))
      event.currentTarget.releasePointerCapture(event.pointerId);
  };
  return {
    flash,
    handlers: {
      onPointerDown: (event) => {
        if (event.pointerType === 'mouse' && event.button !== 0) return;
        // no text selection or long-press menu on a held cell; focus by hand, as the default that would is prevented
        event.preventDefault();
        event.currentTarget.focus({ preventScroll: true });
        event.currentTarget.setPointerCapture?.(event.pointerId);
        press();
      },
      onPointerUp: release,
      onPointerCancel: release,
      onClick: (event) => {
        if (event.detail === 0) press();
      },
    },
  };
}
