/**
 * The app as a musician meets it, in Debian's Chromium at a tablet's size
 * with touch, on a bridge running in this process on the simulator's demo
 * set (`npm run bench:app`):
 * - load: from opening the page to a fully populated session (every clip
 *   slot of the demo set shown in its state, every track named), several
 *   times: a first visit (a fresh browser profile: nothing cached) and a
 *   return visit (the same profile's third load: the app's files cached and
 *   their compiled code kept by V8, as on a tablet that opened it before);
 * - busy: while 8 clips play and the piano roll is open, the page's long
 *   tasks (over 50 ms) and its longest animation frame;
 * - touch to MIDI: from a finger touching a key of the Keys page to the MIDI
 *   bytes leaving the bridge (a `livesurface start` process of its own, which
 *   writes when each message left: `LIVESURFACE_MIDI_TIMES`), idle and with 8
 *   clips playing and their meters moving. Both ends on the wall clock: from
 *   this process sending the touch to Chromium (an upper bound: the harness's
 *   own delivery included), from the touch event's own timestamp, and from
 *   the browser process forwarding the touch to the page. The last leaves
 *   out a wait of the harness alone: Chromium's DevTools holds an injected
 *   touch until the page's compositor answers (0.7 to 18 ms, a frame at
 *   worst; read from a trace of Chromium's input latency events), which a
 *   touchscreen's events never meet.
 * Figures vary with the machine and its load; tests never assert them.
 */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Page } from 'playwright-core';
import { BridgeClient } from '../bridge/bridge-client';
import type { JsonValue } from '../protocol/src/index';
import { buildIfStale } from '../scripts/build-if-stale.mjs';
import { launchChromium } from '../test/browser/chromium';
import { fingers } from '../test/browser/touch';
import { spawnBridge } from './bridge-process';
import { printTable, summarize } from './stats';

const LOADS = Number(process.env.APP_BENCH_LOADS ?? 5);
const BUSY_SECONDS = Number(process.env.APP_BENCH_BUSY_SECONDS ?? 8);
const TAPS = Number(process.env.APP_BENCH_TAPS ?? 100);
const TABLET = { width: 1194, height: 834 };
/** A white key of the Keys page's keybed (black ones carry data-black). */
const WHITE_KEY = '.ls-keybed .ls-key:not([data-black])';

/** Where the bridge writes when each MIDI message left it (`LIVESURFACE_MIDI_TIMES`, wall clock). */
const MIDI_TIMES = join(mkdtempSync(join(tmpdir(), 'app-bench-')), 'midi-times.txt');

/** The note-ons that left the bridge so far: their wall-clock times. */
function noteOnsSent(): number[] {
  if (!existsSync(MIDI_TIMES)) return [];
  return readFileSync(MIDI_TIMES, 'utf8')
    .split('\n')
    .filter((line) => line.endsWith(' note_on'))
    .map((line) => Number(line.split(' ')[0]));
}

const wallClock = (): number => performance.timeOrigin + performance.now();

async function call(client: BridgeClient, target: string, fn: string, args: JsonValue[] = []): Promise<JsonValue> {
  const reply = await client.request({ op: 'call', target, fn, args });
  if (!reply.ok) throw new Error(`${fn}: ${reply.error.message}`);
  return reply.result;
}

async function get(client: BridgeClient, target: string, prop: string): Promise<JsonValue> {
  const reply = await client.request({ op: 'get', target, prop });
  if (!reply.ok) throw new Error(`${target} ${prop}: ${reply.error.message}`);
  return reply.result;
}

async function setCount(client: BridgeClient, prop: 'tracks' | 'scenes'): Promise<number> {
  const list = await get(client, 'live_set', prop);
  return Array.isArray(list) ? list.length : 0;
}

/** Runs in the page: polls each frame until every clip slot shows its state and every track its name. */
const POPULATED = `async ([slots, tracks]) => {
  const busy = ['checking', 'loading', 'creating'];
  const ready = () => {
    const cells = [...document.querySelectorAll('.ls-clip')];
    if (cells.length < slots || cells.some((cell) => busy.includes(cell.getAttribute('data-state')))) return false;
    const names = [...document.querySelectorAll('.ls-session-track')].filter((head) => (head.textContent ?? '').trim());
    return names.length >= tracks;
  };
  while (!ready()) await new Promise((resolve) => requestAnimationFrame(resolve));
  return performance.now();
}`;

async function newPage(browser: Awaited<ReturnType<typeof launchChromium>>) {
  const context = await browser.newContext({ viewport: TABLET, hasTouch: true, isMobile: true });
  return { context, page: await context.newPage() };
}

interface LoadTimes {
  first: number[];
  returning: number[];
}

