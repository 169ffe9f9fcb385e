/**
 * As many of the octaves wanted as fit the space the keys have, so a phone
 * shows fewer, wider keys than a tablet rather than keys too thin to hit.
 * The space is measured (ResizeObserver) on the element that holds the
 * keys, whose width does not depend on how many keys it holds.
 */
import { useEffect, useRef, useState, type RefObject } from 'react';
import { octavesThatFit } from './layout';

/** A ref for the element the keys go in, and how many octaves fit it. */
export function useFitOctaves<T extends HTMLElement>(wanted: number): [RefObject<T | null>, number] {
  const ref = useRef<T | null>(null);
  const [width, setWidth] = useState(0);
  useEffect(() => {
    const element = ref.current;
    if (!element || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(([entry]) => setWidth(entry?.contentRect.width ?? 0));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return [ref, octavesThatFit(width, wanted)];
}
