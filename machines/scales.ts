/**
 * Scales and note names as Live shows them: Live calls middle C (MIDI 60)
 * "C3", so note 0 is C-2 and note 127 is G8. Scale names are Live 12's
 * (`Song.scale_name`), so a keyboard could follow the set's own scale.
 */

/** The scales a keyboard offers, each as semitones above its root. */
export const SCALES = {
  major: { label: 'Major', intervals: [0, 2, 4, 5, 7, 9, 11] },
  minor: { label: 'Minor', intervals: [0, 2, 3, 5, 7, 8, 10] },
  dorian: { label: 'Dorian', intervals: [0, 2, 3, 5, 7, 9, 10] },
  mixolydian: { label: 'Mixolydian', intervals: [0, 2, 4, 5, 7, 9, 10] },
  lydian: { label: 'Lydian', intervals: [0, 2, 4, 6, 7, 9, 11] },
  phrygian: { label: 'Phrygian', intervals: [0, 1, 3, 5, 7, 8, 10] },
  locrian: { label: 'Locrian', intervals: [0, 1, 3, 5, 6, 8, 10] },
  harmonicMinor: { label: 'Harmonic Minor', intervals: [0, 2, 3, 5, 7, 8, 11] },
  melodicMinor: { label: 'Melodic Minor', intervals: [0, 2, 3, 5, 7, 9, 11] },
  majorPentatonic: { label: 'Major Pentatonic', intervals: [0, 2, 4, 7, 9] },
  minorPentatonic: { label: 'Minor Pentatonic', intervals: [0, 3, 5, 7, 10] },
  minorBlues: { label: 'Minor Blues', intervals: [0, 3, 5, 6, 7, 10] },
  wholeTone: { label: 'Whole Tone', intervals: [0, 2, 4, 6, 8, 10] },
  chromatic: { label: 'Chromatic', intervals: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11] },
} as const satisfies Record<string, { label: string; intervals: readonly number[] }>;

/** A scale the keyboard offers, by its key in `SCALES`. */
export type ScaleName = keyof typeof SCALES;

/** Every scale, in the order a picker lists them. */
export const SCALE_NAMES = Object.keys(SCALES) as ScaleName[];

/** What becomes of keys outside the scale: shown dimmed, or left out. */
export type ScaleMode = 'dim' | 'hide';

/** Both scale modes, for pickers and controls. */
export const SCALE_MODES: readonly ScaleMode[] = ['dim', 'hide'];

/** The twelve note names from C, with sharps as Live writes them. */
export const PITCH_CLASSES = ['C', 'C#', 'D', 'D#', 'E', 'F', 'F#', 'G', 'G#', 'A', 'A#', 'B'] as const;

/** MIDI's note range. */
export const LOWEST_NOTE = 0;
/** The highest MIDI note. */
export const HIGHEST_NOTE = 127;

/** Live's octave numbering: C-2 is note 0, C3 is note 60. */
export const LOWEST_OCTAVE = -2;
/** The highest octave in Live's numbering. */
export const HIGHEST_OCTAVE = 8;

/** Whether a number is a MIDI note (a whole number, 0..127). */
export const isNote = (note: number): boolean => Number.isInteger(note) && note >= LOWEST_NOTE && note <= HIGHEST_NOTE;

/** A note's place in its octave, 0 (C) .. 11 (B), for any note, negative ones too. */
export const pitchClass = (note: number): number => ((note % 12) + 12) % 12;

/** The octave a note sits in, as Live numbers them. */
export const octaveOf = (note: number): number => Math.floor(note / 12) + LOWEST_OCTAVE;

/** The first note (a C) of an octave as Live numbers them. */
export const octaveStart = (octave: number): number => (octave - LOWEST_OCTAVE) * 12;

/** A note's name as Live shows it: 60 is "C3", 61 "C#3". */
export const noteName = (note: number): string => `${PITCH_CLASSES[pitchClass(note)]}${octaveOf(note)}`;

/** Whether a note is one of the black keys of a piano. */
export const isBlackKey = (note: number): boolean => [1, 3, 6, 8, 10].includes(pitchClass(note));

/** Whether a note is in `scale` on `root` (a pitch class), in any octave. */
export function inScale(note: number, root: number, scale: ScaleName): boolean {
  return (SCALES[scale].intervals as readonly number[]).includes(pitchClass(note - root));
}

/** Whether a note is the scale's root, in any octave. */
export const isRoot = (note: number, root: number): boolean => pitchClass(note) === pitchClass(root);

/** The scale offered with these intervals above the root (Live's `Song.scale_intervals`), or null when none is. */
export function scaleOfIntervals(intervals: readonly number[]): ScaleName | null {
  const steps = [...new Set(intervals.map(pitchClass))].sort((a, b) => a - b);
  return (
    SCALE_NAMES.find(
      (name) =>
        SCALES[name].intervals.length === steps.length &&
        SCALES[name].intervals.every((step, index) => step === steps[index]),
    ) ?? null
  );
}
