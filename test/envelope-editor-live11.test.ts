/**
 * The envelope editor on the simulator as Live 11 (no `events_in_range`,
 * no `delete_events_in_range`): the envelope read by sampling shows Live's
 * steps where they are, a stroke lands and reads back, erasing a range is
 * not offered (and says why), and clearing the whole envelope works.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createActor, waitFor } from 'xstate';
import { freePorts } from '../bridge/net';
import { startSimulator, type RunningSimulator } from '../bridge/simulator-process';
import { LiveLink } from '../link/live-link';
import { nodeSocket } from '../link/node-socket';
import { eraseWhyNot, pointsShown } from '../machines/envelope-editor-model';
import { valueAt } from '../machines/envelope-shape';
import { linkEffects } from '../machines/link-effects';
import { provideEnvelopeEditor } from '../machines/provide-clip-editor';
import { EnvelopeReading } from '../protocol/src/index';
import { startTestBridge, TOKEN, type TestBridge } from './support/bridge';

const PAD_BUILD = 'live_set tracks 4 clip_slots 3 clip'; // a step per beat of its filter's frequency
const FREQUENCY = 'live_set tracks 4 devices 1 parameters 3';

describe('the envelope editor on Live 11', () => {
  let simulator: RunningSimulator;
  let setup: TestBridge;
  let link: LiveLink;

  beforeAll(async () => {
    const [scriptPort, midiPort] = await freePorts(2);
    simulator = await startSimulator({ scriptPort, midiPort, liveVersion: '11' });
    setup = await startTestBridge({ mode: 'live', scriptPort });
    link = new LiveLink({ url: setup.url, token: TOKEN, socket: nodeSocket, client: 'live11', timeoutMs: 5000 });
    await link.ready();
  }, 30_000);

  afterAll(async () => {
    link?.close();
    await setup?.close();
    await simulator?.stop();
  });

  it('shows the sampled steps, draws, offers no range erase, and clears', async () => {
    const clip = `id ${((await link.get(PAD_BUILD)) as { $ref: number }).$ref}`;
    const parameter = `id ${((await link.get(FREQUENCY)) as { $ref: number }).$ref}`;
    const end = Number(await link.get(clip, 'length'));
    const read = async () =>
      EnvelopeReading.parse(
        await link.request({ op: 'read_envelope', target: clip, parameter, start: 0, end, step: 1 / 32 }),
      );
    const before = await read();
    expect(before.events).toBeNull();
    const editor = createActor(provideEnvelopeEditor(linkEffects(link)), { input: { clip } }).start();
    editor.send({ type: 'ui.range', start: 0, end });
    await waitFor(editor, (snapshot) => snapshot.hasTag('unchosen'), { timeout: 5000 });
    editor.send({ type: 'ui.choose', target: parameter });
    await waitFor(editor, (snapshot) => snapshot.hasTag('ready'), { timeout: 5000 });
    const { context } = editor.getSnapshot();
    expect(context.shape?.sampled).toBe(true);
    // every sample Live gave is on the shape shown: its steps are where Live has them
    const shown = pointsShown(context).points;
    for (const sample of before.samples) expect(valueAt(shown, sample.time, Number.NaN)).toBeCloseTo(sample.value, 6);
    expect(eraseWhyNot(context)).toMatch(/Live 11/);

    // an erase stroke is not made on Live 11; a step is
    editor.send({ type: 'ui.stroke.start', tool: 'erase', beat: 1, value: 0 });
    editor.send({ type: 'ui.stroke.move', beat: 3, value: 0 });
    editor.send({ type: 'ui.stroke.end' });
    expect(editor.getSnapshot().context.edits).toEqual([]);
    editor.send({ type: 'ui.stroke.start', tool: 'step', beat: 2.1, value: 0.9 });
    editor.send({ type: 'ui.stroke.end' });
    await waitFor(editor, (snapshot) => snapshot.context.edits.length === 0, { timeout: 5000 });
    const drawn = await read();
    expect(drawn.samples.find((sample) => sample.time === 2.125)?.value).toBeCloseTo(0.9, 6);
    expect(JSON.stringify(drawn.samples.filter((s) => s.time < 2 || s.time > 2.25))).toBe(
      JSON.stringify(before.samples.filter((s) => s.time < 2 || s.time > 2.25)),
    );

    // clearing the whole envelope (the musician confirmed it)
    editor.send({ type: 'ui.clear' });
    await waitFor(editor, (snapshot) => snapshot.context.edits.length === 0, { timeout: 5000 });
    expect((await read()).exists).toBe(false);
    await link.call('live_set', 'undo');
    expect((await read()).exists).toBe(true);
    editor.stop();
  }, 30_000);
});
