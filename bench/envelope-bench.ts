/**
 * The clip automation editor, measured in the app the bridge serves, in
 * Debian's Chromium at a tablet's size with touch, on the simulator, over a
 * playing clip (the playhead moves, the parameter's value follows the
 * envelope):
 * - one finger drawing freehand for 2 s, a move per frame: the requests the
 *   tablet sent (against the frames it drew) and the frame intervals;
 * - the time from the finger's lift until Live holds the whole stroke;
 * - a ramp: its requests, and the time from lift until Live holds it.
 * `npm run bench:envelope`.
 */
import type { Page } from 'playwright-core';
import { BridgeClient } from '../bridge/bridge-client';
import type { RequestBody } from '../bridge/script-requests';
import { EnvelopeReading, type JsonValue } from '../protocol/src/index';
import { buildIfStale } from '../scripts/build-if-stale.mjs';
import { launchChromium } from '../test/browser/chromium';
import { fingers, type Finger } from '../test/browser/touch';
import { spawnBridge } from './bridge-process';
import { printTable, summarize } from './stats';

const CLIP = 'live_set tracks 2 clip_slots 3 clip'; // Bass Build, 16 beats
const SLOT = 'live_set tracks 2 clip_slots 3';
const VOLUME = 'live_set tracks 2 mixer_device volume';
const PAD = 10;
const RUNS = Number(process.env.ENVELOPE_BENCH_RUNS ?? 3);

async function request(client: BridgeClient, body: RequestBody): Promise<JsonValue> {
  const reply = await client.request(body);
  if (!reply.ok) throw new Error(`${body.op}: ${reply.error.message}`);
  return reply.result;
}

/** Runs in the page: frame intervals until told to stop. */
const FRAMES = `() => {
  const intervals = [];
  let last = performance.now();
  let running = true;
  const frame = (now) => { intervals.push(now - last); last = now; if (running) requestAnimationFrame(frame); };
  requestAnimationFrame(frame);
  window.__stopFrames = () => { running = false; return intervals.slice(1); };
}`;

interface Lane {
  left: number;
  top: number;
  height: number;
  width: number;
  startBeat: number;
  pxPerBeat: number;
}

async function lane(page: Page): Promise<Lane> {
  const surface = page.locator('.ls-env-surface');
  const box = await surface.boundingBox();
  if (!box) throw new Error('no lane');
  const number = async (name: string) => Number(await surface.getAttribute(`data-${name}`));
  return {
    ...box,
    left: box.x,
    top: box.y,
    startBeat: await number('start-beat'),
    pxPerBeat: await number('px-per-beat'),
  };
}

const at = (view: Lane, beat: number, fraction: number): Finger => ({
  x: view.left + (beat - view.startBeat) * view.pxPerBeat,
  y: view.top + PAD + (1 - fraction) * (view.height - 2 * PAD),
});

interface Stroke {
  seconds: number;
  moves: number;
  frames: number[];
  requests: number;
  settleMs: number;
}

/** Counts the envelope writes the page sends over its WebSocket, from now on. */
async function countWrites(page: Page): Promise<{ count: () => number; stop: () => Promise<void> }> {
  let writes = 0;
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  cdp.on('Network.webSocketFrameSent', (event: { response: { payloadData: string } }) => {
    writes += event.response.payloadData.split('"write_envelope"').length - 1;
  });
  return { count: () => writes, stop: () => cdp.detach() };
}

/** Waits until Live's envelope stops changing; the time it last changed (performance.now). */
async function lastChange(client: BridgeClient, clip: string, parameter: string): Promise<number> {
  const read = async () =>
    JSON.stringify(
      EnvelopeReading.parse(
        await request(client, { op: 'read_envelope', target: clip, parameter, start: 0, end: 16, step: 16 }),
      ).events,
    );
  let last = await read();
  let changed = performance.now();
  for (let tries = 0; tries < 2000; tries += 1) {
    await new Promise((resolve) => setTimeout(resolve, 2));
    const now = await read();
    if (now !== last) {
      last = now;
      changed = performance.now();
    }
    if (performance.now() - changed > 300) break;
  }
  return changed;
}

async function freehand(
  page: Page,
  client: BridgeClient,
  clip: string,
  parameter: string,
  run: number,
): Promise<Stroke> {
  const view = await lane(page);
  const hand = await fingers(page);
  const writes = await countWrites(page);
  const beats = Math.min(15.5, view.startBeat + (view.width - 20) / view.pxPerBeat);
  await page.evaluate(`(${FRAMES})()`);
  const started = Date.now();
  const phase = run * 0.7;
  await hand.down(1, at(view, 0.1, 0.5));
  let moves = 0;
  // the finger moves for 2 s, as often as the browser takes touches (about a move per frame)
  for (let elapsed = 0; elapsed < 2000; elapsed = Date.now() - started) {
    const along = elapsed / 2000;
    await hand.move(1, at(view, 0.1 + (beats - 0.2) * along, 0.5 + 0.4 * Math.sin(phase + along * Math.PI * 4)), 1);
    moves += 1;
  }
  const lifted = performance.now();
  await hand.up(1);
  const seconds = (Date.now() - started) / 1000;
  const frames = await page.evaluate<number[]>('window.__stopFrames()');
  const settled = await lastChange(client, clip, parameter);
  await writes.stop();
  return { seconds, moves, frames, requests: writes.count(), settleMs: Math.max(0, settled - lifted) };
}

