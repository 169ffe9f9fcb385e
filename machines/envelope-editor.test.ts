import { afterEach, describe, expect, it } from 'vitest';
import { createActor, type Actor } from 'xstate';
import { EDITED_CLIP, envelopeClip } from '../fake-live/editor-sets';
import { inertEffects, settle } from '../fake-live/fake-live';
import { LinkError } from '../link/errors';
import { envelopeEditorMachine, type EnvelopeEditorContext, type EnvelopeEditorMachine } from './envelope-editor';
import { after, coverage, done, failure, type PathEvent } from './graph-coverage';
import { STEPS_PER_WRITE, pendingShown, pointsShown, strokesWaiting } from './envelope-editor-model';
import { valueAt } from './envelope-shape';

const running: Actor<EnvelopeEditorMachine>[] = [];
afterEach(() => {
  for (const actor of running.splice(0)) actor.stop();
});

const FREQUENCY = 'id 80';
const FILTER_TYPE = 'id 81';

/** The editor on the 2-bar clip, its frames given by the test. */
async function openEditor(setUp: (set: ReturnType<typeof envelopeClip>) => void = () => {}) {
  const set = envelopeClip();
  setUp(set);
  const actor = createActor(envelopeEditorMachine.provide({ actors: set.live.effects() }), {
    input: { clip: EDITED_CLIP },
  });
  running.push(actor);
  actor.start();
  actor.send({ type: 'ui.range', start: 0, end: 8 });
  await settle();
  const frames = async (most = 50): Promise<number> => {
    let count = 0;
    while (set.live.frameWaiters > 0 && count < most) {
      set.live.frame();
      await settle();
      count += 1;
    }
    return count;
  };
  const choose = async (target: string) => {
    actor.send({ type: 'ui.choose', target });
    await settle();
    await settle();
  };
  /** The requests that change Live, in order. */
  const changes = () =>
    set.live.calls.filter(
      (call) => /^(write|erase)_envelope/.test(call) || /(begin|end)_undo_step|(undo|redo)$/.test(call),
    );
  return { ...set, actor, frames, choose, changes };
}

