import { afterEach, describe, expect, it } from 'vitest';
import { createActor, SimulatedClock } from 'xstate';
import { EDITED_CLIP, EDITED_CLIP_PATH, editorClip, note } from '../fake-live/editor-sets';
import { inertEffects, settle } from '../fake-live/fake-live';
import { LinkError } from '../link/errors';
import { clipEditorMachine } from './clip-editor';
import { notesShown, type ClipEditorContext } from './clip-editor-model';
import { after, coverage, done, failure, type PathEvent } from './graph-coverage';
import { changesSent, openEditor, stopEditors } from './clip-editor-harness';

afterEach(stopEditors);

describe('clipEditor with Live', () => {
  it('never moves a note under a finger when Live changes it meanwhile, and shows Live once the finger lifts', async () => {
    const { actor, frames, live, shown, inLive } = await openEditor();
    actor.send({ type: 'ui.grab', key: 2, handle: 'body', copy: false });
    actor.send({ type: 'ui.drag', beats: 1, semitones: 1, free: false });
    await frames();
    // another tablet moves the same note, and another one, while the finger holds it
    await live.handlers.get('apply_note_modifications')?.(
      {
        target: EDITED_CLIP,
        fn: 'apply_note_modifications',
        args: [
          [
            { note_id: 2, pitch: 20 },
            { note_id: 3, pitch: 21 },
          ],
        ],
      },
      live,
    );
    await frames();
    await settle();
    expect(shown().find(([key]) => key === 2)).toEqual([2, 39, 2, 0.25]);
    actor.send({ type: 'ui.release' });
    await frames();
    await new Promise((resolve) => setTimeout(resolve, 10));
    await frames();
    // the editor ends exactly as Live has the clip
    expect(shown()).toEqual(inLive());
    expect(inLive().find(([id]) => id === 3)).toEqual([3, 21, 0.5, 0.25]);
  });

  it('rolls back an edit Live refuses, with a word, and the edits that needed it', async () => {
    const { actor, frames, live, shown } = await openEditor([]);
    live.on('add_new_notes', () => {
      throw new LinkError('live_error', 'the clip is frozen');
    });
    actor.send({ type: 'ui.add', pitch: 60, beat: 0 });
    actor.send({ type: 'ui.grab', key: 'new:1', handle: 'body', copy: false });
    actor.send({ type: 'ui.drag', beats: 1, semitones: 0, free: false });
    actor.send({ type: 'ui.release' });
    expect(shown()).toHaveLength(1);
    await frames();
    expect(shown()).toEqual([]);
    expect(actor.getSnapshot().context.notice).toBe(
      'Live refused adding a note, so it was undone here: the clip is frozen',
    );
    expect(changesSent(live.calls).filter((call) => call.includes('apply_note_modifications'))).toEqual([]);
    actor.send({ type: 'ui.dismiss' });
    expect(actor.getSnapshot().context.notice).toBeNull();
  });

  it('keeps edits made while Live is away, shown as waiting, and sends them in one step when it is back', async () => {
    const { actor, frames, live, inLive } = await openEditor([note(60, 0)]);
    live.status({ usable: false, epoch: 1 });
    await settle();
    expect(actor.getSnapshot().hasTag('offline')).toBe(true);
    actor.send({ type: 'ui.add', pitch: 62, beat: 1 });
    actor.send({ type: 'ui.select', keys: [1], mode: 'replace' });
    actor.send({ type: 'ui.transpose', semitones: 1 });
    expect(await frames()).toBe(0);
    expect(actor.getSnapshot().context.usable).toBe(false);
    expect(actor.getSnapshot().context.edits.map((edit) => edit.kind)).toEqual([
      'call',
      'add',
      'call',
      'call',
      'modify',
      'call',
    ]);
    live.status({ usable: true, epoch: 1 });
    await frames();
    expect(changesSent(live.calls)).toEqual([
      'live_set begin_undo_step',
      'id 50 add_new_notes',
      'id 50 apply_note_modifications',
      'live_set end_undo_step',
    ]);
    expect(inLive()).toEqual([
      [1, 61, 0, 0.25],
      [2, 62, 1, 0.25],
    ]);
  });

  it('holds an edit Live did not get when the link went, and sends it when Live is back', async () => {
    const { actor, frames, live, inLive } = await openEditor([]);
    let refuse = true;
    const add = live.handlers.get('add_new_notes');
    live.on('add_new_notes', (input, fake) => {
      if (refuse) throw new LinkError('unavailable', 'Live is offline');
      return add?.(input, fake) ?? null;
    });
    actor.send({ type: 'ui.add', pitch: 60, beat: 0 });
    await frames();
    expect(actor.getSnapshot().hasTag('held')).toBe(true);
    expect(notesShown(actor.getSnapshot().context)).toHaveLength(1);
    refuse = false;
    live.status({ usable: false, epoch: 1 });
    live.status({ usable: true, epoch: 1 });
    await frames();
    expect(inLive()).toEqual([[1, 60, 0, 0.25]]);
  });

  it('finds the clip again in a new Live, sends the new notes that waited, and gives up changes to old ids with a word', async () => {
    const { actor, live, notes, frames, inLive } = await openEditor();
    live.status({ usable: false, epoch: 1 });
    actor.send({ type: 'ui.select', keys: [1], mode: 'replace' });
    actor.send({ type: 'ui.delete' });
    actor.send({ type: 'ui.add', pitch: 70, beat: 2 });
    // Live started again: the same clip, found by its path under a new id
    live.define('id 77', { ...live.objects.get(EDITED_CLIP) });
    live.paths.set(EDITED_CLIP_PATH, 'id 77');
    notes.define(
      'id 77',
      notes.of(EDITED_CLIP).map((old) => note(old.pitch, old.start_time, old.duration, old.velocity)),
    );
    live.status({ usable: true, epoch: 2 });
    await frames();
    expect(actor.getSnapshot().context.clip).toBe('id 77');
    expect(actor.getSnapshot().context.notice).toBe(
      'Live started again before it got 1 change to notes it had: they were given up.',
    );
    expect(notes.of('id 77').map((n) => [n.pitch, n.start_time])).toEqual([
      [36, 0],
      [42, 0.5],
      [38, 1],
      [70, 2],
    ]);
    expect(inLive()).toHaveLength(3);
  });

  it('gives up waiting edits when asked, with a word', async () => {
    const { actor, live } = await openEditor();
    live.status({ usable: false, epoch: 1 });
    actor.send({ type: 'ui.add', pitch: 60, beat: 3 });
    actor.send({ type: 'ui.discard' });
    expect(actor.getSnapshot().context).toMatchObject({
      edits: [],
      notice: 'The changes Live did not get were given up.',
    });
    expect(notesShown(actor.getSnapshot().context)).toHaveLength(3);
  });

  it('fails when Live cannot read the clip, retries with backoff, and at once on ui.retry', async () => {
    const set = editorClip([note(60, 0)]);
    set.live.failures.set(`${EDITED_CLIP} loop_start`, new LinkError('live_error', 'busy'));
    const clock = new SimulatedClock();
    const actor = createActor(clipEditorMachine.provide({ actors: set.live.effects() }), {
      input: { clip: EDITED_CLIP },
      clock,
    }).start();
    await settle();
    expect(actor.getSnapshot().hasTag('failed')).toBe(true);
    expect(actor.getSnapshot().context.error).toEqual({ code: 'live_error', message: 'busy' });
    clock.increment(999);
    await settle();
    expect(actor.getSnapshot().hasTag('failed')).toBe(true);
    clock.increment(1);
    await settle();
    expect(actor.getSnapshot().context.retries).toBe(1);
    set.live.failures.clear();
    actor.send({ type: 'ui.retry' });
    await settle();
    expect(actor.getSnapshot().hasTag('ready')).toBe(true);
    actor.stop();
  });
});

