/**
 * A drawing surface owns every touch move on it: Chromium otherwise still
 * reads a fast stroke as a fling (even where `touch-action: none` lets
 * nothing scroll) and swallows the next tap anywhere on the page, so a
 * quick ramp followed by a tap on Undo did nothing. Pointer Events still
 * come; only the browser's own gestures are left out.
 */
import { useEffect, type RefObject } from 'react';

export function useTouchOwned(ref: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const element = ref.current;
    if (!element) return undefined;
    const own = (event: TouchEvent): void => {
      if (event.cancelable) event.preventDefault();
    };
    element.addEventListener('touchmove', own, { passive: false });
    return () => element.removeEventListener('touchmove', own);
  }, [ref]);
}
