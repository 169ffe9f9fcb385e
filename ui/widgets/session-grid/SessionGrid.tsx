/**
 * The session grid on the session actor: tracks as columns (name and color,
 * clip cells, a stop cell), scenes as rows with their launch buttons at the
 * end. It re-renders only when the set's shape, the session's state, Live's
 * selection or a clip being placed changes; every cell follows its own
 * actor, and one small component follows the beat (`BeatSync`). Live
 * offline dims it; a failed load offers a retry.
 *
 * A group track's slots launch the clips of the tracks it holds, and take
 * no clip of their own (`GroupSlotCell`).
 *
 * A swipe scrolls it (never launching: `use-press.ts`). A tap on a track's
 * name selects the track in Live; a tap on an empty slot highlights it in
 * Live; "Follow" keeps Live's selected scene in view (kept on the tablet).
 * A long press on a slot opens its actions (`SlotActions`): a new clip of a
 * chosen length, or a clip's duplicate, copy, move, delete, rename and
 * color; a held clip drags to another slot. A clip moved or copied onto
 * another replaces it, as in Live, once the musician says so
 * (`ReplaceSheet`); cancelled, nothing changes. Every edit is one step of
 * Live's undo, and the bar at the foot offers Undo right after. The tracks
 * and scenes on screen are outlined in Live's Session view (`useSessionBox`).
 */
import { useSelector } from '@xstate/react';
import { memo, useCallback, useEffect, useMemo, useRef, useState, type CSSProperties } from 'react';
import { z } from 'zod';
import {
  highlightedSlot,
  useEdits,
  useSelection,
  useSessionEditsActor,
  useSessionGrid,
  useSessionSelectionActor,
  useSignature,
  type SessionActor,
  type SessionColumn,
} from '../../connect/use-session';
import { clipCellView } from '../../connect/use-clip-slot';
import { useGroupMembers } from '../../connect/use-group-slots';
import { useSessionBox } from '../../connect/use-session-box';
import { useStoredState } from '../../settings/stored-state';
import { contentOf, placedLabel, slotLocation, type SlotContent } from '../clip-actions/grid-places';
import { EditBar } from '../clip-actions/EditBar';
import { ReplaceSheet } from '../clip-actions/ReplaceSheet';
import { BeatSync } from './BeatSync';
import type { ClipCellProps } from './ClipCell';
import { GridContext, type CellPlace, type GridContextValue, type Placing } from './grid-context';
import { SceneLaunchButton } from './SceneLaunchButton';
import { SlotActions } from './SlotActions';
import type { SessionGridState } from './states';
import { TrackColumn } from './TrackColumn';
import { useClipDrag } from './use-clip-drag';
import './session-grid.css';

/** The session actor, and the size of its cells. */
export interface SessionGridProps {
  session: SessionActor;
  size?: ClipCellProps['size'];
  /** Opens a slot in the clip editor (each cell then has an edit control). */
  onEditSlot?: (slot: string) => void;
}

const STATUS_TEXT: Partial<Record<SessionGridState, string>> = {
  waiting: 'Waiting for Live…',
  loading: 'Loading the set…',
  offline: 'Live is offline',
  failed: 'The set could not be loaded',
};

/** The setting that keeps Live's selected scene in view. */
export const FOLLOW_SETTING = 'session.follow';

/** A slot as the grid shows it now: where it is (as a musician says it), what it holds, its clip's name and color. */
interface SlotNow {
  location: string;
  content: SlotContent;
  name: string;
  color: number | null;
}

/** A slot of the grid's columns, as it is now. */
function slotNow(columns: readonly SessionColumn[], slot: string): SlotNow {
  for (const column of columns) {
    const row = column.slots.findIndex((actor) => actor.getSnapshot().context.slot === slot);
    const actor = column.slots[row];
    if (actor) {
      const view = clipCellView(actor.getSnapshot());
      const location = slotLocation(column.track.getSnapshot().context.name, row);
      return { location, content: contentOf(view.state), name: view.name, color: view.color };
    }
  }
  return { location: 'the slot', content: 'unknown', name: '', color: null };
}

