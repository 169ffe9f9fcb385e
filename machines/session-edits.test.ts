import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { FakeLive, inertEffects, settle } from '../fake-live/fake-live';
import { fakeSet } from '../fake-live/test-sets';
import { FakeTransport } from '../fake-live/transport';
import { LinkError } from '../link/errors';
import { initialLinkState } from '../link/link-state';
import { paletteColor } from '../ui/theme/live-colors';
import { after, coverage, done, failure, type PathEvent } from './graph-coverage';
import { refTarget } from './observe-invoke';
import { barsToBeats, editPlan, EditPlanError, type SessionEdit } from './session-edit-plans';
import { BUSY_REASON, LOCKED_REASON, sessionEditsMachine } from './session-edits';

const linked = (locked: boolean) => ({ type: 'link.state' as const, state: { ...initialLinkState, locked } });

function started(live: FakeLive = fakeSet()) {
  new FakeTransport(live);
  const actor = createActor(sessionEditsMachine.provide({ actors: live.effects() })).start();
  const edit = (edit: SessionEdit, label = 'an edit') => actor.send({ type: 'ui.edit', edit, label });
  return { live, actor, edit };
}

describe('editPlan', () => {
  it('wraps each edit in one step of Live’s undo history; a move is a copy, then a delete', () => {
    expect(editPlan({ kind: 'move', from: 'id 11', to: 'id 12' })).toEqual([
      { kind: 'call', target: 'live_set', fn: 'begin_undo_step' },
      { kind: 'call', target: 'id 11', fn: 'duplicate_clip_to', args: [{ $ref: 12 }] },
      { kind: 'call', target: 'id 11', fn: 'delete_clip' },
      { kind: 'call', target: 'live_set', fn: 'end_undo_step' },
    ]);
    expect(editPlan({ kind: 'recolor', clip: 'id 111', colorIndex: 12 })[1]).toEqual({
      kind: 'set',
      target: 'id 111',
      prop: 'color_index',
      value: 12,
    });
  });

  it('refuses what Live would refuse anyway, with a typed error', () => {
    expect(() => editPlan({ kind: 'create', slot: 'id 12', beats: 0 })).toThrow(EditPlanError);
    expect(() => editPlan({ kind: 'recolor', clip: 'id 1', colorIndex: 70 })).toThrow('not a color');
    expect(() => editPlan({ kind: 'duplicate', from: 'id 11', to: 'id 11' })).toThrow('its own slot');
    expect(() => editPlan({ kind: 'duplicate', from: 'id 11', to: 'live_set tracks 0' })).toThrow('not a Live');
  });

  it('counts bars in the song’s time signature', () => {
    expect(barsToBeats(2)).toBe(8);
    expect(barsToBeats(1, 3, 4)).toBe(3);
    expect(barsToBeats(1, 6, 8)).toBe(3);
  });
});

