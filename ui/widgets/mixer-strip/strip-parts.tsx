/**
 * What a strip's controls share, whether they are pure views (stories,
 * tests) or follow actors (`TrackStrip`): their names, the unity-gain mark,
 * and the placeholders a strip shows before its track has its mixer.
 */
import { Fader } from '../fader/Fader';
import { Knob } from '../knob/Knob';

/** Live's track volume at 0 dB. */
export const UNITY_GAIN = 0.85;

/** Where the volume fader's groove is marked. */
export const VOLUME_MARKS: readonly number[] = [UNITY_GAIN];

/** The volume fader's accessible name (the strip's group names the track). */
export const VOLUME_LABEL = 'Volume';
/** The pan knob's name. */
export const PAN_LABEL = 'Pan';

/** A send's name: the letter of the return track it feeds, as Live labels it. */
export const sendLabel = (index: number): string => `Send ${String.fromCharCode(65 + index)}`;

/** The volume fader while the track has not spawned its volume parameter yet. */
export function LoadingVolume() {
  return <Fader label={VOLUME_LABEL} value={0} state="loading" marks={VOLUME_MARKS} />;
}

/** The pan knob, or a send's, while the track has not spawned its parameter yet. */
export function LoadingKnob({ label, size }: { label: string; size: 'small' | 'medium' }) {
  return <Knob label={label} value={0} min={label === PAN_LABEL ? -1 : 0} max={1} state="loading" size={size} />;
}
