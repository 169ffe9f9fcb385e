/**
 * What the views show of the session actor: its children, the actors of the
 * set's tracks, scenes, slots and transport, laid out for the session grid,
 * the mixer and the app's pages, and the grid's state. Each selection keeps
 * its identity while those actors stay, so a view re-renders only when the
 * set's shape or the session's state changes, never for a value inside a
 * cell or a strip.
 */
import { useSelector } from '@xstate/react';
import { useMemo } from 'react';
import type { ActorRefFrom, SnapshotFrom } from 'xstate';
import { sceneId, slotId, trackId, type SessionMachine } from '../../machines/session';
import type { SessionBoxMachine } from '../../machines/session-box';
import type { SessionEdit, SessionEditsMachine } from '../../machines/session-edits';
import type { SessionSelectionMachine } from '../../machines/session-selection';
import type { SessionGridState } from '../widgets/session-grid/states';
import { sameList, sameView } from './same';
import type { ClipSlotActor } from './use-clip-slot';
import type { SceneActor } from './use-scene';
import type { TrackActor } from './use-track';
import type { TransportActor } from './use-transport';

/** The session actor. */
export type SessionActor = ActorRefFrom<SessionMachine>;
type SessionSnapshot = SnapshotFrom<SessionMachine>;

/** A child of the session by id (`track:<target>`, `transport`...), once it has spawned it. */
function childOf<T>(snapshot: SessionSnapshot, id: string): T | undefined {
  return (snapshot.children as Record<string, unknown>)[id] as T | undefined;
}

/** A track's column: its actor and its slots' actors, in scene order. */
export interface SessionColumn {
  track: TrackActor;
  slots: ClipSlotActor[];
}

/** What the grid shows of the session. */
export interface SessionGridView {
  state: SessionGridState;
  columns: SessionColumn[];
  scenes: SceneActor[];
  transport: TransportActor | null;
  error: string | null;
}

/** The grid's state for a session snapshot. */
export function sessionGridStateOf(snapshot: SessionSnapshot): SessionGridState {
  for (const state of ['offline', 'failed', 'loading', 'settling', 'ready'] as const)
    if (snapshot.hasTag(state)) return state;
  return 'waiting';
}

/** The selector `SessionGrid` uses (compare with `sameGrid`). */
export function sessionGridView(snapshot: SessionSnapshot): SessionGridView {
  const { context } = snapshot;
  const columns: SessionColumn[] = [];
  for (const target of context.tracks) {
    const track = childOf<TrackActor>(snapshot, trackId(target));
    const slots = (context.slots[target] ?? []).map((slot) => childOf<ClipSlotActor>(snapshot, slotId(slot)));
    // a column shows once its actors exist (the session spawns them with the shape)
    if (track && slots.every((slot) => slot !== undefined)) columns.push({ track, slots });
  }
  return {
    state: sessionGridStateOf(snapshot),
    columns,
    scenes: context.scenes
      .map((scene) => childOf<SceneActor>(snapshot, sceneId(scene)))
      .filter((scene): scene is SceneActor => scene !== undefined),
    transport: childOf<TransportActor>(snapshot, 'transport') ?? null,
    error: context.error?.message ?? null,
  };
}

/** Two selections show the same grid when the state and every actor are the same. */
export function sameGrid(a: SessionGridView, b: SessionGridView): boolean {
  return (
    a.state === b.state &&
    a.error === b.error &&
    a.transport === b.transport &&
    sameList(a.scenes, b.scenes) &&
    a.columns.length === b.columns.length &&
    a.columns.every(
      (column, index) =>
        column.track === b.columns[index]?.track && sameList(column.slots, b.columns[index]?.slots ?? []),
    )
  );
}

/** The session grid's view of the session actor. */
export function useSessionGrid(session: SessionActor): SessionGridView {
  return useSelector(session, sessionGridView, sameGrid);
}

/** One strip of the mixer: its track actor, its kind and its activator's face. */
export interface MixerRowStrip {
  actor: TrackActor;
  kind: 'track' | 'return' | 'master';
  /** The activator's face: the track's number, the return's letter. */
  position: string | undefined;
}

/** The strips the session has actors for, in Live's order: the tracks, the returns, the master. */
export function mixerStrips(snapshot: SessionSnapshot): MixerRowStrip[] {
  const { tracks, returns, master } = snapshot.context;
  const strips: MixerRowStrip[] = [];
  const add = (target: string, kind: MixerRowStrip['kind'], position: string | undefined): void => {
    const actor = childOf<TrackActor>(snapshot, trackId(target));
    if (actor) strips.push({ actor, kind, position });
  };
  tracks.forEach((target, index) => add(target, 'track', String(index + 1)));
  returns.forEach((target, index) => add(target, 'return', String.fromCharCode(65 + index)));
  if (master) add(master, 'master', undefined);
  return strips;
}

const sameStrips = (a: MixerRowStrip[], b: MixerRowStrip[]): boolean =>
  a.length === b.length &&
  a.every((strip, index) => strip.actor === b[index]?.actor && strip.position === b[index]?.position);

/** The mixer's strips of the session actor. */
export function useMixerStrips(session: SessionActor): MixerRowStrip[] {
  return useSelector(session, mixerStrips, sameStrips);
}

/** The track actors of the set's tracks (not returns or master), in order. */
export function useTrackActors(session: SessionActor): TrackActor[] {
  return useSelector(
    session,
    (snapshot) =>
      snapshot.context.tracks
        .map((track) => childOf<TrackActor>(snapshot, trackId(track)))
        .filter((actor): actor is TrackActor => actor !== undefined),
    sameList,
  );
}

