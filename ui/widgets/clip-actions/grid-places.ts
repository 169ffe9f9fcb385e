/**
 * Where a clip may go in the session grid, from what the cells show: the
 * next empty slot below a clip (where "Duplicate" puts its copy, as Live's
 * own duplicate does), and whether a slot fits a clip being moved or copied
 * (empty, on a track of the clip's kind: MIDI clips on MIDI tracks, audio
 * on audio). Pure.
 */

/** What the grid knows of a slot: its target and whether it is empty. */
export interface SlotSummary {
  slot: string;
  empty: boolean;
}

/** The first empty slot below `row` in a track's column, or null. */
export function nextEmptyBelow(column: readonly SlotSummary[], row: number): SlotSummary | null {
  return column.slice(row + 1).find((slot) => slot.empty) ?? null;
}

/** Whether a slot takes a clip from a track of kind `sourceMidi` (never its own slot, never over another clip). */
export function fits(target: SlotSummary & { midi: boolean }, source: { slot: string; midi: boolean }): boolean {
  return target.empty && target.slot !== source.slot && target.midi === source.midi;
}

/** The lengths a new clip may have, in bars. */
export const NEW_CLIP_BARS = [1, 2, 4, 8, 16] as const;

/** A slot's place as a musician says it: `Drums, slot 4`. */
export const slotLocation = (track: string, row: number): string => `${track || 'Track'}, slot ${row + 1}`;
