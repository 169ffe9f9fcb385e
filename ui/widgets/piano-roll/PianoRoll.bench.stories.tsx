import type { Meta, StoryObj } from '@storybook/react-vite';
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { PianoRoll } from './PianoRoll';
import { clipOf, denseClip } from './roll-fixtures';
import type { RollViewport } from './roll-types';

/**
 * What a benchmark reads from the page (`window.__rollBench`): how long the
 * first frame took from mounting the roll, and the frame intervals while
 * the roll pans and zooms on its own.
 */
export interface RollBenchResult {
  notes: number;
  firstFrameMs: number | null;
  intervals: number[];
}

const KEYS = { kind: 'keys' } as const;
const ignore = (): void => {};

interface RollBenchProps {
  count: number;
  /** Beats shown across at the start (the pan zooms between this and half of it). */
  beats: number;
}

/** A dense clip that pans and zooms by itself every frame, timing itself. */
function RollBench({ count, beats }: RollBenchProps) {
  const [notes] = useState(() => denseClip(count, 64));
  const [shown, setShown] = useState(false);
  const [viewport, setViewport] = useState<RollViewport>({ startBeat: 0, pxPerBeat: 20, topRow: 86, rowPx: 9 });
  const box = useRef<HTMLDivElement>(null);
  const output = useRef<HTMLOutputElement>(null);
  const mounted = useRef(0);

  // the roll mounts a frame after the page settles: its first frame is timed from there
  useEffect(() => {
    const frame = requestAnimationFrame(() => {
      mounted.current = performance.now();
      setShown(true);
    });
    return () => cancelAnimationFrame(frame);
  }, []);

  useLayoutEffect(() => {
    if (!shown) return undefined;
    const result: RollBenchResult = { notes: count, firstFrameMs: null, intervals: [] };
    (window as unknown as { __rollBench: RollBenchResult }).__rollBench = result;
    const width = box.current?.getBoundingClientRect().width ?? 1000;
    let frame = 0;
    let last = 0;
    let began = 0;
    const tick = (now: number): void => {
      const canvas = box.current?.querySelector<HTMLCanvasElement>('.ls-roll-notes canvas');
      if (result.firstFrameMs === null) {
        if (canvas && canvas.width > 0) {
          // (a frame's timestamp is when it began, maybe before the roll mounted: the time now)
          result.firstFrameMs = performance.now() - mounted.current;
          began = now;
        }
      } else {
        result.intervals.push(now - last);
        const t = (now - began) / 1000;
        const pxPerBeat = (width / beats) * (1.5 + 0.5 * Math.sin(t * 0.7));
        setViewport({
          startBeat: 96 + 80 * Math.sin(t * 0.5),
          pxPerBeat,
          topRow: 84 + 6 * Math.sin(t * 0.9),
          rowPx: 9,
        });
        if (output.current && result.intervals.length % 30 === 0) {
          const recent = result.intervals.slice(-60);
          output.current.textContent = `${(1000 / (recent.reduce((a, b) => a + b, 0) / recent.length)).toFixed(0)} fps, first frame ${result.firstFrameMs.toFixed(0)} ms`;
        }
      }
      last = now;
      frame = requestAnimationFrame(tick);
    };
    frame = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(frame);
  }, [shown, count, beats]);

  return (
    <div style={{ display: 'grid', gridTemplateRows: 'auto minmax(0, 1fr)', gap: 8, height: 'calc(100vh - 32px)' }}>
      <output ref={output} className="ls-label" style={{ textAlign: 'left' }}>
        {count.toLocaleString('en')} notes
      </output>
      <div ref={box} style={{ minHeight: 0 }}>
        {shown && (
          <PianoRoll
            notes={notes}
            clip={clipOf(64)}
            viewport={viewport}
            onViewport={ignore}
            grid={0.25}
            rows={KEYS}
            scale={null}
            playhead={null}
            mode="navigate"
            onIntent={ignore}
            velocityLane
          />
        )}
      </div>
    </div>
  );
}

const meta = {
  title: 'Benchmarks/Piano Roll',
  component: RollBench,
  parameters: { controls: { disable: true } },
} satisfies Meta<typeof RollBench>;

export default meta;
type Story = StoryObj<typeof meta>;

/** 2,000 notes, about 50 beats across. */
export const Pan2000: Story = { args: { count: 2000, beats: 48 } };

/** 10,000 notes, about 50 beats across (some 2,000 of them in view). */
export const Pan10000: Story = { args: { count: 10_000, beats: 48 } };

/** 10,000 notes, the whole clip across: every note in view every frame. */
export const Pan10000ZoomedOut: Story = { args: { count: 10_000, beats: 256 } };
