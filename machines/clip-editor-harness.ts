/** The clip editor on the in-memory Live, for the editor's tests: frames given by the test, calls read back. */
import { createActor, type Actor } from 'xstate';
import { EDITED_CLIP, editorClip, note } from '../fake-live/editor-sets';
import { settle } from '../fake-live/fake-live';
import { clipEditorMachine, type ClipEditorMachine } from './clip-editor';
import { notesShown } from './clip-editor-model';

const running: Actor<ClipEditorMachine>[] = [];

/** Starts an editor, to be stopped after the test (`stopEditors`). */
export function started(actor: Actor<ClipEditorMachine>): Actor<ClipEditorMachine> {
  running.push(actor);
  return actor.start();
}

/** Stops every editor a test started. */
export function stopEditors(): void {
  for (const actor of running.splice(0)) actor.stop();
}

/** The editor on a clip of the in-memory Live, its frames given by the test. */
export async function openEditor(notes = [note(36, 0), note(38, 1), note(42, 0.5, 0.25, 80)]) {
  const set = editorClip(notes);
  const machine = clipEditorMachine.provide({ actors: set.live.effects() });
  const actor = started(createActor(machine, { input: { clip: EDITED_CLIP } }));
  await settle();
  /** Frames until nothing waits (at most `most`). */
  const frames = async (most = 10): Promise<number> => {
    let count = 0;
    while (set.live.frameWaiters > 0 && count < most) {
      set.live.frame();
      await settle();
      count += 1;
    }
    return count;
  };
  const shown = () => notesShown(actor.getSnapshot().context).map((n) => [n.key, n.pitch, n.start_time, n.duration]);
  const inLive = () => set.notes.of(EDITED_CLIP).map((n) => [n.note_id, n.pitch, n.start_time, n.duration]);
  return { ...set, actor, frames, shown, inLive };
}

/** The calls that change Live (reads left out), as `target fn`. */
export function changesSent(calls: readonly string[]): string[] {
  return calls
    .filter((call) => call.startsWith('call ') && !call.includes(' get_'))
    .map((call) => call.split(' ').slice(1, 4).join(' '));
}
