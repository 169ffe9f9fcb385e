/**
 * What a clip cell shows of a clip slot actor: its state as one word (the
 * machine's states and tags flattened), the clip's name and color, and how
 * far it is through its loop. Selected so a cell re-renders only when what
 * it shows changes: the progress is rounded to whole percents.
 */
import type { SnapshotFrom } from 'xstate';
import type { ClipSlotContext, ClipSlotMachine } from '../../../machines/clip-slot';

/** The states a clip cell shows: the clip slot machine's, flattened to one word. */
export type ClipCellState =
  'empty' | 'checking' | 'creating' | 'loading' | 'stopped' | 'triggered' | 'playing' | 'recording' | 'failed' | 'gone';

/** Every state, in the order the stories show them. */
export const CLIP_CELL_STATES: readonly ClipCellState[] = [
  'empty',
  'checking',
  'creating',
  'loading',
  'stopped',
  'triggered',
  'playing',
  'recording',
  'failed',
  'gone',
];

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

/** What a cell in this state tells a screen reader about itself. */
export function clipStateText(state: ClipCellState, options: { armed?: boolean; error?: string | null } = {}): string {
  switch (state) {
    case 'empty':
      return options.armed ? 'Empty, track armed' : 'Empty';
    case 'checking':
      return 'Checking the slot';
    case 'creating':
      return 'Creating a clip';
    case 'loading':
      return 'Loading the clip';
    case 'stopped':
      return 'Stopped';
    case 'triggered':
      return 'Triggered, starts on the next launch';
    case 'playing':
      return 'Playing';
    case 'recording':
      return 'Recording';
    case 'failed':
      return options.error ? `Failed: ${options.error}` : 'Failed';
    case 'gone':
      return 'Deleted in Live';
  }
}
