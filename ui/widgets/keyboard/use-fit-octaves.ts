/**
 * As many of the octaves wanted as fit the space the keys have, so a phone
 * shows fewer, wider keys than a tablet rather than keys too thin to hit;
 * and, where the keys fill the page's height (`rows`), how many rows of them
 * that height holds. The space is measured (ResizeObserver) on the element
 * that holds the keys, whose size does not depend on how many keys it holds.
 */
import { useEffect, useRef, useState, type RefObject } from 'react';
import { octavesThatFit, rowsThatFit } from './layout';

/** How the keys fit: octaves in a row, and rows. */
export interface KeysFit {
  octaves: number;
  rows: number;
}

/** A ref for the element the keys go in, and how many octaves (and, with `rows`, rows) fit it. */
export function useFitOctaves<T extends HTMLElement>(wanted: number, rows = false): [RefObject<T | null>, KeysFit] {
  const ref = useRef<T | null>(null);
  const [size, setSize] = useState({ width: 0, height: 0 });
  useEffect(() => {
    const element = ref.current;
    if (!element || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(([entry]) =>
      setSize({ width: entry?.contentRect.width ?? 0, height: entry?.contentRect.height ?? 0 }),
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return [ref, { octaves: octavesThatFit(size.width, wanted), rows: rows ? rowsThatFit(size.width, size.height) : 1 }];
}
