import { describe, expect, it } from 'vitest';
import {
  acknowledged,
  enqueue,
  fromLive,
  pendingKeys,
  renameInEdits,
  shownNotes,
  type Edit,
  type EditorNote,
} from './clip-notes';

const fields = { velocity: 100, mute: false, probability: 1, velocity_deviation: 0, release_velocity: 64 };
const note = (key: number | string, pitch: number, start: number): EditorNote => ({
  key,
  pitch,
  start_time: start,
  duration: 0.25,
  ...fields,
});
const shape = (notes: EditorNote[]) => notes.map((n) => [n.key, n.pitch, n.start_time]);

describe('the three layers', () => {
  const base = [note(1, 60, 0), note(2, 62, 1)];

  it('draws Live notes, the edits in flight on top, the held notes on top of all', () => {
    let edits: Edit[] = [];
    edits = enqueue(edits, { kind: 'add', notes: [note('new:1', 64, 0.5)], what: 'adding a note' }, 1);
    edits = enqueue(
      edits,
      { kind: 'modify', changes: [{ key: 1, fields: { pitch: 48 } }], gesture: false, what: 'x' },
      2,
    );
    edits = enqueue(edits, { kind: 'remove', keys: [2], what: 'removing a note' }, 3);
    expect(shape(shownNotes(base, edits, null))).toEqual([
      [1, 48, 0],
      ['new:1', 64, 0.5],
    ]);
    expect(shape(shownNotes(base, edits, { notes: [note(1, 50, 3)] }))).toEqual([
      ['new:1', 64, 0.5],
      [1, 50, 3],
    ]);
  });

  it('keeps a held note under the finger even when Live removed it meanwhile', () => {
    expect(shape(shownNotes([note(2, 62, 1)], [], { notes: [note(1, 50, 3)] }))).toEqual([
      [2, 62, 1],
      [1, 50, 3],
    ]);
  });

  it('leaves removed notes removed when a change for them is still in flight', () => {
    const edits = enqueue(
      [],
      { kind: 'modify', changes: [{ key: 9, fields: { pitch: 1 } }], gesture: true, what: 'x' },
      1,
    );
    expect(shape(shownNotes(base, edits, null))).toEqual(shape(base));
  });

  it('sorts Live notes by start, then pitch', () => {
    const live = [
      { ...fields, note_id: 3, pitch: 40, start_time: 1, duration: 1 },
      { ...fields, note_id: 1, pitch: 50, start_time: 0, duration: 1 },
      { ...fields, note_id: 2, pitch: 45, start_time: 0, duration: 1 },
    ];
    expect(fromLive(live).map((n) => n.key)).toEqual([2, 1, 3]);
  });
});

describe('the queue', () => {
  it('merges changes waiting their turn (latest wins per field), never into one already sent', () => {
    let edits = enqueue(
      [],
      { kind: 'modify', changes: [{ key: 1, fields: { pitch: 61, start_time: 1 } }], gesture: true, what: 'a' },
      1,
    );
    edits = enqueue(
      edits,
      {
        kind: 'modify',
        changes: [
          { key: 1, fields: { pitch: 62 } },
          { key: 2, fields: { pitch: 5 } },
        ],
        gesture: true,
        what: 'b',
      },
      2,
    );
    expect(edits).toHaveLength(1);
    expect(edits[0]).toMatchObject({
      seq: 1,
      changes: [
        { key: 1, fields: { pitch: 62, start_time: 1 } },
        { key: 2, fields: { pitch: 5 } },
      ],
    });
    const sent: Edit[] = edits.map((edit) => ({ ...edit, status: 'sent' }));
    expect(
      enqueue(sent, { kind: 'modify', changes: [{ key: 1, fields: { pitch: 70 } }], gesture: true, what: 'c' }, 3),
    ).toHaveLength(2);
  });

  it('merges properties of the clip waiting their turn', () => {
    let edits = enqueue([], { kind: 'clip', props: { loop_start: 1, loop_end: 5 }, gesture: true, what: 'loop' }, 1);
    edits = enqueue(edits, { kind: 'clip', props: { loop_end: 6 }, gesture: true, what: 'loop' }, 2);
    expect(edits).toMatchObject([{ kind: 'clip', props: { loop_start: 1, loop_end: 6 } }]);
  });

  it('says which notes are not yet Live, and how', () => {
    const edits: Edit[] = [
      { seq: 1, status: 'sent', kind: 'add', notes: [note('new:1', 1, 0)], what: '' },
      { seq: 2, status: 'queued', kind: 'modify', changes: [{ key: 4, fields: {} }], gesture: false, what: '' },
    ];
    expect([...pendingKeys(edits)]).toEqual([
      ['new:1', 'sent'],
      [4, 'queued'],
    ]);
  });

  it('gives new notes their Live ids, in the edits that wait and in Live notes once accepted', () => {
    const add: Edit = { seq: 1, status: 'sent', kind: 'add', notes: [note('new:1', 60, 0)], what: '' };
    const move: Edit = {
      seq: 2,
      status: 'queued',
      kind: 'modify',
      changes: [{ key: 'new:1', fields: { pitch: 61 } }],
      gesture: true,
      what: '',
    };
    expect(renameInEdits([move], new Map([['new:1', 17]]))).toMatchObject([{ changes: [{ key: 17 }] }]);
    expect(shape(acknowledged([note(1, 50, 1)], add, [17]))).toEqual([
      [17, 60, 0],
      [1, 50, 1],
    ]);
  });
});
