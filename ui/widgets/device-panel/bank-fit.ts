/**
 * How many banks of controls fit side by side in a device panel: measured on
 * the panel's body as its width changes (a rotation, a split screen), and
 * told to `onFit` only when the count changes. A bank fits when each of its
 * controls gets at least `MIN_CELL_PX` (device-panel.css keeps the same
 * floor, and a knob grows with its cell up to the theme's knob size).
 */
import { useCallback, useEffect, useRef } from 'react';

/** The narrowest a control's cell gets in a row of banks (a knob of about 54 px and its text). */
export const MIN_CELL_PX = 72;

/** How many banks of `size` controls fit in `width`, with `gap` between cells and twice that between banks. */
export function banksThatFit(width: number, size: number, gap: number): number {
  const bank = size * MIN_CELL_PX + (size - 1) * gap;
  return Math.max(1, Math.floor((width + 2 * gap) / (bank + 2 * gap)));
}

/** A ref callback for the element whose width decides, calling `onFit` with the banks that fit. */
export function useBankFit<T extends HTMLElement>(size: number, onFit?: (banks: number) => void) {
  const told = useRef(0);
  const report = useRef(onFit);
  useEffect(() => {
    report.current = onFit;
  }, [onFit]);
  return useCallback(
    (element: T | null) => {
      // jsdom and old browsers have no ResizeObserver: one bank, as before
      if (element === null || typeof ResizeObserver === 'undefined') return undefined;
      const measure = (): void => {
        const style = getComputedStyle(element);
        // the gap between cells (rows of banks are that far apart; banks across, twice that)
        const gap = Number.parseFloat(style.rowGap) || 0;
        const banks = banksThatFit(element.clientWidth, size, gap);
        if (banks === told.current) return;
        told.current = banks;
        report.current?.(banks);
      };
      const observer = new ResizeObserver(measure);
      observer.observe(element);
      measure();
      return () => observer.disconnect();
    },
    [size],
  );
}