/** A clip placed onto another, until the musician answers: what the question names. */
interface Replacing {
  from: Placing;
  to: string;
  /** The clip placed (its name as Live has it: empty when unnamed). */
  incoming: string;
  target: SlotNow;
}

/** What a tap does while a clip is placed. */
const placingText = (placing: Placing): string =>
  `Tap a slot of ${placing.midi ? 'a MIDI' : 'an audio'} track to ${placing.verb === 'Move' ? 'move' : 'copy'} ${placing.name} there`;

const editKind = (verb: Placing['verb']) => (verb === 'Move' ? 'move' : 'duplicate');

/** The session grid (connected). */
export const SessionGrid = memo(function SessionGrid({ session, size = 'medium', onEditSlot }: SessionGridProps) {
  const grid = useSessionGrid(session);
  const groups = useGroupMembers(grid.columns);
  const element = useRef<HTMLElement>(null);
  const scroller = useRef<HTMLDivElement>(null);
  const edits = useEdits(useSessionEditsActor(session));
  const selection = useSelection(useSessionSelectionActor(session));
  const highlighted = useSelector(session, (snapshot) => highlightedSlot(snapshot, selection));
  const signature = useSignature(session);
  const [follow, setFollow] = useStoredState(FOLLOW_SETTING, z.boolean(), false);
  const [held, setHeld] = useState<CellPlace | null>(null);
  const [placing, setPlacing] = useState<Placing | null>(null);
  const [replacing, setReplacing] = useState<Replacing | null>(null);
  // the clip a drag carries, for its drop (the state is cleared as the drag ends)
  const carried = useRef<Placing | null>(null);
  const columns = useRef(grid.columns);
  columns.current = grid.columns;
  const edit = edits.edit;
  const locked = edits.locked;
  // Live outlines the tracks and scenes this tablet shows
  useSessionBox(session, element, `${grid.columns.length}x${grid.scenes.length}`);

  const placeAt = useCallback(
    (from: Placing, to: string) => {
      const target = slotNow(columns.current, to);
      // a slot that began loading since the cell took the clip could hold anything: nothing goes there blindly
      if (target.content === 'unknown') return;
      // a clip there goes only once the musician says so (locked, the edit is refused with the reason at once)
      if (target.content === 'clip' && !locked) {
        setReplacing({ from, to, incoming: slotNow(columns.current, from.source).name, target });
        return;
      }
      edit(
        { kind: editKind(from.verb), from: from.source, to },
        placedLabel(from.verb, from.name, target.location, null),
      );
    },
    [edit, locked],
  );
  const replace = useCallback(() => {
    if (replacing === null) return;
    const { from, to, target } = replacing;
    edit(
      { kind: editKind(from.verb), from: from.source, to },
      placedLabel(from.verb, from.name, target.location, target.name),
    );
    setReplacing(null);
  }, [edit, replacing]);
  const drag = useClipDrag(scroller, {
    start: (next) => {
      carried.current = next;
      setPlacing(next);
    },
    drop: (slot) => {
      if (carried.current) placeAt(carried.current, slot);
    },
    end: () => {
      carried.current = null;
      setPlacing(null);
    },
  });
  const context = useMemo<GridContextValue>(
    () => ({
      placing,
      highlighted,
      selectedTrack: selection.track,
      select: selection.selectSlot,
      selectTrack: selection.selectTrack,
      hold: setHeld,
      place: (slot) => {
        if (placing) placeAt(placing, slot);
        setPlacing(null);
      },
      drag,
    }),
    [placing, highlighted, selection.track, selection.selectSlot, selection.selectTrack, placeAt, drag],
  );

  // Escape leaves placing
  useEffect(() => {
    if (placing === null || placing.by === 'drag') return undefined;
    const leave = (event: KeyboardEvent): void => {
      if (event.key === 'Escape') setPlacing(null);
    };
    document.addEventListener('keydown', leave);
    return () => document.removeEventListener('keydown', leave);
  }, [placing]);

  // Live's selected scene (and track) in view, when following
  useEffect(() => {
    if (!follow || selection.scene === null) return;
    const root = element.current;
    const row = grid.scenes.findIndex((scene) => scene.getSnapshot().context.scene === selection.scene);
    const target =
      (highlighted && root?.querySelector(`[data-slot="${highlighted}"]`)) ||
      root?.querySelector('.ls-session-scenes')?.children[row + 1];
    // (a DOM without layout, as in jsdom, cannot scroll)
    target?.scrollIntoView?.({ block: 'nearest', inline: 'nearest', behavior: 'smooth' });
  }, [follow, selection.scene, highlighted, grid.scenes]);

  const status = STATUS_TEXT[grid.state];
  const busy = grid.state === 'waiting' || grid.state === 'loading' || grid.state === 'settling';
  const heldColumn = held && grid.columns.find((column) => column.slots.includes(held.slot));
  return (
    <GridContext.Provider value={context}>
      <section
        ref={element}
        className="ls-session"
        aria-label="Session"
        aria-busy={busy || undefined}
        data-state={grid.state}
        data-size={size}
        data-placing={placing !== null || undefined}
      >
        {grid.transport && <BeatSync transport={grid.transport} targetRef={element} />}
        <div
          ref={scroller}
          className="ls-session-grid"
          style={{ '--ls-session-tracks': grid.columns.length } as CSSProperties}
        >
          {grid.columns.map((column, index) => (
            <TrackColumn
              key={column.track.id}
              track={column.track}
              slots={column.slots}
              size={size}
              onEditSlot={onEditSlot}
              members={groups.get(index)}
            />
          ))}
          {grid.columns.length > 0 && (
            <div className="ls-session-column ls-session-scenes" role="group" aria-label="Scenes">
              <button
                type="button"
                className="ls-session-head ls-session-follow"
                aria-pressed={follow}
                title="Keep Live’s selected scene in view"
                onClick={() => setFollow((on) => !on)}
              >
                Follow
              </button>
              {grid.scenes.map((scene, index) => (
                <SceneLaunchButton
                  key={scene.id}
                  actor={scene}
                  number={index + 1}
                  size={size}
                  selected={scene.getSnapshot().context.scene === selection.scene}
                />
              ))}
            </div>
          )}
        </div>
        {status && (
          <div className="ls-session-status" role="status" data-cover={grid.columns.length > 0 || undefined}>
            <span>{status}</span>
            {grid.error && <span className="ls-session-error">{grid.error}</span>}
            {grid.state === 'failed' && (
              <button type="button" className="ls-retry" onClick={() => session.send({ type: 'ui.retry' })}>
                Retry
              </button>
            )}
          </div>
        )}
        {replacing && (
          <ReplaceSheet
            verb={replacing.from.verb}
            incoming={replacing.incoming}
            replaced={replacing.target.name}
            location={replacing.target.location}
            color={replacing.target.color}
            onReplace={replace}
            onCancel={() => setReplacing(null)}
          />
        )}
        {held && heldColumn && (
          <SlotActions
            place={held}
            column={heldColumn.slots}
            edits={edits}
            signature={signature}
            onPlace={setPlacing}
            onClose={() => setHeld(null)}
          />
        )}
        <EditBar
          offer={edits.offer}
          error={edits.error}
          busy={edits.busy}
          placing={placing && placing.by === 'menu' ? placingText(placing) : null}
          onUndo={edits.undo}
          onDismiss={edits.dismiss}
          onCancelPlacing={() => setPlacing(null)}
        />
      </section>
    </GridContext.Provider>
  );
});