describe('clipEditor paths', () => {
  it('reaches every state node, and every path replays on a real actor', () => {
    const machine = clipEditorMachine.provide({ actors: inertEffects() });
    const offline = new LinkError('unavailable', 'x');
    const events: PathEvent<typeof machine>[] = [
      done('locate', { $ref: 50, type: 'Clip', path: 'live_set tracks 0 clip_slots 0 clip' }),
      done('loadClip', { is_midi_clip: true, loop_start: 0, loop_end: 4 }),
      done('loadClip', { is_midi_clip: false }),
      failure('loadClip', new LinkError('live_error', 'x')),
      failure('loadClip', new LinkError('gone', 'x')),
      done('loadNotes', []),
      { type: 'live.value', key: 'notes', value: null },
      done('readNotes', []),
      failure('readNotes', offline),
      after('readGap', 'clipEditor.clip.open.ready.resting'),
      after('retryDelay', 'clipEditor.clip.failed'),
      { type: 'ui.retry' },
      { type: 'ui.add', pitch: 60, beat: 0 },
      { type: 'ui.grab', key: 'new:1', handle: 'body', copy: false },
      { type: 'ui.loop', start: 0, end: 8 },
      { type: 'frame' },
      done('send', null),
      failure('send', offline),
      failure('send', new LinkError('gone', 'x')),
      done('setProp', 8),
      done('history', { can_undo: true, can_redo: false }),
      after('previewLength', 'clipEditor.preview.sounding'),
      { type: 'live.status', usable: false, epoch: 1 },
      { type: 'live.status', usable: true, epoch: 1 },
      { type: 'live.status', usable: true, epoch: 2 },
      after('resendDelay', 'clipEditor.queue.held'),
    ];
    const summary = (c: ClipEditorContext) => [
      c.edits.length > 0 ? c.edits[0]?.kind : null,
      c.hold !== null,
      c.usable,
      c.readAgain || c.notesObserved,
      c.located,
      c.epoch === 2,
    ];
    const result = coverage(machine, events, { clip: EDITED_CLIP }, machine, summary);
    expect(result.unreached).toEqual([]);
  });
});
