/**
 * Whether the transport bar shows every control in one row, or the less used
 * ones behind "More" because the row does not fit (a phone, a narrow
 * tablet). It measures what the row needs (its groups side by side) against
 * the width it has, and remembers that need while compact, so it goes back
 * to one row when the bar grows enough. On a screen too short for two rows
 * of chrome (a phone on its side) compact is tight: the metronome and tap
 * tempo wait behind "More" too, so the bar keeps to one row beside the
 * connection. Without ResizeObserver (jsdom) it is one row.
 */
import { useLayoutEffect, useRef, useState, type RefObject } from 'react';
import { useShortScreen } from '../short-screen';

/** One row with every control; the essentials with the rest behind "More"; those without the metronome and tap. */
export type BarLayout = 'row' | 'compact' | 'tight';

/** The row's groups side by side: their widths, the gaps between and the bar's padding. */
function rowWidth(bar: HTMLElement): number {
  const style = getComputedStyle(bar);
  const groups = [...bar.children].filter(
    (child): child is HTMLElement => child instanceof HTMLElement && child.dataset.group !== undefined,
  );
  const gap = parseFloat(style.columnGap) || 0;
  const padding = (parseFloat(style.paddingLeft) || 0) + (parseFloat(style.paddingRight) || 0);
  const widths = groups.reduce((sum, group) => sum + group.getBoundingClientRect().width, 0);
  return widths + gap * Math.max(0, groups.length - 1) + padding;
}

/** The layout that fits `bar` now; `forced` when given (stories, tests). */
export function useBarLayout(bar: RefObject<HTMLElement | null>, forced?: BarLayout): BarLayout {
  const [fits, setFits] = useState<'row' | 'compact'>('row');
  const short = useShortScreen();
  const needed = useRef(0);
  useLayoutEffect(() => {
    const element = bar.current;
    if (forced !== undefined || !element || typeof ResizeObserver === 'undefined') return undefined;
    const check = (): void => {
      const available = element.clientWidth;
      if (fits === 'row') {
        needed.current = rowWidth(element);
        if (needed.current > available + 0.5) setFits('compact');
      } else if (needed.current > 0 && available >= needed.current) {
        setFits('row');
      }
    };
    check();
    const observer = new ResizeObserver(check);
    observer.observe(element);
    return () => observer.disconnect();
  }, [bar, forced, fits]);
  return forced ?? (fits === 'compact' && short ? 'tight' : fits);
}
