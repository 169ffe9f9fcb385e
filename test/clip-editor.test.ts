/**
 * The clip editor's actor on LiveLink, the bridge and the simulator: every
 * edit a finger makes lands in Live exactly, Live's undo takes a gesture
 * back whole, two tablets converge on Live's notes, and an edit made while
 * the simulator is down lands once it is back.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createActor, waitFor, type Actor } from 'xstate';
import { LiveLink } from '../link/live-link';
import { nodeSocket } from '../link/node-socket';
import { notesShown } from '../machines/clip-editor-model';
import { linkEffects } from '../machines/link-effects';
import { provideClipEditor, type ProvidedClipEditor } from '../machines/provide-clip-editor';
import { Note } from '../protocol/src/notes';
import { startTestBridge, TOKEN, type TestBridge } from './support/bridge';

type Editor = Actor<ProvidedClipEditor>;

const SLOT = 'live_set tracks 2 clip_slots 0'; // the Bass track's first slot: empty in the demo set
const SECOND_SLOT = 'live_set tracks 2 clip_slots 1';

describe('the clip editor on the bridge and the simulator', () => {
  let setup: TestBridge;
  const links: LiveLink[] = [];
  const editors: Editor[] = [];

  function connect(client: string): { link: LiveLink; editor: ProvidedClipEditor } {
    const link = new LiveLink({ url: setup.url, token: TOKEN, socket: nodeSocket, client, timeoutMs: 5000 });
    links.push(link);
    return { link, editor: provideClipEditor(linkEffects(link)) };
  }

  /** A new 2-bar MIDI clip in `slot`, its target. */
  async function newClip(link: LiveLink, slot: string): Promise<string> {
    await link.ready();
    if ((await link.get(slot, 'has_clip')) === true) await link.call(slot, 'delete_clip');
    await link.call(slot, 'create_clip', [8]);
    const ref = await link.get(`${slot} clip`);
    return `id ${(ref as { $ref: number }).$ref}`;
  }

  async function open(logic: ProvidedClipEditor, clip: string): Promise<Editor> {
    const editor = createActor(logic, { input: { clip } }).start();
    editors.push(editor);
    await waitFor(editor, (snapshot) => snapshot.hasTag('ready'), { timeout: 10_000 });
    return editor;
  }

  /** Waits until the editor has nothing on its way and shows what Live holds; answers Live's notes. */
  async function settled(link: LiveLink, editor: Editor, clip: string) {
    const live = async () => Note.array().parse(await link.call(clip, 'get_all_notes_extended'));
    const shape = (
      notes: readonly { pitch: number; start_time: number; duration: number; velocity: number; mute: boolean }[],
    ) =>
      notes
        .map((note) => [note.pitch, note.start_time, note.duration, note.velocity, note.mute])
        .sort((a, b) => Number(a[1]) - Number(b[1]) || Number(a[0]) - Number(b[0]));
    for (let attempt = 0; attempt < 100; attempt += 1) {
      const { context } = editor.getSnapshot();
      const inLive = shape(await live());
      if (
        context.edits.length === 0 &&
        context.hold === null &&
        JSON.stringify(shape(notesShown(context))) === JSON.stringify(inLive)
      ) {
        return inLive;
      }
      await new Promise((resolve) => setTimeout(resolve, 30));
    }
    throw new Error(
      `the editor did not settle on Live's notes: ${JSON.stringify(shape(notesShown(editor.getSnapshot().context)))}`,
    );
  }

  beforeAll(async () => {
    setup = await startTestBridge({ timeoutMs: 5000 });
  }, 30_000);

  afterAll(async () => {
    for (const editor of editors) editor.stop();
    for (const link of links) link.close();
    await setup?.close();
  });

  it('lands every edit in Live exactly: add, move, resize, velocity, mute, duplicate, quantize, delete', async () => {
    const { link, editor: logic } = connect('editor-edits');
    const clip = await newClip(link, SLOT);
    const editor = await open(logic, clip);
    const keyAt = (pitch: number) =>
      notesShown(editor.getSnapshot().context).find((note) => note.pitch === pitch)?.key ?? -1;

    editor.send({ type: 'ui.add', pitch: 48, beat: 0 });
    editor.send({ type: 'ui.add', pitch: 55, beat: 1.1 });
    editor.send({ type: 'ui.add', pitch: 60, beat: 2.6 });
    await settled(link, editor, clip);
    // move the first note a beat later and a tone up; stretch the second to half a bar
    editor.send({ type: 'ui.grab', key: keyAt(48), handle: 'body', copy: false });
    editor.send({ type: 'ui.drag', beats: 0.6, semitones: 1, free: false });
    editor.send({ type: 'ui.drag', beats: 1.05, semitones: 2.2, free: false });
    editor.send({ type: 'ui.release' });
    editor.send({ type: 'ui.grab', key: keyAt(55), handle: 'end', copy: false });
    editor.send({ type: 'ui.drag', beats: 1.8, semitones: 0, free: false });
    editor.send({ type: 'ui.release' });
    editor.send({ type: 'ui.velocity', changes: [{ key: keyAt(60), velocity: 40 }] });
    editor.send({ type: 'ui.release' });
    editor.send({ type: 'ui.select', keys: [keyAt(60)], mode: 'replace' });
    editor.send({ type: 'ui.mute' });
    await settled(link, editor, clip);
    editor.send({ type: 'ui.select', keys: [keyAt(55)], mode: 'replace' });
    editor.send({ type: 'ui.duplicate' });
    await settled(link, editor, clip);
    // the copy, nudged off the grid by a free drag, then quantized back
    editor.send({ type: 'ui.grab', key: editor.getSnapshot().context.selection[0] ?? -1, handle: 'body', copy: false });
    editor.send({ type: 'ui.drag', beats: 0.1, semitones: 0, free: true });
    editor.send({ type: 'ui.release' });
    editor.send({ type: 'ui.quantize' });
    editor.send({ type: 'ui.select', keys: [keyAt(50)], mode: 'replace' });
    editor.send({ type: 'ui.delete' });
    expect(await settled(link, editor, clip)).toEqual([
      [55, 1, 2, 100, false],
      [60, 2.5, 0.25, 40, true],
      [55, 3, 2, 100, false],
    ]);
  });

  it('takes one gesture back with one Live undo, and brings it back with redo', async () => {
    const { link, editor: logic } = connect('editor-undo');
    const clip = await newClip(link, SLOT);
    const editor = await open(logic, clip);
    editor.send({ type: 'ui.add', pitch: 60, beat: 0 });
    const before = await settled(link, editor, clip);
    const key = notesShown(editor.getSnapshot().context)[0]?.key ?? -1;
    editor.send({ type: 'ui.grab', key, handle: 'body', copy: false });
    for (let step = 1; step <= 12; step += 1) {
      editor.send({ type: 'ui.drag', beats: step / 4, semitones: step / 2, free: false });
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    editor.send({ type: 'ui.release' });
    const after = await settled(link, editor, clip);
    expect(after).toEqual([[66, 3, 0.25, 100, false]]);
    await waitFor(editor, (snapshot) => snapshot.context.canUndo, { timeout: 5000 });
    editor.send({ type: 'ui.undo' });
    expect(await settled(link, editor, clip)).toEqual(before);
    await waitFor(editor, (snapshot) => snapshot.context.canRedo, { timeout: 5000 });
    editor.send({ type: 'ui.redo' });
    expect(await settled(link, editor, clip)).toEqual(after);
  });

  it('converges two tablets editing the same clip on what Live holds', async () => {
    const first = connect('editor-one');
    const second = connect('editor-two');
    const clip = await newClip(first.link, SECOND_SLOT);
    const one = await open(first.editor, clip);
    const two = await open(second.editor, clip);
    for (let index = 0; index < 8; index += 1) {
      one.send({ type: 'ui.add', pitch: 60 + index, beat: index / 2 });
      two.send({ type: 'ui.add', pitch: 40 + index, beat: index / 2 });
    }
    await settled(first.link, one, clip);
    const held = notesShown(two.getSnapshot().context).find((note) => note.pitch === 40)?.key ?? -1;
    // the second tablet moves a note while the first removes others
    two.send({ type: 'ui.grab', key: held, handle: 'body', copy: false });
    two.send({ type: 'ui.drag', beats: 2, semitones: -2, free: false });
    one.send({
      type: 'ui.select',
      keys: notesShown(one.getSnapshot().context)
        .filter((n) => n.pitch >= 64)
        .map((n) => n.key),
      mode: 'replace',
    });
    one.send({ type: 'ui.delete' });
    two.send({ type: 'ui.release' });
    const inLive = await settled(first.link, one, clip);
    expect(await settled(second.link, two, clip)).toEqual(inLive);
    expect(inLive).toHaveLength(12);
    expect(inLive).toContainEqual([38, 2, 0.25, 100, false]);
  });

  it('shows an edit made while the simulator is down as waiting, and lands it when the simulator is back', async () => {
    const { link, editor: logic } = connect('editor-offline');
    // a clip of the demo set: the simulator that comes back has it again, at the same place
    await link.ready();
    const clip = `id ${((await link.get('live_set tracks 2 clip_slots 2 clip')) as { $ref: number }).$ref}`;
    const editor = await open(logic, clip);
    setup.bridge.simulator?.process?.kill('SIGKILL');
    await waitFor(editor, (snapshot) => snapshot.hasTag('offline'), { timeout: 10_000 });
    editor.send({ type: 'ui.add', pitch: 72, beat: 1 });
    expect(editor.getSnapshot().context.edits.some((edit) => edit.kind === 'add')).toBe(true);
    // the simulator comes back with a fresh demo set: the clip is found again by its path, and the note lands
    await waitFor(editor, (snapshot) => !snapshot.hasTag('offline') && snapshot.context.located, { timeout: 20_000 });
    const newClipTarget = editor.getSnapshot().context.clip;
    expect(await settled(link, editor, newClipTarget)).toContainEqual([72, 1, 0.25, 100, false]);
  }, 40_000);
});
