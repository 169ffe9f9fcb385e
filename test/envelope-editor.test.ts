/**
 * The envelope editor's actor on LiveLink, the bridge and the simulator: a
 * drawn envelope reads back from Live within the grid's resolution; opening,
 * browsing and closing the editor leaves every envelope as it was; one undo
 * takes one stroke back; a quantized parameter only receives its steps; a
 * stroke on one tablet shows on another.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createActor, waitFor, type Actor } from 'xstate';
import { LiveLink } from '../link/live-link';
import { nodeSocket } from '../link/node-socket';
import { pointsShown } from '../machines/envelope-editor-model';
import { valueAt } from '../machines/envelope-shape';
import { linkEffects } from '../machines/link-effects';
import { provideEnvelopeEditor, type ProvidedEnvelopeEditor } from '../machines/provide-clip-editor';
import { AutomatableParameters, EnvelopeReading, type AutomatableParameter } from '../protocol/src/index';
import { startTestBridge, TOKEN, type TestBridge } from './support/bridge';

type Editor = Actor<ProvidedEnvelopeEditor>;

const SLOT = 'live_set tracks 2 clip_slots 0'; // the Bass track's first slot: empty in the demo set
const CLIP_BEATS = 8;

describe('the envelope editor on the bridge and the simulator', () => {
  let setup: TestBridge;
  const links: LiveLink[] = [];
  const editors: Editor[] = [];

  function connect(client: string): { link: LiveLink; editor: ProvidedEnvelopeEditor } {
    const link = new LiveLink({ url: setup.url, token: TOKEN, socket: nodeSocket, client, timeoutMs: 5000 });
    links.push(link);
    return { link, editor: provideEnvelopeEditor(linkEffects(link)) };
  }

  /** A new 2-bar MIDI clip in `slot`, its target. */
  async function newClip(link: LiveLink, slot: string): Promise<string> {
    await link.ready();
    if ((await link.get(slot, 'has_clip')) === true) await link.call(slot, 'delete_clip');
    await link.call(slot, 'create_clip', [CLIP_BEATS]);
    const ref = await link.get(`${slot} clip`);
    return `id ${(ref as { $ref: number }).$ref}`;
  }

  async function parametersOf(link: LiveLink, clip: string): Promise<AutomatableParameter[]> {
    const listed = AutomatableParameters.parse(await link.request({ op: 'envelope_parameters', target: clip }));
    return listed.groups.flatMap((group) => group.parameters);
  }

  async function open(logic: ProvidedEnvelopeEditor, clip: string, end = CLIP_BEATS): Promise<Editor> {
    const editor = createActor(logic, { input: { clip } }).start();
    editors.push(editor);
    editor.send({ type: 'ui.range', start: 0, end });
    await waitFor(editor, (snapshot) => snapshot.hasTag('unchosen') || snapshot.hasTag('ready'), { timeout: 10_000 });
    return editor;
  }

  async function choose(editor: Editor, target: string): Promise<void> {
    editor.send({ type: 'ui.choose', target });
    await waitFor(editor, (snapshot) => snapshot.hasTag('ready') && snapshot.context.parameter?.target === target, {
      timeout: 10_000,
    });
  }

  /** Waits until nothing is on its way, then reads Live's envelope (samples every 128th note). */
  async function settled(link: LiveLink, editor: Editor, clip: string, parameter: string, end = CLIP_BEATS) {
    await waitFor(editor, (snapshot) => snapshot.context.edits.length === 0 && snapshot.context.stroke === null, {
      timeout: 10_000,
    });
    return EnvelopeReading.parse(
      await link.request({ op: 'read_envelope', target: clip, parameter, start: 0, end, step: 1 / 32 }),
    );
  }

  /** A finger drawing through `points` (beat, value), a move per display frame or so. */
  async function stroke(editor: Editor, tool: 'draw' | 'step' | 'ramp', points: readonly [number, number][]) {
    const [first, ...rest] = points;
    if (!first) return;
    editor.send({ type: 'ui.stroke.start', tool, beat: first[0], value: first[1] });
    for (const [beat, value] of rest) {
      editor.send({ type: 'ui.stroke.move', beat, value });
      await new Promise((resolve) => setTimeout(resolve, 16));
    }
    editor.send({ type: 'ui.stroke.end' });
  }

  const sampleAt = (reading: EnvelopeReading, time: number) =>
    reading.samples.reduce((best, sample) =>
      Math.abs(sample.time - time) < Math.abs(best.time - time) ? sample : best,
    ).value;

  beforeAll(async () => {
    setup = await startTestBridge({ timeoutMs: 5000 });
  }, 30_000);

  afterAll(async () => {
    for (const editor of editors) editor.stop();
    for (const link of links) link.close();
    await setup?.close();
  });

  it('lands a freehand stroke in Live within the grid: what the finger drew reads back', async () => {
    const { link, editor: logic } = connect('envelope-draw');
    const clip = await newClip(link, SLOT);
    const parameter = (await parametersOf(link, clip)).find((p) => !p.quantized && p.max > p.min);
    if (!parameter) throw new Error('the Bass track has no continuous parameter');
    const target = `id ${parameter.ref.$ref}`;
    const editor = await open(logic, clip);
    await choose(editor, target);
    const span = parameter.max - parameter.min;
    const at = (fraction: number) => parameter.min + span * fraction;
    // a rise over the first bar, then a fall over the second
    const path: [number, number][] = [];
    for (let beat = 0; beat <= 7.9; beat += 0.1) path.push([beat, at(beat < 4 ? beat / 4 : (8 - beat) / 4)]);
    await stroke(editor, 'draw', path);
    const reading = await settled(link, editor, clip, target);
    expect(reading.exists).toBe(true);
    const grid = editor.getSnapshot().context.grid ?? 0.25;
    // within the grid: each cell holds the value the finger had in it
    for (let beat = 0.5; beat < 7.5; beat += 0.5) {
      const expected = at(beat < 4 ? beat / 4 : (8 - beat) / 4);
      expect(Math.abs(sampleAt(reading, beat) - expected)).toBeLessThanOrEqual((span * grid) / 4 + span * 0.02);
    }
    // the editor shows what Live holds
    const shown = pointsShown(editor.getSnapshot().context).points;
    for (const sample of reading.samples.filter((_, index) => index % 8 === 4)) {
      expect(valueAt(shown, sample.time, 0)).toBeCloseTo(sample.value, 3);
    }
  }, 30_000);

  it('leaves every envelope as it was when the editor is opened, browsed and closed', async () => {
    const { link, editor: logic } = connect('envelope-browse');
    await link.ready();
    // the clips of the demo set with automation (curves, a quantized one, a mixer volume), found by asking each slot
    const found: { clip: string; automated: AutomatableParameter[]; all: AutomatableParameter[] }[] = [];
    for (let track = 0; track < 8; track += 1) {
      for (let scene = 0; scene < 8; scene += 1) {
        const slot = `live_set tracks ${track} clip_slots ${scene}`;
        if ((await link.get(slot, 'has_clip').catch(() => false)) !== true) continue;
        const ref = (await link.get(`${slot} clip`)) as { $ref: number };
        const clip = `id ${ref.$ref}`;
        const all = await parametersOf(link, clip);
        const automated = all.filter((p) => p.automated);
        if (automated.length > 0) found.push({ clip, automated, all });
      }
    }
    expect(found.length).toBeGreaterThanOrEqual(3);
    let curves = 0;
    for (const { clip, automated, all } of found) {
      const end = Number(await link.get(clip, 'length'));
      const everything = async () =>
        JSON.stringify(
          await Promise.all(
            all.map((p) =>
              link.request({
                op: 'read_envelope',
                target: clip,
                parameter: `id ${p.ref.$ref}`,
                start: 0,
                end,
                step: 0.25,
              }),
            ),
          ),
        );
      const before = await everything();
      if (before.includes('"curve":{')) curves += 1;
      const editor = await open(logic, clip, end);
      for (const parameter of [...automated, ...all.slice(0, 2)]) await choose(editor, `id ${parameter.ref.$ref}`);
      editor.stop();
      expect(await everything()).toBe(before);
    }
    expect(curves).toBeGreaterThan(0);
  }, 60_000);

  it('takes one stroke back with one Live undo', async () => {
    const { link, editor: logic } = connect('envelope-undo');
    const clip = await newClip(link, SLOT);
    const parameter = (await parametersOf(link, clip)).find((p) => !p.quantized && p.max > p.min);
    if (!parameter) throw new Error('the Bass track has no continuous parameter');
    const target = `id ${parameter.ref.$ref}`;
    const low = parameter.min + (parameter.max - parameter.min) * 0.2;
    const high = parameter.min + (parameter.max - parameter.min) * 0.8;
    const editor = await open(logic, clip);
    await choose(editor, target);
    await stroke(editor, 'step', [
      [0, low],
      [3.9, low],
    ]);
    const first = await settled(link, editor, clip, target);
    await stroke(editor, 'ramp', [
      [1, high],
      [3, low],
    ]);
    const second = await settled(link, editor, clip, target);
    expect(sampleAt(second, 1.5)).not.toBeCloseTo(sampleAt(first, 1.5), 3);
    await waitFor(editor, (snapshot) => snapshot.context.canUndo, { timeout: 5000 });
    editor.send({ type: 'ui.undo' });
    await waitFor(editor, (snapshot) => snapshot.hasTag('ready') && !snapshot.context.readAgain, { timeout: 5000 });
    const undone = EnvelopeReading.parse(
      await link.request({
        op: 'read_envelope',
        target: clip,
        parameter: target,
        start: 0,
        end: CLIP_BEATS,
        step: 1 / 32,
      }),
    );
    expect(undone.samples).toEqual(first.samples);
  }, 30_000);

  it('gives a quantized parameter only its steps, and a second tablet sees the stroke', async () => {
    const { link, editor: logic } = connect('envelope-quantized');
    const other = connect('envelope-other');
    const clip = await newClip(link, SLOT);
    const parameter = (await parametersOf(link, clip)).find((p) => p.quantized && p.max - p.min >= 2);
    if (!parameter) throw new Error('the Bass track has no quantized parameter');
    const target = `id ${parameter.ref.$ref}`;
    const editor = await open(logic, clip);
    const watcher = await open(other.editor, clip);
    await choose(editor, target);
    await choose(watcher, target);
    const path: [number, number][] = [];
    for (let beat = 0; beat <= 7.9; beat += 0.2)
      path.push([beat, parameter.min + (parameter.max - parameter.min) * (beat / 8)]);
    await stroke(editor, 'draw', path);
    const reading = await settled(link, editor, clip, target);
    const values = new Set(reading.samples.map((sample) => sample.value));
    for (const value of values) {
      expect(Number.isInteger(value - parameter.min)).toBe(true);
      expect(value).toBeGreaterThanOrEqual(parameter.min);
      expect(value).toBeLessThanOrEqual(parameter.max);
    }
    expect(values.size).toBeGreaterThan(1);
    // the other tablet reads again when the script says the clip's envelopes changed
    await waitFor(
      watcher,
      (snapshot) => {
        const shown = pointsShown(snapshot.context).points;
        return reading.samples.every((sample) => valueAt(shown, sample.time, Number.NaN) === sample.value);
      },
      { timeout: 5000 },
    );
  }, 30_000);
});
