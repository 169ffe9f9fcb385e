/**
 * The Clip page: a clip's notes in the piano roll (or its automation, one
 * parameter at a time, on the same timeline), the clip's name, color
 * and play state above with launch and stop, and the set's scale or a Drum
 * Rack's pads down the side. The clip is the one opened from the session
 * grid (its edit control), or the one in the slot Live highlights when the
 * page follows Live's own selection. An empty slot offers a clip of a
 * chosen length. Loaded on demand: the editor is not in the app's first
 * download (App.tsx).
 */
import { useActorRef, useSelector } from '@xstate/react';
import { useMemo, useState, type ReactNode } from 'react';
import type { Effects } from '../../machines/effects';
import type { ProvidedMachines } from '../../machines/provide';
import {
  provideClipEditor,
  provideClipSelection,
  provideEnvelopeEditor,
  providePadRows,
} from '../../machines/provide-clip-editor';
import type { ClipEditorActor } from '../connect/use-clip-editor';
import type { ClipSlotActor } from '../connect/use-clip-slot';
import { useSlotOfSession, type SessionActor } from '../connect/use-session';
import { noteName } from '../../machines/scales';
import { ClipEditor } from '../widgets/piano-roll/ClipEditor';
import { useShortScreen } from '../widgets/short-screen';
import type { RollRows, RollScale } from '../widgets/piano-roll/roll-types';
import { ClipHeader, CreateClip, NoClip } from './ClipHeader';
import { useInspect } from './inspect';
import './clip-page.css';

export interface ClipPageProps {
  effects: Effects;
  machines: ProvidedMachines;
  session: SessionActor;
  /** The slot opened from the session grid, or null (the page then follows Live's selection). */
  opened: string | null;
}

type EditorMachines = ReturnType<typeof editorMachines>;

function editorMachines(effects: Effects) {
  return {
    clipEditor: provideClipEditor(effects),
    envelopeEditor: provideEnvelopeEditor(effects),
    selection: provideClipSelection(effects),
    padRows: providePadRows(effects),
  };
}

interface Shared {
  editor: EditorMachines;
  machines: ProvidedMachines;
  session: SessionActor;
  following: boolean;
  onFollow: (follow: boolean) => void;
}

/** The page (lazy-loaded: `React.lazy(() => import('./ClipPage'))`). */
export default function ClipPage({ effects, machines, session, opened }: ClipPageProps) {
  const editor = useMemo(() => editorMachines(effects), [effects]);
  // a slot opened from the grid is shown; with none, Live's selection is
  const [following, onFollow] = useState(opened === null);
  const shared = { editor, machines, session, following, onFollow };
  return (
    <div className="ls-page ls-clip-page">
      {following ? <FollowLive {...shared} /> : <SlotClip {...shared} slot={opened} />}
    </div>
  );
}

function FollowLive(shared: Shared) {
  const selection = useActorRef(shared.editor.selection, { input: {}, inspect: useInspect() });
  const slot = useSelector(selection, (snapshot) => snapshot.context.slot);
  return <SlotClip {...shared} slot={slot} />;
}

function SlotClip({ slot, ...shared }: Shared & { slot: string | null }) {
  const { actor, track } = useSlotOfSession(shared.session, slot);
  if (actor === null) return <NoClip following={shared.following} onFollow={shared.onFollow} />;
  return <ClipOfSlot {...shared} slot={actor} track={track} />;
}

function ClipOfSlot({ slot, track, ...shared }: Shared & { slot: ClipSlotActor; track: string | null }) {
  const clip = useSelector(slot, (snapshot) => (snapshot.hasTag('empty') ? null : snapshot.context.clip));
  const empty = useSelector(slot, (snapshot) => snapshot.hasTag('empty'));
  const [scaleShown, showScale] = useState(false);
  const header = (
    <ClipHeader
      slot={slot}
      machines={shared.machines}
      following={shared.following}
      onFollow={shared.onFollow}
      scale={scaleShown}
      onScale={showScale}
    />
  );
  if (empty) {
    return (
      <>
        {header}
        <CreateClip onCreate={(beats) => slot.send({ type: 'ui.create', length: beats })} />
      </>
    );
  }
  return (
    <>
      {header}
      {clip === null ? (
        <p className="ls-empty">Reading the clip…</p>
      ) : (
        <EditorOf key={clip} {...shared} clip={clip} slot={slot} track={track} scaleShown={scaleShown} />
      )}
    </>
  );
}

