/**
 * Frames of the display for the machines' `frames` effect: one call per
 * `requestAnimationFrame`, and, where there is none (Node) or the page is
 * hidden (a browser pauses animation frames in a background tab, and an
 * edit must still reach Live), one every `fallbackMs` at the latest.
 */
type Cancel = () => void;

/** Calls `tick` once per frame until the returned function is called. */
export function displayFrames(tick: () => void, fallbackMs = 50): Cancel {
  const animate = typeof requestAnimationFrame === 'function' ? requestAnimationFrame : null;
  let frame: number | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let stopped = false;
  const next = (): void => {
    if (stopped) return;
    if (frame !== null) cancelAnimationFrame(frame);
    if (timer !== null) clearTimeout(timer);
    frame = animate ? animate(fire) : null;
    timer = setTimeout(fire, animate ? fallbackMs : Math.min(fallbackMs, 16));
  };
  function fire(): void {
    if (stopped) return;
    tick();
    next();
  }
  next();
  return () => {
    stopped = true;
    if (frame !== null) cancelAnimationFrame(frame);
    if (timer !== null) clearTimeout(timer);
  };
}
