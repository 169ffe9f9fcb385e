/**
 * How fingers, a mouse and the computer keyboard play the key bed.
 *
 * The key bed captures every pointer that strikes it, and each one plays on
 * its own: the key under it on each move (not only on enter) is the one it
 * holds, so a finger slides from key to key; it lifts on up, on
 * `pointercancel` and on lost capture. Where the key bed has no size yet (not
 * laid out) the struck element says which key it is. Pressure is sent only
 * when it changes during a press: devices that cannot measure it report a
 * constant. Every finger still down is lifted on unmount; on window blur or
 * a hidden page everything stops (`onAllOff`), since their ups may never come.
 */
import type { PlayingHandlers } from '../../touch/pointer-handlers';
import { useHeldPointers } from '../../touch/use-held-pointers';
import { COMPUTER_VELOCITY, computerKey, computerPointerId, FOCUSED_KEY_POINTER } from './computer-keys';
import { keyAt, pointIn, strikeVelocity, type KeyRect } from './layout';

/** What playing the keys says to whoever owns the notes. */
export interface KeyGestures {
  /** A finger (or computer key, ids below 0) strikes a note. */
  onNoteDown?: (pointerId: number, note: number, velocity: number) => void;
  /** A finger slid onto another note. */
  onNoteMove?: (pointerId: number, note: number) => void;
  onNoteUp?: (pointerId: number) => void;
  /** Poly aftertouch from a finger's pressure, 0..127. */
  onPressure?: (pointerId: number, pressure: number) => void;
  onOctave?: (delta: number) => void;
  onAllOff?: () => void;
}

/** The keys as laid out, and the gestures to report to. */
export interface KeyPointerOptions extends KeyGestures {
  keys: readonly KeyRect[];
  /** The note the computer keys' A plays (the octave's C). */
  first: number;
}

/** Handlers for the key bed element. */
export type KeyPointers = PlayingHandlers;

/** The note of the key element an event came from (`data-note`), if any. */
function noteOfTarget(target: EventTarget | null): number | null {
  const key = target instanceof Element ? target.closest<HTMLElement>('[data-note]') : null;
  return key ? Number(key.dataset.note) : null;
}

/** Handlers that turn fingers, a mouse and the computer keyboard on the key bed into gestures. */
export function useKeyPointers(options: KeyPointerOptions): KeyPointers {
  const { fingerOf, strike, release, end } = useHeldPointers<number>({
    onDown: options.onNoteDown,
    onUp: options.onNoteUp,
    onAllOff: options.onAllOff,
  });

  return {
    onPointerDown(event) {
      if (event.pointerType === 'mouse' && event.button !== 0) return;
      // no text selection, scrolling or zoom
      event.preventDefault();
      const point = pointIn(event.currentTarget.getBoundingClientRect(), event.clientX, event.clientY);
      const { keys } = options;
      const key =
        keyAt(keys, point.x, point.y) ?? keys.find((candidate) => candidate.note === noteOfTarget(event.target));
      if (!key) return;
      // the note first: capture and focus (which restyles the page) come after it has gone
      strike(event.pointerId, key.note, strikeVelocity(key, point.y), event.pressure);
      try {
        event.currentTarget.setPointerCapture?.(event.pointerId);
      } catch {
        // a pointer the browser does not know (a synthetic event) cannot be captured; it still plays
      }
      // focused by hand, so the computer keys play too
      event.currentTarget.focus({ preventScroll: true });
    },
    onPointerMove(event) {
      const finger = fingerOf(event.pointerId);
      if (!finger) return;
      const point = pointIn(event.currentTarget.getBoundingClientRect(), event.clientX, event.clientY);
      // off the keys (above, below, beside them) a finger keeps its note
      const key = keyAt(options.keys, point.x, point.y);
      if (key && key.note !== finger.value) {
        finger.value = key.note;
        options.onNoteMove?.(event.pointerId, key.note);
      }
      if (event.pressure !== finger.pressure) {
        finger.pressure = event.pressure;
        options.onPressure?.(event.pointerId, Math.round(event.pressure * 127));
      }
    },
    onPointerUp: end,
    onPointerCancel: end,
    onLostPointerCapture(event) {
      // a key's own (implicit) capture moving to the key bed is not the key bed losing it
      if (event.target === event.currentTarget) end(event);
    },
    onKeyDown(event) {
      if (event.ctrlKey || event.metaKey || event.altKey) return;
      const action = computerKey(event.code);
      const focused = noteOfTarget(event.target);
      if (action === null && focused !== null && (event.key === ' ' || event.key === 'Enter')) {
        event.preventDefault();
        if (!event.repeat) strike(FOCUSED_KEY_POINTER, focused, COMPUTER_VELOCITY);
        return;
      }
      if (action === null) return;
      event.preventDefault();
      if (event.repeat) return;
      if (action.kind === 'octave') options.onOctave?.(action.delta);
      else strike(computerPointerId(event.code), options.first + action.offset, COMPUTER_VELOCITY);
    },
    onKeyUp(event) {
      if (event.key === ' ' || event.key === 'Enter') release(FOCUSED_KEY_POINTER);
      if (computerKey(event.code)?.kind === 'note') release(computerPointerId(event.code));
    },
  };
}
