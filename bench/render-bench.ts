/**
 * Rendering under many changing values, in Debian's Chromium at a tablet's
 * size: the `Benchmarks/Many Values` story (256 knobs whose parameters all
 * change at 60 Hz through their actors, faders with moving meters) for a few
 * seconds. Prints the frame intervals (what the musician sees: 16.7 ms is 60
 * frames per second), the long frames, and how many value changes the page
 * took per second. `npm run bench:render`; also part of `npm run bench`.
 */
import { buildIfStale } from '../scripts/build-if-stale.mjs';
import { openStorybook } from '../test/browser/storybook';
import { printTable, summarize } from './stats';

const SECONDS = Number(process.env.RENDER_BENCH_SECONDS ?? 6);

interface Sample {
  intervals: number[];
  changes: number;
  seconds: number;
  longTasks: number;
}

/**
 * Runs in the page: frame intervals from requestAnimationFrame, long tasks,
 * and the value changes the page took meanwhile. Plain JavaScript text (a
 * function from here would carry the TypeScript runner's helpers along).
 */
const MEASURE = `async (seconds) => {
  let longTasks = 0;
  new PerformanceObserver((list) => { longTasks += list.getEntries().length; }).observe({ type: 'longtask' });
  const intervals = [];
  const changesBefore = window.__changes ?? 0;
  const started = performance.now();
  await new Promise((resolve) => {
    let last = performance.now();
    const frame = (now) => {
      intervals.push(now - last);
      last = now;
      if (now - started < seconds * 1000) requestAnimationFrame(frame);
      else resolve();
    };
    requestAnimationFrame(frame);
  });
  return { intervals: intervals.slice(1), changes: (window.__changes ?? 0) - changesBefore, seconds: (performance.now() - started) / 1000, longTasks };
}`;

export async function renderBench(): Promise<void> {
  buildIfStale('storybook');
  const storybook = await openStorybook();
  try {
    const rows: string[][] = [];
    for (const story of ['benchmarks-many-values--a-page-of-knobs', 'benchmarks-many-values--many-values']) {
      const { page, errors, context } = await storybook.open(story);
      await page.waitForTimeout(1500);
      const sample = await page.evaluate<Sample>(`(${MEASURE})(${SECONDS})`);
      if (errors.length > 0) throw new Error(errors.join('; '));
      const frames = summarize(sample.intervals);
      const long = sample.intervals.filter((interval) => interval > 1000 / 50).length;
      const knobs = await page.locator('.ls-knob').count();
      rows.push([
        String(knobs),
        (sample.intervals.length / sample.seconds).toFixed(1),
        frames.p50.toFixed(1),
        frames.p99.toFixed(1),
        frames.max.toFixed(1),
        `${long} (${((100 * long) / sample.intervals.length).toFixed(1)} %)`,
        String(sample.longTasks),
        Math.round(sample.changes / sample.seconds).toLocaleString('en'),
      ]);
      await context.close();
    }
    console.log(
      `\nRendering: knobs changing at 60 Hz, four faders and meters moving, ${SECONDS} s each in Chromium (1194x834)\n`,
    );
    printTable(
      [
        'knobs',
        'frames/s',
        'frame p50 ms',
        'frame p99 ms',
        'frame max ms',
        'frames > 20 ms',
        'long tasks',
        'value changes/s',
      ],
      rows,
    );
  } finally {
    await storybook.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await renderBench();
