/**
 * The clip editor, measured in the app the bridge serves, in Debian's
 * Chromium at a tablet's size with touch, on the simulator:
 * - opening a 2,000-note and a 10,000-note clip: from the tap on the
 *   cell's edit control (the editor's first request) to the first full
 *   frame of the roll with every note;
 * - two fingers panning and zooming each clip for a few seconds: frame
 *   intervals (p50, p99) and frames per second;
 * - one finger dragging a 100-note selection for 2 s: requests the tablet
 *   sent (against the frames it drew), Live's main-thread time per such
 *   request in the simulator, and the time from the finger's lift until
 *   Live holds the final notes;
 * - the app's first JavaScript, gzipped (the editor comes later, on demand).
 * `npm run bench:editor`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { BridgeClient } from '../bridge/bridge-client';
import { SCRIPT_LIMITS, type JsonValue } from '../protocol/src/index';
import { Note } from '../protocol/src/notes';
import { buildIfStale } from '../scripts/build-if-stale.mjs';
import { launchChromium } from '../test/browser/chromium';
import { fingers } from '../test/browser/touch';
import { spawnBridge } from './bridge-process';
import { printTable, summarize } from './stats';

const ROOT = join(import.meta.dirname, '..');
const SECONDS = Number(process.env.EDITOR_BENCH_SECONDS ?? 3);

/** Empty slots of the demo set's Bass track (its clips are in scenes 3, 4, 5, 7 and 8). */
const CLIPS = [
  { slot: 'live_set tracks 2 clip_slots 0', name: 'Bench 2000', notes: 2000, bars: 64 },
  { slot: 'live_set tracks 2 clip_slots 1', name: 'Bench 10000', notes: 10_000, bars: 256 },
  { slot: 'live_set tracks 2 clip_slots 5', name: 'Bench 100', notes: 100, bars: 1 },
];

async function call(client: BridgeClient, target: string, fn: string, args: JsonValue[] = []): Promise<JsonValue> {
  const reply = await client.request({ op: 'call', target, fn, args });
  if (!reply.ok) throw new Error(`${fn}: ${reply.error.message}`);
  return reply.result;
}

/** A clip of `count` notes spread over `bars`, many pitches, as a dense pattern would be. */
async function fillClip(client: BridgeClient, clip: (typeof CLIPS)[number]): Promise<void> {
  await call(client, clip.slot, 'create_clip', [clip.bars * 4]);
  await client.request({ op: 'set', target: `${clip.slot} clip`, prop: 'name', value: clip.name });
  const beats = clip.bars * 4;
  const notes = Array.from({ length: clip.notes }, (_, index) => ({
    pitch: 36 + ((index * 7) % 48),
    start_time: Math.floor((index * beats * 16) / clip.notes) / 16,
    duration: 0.25,
    velocity: 40 + (index % 80),
  }));
  // as the app does: at most maxNotesPerCall notes per call (the script keeps each request short)
  for (let first = 0; first < notes.length; first += SCRIPT_LIMITS.maxNotesPerCall) {
    await call(client, `${clip.slot} clip`, 'add_new_notes', [
      notes.slice(first, first + SCRIPT_LIMITS.maxNotesPerCall),
    ]);
  }
}

/** Runs in the page: waits for the roll to say it holds `count` notes, then for two frames (the canvas drawn). */
const DRAWN = `async (count) => {
  const said = () => document.querySelector('.ls-roll-notes .ls-visually-hidden')?.textContent ?? '';
  const wanted = count.toLocaleString('en') + ' notes';
  while (!said().startsWith(wanted) && !said().startsWith(count + ' notes')) await new Promise((r) => setTimeout(r, 2));
  await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  return performance.now();
}`;

/** Runs in the page: frame intervals until told to stop. */
const FRAMES = `() => {
  const intervals = [];
  let last = performance.now();
  let running = true;
  const frame = (now) => { intervals.push(now - last); last = now; if (running) requestAnimationFrame(frame); };
  requestAnimationFrame(frame);
  window.__stopFrames = () => { running = false; return intervals.slice(1); };
}`;

