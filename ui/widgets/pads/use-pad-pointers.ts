/**
 * How fingers, a mouse and the computer keyboard play the pads.
 *
 * The grid captures every pointer that strikes a pad, and each plays on its
 * own: a finger keeps the pad it struck until it lifts (a pad is struck, not
 * slid onto), on up, `pointercancel` or lost capture. Velocity comes from
 * where in the pad it lands; pressure is sent only when it changes during a
 * press (devices that cannot measure it report a constant). Space or Enter
 * plays the focused pad. Every finger still down is lifted on unmount; on
 * window blur or a hidden page everything stops (`onAllOff`), since their
 * ups may never come.
 */
import type { PlayingHandlers } from '../../touch/pointer-handlers';
import { useHeldPointers } from '../../touch/use-held-pointers';
import { padVelocity } from './pad-layout';

/** What playing the pads says to whoever owns the notes. */
export interface PadGestures {
  /** A finger (or the focused pad's Space/Enter, pointer id -1) strikes the pad at a place in the grid. */
  onPadDown?: (pointerId: number, pad: number, velocity: number) => void;
  onPadUp?: (pointerId: number) => void;
  /** Poly aftertouch from a finger's pressure, 0..127. */
  onPressure?: (pointerId: number, pressure: number) => void;
  onAllOff?: () => void;
}

/** The pointer id the focused pad plays with from the computer keyboard. */
export const FOCUSED_PAD_POINTER = -1;
/** The velocity the computer keyboard strikes with. */
export const KEY_VELOCITY = 100;

/** Handlers for the pad grid element. */
export type PadPointers = PlayingHandlers;

/** The pad element an event came from (`data-pad`), if it can be played. */
function padOf(target: EventTarget | null): HTMLElement | null {
  const pad = target instanceof Element ? target.closest<HTMLElement>('[data-pad]') : null;
  return pad && pad.getAttribute('aria-disabled') !== 'true' ? pad : null;
}

/** Handlers for the pad grid element. A pad marked `aria-disabled` (a rack still loading) takes no strike. */
export function usePadPointers(gestures: PadGestures): PadPointers {
  const { fingerOf, strike, release, end } = useHeldPointers<number>({
    onDown: gestures.onPadDown,
    onUp: gestures.onPadUp,
    onAllOff: gestures.onAllOff,
  });
  const onPressure = gestures.onPressure;

  return {
    onPointerDown(event) {
      if (event.pointerType === 'mouse' && event.button !== 0) return;
      const pad = padOf(event.target);
      if (!pad) return;
      // no text selection, scrolling or zoom
      event.preventDefault();
      // the note first: capture and focus (which restyles the page) come after it has gone
      strike(
        event.pointerId,
        Number(pad.dataset.pad),
        padVelocity(pad.getBoundingClientRect(), event.clientY),
        event.pressure,
      );
      try {
        event.currentTarget.setPointerCapture?.(event.pointerId);
      } catch {
        // a pointer the browser does not know (a synthetic event) cannot be captured; it still plays
      }
      // focused by hand, so Space plays the pad struck last
      pad.focus({ preventScroll: true });
    },
    onPointerMove(event) {
      const finger = fingerOf(event.pointerId);
      if (!finger || event.pressure === finger.pressure) return;
      finger.pressure = event.pressure;
      onPressure?.(event.pointerId, Math.round(event.pressure * 127));
    },
    onPointerUp: end,
    onPointerCancel: end,
    onLostPointerCapture(event) {
      // a pad's own (implicit) capture moving to the grid is not the grid losing it
      if (event.target === event.currentTarget) end(event);
    },
    onKeyDown(event) {
      if (event.key !== ' ' && event.key !== 'Enter') return;
      const pad = padOf(event.target);
      if (!pad) return;
      event.preventDefault();
      if (!event.repeat) strike(FOCUSED_PAD_POINTER, Number(pad.dataset.pad), KEY_VELOCITY);
    },
    onKeyUp(event) {
      if (event.key === ' ' || event.key === 'Enter') release(FOCUSED_PAD_POINTER);
    },
  };
}
