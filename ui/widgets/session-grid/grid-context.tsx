/**
 * What the session grid tells its cells beyond their own actors: a clip
 * being placed (moved or copied: which slots fit it), Live's highlighted
 * slot, and where a cell's tap on an empty slot, its hold, its drag and a
 * tap while placing go. A cell outside a grid (a story, a lone slot) has
 * none of it and only launches.
 */
import { createContext } from 'react';
import type { ClipSlotActor } from '../../connect/use-clip-slot';
import type { TrackActor } from '../../connect/use-track';
import type { DragCallbacks } from './use-press';

/** A clip being placed: its slot, its track's kind (a MIDI clip goes to MIDI tracks), and how. */
export interface Placing {
  source: string;
  name: string;
  midi: boolean;
  verb: 'Move' | 'Copy';
  /** By a finger's drag (the drop places it), or chosen from the clip's actions (a tap does). */
  by: 'drag' | 'menu';
}

/** Where a cell is in the grid. */
export interface CellPlace {
  slot: ClipSlotActor;
  track: TrackActor;
  /** The scene's index. */
  row: number;
}

/** What the grid gives its cells. */
export interface GridContextValue {
  placing: Placing | null;
  /** Live's highlighted slot (a target), or null. */
  highlighted: string | null;
  /** Live's selected track (a target), or null. */
  selectedTrack: string | null;
  /** A tap on a track's name: Live selects the track. */
  selectTrack: (track: string) => void;
  /** A tap on an empty slot: Live highlights it. */
  select: (slot: string) => void;
  /** A long press, a right click or the menu key: the slot's actions. */
  hold: (place: CellPlace) => void;
  /** A tap on a slot that takes the clip being placed (empty, or a clip it replaces: the grid asks first). */
  place: (slot: string) => void;
  /** A held clip dragged. */
  drag: (place: CellPlace, midi: boolean) => DragCallbacks;
}

export const GridContext = createContext<GridContextValue | null>(null);