describe('envelopeEditor', () => {
  describe('opening and choosing', () => {
    it('lists what the clip can automate, then reads only what it is asked to show', async () => {
      const { actor, choose, live, changes } = await openEditor((set) =>
        set.envelopes.define(EDITED_CLIP, FREQUENCY, [
          { time: 0, value: 0.2, curve: { x1: 0.5, y1: 0, x2: 1, y2: 0.5 } },
          { time: 4, value: 0.8, curve: null },
        ]),
      );
      const { context } = actor.getSnapshot();
      expect(context.groups?.map((group) => group.name)).toEqual(['Mixer', 'Auto Filter', 'Simpler']);
      expect(context.groups?.[1]?.parameters[0]).toMatchObject({ name: 'Frequency', automated: true });
      expect(actor.getSnapshot().hasTag('unchosen')).toBe(true);
      await choose(FREQUENCY);
      expect(actor.getSnapshot().hasTag('ready')).toBe(true);
      expect(pointsShown(actor.getSnapshot().context)).toEqual({
        exists: true,
        points: [
          { time: 0, value: 0.2, curve: { x1: 0.5, y1: 0, x2: 1, y2: 0.5 } },
          { time: 4, value: 0.8, curve: null },
        ],
      });
      expect(actor.getSnapshot().context.parameter).toMatchObject({ name: 'Frequency', device: 'Auto Filter' });
      // the axis in Live's units
      expect(actor.getSnapshot().context.axis.map((label) => label.text)).toEqual([
        '0 %',
        '25 %',
        '50 %',
        '75 %',
        '100 %',
      ]);
      await choose('id 90');
      expect(actor.getSnapshot().context.parameter).toMatchObject({ device: 'Drum Rack › Kick › Simpler' });
      actor.stop();
      expect(changes()).toEqual([]);
      expect(live.calls.filter((call) => call.startsWith('read_envelope'))).toHaveLength(2);
    });

    it("names a quantized parameter's values by its items", async () => {
      const { actor, choose } = await openEditor();
      await choose(FILTER_TYPE);
      expect(actor.getSnapshot().context.axis).toEqual([
        { value: 0, text: 'Lowpass' },
        { value: 1, text: 'Highpass' },
        { value: 2, text: 'Bandpass' },
        { value: 3, text: 'Notch' },
      ]);
    });

    it('knows the parameter selected in Live', async () => {
      const { actor, live } = await openEditor();
      live.change('live_set view', 'selected_parameter', { $ref: 90, type: 'DeviceParameter', path: null });
      await settle();
      expect(actor.getSnapshot().context.selected).toBe('id 90');
    });

    it('is gone when the clip is deleted in Live', async () => {
      const { actor, live, choose } = await openEditor();
      await choose(FREQUENCY);
      live.remove(EDITED_CLIP);
      await settle();
      expect(actor.getSnapshot().hasTag('gone')).toBe(true);
    });
  });

  describe('drawing', () => {
    it('draws a freehand stroke in steps a quarter of the grid long, one request per frame, one undo step', async () => {
      const { actor, choose, frames, envelopes, changes } = await openEditor();
      await choose(FREQUENCY);
      actor.send({ type: 'ui.stroke.start', tool: 'draw', beat: 0, value: 0.2 });
      actor.send({ type: 'ui.stroke.move', beat: 0.5, value: 0.4 });
      // shown at once, marked until Live has it
      expect(valueAt(pointsShown(actor.getSnapshot().context).points, 0.01, 0)).toBeCloseTo(0.2, 1);
      expect(pendingShown(actor.getSnapshot().context)).toEqual([{ start: 0, end: 0.5625, state: 'sending' }]);
      await frames(3);
      actor.send({ type: 'ui.stroke.move', beat: 1, value: 0.6 });
      actor.send({ type: 'ui.stroke.end' });
      await frames();
      const sent = changes();
      expect(sent[0]).toBe('call live_set begin_undo_step');
      expect(sent[sent.length - 1]).toBe('call live_set end_undo_step');
      expect(sent.filter((call) => call.startsWith('write_envelope')).length).toBeGreaterThanOrEqual(2);
      const inLive = envelopes.points(EDITED_CLIP, FREQUENCY) ?? [];
      expect(valueAt(inLive, 0.01, 0)).toBeCloseTo(0.2, 1);
      expect(valueAt(inLive, 0.95, 0)).toBeCloseTo(0.58, 1);
      // outside the stroke the parameter's value holds (the envelope began there)
      expect(valueAt(inLive, 4, 0)).toBeCloseTo(0.5);
      expect(strokesWaiting(actor.getSnapshot().context)).toBe(0);
      expect(pendingShown(actor.getSnapshot().context)).toEqual([]);
    });

    it('writes a quantized parameter only its steps', async () => {
      const { actor, choose, frames, live } = await openEditor();
      await choose(FILTER_TYPE);
      actor.send({ type: 'ui.stroke.start', tool: 'step', beat: 0.1, value: 1.4 });
      actor.send({ type: 'ui.stroke.move', beat: 0.9, value: 2.6 });
      actor.send({ type: 'ui.stroke.end' });
      await frames();
      const values = live.calls.filter((call) => call.startsWith('write_envelope'));
      expect(values.length).toBeGreaterThan(0);
      expect(actor.getSnapshot().context.notice).toBeNull();
      const points = pointsShown(actor.getSnapshot().context).points;
      expect(points.every((point) => Number.isInteger(point.value))).toBe(true);
    });

    it("clamps values to the parameter's range", async () => {
      const { actor, choose, frames, envelopes } = await openEditor();
      await choose('id 71');
      actor.send({ type: 'ui.stroke.start', tool: 'step', beat: 0, value: 3 });
      actor.send({ type: 'ui.stroke.end' });
      await frames();
      expect(valueAt(envelopes.points(EDITED_CLIP, 'id 71') ?? [], 0.1, 0)).toBe(1);
    });

    it('draws a ramp between where the finger landed and where it let go, on release', async () => {
      const { actor, choose, frames, envelopes, changes } = await openEditor();
      await choose(FREQUENCY);
      actor.send({ type: 'ui.stroke.start', tool: 'ramp', beat: 1, value: 0 });
      actor.send({ type: 'ui.stroke.move', beat: 3, value: 1 });
      await frames();
      expect(changes()).toEqual([]);
      actor.send({ type: 'ui.stroke.end' });
      await frames();
      expect(changes()).toEqual([
        'call live_set begin_undo_step',
        `write_envelope ${EDITED_CLIP} ${FREQUENCY}`,
        'call live_set end_undo_step',
      ]);
      const inLive = envelopes.points(EDITED_CLIP, FREQUENCY) ?? [];
      expect(valueAt(inLive, 2, 0)).toBeCloseTo(0.5, 1);
      expect(valueAt(inLive, 0.5, 0)).toBeCloseTo(0.5);
    });

    it('sends a ramp longer than one write carries in several writes, one step of Live history', async () => {
      const { actor, choose, frames, envelopes, changes } = await openEditor();
      await choose(FREQUENCY);
      const beats = (STEPS_PER_WRITE * 2.5) / 32;
      actor.send({ type: 'ui.range', start: 0, end: beats + 1 });
      actor.send({ type: 'ui.stroke.start', tool: 'ramp', beat: 0, value: 0 });
      actor.send({ type: 'ui.stroke.move', beat: beats, value: 1 });
      actor.send({ type: 'ui.stroke.end' });
      await frames();
      expect(changes()).toEqual([
        'call live_set begin_undo_step',
        `write_envelope ${EDITED_CLIP} ${FREQUENCY}`,
        `write_envelope ${EDITED_CLIP} ${FREQUENCY}`,
        `write_envelope ${EDITED_CLIP} ${FREQUENCY}`,
        'call live_set end_undo_step',
      ]);
      const inLive = envelopes.points(EDITED_CLIP, FREQUENCY) ?? [];
      expect(valueAt(inLive, beats / 2, 0)).toBeCloseTo(0.5, 1);
      expect(valueAt(inLive, beats - 0.1, 0)).toBeCloseTo(1, 1);
      expect(actor.getSnapshot().context.notice).toBeNull();
    });

    it('erases a range on Live 12, and on Live 11 says it cannot', async () => {
      const { actor, choose, frames, envelopes } = await openEditor((set) =>
        set.envelopes.define(EDITED_CLIP, FREQUENCY, [
          { time: 0, value: 0.2, curve: null },
          { time: 2, value: 0.9, curve: null },
          { time: 4, value: 0.1, curve: null },
        ]),
      );
      await choose(FREQUENCY);
      actor.send({ type: 'ui.stroke.start', tool: 'erase', beat: 1, value: 0 });
      actor.send({ type: 'ui.stroke.move', beat: 3, value: 0 });
      actor.send({ type: 'ui.stroke.end' });
      await frames();
      expect(envelopes.points(EDITED_CLIP, FREQUENCY)).toEqual([
        { time: 0, value: 0.2, curve: null },
        { time: 4, value: 0.1, curve: null },
      ]);

      const old = await openEditor((set) => {
        set.envelopes.major = 11;
        set.envelopes.define(EDITED_CLIP, FREQUENCY, [{ time: 0, value: 0.2, curve: null }]);
      });
      await old.choose(FREQUENCY);
      expect(old.actor.getSnapshot().context.shape?.sampled).toBe(true);
      old.actor.send({ type: 'ui.stroke.start', tool: 'erase', beat: 1, value: 0 });
      old.actor.send({ type: 'ui.stroke.move', beat: 3, value: 0 });
      old.actor.send({ type: 'ui.stroke.end' });
      await old.frames();
      expect(old.changes()).toEqual([]);
    });

    it('clears the whole envelope only when asked, in one undo step', async () => {
      const { actor, choose, frames, envelopes, changes } = await openEditor((set) =>
        set.envelopes.define(EDITED_CLIP, FREQUENCY, [{ time: 0, value: 0.2, curve: null }]),
      );
      await choose(FREQUENCY);
      actor.send({ type: 'ui.clear' });
      await frames();
      expect(changes()).toEqual([
        'call live_set begin_undo_step',
        `erase_envelope ${EDITED_CLIP} ${FREQUENCY}`,
        'call live_set end_undo_step',
      ]);
      expect(envelopes.points(EDITED_CLIP, FREQUENCY)).toBeUndefined();
      await settle();
      expect(pointsShown(actor.getSnapshot().context).exists).toBe(false);
    });
  });

  describe('undo and other tablets', () => {
    it('takes a stroke back with one undo', async () => {
      const { actor, choose, frames, envelopes } = await openEditor();
      await choose(FREQUENCY);
      for (const value of [0.1, 0.9]) {
        actor.send({ type: 'ui.stroke.start', tool: 'step', beat: 0, value });
        actor.send({ type: 'ui.stroke.move', beat: 1.9, value });
        actor.send({ type: 'ui.stroke.end' });
        await frames();
        await settle();
      }
      expect(valueAt(envelopes.points(EDITED_CLIP, FREQUENCY) ?? [], 1, 0)).toBe(0.9);
      expect(actor.getSnapshot().context.canUndo).toBe(true);
      actor.send({ type: 'ui.undo' });
      await settle();
      await settle();
      expect(valueAt(envelopes.points(EDITED_CLIP, FREQUENCY) ?? [], 1, 0)).toBe(0.1);
      expect(valueAt(pointsShown(actor.getSnapshot().context).points, 1, 0)).toBe(0.1);
    });

    it('shows a stroke drawn on another tablet (the script says the envelopes changed)', async () => {
      const { actor, choose, envelopes } = await openEditor();
      await choose(FREQUENCY);
      envelopes.define(EDITED_CLIP, FREQUENCY, [{ time: 0, value: 0.33, curve: null }]);
      await settle();
      await settle();
      expect(pointsShown(actor.getSnapshot().context).points).toEqual([{ time: 0, value: 0.33, curve: null }]);
    });
  });

  describe('when Live refuses or is away', () => {
    it('takes a refused stroke back with a word', async () => {
      const { actor, choose, frames, live } = await openEditor();
      await choose(FREQUENCY);
      live.answer('write_envelope', () => {
        throw new LinkError('live_error', 'this parameter cannot be automated');
      });
      actor.send({ type: 'ui.stroke.start', tool: 'step', beat: 0, value: 0.5 });
      actor.send({ type: 'ui.stroke.end' });
      await frames();
      const { context } = actor.getSnapshot();
      expect(context.notice).toMatch(/Live refused the stroke \(this parameter cannot be automated\)/);
      expect(pendingShown(context)).toEqual([{ start: 0, end: 0.25, state: 'refused' }]);
      expect(pointsShown(context).exists).toBe(false);
      actor.send({ type: 'ui.dismiss' });
      expect(pendingShown(actor.getSnapshot().context)).toEqual([]);
    });

    it('keeps a stroke made while Live is away, shown as waiting, and sends it in one undo step when Live is back', async () => {
      const { actor, choose, frames, live, envelopes, changes } = await openEditor();
      await choose(FREQUENCY);
      live.status({ usable: false, epoch: 1 });
      await settle();
      actor.send({ type: 'ui.stroke.start', tool: 'step', beat: 2, value: 0.9 });
      actor.send({ type: 'ui.stroke.end' });
      await frames();
      expect(changes()).toEqual([]);
      expect(pendingShown(actor.getSnapshot().context)).toEqual([{ start: 2, end: 2.25, state: 'offline' }]);
      live.status({ usable: true, epoch: 1 });
      await settle();
      await frames();
      expect(changes()).toEqual([
        'call live_set begin_undo_step',
        `write_envelope ${EDITED_CLIP} ${FREQUENCY}`,
        'call live_set end_undo_step',
      ]);
      expect(valueAt(envelopes.points(EDITED_CLIP, FREQUENCY) ?? [], 2.1, 0)).toBe(0.9);
    });

    it('holds a write that went nowhere and sends it again', async () => {
      const { actor, choose, frames, live, envelopes } = await openEditor();
      await choose(FREQUENCY);
      let fail = true;
      const write = live.requestHandlers.get('write_envelope');
      live.answer('write_envelope', (input, fake) => {
        if (fail) {
          fail = false;
          throw new LinkError('unavailable', 'Live is not reachable');
        }
        return write ? write(input, fake) : null;
      });
      actor.send({ type: 'ui.stroke.start', tool: 'step', beat: 0, value: 0.9 });
      actor.send({ type: 'ui.stroke.end' });
      await frames();
      expect(actor.getSnapshot().hasTag('held')).toBe(true);
      await new Promise((resolve) => setTimeout(resolve, 1100));
      await frames();
      expect(valueAt(envelopes.points(EDITED_CLIP, FREQUENCY) ?? [], 0.1, 0)).toBe(0.9);
    });
  });
});