function EditorOf(props: Shared & { clip: string; slot: ClipSlotActor; track: string | null; scaleShown: boolean }) {
  const { clip, slot, track, scaleShown, editor, machines } = props;
  const inspect = useInspect();
  const actor = useActorRef(editor.clipEditor, { input: { clip }, inspect });
  // the clip's automation: its actor lives as long as the clip is open, so strokes on their way survive a switch to the notes
  const envelope = useActorRef(editor.envelopeEditor, { input: { clip }, inspect });
  const playhead = useSelector(slot, (snapshot) =>
    snapshot.hasTag('playing') || snapshot.hasTag('recording') ? snapshot.context.playingPosition : null,
  );
  // a phone on its side: the tools down the side, so the roll keeps the little height there is
  const short = useShortScreen();
  return (
    <RowsOf machines={machines} editor={editor} track={track} actor={actor}>
      {(rows) => (
        <ScaleOf machines={machines} shown={scaleShown && rows.kind === 'keys'}>
          {(scale) => (
            <ClipEditor
              actor={actor}
              envelope={envelope}
              rows={rows}
              scale={scale}
              playhead={playhead}
              placement={short ? 'side' : 'bottom'}
            />
          )}
        </ScaleOf>
      )}
    </RowsOf>
  );
}

interface RowsProps {
  machines: ProvidedMachines;
  editor: EditorMachines;
  track: string | null;
  actor: ClipEditorActor;
  children: (rows: RollRows) => ReactNode;
}

const KEYS: RollRows = { kind: 'keys' };

/** The keys, or on a track with a Drum Rack its filled pads. */
function RowsOf({ machines, track, children, ...rest }: RowsProps) {
  if (track === null) return children(KEYS);
  return (
    <RackRows machines={machines} track={track} {...rest}>
      {children}
    </RackRows>
  );
}

function RackRows({ machines, editor, track, actor, children }: RowsProps & { track: string }) {
  const finder = useActorRef(machines.rackFinder, { input: { track }, inspect: useInspect() });
  const rack = useSelector(finder, (snapshot) => snapshot.context.rack);
  if (rack === null) return children(KEYS);
  return (
    <PadRows key={rack} editor={editor} rack={rack} actor={actor}>
      {children}
    </PadRows>
  );
}

function PadRows({
  editor,
  rack,
  actor,
  children,
}: Pick<RowsProps, 'editor' | 'actor' | 'children'> & { rack: string }) {
  const rows = useActorRef(editor.padRows, { input: { rack }, inspect: useInspect() });
  const pads = useSelector(rows, (snapshot) => snapshot.context.rows);
  const ready = useSelector(rows, (snapshot) => snapshot.hasTag('ready'));
  // a note on a pitch with no pad still shows: under its note name, as Live's fold keeps used rows
  const pitches = useSelector(actor, (snapshot) =>
    [...new Set(snapshot.context.base.map((note) => note.pitch))].sort((a, b) => a - b).join(','),
  );
  const folded = useMemo((): RollRows => {
    const named = new Map(pads.map((pad) => [pad.note, pad.name]));
    for (const pitch of pitches === '' ? [] : pitches.split(',').map(Number))
      if (!named.has(pitch)) named.set(pitch, noteName(pitch));
    return { kind: 'pads', pads: [...named].map(([note, name]) => ({ note, name })).sort((a, b) => a.note - b.note) };
  }, [pads, pitches]);
  return children(ready && folded.kind === 'pads' && folded.pads.length > 0 ? folded : KEYS);
}

/** The set's scale (Live's root and intervals), when asked for. */
function ScaleOf({
  machines,
  shown,
  children,
}: {
  machines: ProvidedMachines;
  shown: boolean;
  children: (scale: RollScale | null) => ReactNode;
}) {
  if (!shown) return children(null);
  return <SongScale machines={machines}>{children}</SongScale>;
}

function SongScale({
  machines,
  children,
}: {
  machines: ProvidedMachines;
  children: (scale: RollScale | null) => ReactNode;
}) {
  const scale = useActorRef(machines.songScale, { input: {}, inspect: useInspect() });
  const root = useSelector(scale, (snapshot) => snapshot.context.root);
  const intervals = useSelector(scale, (snapshot) => snapshot.context.intervals);
  const shown = useMemo(() => (root === null || intervals === null ? null : { root, intervals }), [root, intervals]);
  return children(shown);
}
