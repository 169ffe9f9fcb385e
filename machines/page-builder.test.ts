import { describe, expect, it } from 'vitest';
import { createActor, toPromise } from 'xstate';
import { FakeLive, settle } from '../fake-live/fake-live';
import { LinkError } from '../link/errors';
import { SavedPage, type PageWidget } from '../protocol/src/pages';
import { freeName, pageBuilderMachine, type PageBuilderInput } from './page-builder';

const DRIVE = 'live_set tracks 1 devices 0 parameters 3';
const CUTOFF = 'live_set tracks 1 devices 0 parameters 1';
const ref = (id: number, type: string, path: string) => ({ $ref: id, type, path });

function liveSet(): FakeLive {
  return new FakeLive()
    .define('live_set view', { selected_parameter: null, selected_track: ref(2, 'Track', 'live_set tracks 0') })
    .define('live_set tracks 0', { name: 'Drums' })
    .define('live_set tracks 1', { name: 'Bass' })
    .define('live_set tracks 1 devices 0', { name: 'Saturator' })
    .define(DRIVE, { name: 'Drive', value: 0.2 })
    .define(CUTOFF, { name: 'Cutoff', value: 0.5 })
    .define('live_set return_tracks 0 mixer_device volume', { name: 'Track Volume', value: 0.85 });
}

const empty = (title = 'My page'): SavedPage => ({ format: 'livesurface.page', version: 1, title, widgets: [] });

function started(live = liveSet(), input: Partial<PageBuilderInput> = {}) {
  const actor = createActor(pageBuilderMachine.provide({ actors: live.effects() }), {
    input: { name: null, revision: null, page: empty(), taken: [], ...input },
  }).start();
  return { live, actor, context: () => actor.getSnapshot().context };
}

const widget = (context: { draft: SavedPage }, id: string): PageWidget | undefined =>
  context.draft.widgets.find((each) => each.id === id);

describe('pageBuilder: the grid', () => {
  it('places each new widget where it first fits, reading the grid like a page, and selects it', () => {
    const { actor, context } = started();
    actor.send({ type: 'ui.add', kind: 'knob' });
    actor.send({ type: 'ui.add', kind: 'fader' });
    actor.send({ type: 'ui.add', kind: 'keys' });
    const [knob, fader, keys] = context().draft.widgets;
    expect(knob).toMatchObject({ id: 'w1', kind: 'knob', x: 0, y: 0, w: 2, h: 2, parameter: null });
    expect(fader).toMatchObject({ id: 'w2', kind: 'fader', x: 2, y: 0, w: 1, h: 4 });
    expect(keys).toMatchObject({ id: 'w3', kind: 'keys', x: 0, y: 4, w: 12, h: 4, track: null });
    expect(context().selected).toBe('w3');
    expect(SavedPage.safeParse(context().draft).success).toBe(true);
  });

  it('moves and resizes only where the widget fits, kept inside the grid', () => {
    const { actor, context } = started();
    actor.send({ type: 'ui.add', kind: 'knob' });
    actor.send({ type: 'ui.add', kind: 'knob' });
    actor.send({ type: 'ui.move', id: 'w2', x: 1, y: 1 }); // onto w1: refused
    expect(widget(context(), 'w2')).toMatchObject({ x: 2, y: 0 });
    actor.send({ type: 'ui.move', id: 'w2', x: 20, y: 3 }); // past the right edge: brought back in whole
    expect(widget(context(), 'w2')).toMatchObject({ x: 10, y: 3 });
    actor.send({ type: 'ui.resize', id: 'w1', w: 4, h: 5 }); // would cover w2? no: w2 is at x 10
    expect(widget(context(), 'w1')).toMatchObject({ w: 4, h: 5 });
    actor.send({ type: 'ui.resize', id: 'w1', w: 11, h: 5 }); // onto w2: refused
    expect(widget(context(), 'w1')).toMatchObject({ w: 4, h: 5 });
    actor.send({ type: 'ui.resize', id: 'w1', w: 0, h: 0 }); // smaller than a knob can be: its least
    expect(widget(context(), 'w1')).toMatchObject({ w: 1, h: 1 });
  });

  it('says so when the page is full, and adds nothing', () => {
    const { actor, context } = started();
    for (let row = 0; row < 64 / 4 + 1; row += 1) actor.send({ type: 'ui.add', kind: 'keys' });
    const count = context().draft.widgets.length;
    expect(count).toBe(16);
    actor.send({ type: 'ui.add', kind: 'keys' });
    expect(context().draft.widgets).toHaveLength(count);
    expect(context().error).toMatch(/full/);
  });

  it('removes a widget and labels one', () => {
    const { actor, context } = started();
    actor.send({ type: 'ui.add', kind: 'knob' });
    actor.send({ type: 'ui.label', id: 'w1', label: 'Grit' });
    expect(widget(context(), 'w1')?.label).toBe('Grit');
    actor.send({ type: 'ui.label', id: 'w1', label: '' });
    expect(widget(context(), 'w1')?.label).toBeUndefined();
    actor.send({ type: 'ui.remove', id: 'w1' });
    expect(context().draft.widgets).toEqual([]);
    expect(context().selected).toBeNull();
  });
});