async function loads(
  browser: Awaited<ReturnType<typeof launchChromium>>,
  url: string,
  slots: number,
  tracks: number,
): Promise<LoadTimes> {
  const times: LoadTimes = { first: [], returning: [] };
  const populated = async (page: Page) => {
    await page.goto(url);
    return page.evaluate<number>(`(${POPULATED})([${slots}, ${tracks}])`);
  };
  for (let run = 0; run < LOADS + 1; run += 1) {
    const { context, page } = await newPage(browser);
    const first = await populated(page);
    // V8 keeps a module's compiled code from its second load on; the third is a musician's usual visit
    await page.goto('about:blank');
    await populated(page);
    await page.goto('about:blank');
    const returning = await populated(page);
    // the first run warms the machine's caches (disk, Python)
    if (run > 0) {
      times.first.push(first);
      times.returning.push(returning);
    }
    await context.close();
  }
  return times;
}

/** Fires one clip on each of the first 8 tracks that has one; returns the slot of a MIDI one. */
async function playEight(client: BridgeClient, tracks: number, scenes: number): Promise<string | null> {
  let midiSlot: string | null = null;
  let playing = 0;
  for (let track = 0; track < tracks && playing < 8; track += 1) {
    for (let scene = 0; scene < scenes; scene += 1) {
      const slot = `live_set tracks ${track} clip_slots ${scene}`;
      if ((await get(client, slot, 'has_clip')) !== true) continue;
      await call(client, slot, 'fire');
      if (midiSlot === null && (await get(client, `${slot} clip`, 'is_midi_clip')) === true) midiSlot = slot;
      playing += 1;
      break;
    }
  }
  await call(client, 'live_set', 'start_playing');
  return midiSlot;
}

/** Runs in the page: long tasks and the longest animation frame for a while. */
const LONG_TASKS = `async (seconds) => {
  const tasks = [];
  let longestFrame = 0;
  const observers = [
    new PerformanceObserver((list) => tasks.push(...list.getEntries().map((entry) => entry.duration))),
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) longestFrame = Math.max(longestFrame, entry.duration);
    }),
  ];
  observers[0].observe({ type: 'longtask' });
  try { observers[1].observe({ type: 'long-animation-frame' }); } catch {}
  await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
  observers.forEach((observer) => observer.disconnect());
  return { tasks, longestFrame };
}`;

/** Runs in the page: the wall-clock time of each touch pointerdown (the event's own timestamp). */
const WATCH_TOUCHES = `() => {
  window.__touches = [];
  if (window.__watching) return;
  window.__watching = true;
  window.addEventListener('pointerdown', (event) => window.__touches.push(performance.timeOrigin + event.timeStamp), { capture: true });
}`;

interface Latency {
  harness: number[];
  page: number[];
  forwarded: number[];
}

/** Trace categories of Chromium's input pipeline: cheap enough not to slow the taps. */
const INPUT_TRACE = ['input', 'latencyInfo'];

interface TraceEvent {
  name?: string;
  ph?: string;
  ts?: number;
  args?: { chrome_latency_info?: { step?: string; input_type?: string } };
}

/**
 * For each touch start in a trace, in order: how long the browser held it
 * before sending it to the page (ms), from its own timestamp (the begin of
 * its `InputLatency::TouchStart`) to its `STEP_SEND_INPUT_EVENT_UI` step.
 */
function heldInBrowser(trace: Buffer): number[] {
  const { traceEvents } = JSON.parse(trace.toString('utf8')) as { traceEvents: TraceEvent[] };
  const begins = traceEvents.filter((event) => event.name === 'InputLatency::TouchStart' && event.ph === 'b');
  const sent = traceEvents.filter((event) => {
    const info = event.args?.chrome_latency_info;
    return (
      event.name === 'LatencyInfo.Flow' &&
      event.ph === 'X' &&
      info?.step === 'STEP_SEND_INPUT_EVENT_UI' &&
      info.input_type === 'TOUCH_START_EVENT'
    );
  });
  return begins.map((begin, index) => ((sent[index]?.ts ?? Number.NaN) - (begin.ts ?? Number.NaN)) / 1000);
}

