/** The handlers a control spreads on its element to follow pointers the shared way (see use-value-drag). */
import type { KeyboardEvent as ReactKeyboardEvent, PointerEvent as ReactPointerEvent } from 'react';

export type PointerHandler = (event: ReactPointerEvent<HTMLElement>) => void;

/** Down, move, and the three ways a pointer ends: up, cancel, lost capture. */
export interface PointerHandlers {
  onPointerDown: PointerHandler;
  onPointerMove: PointerHandler;
  onPointerUp: PointerHandler;
  onPointerCancel: PointerHandler;
  onLostPointerCapture: PointerHandler;
}

/** An instrument's handlers: its pointers, and the computer keyboard playing it. */
export interface PlayingHandlers extends PointerHandlers {
  onKeyDown: (event: ReactKeyboardEvent<HTMLElement>) => void;
  onKeyUp: (event: ReactKeyboardEvent<HTMLElement>) => void;
}
