/**
 * What a MIDI keyboard sent that Live does not get, counted by kind (the
 * bytes of one `midimessage` event are read by the protocol's
 * `readMidiMessage`).
 */
import type { DroppedKind } from '../protocol/src/index';

export { readMidiMessage, type DroppedKind, type ReadMessage } from '../protocol/src/index';

/** How many messages of each kind were dropped. */
export type DroppedCounts = Readonly<Partial<Record<DroppedKind, number>>>;

/** `counts` with one more `what`. */
export const countDropped = (counts: DroppedCounts, what: DroppedKind): DroppedCounts => ({
  ...counts,
  [what]: (counts[what] ?? 0) + 1,
});

/** The counts in words, most first: "96 clock, 2 sysex"; empty when none was dropped. */
export function droppedInWords(counts: DroppedCounts): string {
  return Object.entries(counts)
    .filter(([, count]) => count !== undefined && count > 0)
    .sort(([, a], [, b]) => (b ?? 0) - (a ?? 0))
    .map(([what, count]) => `${count} ${what}`)
    .join(', ');
}