describe('pageBuilder: learn', () => {
  it('binds the parameter the musician then selects in Live, by its track’s and device’s names', async () => {
    const { live, actor, context } = started();
    live.change('live_set view', 'selected_parameter', ref(40, 'DeviceParameter', CUTOFF)); // before learning
    actor.send({ type: 'ui.add', kind: 'knob' });
    actor.send({ type: 'ui.learn', slot: 'parameter' });
    await settle();
    expect(actor.getSnapshot().hasTag('learning')).toBe(true);
    expect(widget(context(), 'w1')).toMatchObject({ parameter: null }); // what was selected before is no answer
    live.change('live_set view', 'selected_parameter', ref(41, 'DeviceParameter', DRIVE));
    await settle();
    await settle();
    expect(actor.getSnapshot().hasTag('learning')).toBe(false);
    expect(widget(context(), 'w1')).toMatchObject({
      parameter: {
        track: { name: 'Bass' },
        device: { name: 'Saturator' },
        target: 'parameters 3',
        what: 'Bass › Saturator › Drive',
      },
    });
  });

  it('binds the parameter already selected when the musician moves it in Live', async () => {
    const { live, actor, context } = started();
    live.change('live_set view', 'selected_parameter', ref(40, 'DeviceParameter', CUTOFF));
    actor.send({ type: 'ui.add', kind: 'fader' });
    actor.send({ type: 'ui.learn', slot: 'parameter' });
    await settle();
    live.change(CUTOFF, 'value', 0.7);
    await settle();
    await settle();
    expect(widget(context(), 'w1')).toMatchObject({
      parameter: { target: 'parameters 1', what: 'Bass › Saturator › Cutoff' },
    });
  });

  it('binds a keyboard to the track then selected in Live', async () => {
    const { live, actor, context } = started();
    actor.send({ type: 'ui.add', kind: 'keys' });
    actor.send({ type: 'ui.learn', slot: 'track' });
    await settle();
    live.change('live_set view', 'selected_track', ref(3, 'Track', 'live_set tracks 1'));
    await settle();
    await settle();
    expect(widget(context(), 'w1')).toMatchObject({ track: { name: 'Bass' } });
  });

  it('stops learning when asked, binding nothing', async () => {
    const { live, actor, context } = started();
    actor.send({ type: 'ui.add', kind: 'knob' });
    actor.send({ type: 'ui.learn', slot: 'parameter' });
    await settle();
    actor.send({ type: 'ui.learn.cancel' });
    live.change('live_set view', 'selected_parameter', ref(41, 'DeviceParameter', DRIVE));
    await settle();
    expect(widget(context(), 'w1')).toMatchObject({ parameter: null });
    expect(live.watching('live_set view', 'selected_parameter')).toBe(0);
  });

  it('binds what is picked in the object browser; a return track’s parameter stays a path', async () => {
    const { actor, context } = started();
    actor.send({ type: 'ui.add', kind: 'xy' });
    actor.send({ type: 'ui.pick', slot: 'x', path: DRIVE });
    await settle();
    actor.send({ type: 'ui.pick', slot: 'y', path: 'live_set return_tracks 0 mixer_device volume' });
    await settle();
    expect(widget(context(), 'w1')).toMatchObject({
      x_parameter: { track: { name: 'Bass' }, device: { name: 'Saturator' }, target: 'parameters 3' },
      y_parameter: { target: 'live_set return_tracks 0 mixer_device volume', what: 'Track Volume' },
    });
    actor.send({ type: 'ui.unbind', slot: 'x' });
    expect(widget(context(), 'w1')).toMatchObject({ x_parameter: null });
  });

  it('binds by place when the names cannot be read', async () => {
    const live = liveSet();
    live.failures.set(`${DRIVE} name`, new LinkError('gone', 'the device was deleted'));
    const { actor, context } = started(live);
    actor.send({ type: 'ui.add', kind: 'knob' });
    actor.send({ type: 'ui.pick', slot: 'parameter', path: DRIVE });
    await settle();
    expect(widget(context(), 'w1')).toMatchObject({
      parameter: { track: { index: 1 }, device: { index: 0 }, target: 'parameters 3' },
    });
  });
});