describe('envelopeEditor paths', () => {
  it('reaches every state node, and every path replays on a real actor', () => {
    const machine = envelopeEditorMachine.provide({ actors: inertEffects() });
    const offline = new LinkError('unavailable', 'x');
    const listed = {
      groups: [
        {
          kind: 'device',
          name: 'Auto Filter',
          path: ['Auto Filter'],
          parameters: [
            {
              ref: { $ref: 80, type: 'DeviceParameter', path: 'live_set tracks 0 devices 0 parameters 1' },
              name: 'Frequency',
              automated: false,
              min: 0,
              max: 1,
              value: 0.5,
              quantized: false,
              items: [],
            },
            {
              ref: { $ref: 81, type: 'DeviceParameter', path: 'live_set tracks 0 devices 0 parameters 2' },
              name: 'Filter Type',
              automated: false,
              min: 0,
              max: 1,
              value: 0,
              quantized: true,
              items: ['Lowpass', 'Highpass'],
            },
          ],
        },
      ],
    };
    const events: PathEvent<typeof machine>[] = [
      done('locate', { $ref: 50, type: 'Clip', path: 'live_set tracks 0 clip_slots 0 clip' }),
      failure('locate', new LinkError('gone', 'x')),
      done('list', listed),
      failure('list', new LinkError('live_error', 'x')),
      after('retryDelay', 'envelopeEditor.clip.failed'),
      { type: 'ui.retry' },
      { type: 'ui.choose', target: 'id 80' },
      { type: 'ui.choose', target: 'id 81' },
      done('read', { exists: false, samples: [], events: [] }),
      failure('read', new LinkError('live_error', 'x')),
      after('retryDelay', 'envelopeEditor.clip.open.chosen.envelope.failed'),
      after('idleRead', 'envelopeEditor.clip.open.chosen.envelope.shown'),
      { type: 'ui.stroke.start', tool: 'step', beat: 0, value: 0.5 },
      { type: 'ui.stroke.end' },
      { type: 'frame' },
      done('step', null),
      done('send', { inserted: 1 }),
      failure('send', offline),
      done('history', { can_undo: true, can_redo: true }),
      { type: 'ui.undo' },
      { type: 'ui.redo' },
      done('undo', 'Undo'),
      { type: 'live.status', usable: false, epoch: 1 },
      { type: 'live.status', usable: true, epoch: 1 },
      after('resendDelay', 'envelopeEditor.queue.held'),
    ];
    const summary = (c: EnvelopeEditorContext) => [
      c.edits[0]?.kind ?? null,
      c.stroke !== null,
      c.usable,
      c.parameter !== null,
      c.shape !== null,
      c.canUndo,
      c.canRedo,
    ];
    const result = coverage(machine, events, { clip: EDITED_CLIP }, machine, summary);
    expect(result.unreached).toEqual([]);
  });
});

describe('envelopeEditor ranges', () => {
  it('reads again when the clip turns out longer while a reading is on its way', async () => {
    const set = envelopeClip();
    set.envelopes.define(EDITED_CLIP, FREQUENCY, [
      { time: 0, value: 0.1, curve: null },
      { time: 6, value: 0.9, curve: null },
    ]);
    set.live.latencyMs = 5;
    const actor = createActor(envelopeEditorMachine.provide({ actors: set.live.effects() }), {
      input: { clip: EDITED_CLIP },
    });
    running.push(actor);
    actor.start();
    actor.send({ type: 'ui.range', start: 0, end: 4 });
    await new Promise((resolve) => setTimeout(resolve, 30));
    actor.send({ type: 'ui.choose', target: FREQUENCY });
    actor.send({ type: 'ui.range', start: 0, end: 8 });
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(pointsShown(actor.getSnapshot().context).points.map((point) => point.time)).toEqual([0, 6]);
  });
});
