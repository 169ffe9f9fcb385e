/**
 * What the envelope editor's views show and what a finger asks of them:
 * plain data, so the views stay pure and the editor's actor decides what a
 * stroke does to Live's envelope.
 *
 * Time is in beats of clip time, as the piano roll's (roll-types); values
 * are in the parameter's own units (`min`..`max`), as Live's
 * `value_at_time` and `insert_step` take them.
 */
import type { RollClip, RollGrid, RollNote, RollRows } from '../piano-roll/roll-types';

export type { RollClip, RollGrid, RollNote, RollRows };

/** Which part of the clip's time the lane shows: the same across as the piano roll's viewport. */
export interface LaneViewport {
  /** The beat at the left edge. */
  startBeat: number;
  pxPerBeat: number;
}

/**
 * A curved segment to the next point: a cubic Bézier's inner control
 * points, fractions (0..1) of the segment's time and value span (Live 12's
 * control coefficients).
 */
export interface EnvelopeCurve {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/** A breakpoint as drawn: two points at one time make a vertical step. Values in the parameter's units (min..max). */
export interface EnvelopePoint {
  /** Beats of clip time. */
  time: number;
  value: number;
  /** The segment from this point to the next: curved, or straight when null. */
  curve: EnvelopeCurve | null;
}

/** The parameter whose automation is shown. */
export interface LaneParameter {
  /** Live's `name` (`Frequency`). */
  name: string;
  /** The device's name (`Auto Filter`), `Mixer` for the mixer's. */
  device: string;
  min: number;
  max: number;
  /** Live's `is_quantized`: only whole steps (a switch, a choice). */
  quantized: boolean;
  /** Live's `value_items` of a quantized parameter (its choices, from `min` up); empty otherwise. */
  items: readonly string[];
}

/** A label of the value axis, in Live's own units (`str_for_value`). */
export interface AxisLabel {
  value: number;
  text: string;
}

/** Time ranges drawn but not yet Live's: `sending`, `offline` (waits for Live), `refused`. */
export interface PendingRange {
  start: number;
  end: number;
  state: 'sending' | 'offline' | 'refused';
}

/**
 * What a finger does to the envelope: `draw` freehand (steps at the grid),
 * `step` held values (the tool for quantized parameters), `ramp` a straight
 * line from where it lands to where it lifts, `erase` a range (Live 12).
 */
export type EnvelopeTool = 'draw' | 'step' | 'ramp' | 'erase';

/** What a finger shows before it lets go (ramp and erase only draw on release). */
export type StrokePreview =
  | { kind: 'ramp'; from: { beat: number; value: number }; to: { beat: number; value: number } }
  | { kind: 'erase'; start: number; end: number };

/**
 * What a finger asks: positions are raw beats and values (the editor snaps
 * and clamps). One stroke = start, moves, end (or cancel on pointercancel).
 */
export type EnvelopeIntent =
  | { type: 'start'; tool: EnvelopeTool; beat: number; value: number }
  | { type: 'move'; beat: number; value: number }
  | { type: 'end' }
  | { type: 'cancel' };

/** A parameter the picker offers. */
export interface PickerEntry {
  /** The editor's key for the parameter (its path in Live's object tree, say). */
  target: string;
  name: string;
  device: string;
  /** The clip has automation for it (`automation_envelope(parameter)` is not None). */
  automated: boolean;
  /** Why it is offered in "Touched": moved on this tablet, or Live's `selected_parameter`. */
  why?: 'moved here' | 'selected in Live';
}

/** A device (or the mixer) and its parameters; `path` names a device in a rack's chain from the track down. */
export interface PickerGroup {
  name: string;
  /** From the track's device down (`['Drum Rack', 'Kick', 'Simpler']`); the mixer's is `['Mixer']`. */
  path: readonly string[];
  kind: 'mixer' | 'device';
  entries: readonly PickerEntry[];
}
