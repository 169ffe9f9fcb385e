/**
 * A clip cell on a clip slot actor: what the cell shows of the slot (its
 * state as one word, the clip's name and color, how far it is through its
 * loop) and the presses that become the clip slot machine's events.
 * Selected so a cell re-renders only when what it shows changes: the
 * progress is rounded to whole percents.
 */
import { useSelector } from '@xstate/react';
import { useMemo } from 'react';
import type { ActorRefFrom, SnapshotFrom } from 'xstate';
import type { ClipSlotContext, ClipSlotMachine } from '../../machines/clip-slot';
import type { ClipCellState } from '../widgets/session-grid/states';
import { sameView } from './same';

/** A clip slot actor the session spawns. */
export type ClipSlotActor = ActorRefFrom<ClipSlotMachine>;

/** The props of `ClipCell` that come from the clip slot actor. */
export interface ClipCellView {
  state: ClipCellState;
  name: string;
  /** Live's RGB integer for the clip; null for an empty slot. */
  color: number | null;
  /** 0..1 through the loop while playing or recording; null otherwise. */
  progress: number | null;
  /** Why the cell is degraded (optional steps that failed, or a launch Live refused); null when whole. */
  notice: string | null;
  /** Why it failed, when it did. */
  error: string | null;
}

/** Where the clip is in its loop, 0..1, in whole percents (finer would re-render a cell for nothing visible). */
export function loopProgress(context: Pick<ClipSlotContext, 'playingPosition' | 'loopStart' | 'loopEnd'>): number {
  const length = context.loopEnd - context.loopStart;
  if (!(length > 0)) return 0;
  const ratio = (context.playingPosition - context.loopStart) / length;
  return Math.round(Math.min(1, Math.max(0, ratio)) * 100) / 100;
}

/** The cell's state for a clip slot snapshot. */
export function clipCellStateOf(snapshot: SnapshotFrom<ClipSlotMachine>): ClipCellState {
  if (snapshot.matches('checking')) return 'checking';
  if (snapshot.matches('creating')) return 'creating';
  if (snapshot.matches('loadingClip')) return 'loading';
  for (const state of ['empty', 'failed', 'gone', 'triggered', 'playing', 'recording', 'stopped'] as const)
    if (snapshot.hasTag(state)) return state;
  return 'loading';
}

function noticeOf(context: ClipSlotContext, degraded: boolean): string | null {
  const parts: string[] = [];
  if (degraded) parts.push(...Object.entries(context.optionalFailures).map(([step, message]) => `${step}: ${message}`));
  if (context.commandError) parts.push(`launch refused: ${context.commandError}`);
  return parts.length > 0 ? parts.join('; ') : null;
}

/** The selector `ClipSlotCell` uses: what the cell shows of the slot. */
export function clipCellView(snapshot: SnapshotFrom<ClipSlotMachine>): ClipCellView {
  const { context } = snapshot;
  const state = clipCellStateOf(snapshot);
  const hasClip = ['stopped', 'triggered', 'playing', 'recording'].includes(state);
  return {
    state,
    name: hasClip ? context.name : '',
    color: hasClip ? context.color : null,
    progress: state === 'playing' || state === 'recording' ? loopProgress(context) : null,
    notice: noticeOf(context, snapshot.hasTag('degraded')),
    error: state === 'failed' ? (context.error?.message ?? null) : null,
  };
}

/**
 * The cell's presses on its own slot. Creating a clip is not one of them: it
 * is a deliberate edit of the grid (a long press, a length chosen, one undo
 * step: `use-session.ts`'s edits).
 */
export interface ClipSlotCallbacks {
  onLaunch: () => void;
  onRecord: () => void;
  onRetry: () => void;
}

/** The cell's presses as the clip slot machine's events. */
export function clipSlotCallbacks(actor: ClipSlotActor): ClipSlotCallbacks {
  return {
    onLaunch: () => actor.send({ type: 'ui.fire' }),
    // an empty slot of an armed track fired records into it, as in Live
    onRecord: () => actor.send({ type: 'ui.fire' }),
    onRetry: () => actor.send({ type: 'ui.retry' }),
  };
}

/** What the slot's actions (its menu) need of it: its targets and its clip's name and color. */
export interface SlotActionsView {
  state: ClipCellState;
  slot: string;
  /** The clip's target, or null for an empty slot. */
  clip: string | null;
  name: string;
  color: number | null;
}

/** The selector of the slot's actions. */
export function slotActionsView(snapshot: SnapshotFrom<ClipSlotMachine>): SlotActionsView {
  const view = clipCellView(snapshot);
  return {
    state: view.state,
    slot: snapshot.context.slot,
    clip: view.color === null ? null : snapshot.context.clip,
    name: view.name,
    color: view.color,
  };
}

/** The slot as its actions show it. */
export function useSlotActions(actor: ClipSlotActor): SlotActionsView {
  return useSelector(actor, slotActionsView, sameView);
}

/** Whether a slot is empty now (for a place to copy or move a clip to). */
export const isEmptySlot = (actor: ClipSlotActor): boolean => clipCellStateOf(actor.getSnapshot()) === 'empty';

/** The view of a clip slot actor and the presses that send to it, for `ClipCell`. */
export function useClipSlot(actor: ClipSlotActor): ClipCellView & ClipSlotCallbacks {
  const view = useSelector(actor, clipCellView, sameView);
  const callbacks = useMemo(() => clipSlotCallbacks(actor), [actor]);
  return { ...view, ...callbacks };
}
