// @vitest-environment jsdom
import { act, fireEvent, render, screen } from '@testing-library/react';
import { useActorRef } from '@xstate/react';
import { describe, expect, it } from 'vitest';
import { EDITED_CLIP, editorClip, note } from '../../../fake-live/editor-sets';
import { settle } from '../../../fake-live/fake-live';
import { provideClipEditor } from '../../../machines/provide-clip-editor';
import { RENDER_MODES } from '../../test/render-modes';
import { ClipEditor } from './ClipEditor';

type Live = ReturnType<typeof editorClip>['live'];
type Editor = ReturnType<typeof useActorRef<ReturnType<typeof provideClipEditor>>>;

function Connected({ live, onActor }: { live: Live; onActor?: (actor: Editor) => void }) {
  const actor = useActorRef(provideClipEditor(live.effects()), { input: { clip: EDITED_CLIP } });
  onActor?.(actor);
  return <ClipEditor actor={actor} rows={{ kind: 'keys' }} scale={null} playhead={null} />;
}

describe.each(RENDER_MODES)('ClipEditor on its actor (%s)', (_, Mode) => {
  it("shows the clip's notes and sends the toolbar's actions to Live", async () => {
    const set = editorClip([note(60, 0), note(64, 1)]);
    render(
      <Mode>
        <Connected live={set.live} />
      </Mode>,
    );
    await act(settle);
    expect(screen.getByRole('application', { name: 'Notes' })).toHaveAccessibleDescription(/^2 notes/);
    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    expect(screen.getByRole('button', { name: 'Undo' })).toBeDisabled();
    fireEvent.change(screen.getByRole('combobox', { name: /grid/i }), { target: { value: '0.5' } });
    expect(set.live.calls.filter((call) => call.includes('undo'))).toEqual([]);
  });

  it('says an audio clip has no notes', async () => {
    const set = editorClip();
    set.live.define(EDITED_CLIP, { is_midi_clip: false });
    render(
      <Mode>
        <Connected live={set.live} />
      </Mode>,
    );
    await act(settle);
    expect(screen.getByRole('status')).toHaveTextContent('This is an audio clip: it has no notes to edit.');
  });

  it('says how many edits wait while Live is offline, and gives them up when asked, with a word', async () => {
    const set = editorClip([note(60, 0)]);
    let editor: Editor | undefined;
    render(
      <Mode>
        <Connected live={set.live} onActor={(actor) => (editor = actor)} />
      </Mode>,
    );
    await act(settle);
    act(() => set.live.status({ usable: false, epoch: 1 }));
    act(() => editor?.send({ type: 'ui.add', pitch: 62, beat: 1 }));
    expect(screen.getByRole('alert')).toHaveTextContent('Live is offline: an edit waits and goes when it is back');
    expect(screen.getByRole('application', { name: 'Notes' })).toHaveAccessibleDescription(/^2 notes/);
    fireEvent.click(screen.getByRole('button', { name: 'Discard' }));
    expect(screen.getByRole('alert')).toHaveTextContent('The changes Live did not get were given up.');
    fireEvent.click(screen.getByRole('button', { name: 'OK' }));
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.getByRole('application', { name: 'Notes' })).toHaveAccessibleDescription(/^1 note/);
  });
});
