/**
 * A canvas that fills its box: measured (ResizeObserver), its backing store
 * sized for the screen's pixel ratio, repainted in the next animation frame
 * when what it shows changed (several changes in a frame paint once; a
 * render that changes nothing it shows, a moving playhead say, paints
 * nothing), and when the theme changes (its colors are CSS variables).
 * Where there is no 2D context (jsdom in tests) it paints nothing and
 * everything else works.
 */
import { useEffect, useLayoutEffect, useRef, useState, type RefObject } from 'react';
import { NO_CANVAS } from '../canvas-support';
import type { RollSize } from './geometry';

/** Paints a frame: `size` is in CSS pixels, `dpr` device pixels per CSS pixel. */
export type Paint = (ctx: CanvasRenderingContext2D, size: RollSize, dpr: number) => void;

const NO_SIZE: RollSize = { width: 0, height: 0 };

const same = (a: readonly unknown[], b: readonly unknown[]): boolean =>
  a.length === b.length && a.every((value, i) => Object.is(value, b[i]));

/** A box's ref and its size in CSS pixels (0 until measured). */
export function useBoxSize(): { boxRef: RefObject<HTMLDivElement | null>; size: RollSize } {
  const boxRef = useRef<HTMLDivElement | null>(null);
  const [size, setSize] = useState<RollSize>(NO_SIZE);
  useLayoutEffect(() => {
    const box = boxRef.current;
    if (!box || typeof ResizeObserver === 'undefined') return undefined;
    const observer = new ResizeObserver(([entry]) => {
      const width = Math.round(entry?.contentRect.width ?? 0);
      const height = Math.round(entry?.contentRect.height ?? 0);
      setSize((old) => (old.width === width && old.height === height ? old : { width, height }));
    });
    observer.observe(box);
    return () => observer.disconnect();
  }, []);
  return { boxRef, size };
}

/** The ref of a canvas `size` big, painted by `paint` whenever `inputs` (what it shows) or `size` change. */
export function useCanvasPaint(
  paint: Paint,
  inputs: readonly unknown[],
  size: RollSize,
): RefObject<HTMLCanvasElement | null> {
  const canvasRef = useRef<HTMLCanvasElement | null>(null);
  const latest = useRef({ paint, size, inputs });
  const painted = useRef<{ size: RollSize; inputs: readonly unknown[] } | null>(null);
  const frame = useRef(0);
  const context = useRef<CanvasRenderingContext2D | null>(null);

  /** Paint in the next frame (once, however often asked). */
  const request = useRef(() => {
    const canvas = canvasRef.current;
    if (NO_CANVAS || !canvas || frame.current !== 0) return;
    frame.current = requestAnimationFrame(() => {
      frame.current = 0;
      const now = latest.current;
      if (now.size.width <= 0 || now.size.height <= 0) return;
      const dpr = window.devicePixelRatio || 1;
      const [width, height] = [Math.round(now.size.width * dpr), Math.round(now.size.height * dpr)];
      if (canvas.width !== width || canvas.height !== height) {
        canvas.width = width;
        canvas.height = height;
      }
      context.current ??= canvas.getContext('2d', { alpha: false });
      if (!context.current) return;
      now.paint(context.current, now.size, dpr);
      painted.current = { size: now.size, inputs: now.inputs };
    });
  });

  useLayoutEffect(() => {
    latest.current = { paint, size, inputs };
    const last = painted.current;
    if (last === null || last.size !== size || !same(last.inputs, inputs)) request.current();
  });

  // a theme switch changes no prop: repaint when any element's data-theme changes
  useEffect(() => {
    if (NO_CANVAS || typeof MutationObserver === 'undefined') return undefined;
    const observer = new MutationObserver(() => {
      painted.current = null;
      request.current();
    });
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'], subtree: true });
    return () => observer.disconnect();
  }, []);

  useLayoutEffect(
    () => () => {
      cancelAnimationFrame(frame.current);
      frame.current = 0;
      painted.current = null;
    },
    [],
  );

  return canvasRef;
}