/** The song's transport actor, once the session has spawned it. */
export function useTransportActor(session: SessionActor): TransportActor | undefined {
  return useSelector(session, (snapshot) => childOf<TransportActor>(snapshot, 'transport'));
}

/** A slot's actor and its track's target, once the session has them (null for no slot). */
export interface SlotOfSession {
  actor: ClipSlotActor | null;
  track: string | null;
}

/** The actor of a slot (a target, e.g. `id 1012`) and its track, from the session. */
export function useSlotOfSession(session: SessionActor, slot: string | null): SlotOfSession {
  const actor = useSelector(session, (snapshot) =>
    slot === null ? null : (childOf<ClipSlotActor>(snapshot, slotId(slot)) ?? null),
  );
  const track = useSelector(session, (snapshot) =>
    slot === null
      ? null
      : (Object.entries(snapshot.context.slots).find(([, slots]) => slots.includes(slot))?.[0] ?? null),
  );
  return { actor, track };
}

/** The grid's clip edits actor (the session's `edits` child). */
export type SessionEditsActor = ActorRefFrom<SessionEditsMachine>;
/** Live's selection actor (the session's `selection` child, while Live is there). */
export type SessionSelectionActor = ActorRefFrom<SessionSelectionMachine>;

/** The session box actor (the session's `box` child: the part of the grid shown, outlined in Live). */
export type SessionBoxActor = ActorRefFrom<SessionBoxMachine>;

/** The session's box actor. */
export function useSessionBoxActor(session: SessionActor): SessionBoxActor | undefined {
  return useSelector(session, (snapshot) => childOf<SessionBoxActor>(snapshot, 'box'));
}

/** The session's edits actor. */
export function useSessionEditsActor(session: SessionActor): SessionEditsActor | undefined {
  return useSelector(session, (snapshot) => childOf<SessionEditsActor>(snapshot, 'edits'));
}

/** The session's selection actor, while Live is there. */
export function useSessionSelectionActor(session: SessionActor): SessionSelectionActor | undefined {
  return useSelector(session, (snapshot) => childOf<SessionSelectionActor>(snapshot, 'selection'));
}

/** What the grid shows of its edits: the lock, an edit on its way, the Undo offered, why an edit failed. */
export interface EditsView {
  locked: boolean;
  busy: boolean;
  /** The edit Undo takes back, while offered. */
  offer: string | null;
  error: string | null;
}

const NO_EDITS: EditsView = { locked: false, busy: false, offer: null, error: null };

/** The selector of the edits' view. */
export function editsView(snapshot: SnapshotFrom<SessionEditsMachine> | undefined): EditsView {
  if (!snapshot) return NO_EDITS;
  const { context } = snapshot;
  return {
    locked: context.locked,
    busy: snapshot.hasTag('busy'),
    offer: snapshot.hasTag('offering') ? context.offer : null,
    error: context.error,
  };
}

/** The edits' commands. */
export interface EditsCommands {
  edit: (edit: SessionEdit, label: string) => void;
  undo: () => void;
  dismiss: () => void;
}

/** The grid's edits: what they show, and the commands that send to them. */
export function useEdits(actor: SessionEditsActor | undefined): EditsView & EditsCommands {
  const view = useSelector(actor, editsView, sameView);
  const commands = useMemo<EditsCommands>(
    () => ({
      edit: (edit, label) => actor?.send({ type: 'ui.edit', edit, label }),
      undo: () => actor?.send({ type: 'ui.undo' }),
      dismiss: () => actor?.send({ type: 'ui.dismiss' }),
    }),
    [actor],
  );
  return { ...view, ...commands };
}

/** Live's selection as the grid shows it: the selected track and scene (targets), and the slot they highlight. */
export interface SelectionView {
  track: string | null;
  scene: string | null;
}

const NO_SELECTION: SelectionView = { track: null, scene: null };

/** The selector of Live's selection. */
export function selectionView(snapshot: SnapshotFrom<SessionSelectionMachine> | undefined): SelectionView {
  return snapshot ? { track: snapshot.context.track, scene: snapshot.context.scene } : NO_SELECTION;
}

/** Live's selection, and the commands that change it. */
export function useSelection(
  actor: SessionSelectionActor | undefined,
): SelectionView & { selectTrack: (track: string) => void; selectSlot: (slot: string) => void } {
  const view = useSelector(actor, selectionView, sameView);
  const commands = useMemo(
    () => ({
      selectTrack: (track: string) => actor?.send({ type: 'ui.selectTrack', track }),
      selectSlot: (slot: string) => actor?.send({ type: 'ui.selectSlot', slot }),
    }),
    [actor],
  );
  return { ...view, ...commands };
}

/** The slot Live highlights: the selected track's slot in the selected scene (null for a return, the master, none). */
export function highlightedSlot(snapshot: SessionSnapshot, selection: SelectionView): string | null {
  const { track, scene } = selection;
  if (track === null || scene === null) return null;
  const index = snapshot.context.scenes.indexOf(scene);
  return index < 0 ? null : (snapshot.context.slots[track]?.[index] ?? null);
}

/** The song's time signature, for clip lengths in bars (4/4 until the transport has said). */
export function useSignature(session: SessionActor): { numerator: number; denominator: number } {
  return useSelector(
    session,
    (snapshot) => {
      const transport = childOf<TransportActor>(snapshot, 'transport')?.getSnapshot().context;
      return { numerator: transport?.numerator || 4, denominator: transport?.denominator || 4 };
    },
    sameView,
  );
}