describe('pageBuilder: saving', () => {
  it('saves a new page under a name from its title that no other page has', async () => {
    const { live, actor } = started(liveSet(), { page: empty('Bass tweaks'), taken: ['bass-tweaks'] });
    actor.send({ type: 'ui.add', kind: 'knob' });
    actor.send({ type: 'ui.save' });
    const output = await toPromise(actor);
    expect(output).toEqual({ outcome: 'saved', name: 'bass-tweaks-2', revision: 'r1' });
    expect(live.savedPages.get('bass-tweaks-2')?.page.widgets).toHaveLength(1);
  });

  it('keeps the draft and says why when another tablet changed the page meanwhile', async () => {
    const live = liveSet();
    live.savedPages.set('mine', { revision: 'theirs', page: empty('Mine') });
    const { actor, context } = started(live, { name: 'mine', revision: 'r0', page: empty('Mine') });
    actor.send({ type: 'ui.add', kind: 'fader' });
    actor.send({ type: 'ui.save' });
    await settle();
    expect(actor.getSnapshot().matches('editing')).toBe(true);
    expect(context().error).toMatch(/Not saved: .*another tablet/);
    expect(context().draft.widgets).toHaveLength(1);
  });

  it('asks for a title before saving', () => {
    const { actor, context } = started(liveSet(), { page: empty('  ') });
    actor.send({ type: 'ui.save' });
    expect(actor.getSnapshot().matches('editing')).toBe(true);
    expect(context().error).toMatch(/title/);
  });

  it('deletes a saved page at the revision it opened', async () => {
    const live = liveSet();
    live.savedPages.set('mine', { revision: 'r0', page: empty('Mine') });
    const { actor } = started(live, { name: 'mine', revision: 'r0', page: empty('Mine') });
    actor.send({ type: 'ui.delete' });
    expect(await toPromise(actor)).toEqual({ outcome: 'deleted' });
    expect(live.savedPages.has('mine')).toBe(false);
  });

  it('names a new page from its title', () => {
    expect(freeName('Bass tweaks', [])).toBe('bass-tweaks');
    expect(freeName('Bass tweaks', ['bass-tweaks', 'bass-tweaks-2'])).toBe('bass-tweaks-3');
    expect(freeName('!!!', [])).toBe('page');
  });
});
