/**
 * What every value control shares: the states of the parameter it shows (the
 * parameter machine's, as tags) and how a value reads before Live has said
 * it in its own units.
 */
import type { ValueFeed } from './value-feed';

export type ControlState = 'idle' | 'loading' | 'ready' | 'touched' | 'failed' | 'gone';

export const CONTROL_STATES: readonly ControlState[] = ['idle', 'loading', 'ready', 'touched', 'failed', 'gone'];

/** Whether a control in this state takes input. */
export const takesInput = (state: ControlState): boolean => state === 'ready' || state === 'touched';

export interface ValueRange {
  min: number;
  max: number;
  /** A quantized parameter's items (`value_items`): its value is an index into them. */
  items?: readonly string[];
}

/** What a control shows of a parameter: its value, Live's text for it, its state. */
export interface ParameterShownProps {
  label: string;
  value: number;
  min?: number;
  max?: number;
  /** A quantized parameter's items: the value is an index into them. */
  items?: readonly string[];
  /** The value in Live's own units (`str_for_value`). */
  display?: string | null;
  state?: ControlState;
  size?: 'small' | 'medium' | 'large';
  /** Live's color for the control (an RGB integer); the accent color otherwise. */
  color?: number | null;
}

/** A control that changes a parameter: the shown props, and the gestures going out. */
export interface ParameterControlProps extends ParameterShownProps {
  /** The value a double tap (or Delete) goes back to. */
  defaultValue?: number;
  /** Why it failed, when it did. */
  error?: string | null;
  onStart?: () => void;
  onChange?: (value: number) => void;
  onCommit?: (value: number) => void;
  onReset?: () => void;
  onRetry?: () => void;
  /**
   * Where the control reads its value between renders, if it can draw
   * without rendering (a painted knob at rest): its `value` and `display`
   * props may then lag behind Live's, and a drag or a key starts from here.
   */
  feed?: ValueFeed;
}

/** The value as text: the item of a quantized value, otherwise a number that suits the range. */
export function fallbackText(value: number, { min, max, items }: ValueRange): string {
  if (items && items.length > 0) return items[Math.round(value)] ?? String(Math.round(value));
  const span = Math.abs(max - min);
  const digits = span >= 100 ? 0 : span >= 10 ? 1 : 2;
  return value.toFixed(digits);
}

/** What a control says about its state to a screen reader (or in its place when it has no value). */
export function stateText(state: ControlState): string | null {
  switch (state) {
    case 'idle':
      return 'Unassigned';
    case 'loading':
      return 'Loading';
    case 'failed':
      return 'Failed';
    case 'gone':
      return 'Deleted in Live';
    default:
      return null;
  }
}
