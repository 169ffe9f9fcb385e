import type { Meta, StoryObj } from '@storybook/react-vite';
import { useActorRef } from '@xstate/react';
import { useEffect, useState } from 'react';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { EDITED_CLIP, editorClip, note } from '../../../fake-live/editor-sets';
import { LinkError } from '../../../link/errors';
import type { ClipEditorEvent } from '../../../machines/clip-editor';
import { provideClipEditor } from '../../../machines/provide-clip-editor';
import { ClipEditor } from './ClipEditor';
import { A_MINOR, BASS_GROOVE, DRUM_GROOVE, KIT } from './roll-fixtures';
import type { RollNote, RollRows, RollScale } from './roll-types';

/** How the stories' in-memory Live behaves. */
type Live = 'usable' | 'offline' | 'refusing';

interface StudioEditorProps {
  /** The editor's height (a page of several shows them smaller). */
  height?: string;
  notes: readonly RollNote[];
  rows: RollRows;
  scale: RollScale | null;
  live?: Live;
  latencyMs?: number;
  /** What a finger does once the clip is read (so a story shows what follows it). */
  then?: readonly ClipEditorEvent[];
}

/** The real clip editor actor, on a clip of the in-memory Live (its notes API and Live's undo), frames from the display. */
function StudioEditor({
  notes,
  rows,
  scale,
  live = 'usable',
  latencyMs = 0,
  then = [],
  height = 'min(640px, 80vh)',
}: StudioEditorProps) {
  const [set] = useState(() => {
    const made = editorClip(
      notes.map((one) => ({ ...note(one.pitch, one.start, one.duration, one.velocity), mute: one.mute })),
    );
    made.live.frames = 'display';
    made.live.latencyMs = latencyMs;
    if (live === 'refusing') {
      made.live.on('add_new_notes', () => {
        throw new LinkError('live_error', 'the clip is frozen');
      });
    }
    return made;
  });
  const actor = useActorRef(provideClipEditor(set.live.effects()), { input: { clip: EDITED_CLIP } });
  useEffect(() => {
    if (live === 'offline') set.live.status({ usable: false, epoch: 1 });
    const ready = actor.subscribe((snapshot) => {
      if (!snapshot.hasTag('ready')) return;
      ready.unsubscribe();
      for (const event of then) actor.send(event);
    });
    return () => ready.unsubscribe();
  }, [live, set, actor, then]);
  return (
    <div style={{ height, display: 'grid' }}>
      <ClipEditor actor={actor} rows={rows} scale={scale} playhead={null} />
    </div>
  );
}

const meta = {
  title: 'Clip Editor/Clip Editor',
  component: StudioEditor,
  parameters: { controls: { disable: true } },
  args: { notes: BASS_GROOVE, rows: { kind: 'keys' }, scale: A_MINOR },
} satisfies Meta<typeof StudioEditor>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The clip editor's actor on the in-memory Live: add, move, resize, lasso, delete, undo, redo as on a tablet. */
export const Interactive: Story = {
  play: async ({ canvasElement }) => {
    const editor = within(canvasElement);
    const roll = await editor.findByRole('application', { name: 'Notes' });
    await waitFor(() => expect(roll.closest('.ls-roll')).toHaveAttribute('data-state', 'ready'));
    await userEvent.click(editor.getByRole('button', { name: 'Navigate' }));
    await expect(roll.closest('.ls-roll')).toHaveAttribute('data-mode', 'navigate');
    await userEvent.click(editor.getByRole('button', { name: 'Edit notes' }));
    await expect(editor.getByRole('button', { name: 'Undo' })).toBeDisabled();
  },
};

/** A Drum Rack's clip: the pads' names down the side. */
export const Drums: Story = { args: { notes: DRUM_GROOVE, rows: KIT, scale: null } };

/** Live answers slowly: the roll says it is loading. */
export const Loading: Story = { args: { latencyMs: 60_000 } };

const TWO_TAPS: readonly ClipEditorEvent[] = [
  { type: 'ui.add', pitch: 72, beat: 1 },
  { type: 'ui.add', pitch: 74, beat: 2.5 },
];

/** Live is offline: two notes tapped in wait, shown as waiting, and go when it is back. */
export const Offline: Story = {
  args: { live: 'offline', then: TWO_TAPS },
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByRole('alert')).toHaveTextContent('2 edits wait');
  },
};

/** Live refuses new notes: a tapped note is undone here, with a word. */
export const Refused: Story = {
  args: { live: 'refusing', then: TWO_TAPS.slice(0, 1) },
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByRole('alert')).toHaveTextContent('the clip is frozen');
  },
};

/** The connected editor in each of its live states, on the real actor. */
export const AllStates: Story = {
  render: () => (
    <div style={{ display: 'grid', gap: 24 }}>
      {(
        [
          ['ready', { notes: BASS_GROOVE, rows: { kind: 'keys' }, scale: A_MINOR }],
          ['drum rack', { notes: DRUM_GROOVE, rows: KIT, scale: null }],
          [
            'offline, two notes waiting',
            { notes: BASS_GROOVE, rows: { kind: 'keys' }, scale: null, live: 'offline', then: TWO_TAPS },
          ],
          [
            'refused edit',
            { notes: BASS_GROOVE, rows: { kind: 'keys' }, scale: null, live: 'refusing', then: TWO_TAPS.slice(0, 1) },
          ],
        ] as const
      ).map(([title, props]) => (
        <section key={title} aria-label={title}>
          <h3 className="ls-label">{title}</h3>
          <StudioEditor {...props} height="380px" />
        </section>
      ))}
    </div>
  ),
};
