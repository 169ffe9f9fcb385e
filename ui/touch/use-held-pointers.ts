/**
 * The fingers holding notes on an instrument (keys, pads), apart from what
 * they hold: each pointer strikes once and lifts once (a second up, a cancel
 * after an up, change nothing), the last pressure each reported, every finger
 * lifted on unmount, and everything stopped on window blur or a hidden page,
 * since their ups may never come.
 */
import { useEffect, useLayoutEffect, useRef, type PointerEvent as ReactPointerEvent } from 'react';

/** A finger down: what it holds and the pressure it last reported. */
export interface HeldPointer<T> {
  value: T;
  pressure: number;
}

export interface HeldPointerCallbacks<T> {
  onDown?: (pointerId: number, value: T, velocity: number) => void;
  onUp?: (pointerId: number) => void;
  onAllOff?: () => void;
}

export interface HeldPointers<T> {
  /** The finger down with this pointer id, if any (mutable: a finger that slides changes its value). */
  fingerOf: (pointerId: number) => HeldPointer<T> | undefined;
  /** A finger strikes `value`; a finger already down strikes nothing. */
  strike: (pointerId: number, value: T, velocity: number, pressure?: number) => void;
  release: (pointerId: number) => void;
  /** Up, cancel or lost capture on the element that captured the pointer. */
  end: (event: ReactPointerEvent<HTMLElement>) => void;
}

export function useHeldPointers<T>(callbacks: HeldPointerCallbacks<T>): HeldPointers<T> {
  // the callbacks of the last render committed, for the effects below (which outlive renders)
  const latest = useRef(callbacks);
  useLayoutEffect(() => {
    latest.current = callbacks;
  });
  const held = useRef(new Map<number, HeldPointer<T>>());

  const strike = (pointerId: number, value: T, velocity: number, pressure = 0): void => {
    if (held.current.has(pointerId)) return;
    held.current.set(pointerId, { value, pressure });
    latest.current.onDown?.(pointerId, value, velocity);
  };

  const release = (pointerId: number): void => {
    if (!held.current.delete(pointerId)) return;
    latest.current.onUp?.(pointerId);
  };

  const end = (event: ReactPointerEvent<HTMLElement>): void => {
    if (!held.current.has(event.pointerId)) return;
    if (event.currentTarget.hasPointerCapture?.(event.pointerId))
      event.currentTarget.releasePointerCapture(event.pointerId);
    release(event.pointerId);
  };

  useLayoutEffect(
    () => () => {
      for (const pointerId of [...held.current.keys()]) release(pointerId);
    },
    [],
  );

  useEffect(() => {
    const stopAll = (): void => {
      held.current.clear();
      latest.current.onAllOff?.();
    };
    const hidden = (): void => {
      if (document.visibilityState === 'hidden') stopAll();
    };
    window.addEventListener('blur', stopAll);
    document.addEventListener('visibilitychange', hidden);
    return () => {
      window.removeEventListener('blur', stopAll);
      document.removeEventListener('visibilitychange', hidden);
    };
  }, []);

  return { fingerOf: (pointerId) => held.current.get(pointerId), strike, release, end };
}