async function ramp(page: Page, client: BridgeClient, clip: string, parameter: string): Promise<Stroke> {
  await page.getByRole('radio', { name: /Ramp/ }).tap();
  const view = await lane(page);
  const hand = await fingers(page);
  const writes = await countWrites(page);
  await page.evaluate(`(${FRAMES})()`);
  const started = Date.now();
  await hand.down(1, at(view, 1, 0.1));
  const moves = 30;
  for (let step = 1; step <= moves; step += 1) {
    await hand.move(1, at(view, 1 + (6 * step) / moves, 0.1 + (0.8 * step) / moves), 1);
  }
  const lifted = performance.now();
  await hand.up(1);
  const seconds = (Date.now() - started) / 1000;
  const frames = await page.evaluate<number[]>('window.__stopFrames()');
  const settled = await lastChange(client, clip, parameter);
  await writes.stop();
  await page.getByRole('radio', { name: /Draw/ }).tap();
  return { seconds, moves, frames, requests: writes.count(), settleMs: Math.max(0, settled - lifted) };
}

export async function envelopeBench(): Promise<void> {
  buildIfStale('app');
  const bridge = await spawnBridge();
  const client = await BridgeClient.connect(bridge.url, bridge.token);
  const browser = await launchChromium();
  try {
    const clip = `id ${((await request(client, { op: 'get', target: CLIP })) as { $ref: number }).$ref}`;
    const volume = `id ${((await request(client, { op: 'get', target: VOLUME })) as { $ref: number }).$ref}`;
    const context = await browser.newContext({
      viewport: { width: 1194, height: 834 },
      hasTouch: true,
      isMobile: true,
    });
    const page = await context.newPage();
    await page.goto(`${bridge.url}/?token=${bridge.token}`);
    await page.getByRole('button', { name: 'Edit Bass Build' }).tap({ timeout: 20_000 });
    await page.locator('.ls-roll[data-state="ready"]').waitFor({ timeout: 20_000 });
    await page.getByRole('button', { name: 'Automation', exact: true }).tap();
    const picker = page.getByRole('dialog');
    await picker.getByRole('searchbox', { name: 'Filter parameters' }).fill('Track Volume');
    await picker
      .getByRole('button', { name: /Track Volume/ })
      .first()
      .tap();
    await page.locator('.ls-env[data-state="ready"]').waitFor({ timeout: 10_000 });
    // the clip plays: the playhead moves over the lane while the finger draws
    await request(client, { op: 'call', target: SLOT, fn: 'fire', args: [] });
    await request(client, { op: 'call', target: 'live_set', fn: 'start_playing', args: [] });
    await page.waitForTimeout(1000);
    if ((await request(client, { op: 'get', target: CLIP, prop: 'is_playing' })) !== true) {
      throw new Error('the clip does not play');
    }

    const rows: string[][] = [];
    const all: number[] = [];
    for (let run = 0; run < RUNS; run += 1) {
      const stroke = await freehand(page, client, clip, volume, run);
      const frames = summarize(stroke.frames);
      all.push(...stroke.frames);
      rows.push([
        `freehand ${run + 1}`,
        stroke.seconds.toFixed(1),
        String(stroke.moves),
        String(stroke.frames.length),
        String(stroke.requests),
        (stroke.requests / Math.max(1, stroke.frames.length)).toFixed(2),
        frames.p50.toFixed(1),
        frames.p99.toFixed(1),
        stroke.settleMs.toFixed(0),
      ]);
    }
    const straight = await ramp(page, client, clip, volume);
    const rampFrames = summarize(straight.frames);
    rows.push([
      'ramp',
      straight.seconds.toFixed(1),
      String(straight.moves),
      String(straight.frames.length),
      String(straight.requests),
      (straight.requests / Math.max(1, straight.frames.length)).toFixed(2),
      rampFrames.p50.toFixed(1),
      rampFrames.p99.toFixed(1),
      straight.settleMs.toFixed(0),
    ]);
    console.log('\nDrawing the Track Volume of a playing 4-bar clip in Chromium (1194x834, touch)\n');
    printTable(
      [
        'stroke',
        'finger down s',
        'moves',
        'frames drawn',
        'write requests',
        'requests per frame',
        'frame p50 ms',
        'frame p99 ms',
        'lift to Live holding it ms',
      ],
      rows,
    );
    const overall = summarize(all);
    console.log(
      `\nWhile drawing: ${(1000 / overall.mean).toFixed(1)} frames/s, frame p50 ${overall.p50.toFixed(1)} ms, p99 ${overall.p99.toFixed(1)} ms\n`,
    );
    await request(client, { op: 'call', target: 'live_set', fn: 'stop_playing', args: [] });
    await request(client, { op: 'erase_envelope', target: clip, parameter: volume });
    await context.close();
  } finally {
    await browser.close();
    await client.close();
    await bridge.stop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await envelopeBench();
