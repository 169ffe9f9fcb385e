/**
 * Live's undo history in the in-memory Live, as real Live and the simulator
 * have it (live-script/README.md, "Evidence: undo"): the changes a script
 * makes that a musician can undo in Live (notes, clip properties, parameter
 * values, mute, solo, tempo) pile into one open step until
 * `end_undo_step` closes it (with or without a `begin_undo_step`), or
 * `undo`/`redo` do; `undo` and `redo` walk the steps back and forth and tell
 * the observers as the changes did; a new change after an undo forgets what
 * could be redone. `can_undo` and `can_redo` are properties of the song
 * (Live has no listener for them).
 */
import type { JsonValue } from '../protocol/src/index';
import type { FakeLive } from './fake-live';
import type { FakeEnvelopes } from './envelopes';
import type { ClipNotes } from './notes';

/** What Live lets a musician undo, by property. */
const UNDOABLE = new Set([
  'name',
  'color',
  'loop_start',
  'loop_end',
  'start_marker',
  'end_marker',
  'looping',
  'value',
  'mute',
  'solo',
  'tempo',
]);

type Change =
  | { kind: 'prop'; target: string; prop: string; before: JsonValue | undefined; after: JsonValue | undefined }
  | { kind: 'notes'; clip: string; before: string; after: string }
  | { kind: 'envelope'; key: string; before: string; after: string };

export class FakeHistory {
  private readonly undone: Change[][] = [];
  private readonly done: Change[][] = [];
  private open: Change[] | null = null;
  private depth = 0;
  private replaying = false;
  private envelopes: FakeEnvelopes | null = null;

  constructor(
    private readonly live: FakeLive,
    private readonly notes: ClipNotes,
    private readonly song = 'live_set',
  ) {
    live.changeRecorders.push((target, prop, before) => {
      if (this.replaying || !UNDOABLE.has(prop)) return;
      // the value after the change is read when the step closes: the recorder runs before it lands
      this.record({ kind: 'prop', target, prop, before, after: undefined });
    });
    notes.onChange((clip, before) => {
      if (!this.replaying) this.record({ kind: 'notes', clip, before, after: '' });
    });
    live
      .on('begin_undo_step', () => {
        this.depth += 1;
        return null;
      })
      .on('end_undo_step', () => {
        // an end with no begin closes the pile too
        this.depth = Math.max(0, this.depth - 1);
        if (this.depth === 0) this.close();
        return null;
      })
      .on('undo', () => this.walk(this.done, this.undone, 'before'))
      .on('redo', () => this.walk(this.undone, this.done, 'after'));
    this.tell();
  }

  /** Changes to clip envelopes are steps of the history too (as in Live). */
  trackEnvelopes(envelopes: FakeEnvelopes): this {
    this.envelopes = envelopes;
    envelopes.onChange((key, before) => {
      if (!this.replaying) this.record({ kind: 'envelope', key, before, after: '' });
    });
    return this;
  }

  private record(change: Change): void {
    // a step keeps a clip's notes (an envelope) as they were before its first change only
    const known = this.open?.some(
      (other) =>
        (other.kind === 'notes' && change.kind === 'notes' && other.clip === change.clip) ||
        (other.kind === 'envelope' && change.kind === 'envelope' && other.key === change.key),
    );
    if (known) return;
    (this.open ??= []).push(change);
  }

  private close(): void {
    const step = this.open;
    this.open = null;
    if (!step || step.length === 0) return;
    for (const change of step) {
      if (change.kind === 'prop') change.after = this.live.objects.get(change.target)?.[change.prop];
      else if (change.kind === 'notes') change.after = this.notes.snapshot(change.clip);
      else change.after = this.envelopes?.snapshot(change.key) ?? 'null';
    }
    this.done.push(step);
    this.undone.length = 0;
    this.tell();
  }

  private walk(from: Change[][], to: Change[][], side: 'before' | 'after'): JsonValue {
    this.close();
    const step = from.pop();
    if (!step) return '';
    this.replaying = true;
    const changes = side === 'before' ? [...step].reverse() : step;
    for (const change of changes) {
      if (change.kind === 'prop') this.live.change(change.target, change.prop, change[side] ?? null);
      else if (change.kind === 'notes') this.notes.restore(change.clip, change[side]);
      else this.envelopes?.restore(change.key, change[side]);
    }
    this.replaying = false;
    to.push(step);
    this.tell();
    return side === 'before' ? 'Undo' : 'Redo';
  }

  private tell(): void {
    this.live.define(this.song, { can_undo: this.done.length > 0, can_redo: this.undone.length > 0 });
  }
}
