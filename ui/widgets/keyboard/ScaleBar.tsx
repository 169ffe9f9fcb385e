/**
 * Above the keys: the octave (down, the range shown, up) and the scale
 * (root, scale, what becomes of keys out of it). Native controls, so a
 * tablet shows its own pickers and a screen reader knows them.
 */
import { memo } from 'react';
import {
  HIGHEST_OCTAVE,
  LOWEST_OCTAVE,
  PITCH_CLASSES,
  SCALES,
  SCALE_NAMES,
  noteName,
  type ScaleMode,
  type ScaleName,
} from '../../../machines/scales';

/** The octave, the range shown and the scale, with their callbacks. */
export interface ScaleBarProps {
  octave: number;
  /** The first and last notes shown. */
  range: readonly [number, number];
  root: number;
  scale: ScaleName;
  scaleMode: ScaleMode;
  /** Whether the root and scale follow the set's (Live's scale). */
  followSong?: boolean;
  onOctave?: (delta: number) => void;
  onScale?: (root: number, scale: ScaleName) => void;
  onScaleMode?: (mode: ScaleMode) => void;
  /** Follow the set's scale, or stop; absent, the toggle is not shown. */
  onFollowSong?: (on: boolean) => void;
}

const MODE_LABELS: Record<ScaleMode, string> = { dim: 'Dim', hide: 'Hide' };

/** Octave buttons and the root, scale and scale-mode pickers. */
export const ScaleBar = memo(function ScaleBar({
  octave,
  range,
  root,
  scale,
  scaleMode,
  followSong = false,
  onOctave,
  onScale,
  onScaleMode,
  onFollowSong,
}: ScaleBarProps) {
  return (
    <div className="ls-scale-bar">
      <div className="ls-octave" role="group" aria-label="Octave">
        <button
          type="button"
          className="ls-tool ls-keyboard-button"
          aria-label="Octave down"
          disabled={octave <= LOWEST_OCTAVE}
          onClick={() => onOctave?.(-1)}
        >
          −
        </button>
        <output className="ls-octave-range ls-number" aria-live="polite" aria-label="Keys shown">
          {noteName(range[0])}–{noteName(range[1])}
        </output>
        <button
          type="button"
          className="ls-tool ls-keyboard-button"
          aria-label="Octave up"
          disabled={octave >= HIGHEST_OCTAVE}
          onClick={() => onOctave?.(1)}
        >
          +
        </button>
      </div>
      {onFollowSong && (
        <button
          type="button"
          className="ls-tool ls-keyboard-button ls-keyboard-toggle"
          aria-pressed={followSong}
          title="Root and scale follow the set's scale in Live"
          onClick={() => onFollowSong(!followSong)}
        >
          Song scale
        </button>
      )}
      <select
        className="ls-tool ls-keyboard-select"
        aria-label="Root"
        value={root}
        onChange={(event) => onScale?.(Number(event.target.value), scale)}
      >
        {PITCH_CLASSES.map((name, index) => (
          <option key={name} value={index}>
            {name}
          </option>
        ))}
      </select>
      <select
        className="ls-tool ls-keyboard-select"
        aria-label="Scale"
        value={scale}
        onChange={(event) => onScale?.(root, event.target.value as ScaleName)}
      >
        {SCALE_NAMES.map((name) => (
          <option key={name} value={name}>
            {SCALES[name].label}
          </option>
        ))}
      </select>
      <select
        className="ls-tool ls-keyboard-select"
        aria-label="Keys out of the scale"
        value={scaleMode}
        disabled={scale === 'chromatic'}
        onChange={(event) => onScaleMode?.(event.target.value as ScaleMode)}
      >
        {(Object.keys(MODE_LABELS) as ScaleMode[]).map((mode) => (
          <option key={mode} value={mode}>
            {MODE_LABELS[mode]} out of scale
          </option>
        ))}
      </select>
    </div>
  );
});