async function openClip(page: Page, name: string, count: number): Promise<number> {
  await page.getByRole('tab', { name: 'Session' }).tap();
  const edit = page.getByRole('button', { name: `Edit ${name}`, exact: true });
  await edit.waitFor({ timeout: 20_000 });
  const started = await page.evaluate(() => performance.now());
  await edit.tap();
  const drawn = await page.evaluate<number>(`(${DRAWN})(${count})`);
  return drawn - started;
}

interface RollBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

async function rollBox(page: Page): Promise<RollBox> {
  const box = await page.locator('.ls-roll-notes').boundingBox();
  if (!box) throw new Error('no roll');
  return box;
}

/** Two fingers pan across and zoom in and out for `seconds`, a move every frame; the page's frame intervals. */
async function panAndZoom(page: Page, seconds: number): Promise<number[]> {
  await page.getByRole('button', { name: 'Navigate' }).tap();
  const box = await rollBox(page);
  const hand = await fingers(page);
  const y = box.y + box.height / 2;
  const x = box.x + box.width / 2;
  await page.evaluate(`(${FRAMES})()`);
  await hand.down(1, { x: x - 100, y });
  await hand.down(2, { x: x + 100, y });
  const steps = Math.round(seconds * 60);
  for (let step = 0; step < steps; step += 1) {
    const phase = (step / steps) * Math.PI * 4;
    const spread = 100 + 60 * Math.sin(phase);
    const shift = 120 * Math.sin(phase / 2);
    await hand.move(1, { x: x - spread + shift, y: y + shift / 3 }, 1);
    await hand.move(2, { x: x + spread + shift, y: y + shift / 3 }, 1);
  }
  await hand.up(1);
  await hand.up(2);
  const intervals = await page.evaluate<number[]>('window.__stopFrames()');
  await page.getByRole('button', { name: 'Edit notes' }).tap();
  return intervals;
}

interface DragRun {
  seconds: number;
  requests: number;
  frames: number;
  settleMs: number;
}

/** Every note of the open clip lassoed, then dragged by one of them for `seconds`; what the tablet sent, and when Live had it. */
async function dragSelection(page: Page, client: BridgeClient, target: string): Promise<DragRun> {
  const box = await rollBox(page);
  const hand = await fingers(page);
  // the roll is fitted to the notes: a lasso from corner to corner takes them all
  await hand.down(1, { x: box.x + 4, y: box.y + 4 });
  await hand.move(1, { x: box.x + box.width - 4, y: box.y + box.height - 4 }, 10);
  await hand.up(1);
  const data = async (name: string) => Number(await page.locator('.ls-roll-notes').getAttribute(`data-${name}`));
  const view = {
    startBeat: await data('start-beat'),
    pxPerBeat: await data('px-per-beat'),
    topRow: await data('top-row'),
    rowPx: await data('row-px'),
  };
  const first = Note.array().parse(await call(client, target, 'get_all_notes_extended'))[0];
  if (!first) throw new Error('no notes');
  const grab = {
    x: box.x + (first.start_time + first.duration / 2 - view.startBeat) * view.pxPerBeat,
    y: box.y + (view.topRow - first.pitch + 0.5) * view.rowPx,
  };
  // the tablet's requests, as its WebSocket sends them (a frame may hold several: each counts)
  let requests = 0;
  const counting = (payload: string): void => {
    requests += payload.split('apply_note_modifications').length - 1;
  };
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  cdp.on('Network.webSocketFrameSent', (event: { response: { payloadData: string } }) =>
    counting(event.response.payloadData),
  );
  await page.evaluate(`(${FRAMES})()`);
  const started = Date.now();
  await hand.down(1, grab);
  const steps = Math.round(2 * 60);
  for (let step = 1; step <= steps; step += 1) {
    const dx = view.pxPerBeat * 1.5 * Math.sin((step / steps) * Math.PI * 3);
    const dy = view.rowPx * 4 * Math.sin((step / steps) * Math.PI * 2);
    await hand.move(1, { x: grab.x + dx, y: grab.y + dy }, 1);
  }
  const lifted = performance.now();
  await hand.up(1);
  const seconds = (Date.now() - started) / 1000;
  const frames = (await page.evaluate<number[]>('window.__stopFrames()')).length;
  // Live holds the final notes when the editor has nothing on its way and Live's notes stop changing
  const shown = async () =>
    JSON.stringify(
      Note.array()
        .parse(await call(client, target, 'get_all_notes_extended'))
        .map((n) => [n.pitch, n.start_time]),
    );
  let last = await shown();
  let settled = performance.now();
  for (let tries = 0; tries < 400; tries += 1) {
    await new Promise((resolve) => setTimeout(resolve, 5));
    const now = await shown();
    if (now !== last) {
      last = now;
      settled = performance.now();
    }
    if (performance.now() - settled > 300) break;
  }
  await cdp.detach();
  return { seconds, requests, frames, settleMs: Math.max(0, settled - lifted) };
}

