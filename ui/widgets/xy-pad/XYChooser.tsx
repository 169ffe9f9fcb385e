/**
 * What an XY pad moves: a picker for each axis, listing a track's
 * parameters by device (its mixer first), a device in a rack's chain
 * grouped under where it sits ("Keys Rack › Tines › Operator") and named
 * by its chain when the picker is closed ("Tines › Operator"), which is
 * what tells it from its neighbours in the little room a phone leaves.
 * Native selects, so a tablet shows its own picker and a screen reader
 * knows them. A choice saved earlier that the track no longer has is said,
 * not silently dropped. A pure view.
 */
import { memo, useMemo } from 'react';
import './xy-chooser.css';

/** A parameter to choose: its path from the track (the value chosen), its name and its device's. */
export interface XYChoice {
  path: string;
  name: string;
  /** The device's name, after the racks and chains it sits in. */
  device: string;
  /** The device's name after its own chain's only; `device` when not given. */
  shortDevice?: string;
}

/** The list's state: being read from Live, read, unreadable, or the track deleted. */
export type XYChooserState = 'loading' | 'ready' | 'failed' | 'gone';

/** One of the pad's two axes. */
export type XYAxisName = 'x' | 'y';

export interface XYChooserProps {
  state: XYChooserState;
  choices: readonly XYChoice[];
  /** The paths chosen for each axis (null: none). */
  x: string | null;
  y: string | null;
  /** Parameters saved earlier (as "Device › Name") that the track no longer has, by axis. */
  missing?: Partial<Record<XYAxisName, string>>;
  error?: string | null;
  onChoose?: (axis: XYAxisName, path: string | null) => void;
  onRetry?: () => void;
}

/** The choices by device, in the order they come (the mixer first). */
export function byDevice(choices: readonly XYChoice[]): { device: string; choices: XYChoice[] }[] {
  const groups: { device: string; choices: XYChoice[] }[] = [];
  for (const choice of choices) {
    const last = groups.at(-1);
    if (last && last.device === choice.device) last.choices.push(choice);
    else groups.push({ device: choice.device, choices: [choice] });
  }
  return groups;
}

const AXIS_LABELS: Record<XYAxisName, string> = { x: 'X (across)', y: 'Y (up)' };

function AxisPicker({
  axis,
  value,
  groups,
  disabled,
  placeholder,
  onChoose,
}: {
  axis: XYAxisName;
  value: string | null;
  groups: ReturnType<typeof byDevice>;
  disabled: boolean;
  placeholder: string;
  onChoose?: (axis: XYAxisName, path: string | null) => void;
}) {
  return (
    <label className="ls-xy-chooser-axis">
      <span className="ls-label">{axis.toUpperCase()}</span>
      <select
        className="ls-tool ls-xy-chooser-select"
        aria-label={AXIS_LABELS[axis]}
        value={value ?? ''}
        disabled={disabled}
        onChange={(event) => onChoose?.(axis, event.target.value === '' ? null : event.target.value)}
      >
        <option value="">{placeholder}</option>
        {groups.map((group, index) => (
          // two devices of one name may both be on the track: a group is known by its place too
          <optgroup key={`${index}:${group.device}`} label={group.device}>
            {group.choices.map((choice) => (
              <option key={choice.path} value={choice.path}>
                {choice.name} · {choice.shortDevice ?? choice.device}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
    </label>
  );
}

function statusText(state: XYChooserState, error: string | null): string | null {
  switch (state) {
    case 'loading':
      return 'Reading the track’s devices…';
    case 'failed':
      return `The track’s devices could not be read${error ? `: ${error}` : ''}`;
    case 'gone':
      return 'The track was deleted';
    case 'ready':
      return null;
    default:
      return state satisfies never;
  }
}

/** A picker per axis, and what stands in their way. */
export const XYChooser = memo(function XYChooser({
  state,
  choices,
  x,
  y,
  missing = {},
  error = null,
  onChoose,
  onRetry,
}: XYChooserProps) {
  const groups = useMemo(() => byDevice(choices), [choices]);
  const ready = state === 'ready';
  const placeholder = ready ? 'Choose a parameter' : '…';
  const status = statusText(state, error);
  const lost = (['x', 'y'] as const).filter((axis) => missing[axis]);
  return (
    <div className="ls-xy-chooser" role="group" aria-label="Parameters of the XY pad" data-state={state}>
      <AxisPicker axis="x" value={x} groups={groups} disabled={!ready} placeholder={placeholder} onChoose={onChoose} />
      <AxisPicker axis="y" value={y} groups={groups} disabled={!ready} placeholder={placeholder} onChoose={onChoose} />
      {status && (
        <span className="ls-xy-chooser-status" role={state === 'failed' ? 'alert' : 'status'}>
          {status}
          {state === 'failed' && onRetry && (
            <button type="button" className="ls-retry" onClick={onRetry}>
              Retry
            </button>
          )}
        </span>
      )}
      {ready &&
        lost.map((axis) => (
          <span key={axis} className="ls-xy-chooser-status" role="status" data-kind="missing">
            {axis.toUpperCase()} was {missing[axis]}, which this track no longer has
          </span>
        ))}
    </div>
  );
});
