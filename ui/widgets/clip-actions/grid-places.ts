/**
 * Where a clip may go in the session grid, from what the cells show: the
 * next empty slot below a clip (where "Duplicate" puts its copy, as Live's
 * own duplicate does), and what a slot is to a clip being moved or copied:
 * on a track of the clip's kind (MIDI clips on MIDI tracks, audio on
 * audio), an empty slot takes it and a clip there is replaced, as a clip
 * dropped on another does in Live (`duplicate_clip_to` overrides the
 * target's clip); the clip's own slot and a slot still loading take
 * nothing. Pure.
 */
import type { ClipCellState } from '../session-grid/states';

/** What the grid knows of a slot: its target and whether it is empty. */
export interface SlotSummary {
  slot: string;
  empty: boolean;
}

/** The first empty slot below `row` in a track's column, or null. */
export function nextEmptyBelow(column: readonly SlotSummary[], row: number): SlotSummary | null {
  return column.slice(row + 1).find((slot) => slot.empty) ?? null;
}

/** What a slot holds, as far as the grid knows: nothing, a clip, or not yet known (loading, failed, deleted). */
export type SlotContent = 'empty' | 'clip' | 'unknown';

/** What a cell in `state` holds: a clip once it is loaded, nothing when empty, else not known yet. */
export function contentOf(state: ClipCellState): SlotContent {
  if (state === 'empty') return 'empty';
  return state === 'stopped' || state === 'triggered' || state === 'playing' || state === 'recording'
    ? 'clip'
    : 'unknown';
}

/** A slot a clip may be placed in: its target, its track's kind, what it holds. */
export interface PlaceTarget {
  slot: string;
  midi: boolean;
  content: SlotContent;
}

/** A clip being placed: its slot and its track's kind. */
export interface PlaceSource {
  slot: string;
  midi: boolean;
}

/** What a slot is to a clip being placed: its own slot, an empty slot it fits, a clip it replaces, or neither. */
export type PlaceRole = 'source' | 'fits' | 'replaces' | 'unfit';

/** What `target` is to the clip placed from `source`. */
export function placeRole(target: PlaceTarget, source: PlaceSource): PlaceRole {
  if (target.slot === source.slot) return 'source';
  if (target.midi !== source.midi) return 'unfit';
  if (target.content === 'empty') return 'fits';
  // a slot not known yet might hold anything: it takes nothing until it says
  return target.content === 'clip' ? 'replaces' : 'unfit';
}

/** Quoted as a musician reads a clip's name; an unnamed clip is "the clip". */
const quoted = (name: string): string => (name ? `“${name}”` : 'the clip');

/** The question asked before a clip replaces another: `Replace “Bassline” in Bass, slot 3 with “Bass 2”?`. */
export const replaceQuestion = (replaced: string, location: string, incoming: string): string =>
  `Replace ${quoted(replaced)} in ${location} with ${quoted(incoming)}?`;

/** What Undo says of a clip moved or copied (`Moved Walk to Pad, slot 1`, `…, replacing Swell`). */
export function placedLabel(verb: 'Move' | 'Copy', name: string, location: string, replaced: string | null): string {
  const done = `${verb === 'Move' ? 'Moved' : 'Copied'} ${name} to ${location}`;
  return replaced === null ? done : `${done}, replacing ${replaced || 'its clip'}`;
}

/** The lengths a new clip may have, in bars. */
export const NEW_CLIP_BARS = [1, 2, 4, 8, 16] as const;

/** A slot's place as a musician says it: `Drums, slot 4`. */
export const slotLocation = (track: string, row: number): string => `${track || 'Track'}, slot ${row + 1}`;