async function touchToMidi(page: Page, target: string): Promise<Latency> {
  await page.evaluate(`(${WATCH_TOUCHES})()`);
  const box = await page.locator(target).first().boundingBox();
  if (!box) throw new Error(`no ${target} on the page`);
  const at = { x: box.x + box.width / 2, y: box.y + box.height * 0.7 };
  const hand = await fingers(page);
  await page.context().browser()?.startTracing(page, { categories: INPUT_TRACE });
  const started: number[] = [];
  const sentBefore = noteOnsSent().length;
  for (let tap = 0; tap < TAPS; tap += 1) {
    const count = noteOnsSent().length;
    started.push(wallClock());
    await hand.down(1, at);
    for (let wait = 0; wait < 200 && noteOnsSent().length === count; wait += 1)
      await new Promise((resolve) => setTimeout(resolve, 2));
    await hand.up(1);
    await new Promise((resolve) => setTimeout(resolve, 40));
  }
  const held = heldInBrowser((await page.context().browser()?.stopTracing()) ?? Buffer.from('{"traceEvents":[]}'));
  const sent = noteOnsSent().slice(sentBefore);
  const touched = await page.evaluate<number[]>('window.__touches');
  const since = (from: (index: number) => number) =>
    sent.map((time, index) => time - from(index)).filter(Number.isFinite);
  return {
    harness: since((index) => started[index] ?? Number.NaN),
    page: since((index) => touched[index] ?? Number.NaN),
    forwarded: since((index) => (touched[index] ?? Number.NaN) + (held[index] ?? Number.NaN)),
  };
}

export async function appBench(): Promise<void> {
  buildIfStale('app');
  // the bridge in a process of its own, as `npm start` runs it (this process drives the browser)
  const bridge = await spawnBridge([], { LIVESURFACE_MIDI_TIMES: MIDI_TIMES });
  const url = `${bridge.url}/?token=${bridge.token}`;
  const client = await BridgeClient.connect(bridge.url, bridge.token);
  const browser = await launchChromium();
  try {
    const tracks = await setCount(client, 'tracks');
    const scenes = await setCount(client, 'scenes');

    const loadTimes = await loads(browser, url, tracks * scenes, tracks);
    console.log(`\nLoad: opening the page to a fully populated session (${tracks} tracks x ${scenes} scenes)\n`);
    const loadRow = (label: string, values: number[]) => {
      const stats = summarize(values);
      return [label, String(values.length), stats.p50.toFixed(0), stats.max.toFixed(0), '500'];
    };
    printTable(
      ['visit', 'loads', 'p50 ms', 'max ms', 'target ms'],
      [
        loadRow('first (nothing cached)', loadTimes.first),
        loadRow('return (app cached, its code compiled)', loadTimes.returning),
      ],
    );

    const { context, page } = await newPage(browser);
    await page.goto(url);
    await page.evaluate<number>(`(${POPULATED})([${tracks * scenes}, ${tracks}])`);
    const keysIdle = await (async () => {
      await page.getByRole('tab', { name: 'Keys' }).tap();
      await client.request({ op: 'set', target: 'live_set tracks 3', prop: 'arm', value: true });
      await page.locator('.ls-key').first().waitFor();
      return touchToMidi(page, WHITE_KEY);
    })();

    const midiSlot = await playEight(client, tracks, scenes);
    const keysBusy = await touchToMidi(page, WHITE_KEY);
    console.log(`\nTouch to MIDI: a key of the Keys page, ${TAPS} taps (ms)\n`);
    const row = (label: string, values: number[]) => {
      const stats = summarize(values);
      return [label, String(values.length), stats.p50.toFixed(2), stats.p99.toFixed(2), stats.max.toFixed(2)];
    };
    printTable(
      ['clock', 'taps', 'p50', 'p99', 'max'],
      [
        row('idle, harness (upper bound)', keysIdle.harness),
        row('idle, page event to bridge', keysIdle.page),
        row('idle, touch forwarded to the page, to bridge', keysIdle.forwarded),
        row('8 clips playing, harness (upper bound)', keysBusy.harness),
        row('8 clips playing, page event to bridge', keysBusy.page),
        row('8 clips playing, touch forwarded to the page, to bridge', keysBusy.forwarded),
      ],
    );

    await page.getByRole('tab', { name: 'Session' }).tap();
    if (midiSlot !== null) {
      const name = await get(client, `${midiSlot} clip`, 'name');
      if (typeof name !== 'string') throw new Error('a clip without a name');
      await page.getByRole('button', { name: `Edit ${name}`, exact: true }).tap();
      await page.locator('.ls-roll-notes').waitFor({ timeout: 20_000 });
    }
    await page.waitForTimeout(1000);
    const busy = await page.evaluate<{ tasks: number[]; longestFrame: number }>(`(${LONG_TASKS})(${BUSY_SECONDS})`);
    console.log(`\nBusy: ${BUSY_SECONDS} s with 8 clips playing and the piano roll open\n`);
    printTable(
      ['long tasks (> 50 ms)', 'longest task ms', 'longest animation frame ms', 'target'],
      [
        [
          String(busy.tasks.length),
          busy.tasks.length ? Math.max(...busy.tasks).toFixed(0) : '-',
          busy.longestFrame.toFixed(0),
          'no task over 50 ms',
        ],
      ],
    );
    await call(client, 'live_set', 'stop_all_clips');
    await call(client, 'live_set', 'stop_playing');
    await context.close();
  } finally {
    await browser.close();
    await client.close();
    await bridge.stop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await appBench();
