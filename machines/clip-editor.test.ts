import { afterEach, describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { EDITED_CLIP, editorClip, note } from '../fake-live/editor-sets';
import { settle } from '../fake-live/fake-live';
import { clipEditorMachine } from './clip-editor';
import { notesShown } from './clip-editor-model';
import { NOTES_PER_CALL } from './clip-edit-requests';
import { changesSent, openEditor, stopEditors, started } from './clip-editor-harness';

afterEach(stopEditors);

describe('clipEditor', () => {
  describe('opening', () => {
    it('reads the clip, its notes, and whether Live can undo', async () => {
      const { actor, shown } = await openEditor();
      const { context } = actor.getSnapshot();
      expect(actor.getSnapshot().hasTag('ready')).toBe(true);
      expect(shown()).toEqual([
        [1, 36, 0, 0.25],
        [3, 42, 0.5, 0.25],
        [2, 38, 1, 0.25],
      ]);
      expect(context).toMatchObject({
        name: 'Bassline',
        midi: true,
        bounds: { loop_start: 0, loop_end: 8, start_marker: 0, end_marker: 8 },
        canUndo: false,
        canRedo: false,
      });
    });

    it('says an audio clip has no notes', async () => {
      const set = editorClip();
      set.live.define(EDITED_CLIP, { is_midi_clip: false });
      const actor = started(
        createActor(clipEditorMachine.provide({ actors: set.live.effects() }), { input: { clip: EDITED_CLIP } }),
      );
      await settle();
      expect(actor.getSnapshot().hasTag('audio')).toBe(true);
      expect(set.live.calls.some((call) => call.includes('get_all_notes_extended'))).toBe(false);
    });

    it('is gone when the clip is deleted in Live', async () => {
      const { actor, live } = await openEditor();
      live.remove(EDITED_CLIP);
      await settle();
      expect(actor.getSnapshot().hasTag('gone')).toBe(true);
    });
  });

  describe('adding and removing', () => {
    it('adds a tapped note at once, sends it on the next frame, and knows it by Live id after', async () => {
      const { actor, live, frames, inLive } = await openEditor([]);
      actor.send({ type: 'ui.add', pitch: 60, beat: 1.1 });
      expect(notesShown(actor.getSnapshot().context)).toMatchObject([{ key: 'new:1', pitch: 60, start_time: 1 }]);
      expect(changesSent(live.calls)).toEqual([]);
      await frames();
      // one step of Live's history: Live piles a script's changes into one step until it is closed
      expect(changesSent(live.calls)).toEqual([
        'live_set begin_undo_step',
        'id 50 add_new_notes',
        'live_set end_undo_step',
      ]);
      expect(inLive()).toEqual([[1, 60, 1, 0.25]]);
      expect(actor.getSnapshot().context).toMatchObject({ selection: [1], edits: [] });
    });

    it('sounds an added note on the track while editing, unless told not to', async () => {
      const { actor, live } = await openEditor([]);
      actor.send({ type: 'ui.add', pitch: 64, beat: 0 });
      expect(live.midi).toEqual([{ type: 'note_on', channel: 0, note: 64, velocity: 100 }]);
      actor.send({ type: 'ui.sound', on: false });
      actor.send({ type: 'ui.add', pitch: 65, beat: 1 });
      expect(live.midi.filter((message) => message.type === 'note_on')).toHaveLength(1);
    });

    it('selects notes, and removes the notes a finger asks to', async () => {
      const { actor, frames, inLive } = await openEditor();
      actor.send({ type: 'ui.select', keys: [2], mode: 'replace' });
      expect(actor.getSnapshot().context.selection).toEqual([2]);
      actor.send({ type: 'ui.select', keys: [1], mode: 'toggle' });
      expect(actor.getSnapshot().context.selection).toEqual([2, 1]);
      actor.send({ type: 'ui.remove', keys: [2] });
      await frames();
      expect(inLive().map(([id]) => id)).toEqual([1, 3]);
      expect(actor.getSnapshot().context.selection).toEqual([]);
    });

    it('does not bother the musician when another tablet removed the notes first', async () => {
      const { actor, frames, live, inLive } = await openEditor();
      actor.send({ type: 'ui.select', keys: [1, 2], mode: 'replace' });
      // another tablet's removal reaches Live before this one's
      await live.handlers.get('remove_notes_by_id')?.(
        { target: EDITED_CLIP, fn: 'remove_notes_by_id', args: [[1]] },
        live,
      );
      actor.send({ type: 'ui.delete' });
      await frames();
      expect(inLive().map(([id]) => id)).toEqual([3]);
      expect(actor.getSnapshot().context.notice).toBeNull();
    });
  });

  describe('many notes at once', () => {
    const many = (count: number) => Array.from({ length: count }, (_, index) => note(36 + (index % 48), index * 0.25));

    it('sends an edit of more notes than one call takes in calls of NOTES_PER_CALL, one step of Live history', async () => {
      const count = NOTES_PER_CALL * 2 + 37;
      const { actor, live, frames, inLive } = await openEditor(many(count));
      actor.send({ type: 'ui.selectAll' });
      actor.send({ type: 'ui.transpose', semitones: 1 });
      await frames(20);
      actor.send({ type: 'ui.duplicate' });
      await frames(20);
      expect(changesSent(live.calls)).toEqual([
        'live_set begin_undo_step',
        'id 50 apply_note_modifications',
        'id 50 apply_note_modifications',
        'id 50 apply_note_modifications',
        'live_set end_undo_step',
        'live_set begin_undo_step',
        'id 50 add_new_notes',
        'id 50 add_new_notes',
        'id 50 add_new_notes',
        'live_set end_undo_step',
      ]);
      expect(inLive()).toHaveLength(count * 2);
      expect(
        inLive()
          .slice(0, 3)
          .map(([, pitch]) => pitch),
      ).toEqual([37, 38, 39]);
      const { context } = actor.getSnapshot();
      expect(context.notice).toBeNull();
      expect(context.edits).toEqual([]);
      // the copies are known by Live's ids, all of them
      expect(context.selection).toHaveLength(count);
      expect(context.selection.every((key) => typeof key === 'number')).toBe(true);
    });

    it('removes more notes than one call takes, some of them removed on another tablet first', async () => {
      const count = NOTES_PER_CALL + 20;
      const { actor, live, frames, inLive } = await openEditor(many(count));
      actor.send({ type: 'ui.selectAll' });
      const answer = await live.handlers.get('remove_notes_by_id')?.(
        { target: EDITED_CLIP, fn: 'remove_notes_by_id', args: [[1, 2, 99999]] },
        live,
      );
      expect(answer).toEqual({ removed: [1, 2], missing: [99999] });
      actor.send({ type: 'ui.delete' });
      await frames(20);
      // the editor heard of the other removal: the rest goes in calls of NOTES_PER_CALL ids at most
      const calls = changesSent(live.calls).filter((call) => call.endsWith('remove_notes_by_id'));
      expect(calls).toHaveLength(Math.ceil((count - 2) / NOTES_PER_CALL));
      expect(inLive()).toEqual([]);
      expect(actor.getSnapshot().context.notice).toBeNull();
    });
  });

  describe('gestures', () => {
    it('moves held notes with at most one request per frame, one step of Live history, undone whole', async () => {
      const { actor, live, frames, inLive, shown } = await openEditor();
      actor.send({ type: 'ui.grab', key: 1, handle: 'body', copy: false });
      for (let step = 1; step <= 8; step += 1) {
        actor.send({ type: 'ui.drag', beats: step * 0.1, semitones: step / 4, free: false });
      }
      // shown at once, where the finger is
      expect(shown().find(([key]) => key === 1)).toEqual([1, 38, 0.75, 0.25]);
      let count = await frames(2);
      actor.send({ type: 'ui.drag', beats: 1.5, semitones: 5, free: false });
      count += await frames(1);
      actor.send({ type: 'ui.release' });
      count += await frames();
      const sent = changesSent(live.calls);
      expect(sent).toEqual([
        'live_set begin_undo_step',
        'id 50 apply_note_modifications',
        'id 50 apply_note_modifications',
        'live_set end_undo_step',
      ]);
      expect(sent.length).toBeLessThanOrEqual(count);
      expect(inLive().find(([id]) => id === 1)).toEqual([1, 41, 1.5, 0.25]);
      expect(actor.getSnapshot().context.canUndo).toBe(true);
      actor.send({ type: 'ui.undo' });
      await frames();
      expect(inLive().find(([id]) => id === 1)).toEqual([1, 36, 0, 0.25]);
      expect(shown().find(([key]) => key === 1)).toEqual([1, 36, 0, 0.25]);
      expect(actor.getSnapshot().context).toMatchObject({ canUndo: false, canRedo: true });
      actor.send({ type: 'ui.redo' });
      await frames();
      expect(inLive().find(([id]) => id === 1)).toEqual([1, 41, 1.5, 0.25]);
    });

    it('sends no place where held notes lie over others of their pitch (Live would cut or replace those), but the release', async () => {
      const { actor, frames, notes } = await openEditor([note(60, 0), note(60, 1)]);
      const sentStarts = () =>
        notes
          .of(EDITED_CLIP)
          .filter((n) => n.note_id === 1)
          .map((n) => n.start_time);
      actor.send({ type: 'ui.grab', key: 1, handle: 'body', copy: false });
      actor.send({ type: 'ui.drag', beats: 0.5, semitones: 0, free: false });
      await frames();
      expect(sentStarts()).toEqual([0.5]);
      // over the other C3 at beat 1: shown under the finger, not sent
      actor.send({ type: 'ui.drag', beats: 1, semitones: 0, free: false });
      await frames();
      expect(notesShown(actor.getSnapshot().context).find((n) => n.key === 1)?.start_time).toBe(1);
      expect(sentStarts()).toEqual([0.5]);
      actor.send({ type: 'ui.drag', beats: 2, semitones: 0, free: false });
      await frames();
      expect(sentStarts()).toEqual([2]);
      // let go over it: the musician's choice, sent
      actor.send({ type: 'ui.drag', beats: 1, semitones: 0, free: false });
      actor.send({ type: 'ui.release' });
      await frames();
      expect(sentStarts()).toEqual([1]);
    });

    it('moves copies when asked, leaving the originals', async () => {
      const { actor, frames, inLive } = await openEditor([note(60, 0)]);
      actor.send({ type: 'ui.grab', key: 1, handle: 'body', copy: true });
      actor.send({ type: 'ui.drag', beats: 1, semitones: 0, free: false });
      actor.send({ type: 'ui.release' });
      await frames();
      expect(inLive()).toEqual([
        [1, 60, 0, 0.25],
        [2, 60, 1, 0.25],
      ]);
      expect(actor.getSnapshot().context.selection).toEqual([2]);
    });

    it('resizes from the end and from the start', async () => {
      const { actor, frames, inLive } = await openEditor([note(60, 1, 1)]);
      actor.send({ type: 'ui.grab', key: 1, handle: 'end', copy: false });
      actor.send({ type: 'ui.drag', beats: 0.5, semitones: 3, free: false });
      actor.send({ type: 'ui.release' });
      actor.send({ type: 'ui.grab', key: 1, handle: 'start', copy: false });
      actor.send({ type: 'ui.drag', beats: -0.5, semitones: 0, free: false });
      actor.send({ type: 'ui.release' });
      await frames();
      expect(inLive()).toEqual([[1, 60, 0.5, 2]]);
    });

    it('puts the notes back on a cancelled gesture', async () => {
      const { actor, frames, inLive } = await openEditor([note(60, 1)]);
      actor.send({ type: 'ui.grab', key: 1, handle: 'body', copy: false });
      actor.send({ type: 'ui.drag', beats: 2, semitones: 2, free: false });
      await frames(3);
      actor.send({ type: 'ui.cancel' });
      await frames();
      expect(inLive()).toEqual([[1, 60, 1, 0.25]]);
    });

    it('sends no undo step for a grab that moved nothing', async () => {
      const { actor, frames, live } = await openEditor();
      actor.send({ type: 'ui.grab', key: 1, handle: 'body', copy: false });
      actor.send({ type: 'ui.drag', beats: 0.05, semitones: 0.2, free: false });
      actor.send({ type: 'ui.release' });
      await frames();
      expect(changesSent(live.calls)).toEqual([]);
    });

    it('draws velocities in the velocity lane, as one step', async () => {
      const { actor, frames, notes, live } = await openEditor();
      actor.send({ type: 'ui.velocity', changes: [{ key: 1, velocity: 30 }] });
      actor.send({ type: 'ui.velocity', changes: [{ key: 2, velocity: 50 }] });
      actor.send({ type: 'ui.release' });
      await frames();
      expect(notes.of(EDITED_CLIP).map((n) => n.velocity)).toEqual([30, 80, 50]);
      expect(changesSent(live.calls).filter((call) => call.includes('undo_step'))).toHaveLength(2);
    });

    it('drags the loop, setting start and end in an order Live accepts', async () => {
      const { actor, frames, live } = await openEditor();
      actor.send({ type: 'ui.loop', start: 8.1, end: 12.2 });
      actor.send({ type: 'ui.release' });
      await frames();
      expect(live.calls.filter((call) => call.startsWith('set'))).toEqual([
        'set id 50 loop_end 12.25',
        'set id 50 loop_start 8',
      ]);
      expect(actor.getSnapshot().context.bounds).toMatchObject({ loop_start: 8, loop_end: 12.25 });
    });
    it('drags the start and end markers, and a cancelled drag puts them back', async () => {
      const { actor, frames, live } = await openEditor();
      actor.send({ type: 'ui.markers', start: 1.1, end: 6.2 });
      actor.send({ type: 'ui.release' });
      await frames();
      expect(live.calls.filter((call) => call.startsWith('set'))).toEqual([
        'set id 50 start_marker 1',
        'set id 50 end_marker 6.25',
      ]);
      actor.send({ type: 'ui.markers', start: 2, end: 7 });
      await frames();
      actor.send({ type: 'ui.cancel' });
      await frames();
      expect(live.objects.get(EDITED_CLIP)).toMatchObject({ start_marker: 1, end_marker: 6.25 });
      expect(actor.getSnapshot().context.bounds).toMatchObject({ start_marker: 1, end_marker: 6.25 });
    });
  });

  describe('actions on the selection', () => {
    it('transposes, duplicates, quantizes, mutes, and doubles the loop', async () => {
      const { actor, frames, inLive, notes, live } = await openEditor([note(60, 0.1), note(62, 0.6)]);
      actor.send({ type: 'ui.selectAll' });
      actor.send({ type: 'ui.transpose', semitones: 12 });
      actor.send({ type: 'ui.quantize' });
      actor.send({ type: 'ui.mute' });
      await frames();
      expect(inLive()).toEqual([
        [1, 72, 0, 0.25],
        [2, 74, 0.5, 0.25],
      ]);
      expect(notes.of(EDITED_CLIP).every((n) => n.mute)).toBe(true);
      actor.send({ type: 'ui.duplicate' });
      await frames();
      expect(inLive().map(([, pitch, start]) => [pitch, start])).toEqual([
        [72, 0],
        [74, 0.5],
        [72, 0.75],
        [74, 1.25],
      ]);
      expect(actor.getSnapshot().context.selection).toEqual([3, 4]);
      actor.send({ type: 'ui.loopDouble' });
      await frames();
      expect(live.objects.get(EDITED_CLIP)?.loop_end).toBe(16);
      expect(actor.getSnapshot().context.bounds.loop_end).toBe(16);
    });
  });
});
