/**
 * A parameter's value and Live's words for it as they change, for a control
 * that is not re-rendered for each value: a painted knob at rest takes its
 * values from here (its dial painted, its slider's ARIA set) and renders
 * only when something else changes, so hundreds of moving knobs cost no
 * React work per value. A connected component makes one from its actor
 * (`parameterFeed` in `connect/use-parameter.ts`).
 */

/** One reading of the feed. */
export interface ValueSample {
  value: number;
  /** Live's text for the value (`str_for_value`), null until Live said. */
  display: string | null;
}

export interface ValueFeed {
  /** The latest value and words. */
  read: () => ValueSample;
  /** Calls `listener` after each change (and maybe more often); returns how to stop. */
  subscribe: (listener: () => void) => () => void;
}