describe('sessionEditsMachine with the in-memory Live', () => {
  it('creates a clip in one undo step, offers Undo, and Live’s undo is called', async () => {
    const { live, actor, edit } = started();
    edit({ kind: 'create', slot: 'id 12', beats: 8 }, 'Created a 2-bar clip');
    await settle();
    expect(live.calls).toEqual([
      'call live_set begin_undo_step',
      'call id 12 create_clip [8]',
      'call live_set end_undo_step',
    ]);
    expect(live.objects.get('id 12')?.has_clip).toBe(true);
    expect(actor.getSnapshot().hasTag('offering')).toBe(true);
    expect(actor.getSnapshot().context.offer).toBe('Created a 2-bar clip');
    actor.send({ type: 'ui.undo' });
    await settle();
    expect(live.calls.at(-1)).toBe('call live_set undo');
    expect(actor.getSnapshot().value).toBe('idle');
    expect(actor.getSnapshot().context.offer).toBeNull();
  });

  it('moves a clip: the copy lands in the other slot and the original goes', async () => {
    const { live, edit } = started();
    edit({ kind: 'move', from: 'id 11', to: 'id 22' });
    await settle();
    expect(live.objects.get('id 11')?.has_clip).toBe(false);
    expect(live.objects.get('id 22')?.has_clip).toBe(true);
    expect(live.objects.get('id 111')).toBeUndefined();
  });

  it('moves a clip onto another in one undo step: Live’s copy replaces the clip there', async () => {
    const { live, edit } = started();
    edit({ kind: 'move', from: 'id 11', to: 'id 21' }, 'Moved Beat to Bass, slot 1, replacing Bassline');
    await settle();
    expect(live.calls).toEqual([
      'call live_set begin_undo_step',
      'call id 11 duplicate_clip_to [{"$ref":21}]',
      'call id 11 delete_clip',
      'call live_set end_undo_step',
    ]);
    expect(live.objects.get('id 211')).toBeUndefined();
    expect(live.objects.get('id 11')?.has_clip).toBe(false);
    const copy = refTarget(live.objects.get('id 21')?.clip ?? null);
    expect(copy).not.toBe('id 211');
    expect(live.objects.get(copy ?? '')?.name).toBe('Beat');
  });

  it('renames and recolors (the color from Live’s palette)', async () => {
    const { live, edit } = started();
    edit({ kind: 'rename', clip: 'id 111', name: 'Beat Z' });
    await settle();
    edit({ kind: 'recolor', clip: 'id 111', colorIndex: 14 });
    await settle();
    expect(live.objects.get('id 111')).toMatchObject({ name: 'Beat Z', color_index: 14, color: paletteColor(14) });
  });

  it('refuses structural edits while locked, with the reason; rename goes on', async () => {
    const { live, actor, edit } = started();
    actor.send(linked(true));
    edit({ kind: 'delete', slot: 'id 11' });
    await settle();
    expect(live.calls).toEqual([]);
    expect(actor.getSnapshot().context.error).toBe(LOCKED_REASON);
    edit({ kind: 'rename', clip: 'id 111', name: 'On stage' });
    await settle();
    expect(live.objects.get('id 111')?.name).toBe('On stage');
    actor.send(linked(false));
    edit({ kind: 'delete', slot: 'id 11' });
    await settle();
    expect(live.objects.get('id 11')?.has_clip).toBe(false);
  });

  it('closes the undo step a refused request left open, and says why; Undo is offered when part went through', async () => {
    const { live, actor, edit } = started();
    live.on('delete_clip', () => {
      throw new LinkError('forbidden', 'the surface is locked for performance');
    });
    edit({ kind: 'move', from: 'id 11', to: 'id 22' }, 'Moved Beat');
    await settle();
    expect(live.calls).toEqual([
      'call live_set begin_undo_step',
      'call id 11 duplicate_clip_to [{"$ref":22}]',
      'call id 11 delete_clip',
      'call live_set end_undo_step',
    ]);
    expect(actor.getSnapshot().context).toMatchObject({
      error: 'the surface is locked for performance',
      offer: 'Moved Beat',
    });
    // refused at once: nothing changed, nothing to undo
    live.calls.length = 0;
    edit({ kind: 'delete', slot: 'id 11' });
    await settle();
    expect(live.calls).toEqual([
      'call live_set begin_undo_step',
      'call id 11 delete_clip',
      'call live_set end_undo_step',
    ]);
    expect(actor.getSnapshot().value).toBe('idle');
    expect(actor.getSnapshot().context.offer).toBeNull();
  });

  it('says why an edit that cannot be planned, or one asked while another goes, was not made', async () => {
    const live = fakeSet();
    live.latencyMs = 5;
    const { actor, edit } = started(live);
    edit({ kind: 'create', slot: 'id 12', beats: -1 });
    expect(actor.getSnapshot().context.error).toContain('-1 beats');
    edit({ kind: 'create', slot: 'id 12', beats: 4 });
    edit({ kind: 'create', slot: 'id 22', beats: 4 });
    expect(actor.getSnapshot().context.error).toBe(BUSY_REASON);
    await new Promise((resolve) => setTimeout(resolve, 40));
    expect(live.objects.get('id 22')?.has_clip).toBe(false);
    actor.stop();
  });

  it('reaches every state node, and every path replays on a real actor', () => {
    type Event = PathEvent<typeof sessionEditsMachine>;
    const events: Event[] = [
      { type: 'ui.edit', edit: { kind: 'delete', slot: 'id 11' }, label: 'Deleted' },
      { type: 'ui.edit', edit: { kind: 'rename', clip: 'id 111', name: 'A' }, label: 'Renamed' },
      { type: 'ui.undo' },
      { type: 'ui.dismiss' },
      linked(true),
      done('request', null),
      done('change', null),
      failure('request', new LinkError('live_error', 'no')),
      done('close', null),
      failure('close', new LinkError('live_error', 'no')),
      done('undo', 'Undo'),
      failure('undo', new LinkError('live_error', 'no')),
      after('offerFor', 'sessionEdits.offering'),
    ];
    const machine = sessionEditsMachine.provide({ actors: inertEffects() });
    const result = coverage(machine, events, undefined, machine, (context) => [
      context.plan.map((step) => step.kind),
      context.step,
      context.changed,
    ]);
    expect(result.unreached).toEqual([]);
  });
});