/** Live's main-thread time for one change of 100 notes: its round trip less a plain read's (median of many). */
async function liveTimePerRequest(client: BridgeClient, target: string): Promise<number> {
  const notes = Note.array().parse(await call(client, target, 'get_all_notes_extended'));
  const time = async (body: () => Promise<unknown>): Promise<number> => {
    const samples: number[] = [];
    for (let run = 0; run < 60; run += 1) {
      const started = performance.now();
      await body();
      samples.push(performance.now() - started);
    }
    return summarize(samples).p50;
  };
  const read = await time(() => client.request({ op: 'get', target: 'live_set', prop: 'tempo' }));
  let shift = 0;
  const change = await time(() => {
    shift = shift === 0 ? 0.25 : 0;
    return call(client, target, 'apply_note_modifications', [
      notes.map((note) => ({ note_id: note.note_id, start_time: note.start_time + shift })),
    ]);
  });
  return change - read;
}

function firstScriptKb(): number {
  const assets = join(ROOT, 'dist', 'app', 'assets');
  const entry = readdirSync(assets).find((file) => file.startsWith('index-') && file.endsWith('.js'));
  if (!entry) throw new Error('no app build');
  return gzipSync(readFileSync(join(assets, entry))).length / 1024;
}

export async function editorBench(): Promise<void> {
  buildIfStale('app');
  const bridge = await spawnBridge();
  const client = await BridgeClient.connect(bridge.url, bridge.token);
  const browser = await launchChromium();
  try {
    for (const clip of CLIPS) await fillClip(client, clip);
    const context = await browser.newContext({
      viewport: { width: 1194, height: 834 },
      hasTouch: true,
      isMobile: true,
    });
    const page = await context.newPage();
    await page.goto(`${bridge.url}/?token=${bridge.token}`);
    // the editor's code comes on the first visit: load it once before timing
    await openClip(page, CLIPS[2]?.name ?? '', 100);
    const rows: string[][] = [];
    for (const clip of CLIPS.slice(0, 2)) {
      const openMs = await openClip(page, clip.name, clip.notes);
      const frames = summarize(await panAndZoom(page, SECONDS));
      rows.push([
        clip.notes.toLocaleString('en'),
        openMs.toFixed(0),
        (1000 / frames.mean).toFixed(1),
        frames.p50.toFixed(1),
        frames.p99.toFixed(1),
      ]);
    }
    console.log(
      `\nThe clip editor in Chromium (1194x834, touch): opening a clip, then ${SECONDS} s of two-finger pan and zoom\n`,
    );
    printTable(['notes', 'open to first full frame ms', 'frames/s', 'frame p50 ms', 'frame p99 ms'], rows);

    const small = CLIPS[2];
    if (!small) throw new Error('no 100-note clip');
    await openClip(page, small.name, small.notes);
    const drag = await dragSelection(page, client, `${small.slot} clip`);
    const liveMs = await liveTimePerRequest(client, `${small.slot} clip`);
    console.log('\nDragging a 100-note selection with one finger\n');
    printTable(
      [
        'drag s',
        'frames drawn',
        'requests sent',
        'requests per frame',
        'Live ms per request',
        'lift to Live holding the notes ms',
      ],
      [
        [
          drag.seconds.toFixed(1),
          String(drag.frames),
          String(drag.requests),
          (drag.requests / Math.max(1, drag.frames)).toFixed(2),
          liveMs.toFixed(2),
          drag.settleMs.toFixed(0),
        ],
      ],
    );
    console.log(
      `\nThe app's first JavaScript: ${firstScriptKb().toFixed(1)} kB gzipped (the editor loads on demand)\n`,
    );
    await context.close();
  } finally {
    await browser.close();
    await client.close();
    await bridge.stop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await editorBench();
