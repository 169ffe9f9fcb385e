import { afterEach, describe, expect, it } from 'vitest';
import { createActor, type Actor } from 'xstate';
import { EDITED_CLIP, envelopeClip } from '../../fake-live/editor-sets';
import { settle } from '../../fake-live/fake-live';
import { provideEnvelopeEditor, type ProvidedEnvelopeEditor } from '../../machines/provide-clip-editor';
import { envelopeEditorViewOf, envelopeIntentEvent, touchedEntries } from './use-envelope-editor';

const running: Actor<ProvidedEnvelopeEditor>[] = [];
afterEach(() => {
  for (const actor of running.splice(0)) actor.stop();
});

async function opened(setUp: (set: ReturnType<typeof envelopeClip>) => void = () => {}) {
  const set = envelopeClip();
  setUp(set);
  const actor = createActor(provideEnvelopeEditor(set.live.effects()), { input: { clip: EDITED_CLIP } });
  running.push(actor);
  actor.start();
  actor.send({ type: 'ui.range', start: 0, end: 8 });
  await settle();
  return { ...set, actor, view: envelopeEditorViewOf() };
}

describe('the envelope editor as the lane, toolbar and picker show it', () => {
  it('offers the parameter moved here, then the one selected in Live, only when the clip can automate them', async () => {
    const { actor, live, view } = await opened();
    live.change('live_set view', 'selected_parameter', { $ref: 90, type: 'DeviceParameter', path: null });
    await settle();
    const shown = view(actor.getSnapshot());
    expect(shown.selected).toMatchObject({ target: 'id 90', name: 'Filter Freq', why: 'selected in Live' });
    expect(touchedEntries(shown.automatable, 'id 80', shown.selected).map((entry) => [entry.name, entry.why])).toEqual([
      ['Frequency', 'moved here'],
      ['Filter Freq', 'selected in Live'],
    ]);
    // a parameter of another track is not offered
    expect(touchedEntries(shown.automatable, 'id 999', null)).toEqual([]);
    // the same parameter moved here and selected in Live is offered once
    expect(touchedEntries(shown.automatable, 'id 90', shown.selected)).toHaveLength(1);
  });

  it('names the groups as the picker lists them, the automated ones marked', async () => {
    const { actor, view } = await opened((set) =>
      set.envelopes.define(EDITED_CLIP, 'id 90', [{ time: 0, value: 0.4, curve: null }]),
    );
    const { groups, state } = view(actor.getSnapshot());
    expect(state).toBe('unchosen');
    expect(groups.map((group) => group.entries[0]?.device)).toEqual([
      'Mixer',
      'Auto Filter',
      'Drum Rack › Kick › Simpler',
    ]);
    expect(groups[2]?.entries[0]).toMatchObject({ name: 'Filter Freq', automated: true });
  });

  it('stays ready while the envelope is read again, and shows a ramp under the finger before it is made', async () => {
    const { actor, view, envelopes } = await opened();
    actor.send({ type: 'ui.choose', target: 'id 80' });
    await settle();
    await settle();
    expect(view(actor.getSnapshot()).state).toBe('ready');
    envelopes.define(EDITED_CLIP, 'id 80', [{ time: 0, value: 0.3, curve: null }]);
    expect(view(actor.getSnapshot()).state).toBe('ready');
    actor.send(envelopeIntentEvent({ type: 'start', tool: 'ramp', beat: 1, value: 0.2 }));
    actor.send(envelopeIntentEvent({ type: 'move', beat: 3, value: 0.8 }));
    expect(view(actor.getSnapshot()).preview).toEqual({
      kind: 'ramp',
      from: { beat: 1, value: 0.2 },
      to: { beat: 3, value: 0.8 },
    });
    // a second finger came to zoom: the ramp is not made
    actor.send(envelopeIntentEvent({ type: 'cancel' }));
    expect(view(actor.getSnapshot()).preview).toBeNull();
    expect(actor.getSnapshot().context.edits).toEqual([]);
  });
});
